package com.focusracer.photos;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.core.env.Environment;

import static org.awaitility.Awaitility.await;

/**
 * The application as its own operating-system process (a node), on the test JVM's
 * database: started from the test class path, killed with SIGKILL or stopped.
 */
public final class AppNode {

	private static final Pattern RESULT = Pattern.compile(
			"\"fileName\":\"([^\"]+)\",\"outcome\":\"(ACCEPTED|DUPLICATE|REJECTED)\",\"photoId\":(?:\"([^\"]+)\"|null)");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final Process process;

	final int port;

	private AppNode(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a node and waits until it is up.
	 * @param name its name, in its log's
	 * @param environment the test context's (for its database)
	 * @param arguments more {@code --name=value} settings
	 * @return the node
	 * @throws Exception when it does not start
	 */
	public static AppNode start(String name, Environment environment, String... arguments) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String classpath = Stream
			.of(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		Path log = Path.of("target", name + "-" + port + ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						classpath, "com.focusracer.FocusRacerApplication", "--server.port=" + port,
						"--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
						"--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
						"--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=8",
						"--focusracer.workers.polling-interval=300ms", "--focusracer.workers.heartbeat-interval=1s",
						"--focusracer.workers.missed-heartbeats=4", "--logging.level.root=WARN",
						"--logging.level.com.focusracer=INFO"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("The application died at start; see " + log);
			}
			try {
				return HTTP
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
							HttpResponse.BodyHandlers.ofString())
					.body()
					.contains("\"UP\"");
			}
			catch (IOException ex) {
				return false;
			}
		});
		return new AppNode(process, port);
	}

	/**
	 * The node's address.
	 * @param path a path
	 * @return its URI on this node
	 */
	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Uploads one file through the API as a tool would.
	 * @param eventId the event
	 * @param token an API token
	 * @param fileName the file's name
	 * @param bytes its bytes
	 * @return what the node answered (outcome and photo id), empty when it did not answer
	 * (it died)
	 * @throws InterruptedException when interrupted
	 */
	public Optional<Upload> upload(UUID eventId, String token, String fileName, byte[] bytes)
			throws InterruptedException {
		String boundary = "----focus" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/events/" + eventId + "/photos"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, bytes, tail)))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher matcher = RESULT.matcher(response.body());
			if (response.statusCode() == 200 && matcher.find()) {
				return Optional.of(new Upload(matcher.group(2), matcher.group(3)));
			}
			throw new IllegalStateException("Upload answered " + response.statusCode() + ": " + response.body());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Kills the node with SIGKILL ({@code destroyForcibly} on Linux): no shutdown hook,
	 * no cleanup.
	 * @throws InterruptedException when interrupted
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * Stops the node as an operator would (SIGTERM), or kills it after a minute.
	 * @throws InterruptedException when interrupted
	 */
	public void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			kill();
		}
	}

	/**
	 * What a node answered to an upload.
	 *
	 * @param outcome {@code ACCEPTED}, {@code DUPLICATE} or {@code REJECTED}
	 * @param photoId the photo's id, null when rejected
	 */
	public record Upload(String outcome, String photoId) {
	}

}
