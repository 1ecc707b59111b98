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
	 * A browser of this node: its own cookies (so its own session on this node).
	 * @return a browser that has not signed in yet
	 */
	public Browser browser() {
		return new Browser(this);
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
	 * A browser's HTTP conversation with one node: cookies kept, the CSRF token of its
	 * pages sent back as the pages' scripts do.
	 */
	public static final class Browser {

		private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

		private final AppNode node;

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.connectTimeout(Duration.ofSeconds(2))
			.build();

		private String csrf;

		private Browser(AppNode node) {
			this.node = node;
		}

		/**
		 * Signs in through the login form.
		 * @param email the account's e-mail
		 * @param password its password
		 * @return this browser
		 * @throws Exception when the login page does not answer or the login is refused
		 */
		public Browser logIn(String email, String password) throws Exception {
			String page = get("/login").body();
			Matcher token = CSRF_FIELD.matcher(page);
			if (!token.find()) {
				throw new IllegalStateException("No CSRF field on the login page");
			}
			String form = "username=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
					+ java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.node.uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			String landing = response.headers().firstValue("Location").orElse("");
			if (response.statusCode() != 302 || landing.contains("error") || landing.contains("login")) {
				throw new IllegalStateException("Login refused: " + response.statusCode() + " " + landing);
			}
			return this;
		}

		/**
		 * Opens a page and keeps its CSRF token for the requests its scripts make.
		 * @param path the page
		 * @return the answer
		 * @throws Exception when it does not answer
		 */
		public HttpResponse<String> get(String path) throws Exception {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.node.uri(path)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher meta = CSRF_META.matcher(response.body());
			if (meta.find()) {
				this.csrf = meta.group(1);
			}
			return response;
		}

		/**
		 * Sends a request as a page's script does (with the page's CSRF token).
		 * @param method the method
		 * @param path the path
		 * @param contentType the body's type
		 * @param body the body
		 * @param headers more headers, name then value
		 * @return the answer
		 * @throws Exception when it does not answer
		 */
		public HttpResponse<String> send(String method, String path, String contentType, byte[] body, String... headers)
				throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.node.uri(path))
				.header("X-CSRF-TOKEN", this.csrf)
				.header("Content-Type", contentType)
				.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		/**
		 * Opens a Server-Sent Events stream and hands each {@code data:} line over.
		 * @param path the stream
		 * @param data what to do with each line
		 * @throws Exception when the stream does not open within 10 seconds
		 */
		public void listen(String path, java.util.function.Consumer<String> data) throws Exception {
			java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
			this.http
				.sendAsync(HttpRequest.newBuilder(this.node.uri(path)).header("Accept", "text/event-stream").build(),
						HttpResponse.BodyHandlers.ofLines())
				.thenAccept((response) -> {
					open.countDown();
					try (Stream<String> lines = response.body()) {
						lines.filter((line) -> line.startsWith("data:")).forEach(data);
					}
				});
			if (!open.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The stream " + path + " did not open");
			}
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
