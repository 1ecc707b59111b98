package com.focusracer.photos;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.awaitility.Awaitility.await;

/**
 * Adobe S3Mock, a real S3-protocol server, run as its own process (one per test JVM) from
 * the jar the build copies to {@code target/s3mock}. The bucket {@code photos} exists
 * from the start.
 */
public final class S3Mock {

	public static final String BUCKET = "photos";

	private static URI endpoint;

	private S3Mock() {
	}

	public static synchronized URI endpoint() throws IOException {
		if (endpoint == null) {
			Path jar = Path.of("target", "s3mock", "s3mock.jar");
			if (!Files.exists(jar)) {
				throw new IllegalStateException(
						"S3Mock is missing: run the tests through Maven (mvn verify), which copies it to " + jar);
			}
			// A free port found here may be taken by another server of the tests before
			// S3Mock binds it: then S3Mock dies at start, and is started again on other
			// ports. Every attempt's output stays in the log.
			Path log = Path.of("target", "s3mock.log");
			Files.deleteIfExists(log);
			for (int attempt = 1; endpoint == null; attempt++) {
				endpoint = start(jar, log);
				if (endpoint == null && attempt == STARTS) {
					throw new IllegalStateException("S3Mock died at start " + STARTS + " times; see " + log);
				}
			}
		}
		return endpoint;
	}

	/** How many times S3Mock is started before the tests give up. */
	private static final int STARTS = 3;

	/** Starts S3Mock once: its endpoint, or {@code null} when it died at start. */
	private static URI start(Path jar, Path log) throws IOException {
		int http = freePort();
		int https = freePort();
		Path root = Files.createTempDirectory("s3mock");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-jar", jar.toString(), "--com.adobe.testing.s3mock.http-port=" + http,
				"--server.port=" + https, "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
				"--com.adobe.testing.s3mock.store.root=" + root, "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		URI uri = URI.create("http://127.0.0.1:" + http);
		HttpClient client = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
			if (!process.isAlive()) {
				return true;
			}
			try {
				return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		if (!process.isAlive()) {
			return null;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		return uri;
	}

	public static S3Properties properties() throws IOException {
		return new S3Properties(endpoint(), "us-east-1", BUCKET, true, "test-access", "test-secret");
	}

	/**
	 * A client of the mock, for what tests check behind the store's back.
	 * @return a client to close
	 * @throws IOException when the mock cannot start
	 */
	public static S3Client client() throws IOException {
		return S3Client.builder()
			.endpointOverride(endpoint())
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access", "test-secret")))
			.build();
	}

	/**
	 * The multipart uploads in progress under a prefix.
	 * @param s3 a client
	 * @param prefix the prefix of their keys
	 * @return their ids
	 */
	public static List<String> multipartUploads(S3Client s3, String prefix) {
		return s3.listMultipartUploads((request) -> request.bucket(BUCKET).prefix(prefix))
			.uploads()
			.stream()
			.map(MultipartUpload::uploadId)
			.toList();
	}

	/**
	 * The sizes of the parts of a multipart upload in progress.
	 * @param s3 a client
	 * @param key the upload's key
	 * @param uploadId its id
	 * @return the sizes, in order
	 */
	public static List<Long> partSizes(S3Client s3, String key, String uploadId) {
		return s3.listParts((request) -> request.bucket(BUCKET).key(key).uploadId(uploadId))
			.parts()
			.stream()
			.map(Part::size)
			.toList();
	}

	/**
	 * The keys under a prefix.
	 * @param s3 a client
	 * @param prefix the prefix
	 * @return the keys
	 */
	public static List<String> keys(S3Client s3, String prefix) {
		return s3.listObjectsV2((request) -> request.bucket(BUCKET).prefix(prefix))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
