package com.focusracer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import com.focusracer.accounts.ProProfile;
import com.focusracer.events.StartLists;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriUtils;

/**
 * Load test of the public search: generates an event of 20,000 published photos and 5,000
 * runners, then sends searches by bib and by name at a constant rate (200 per second by
 * default, open loop: each request is timed from the moment it was due, so a slow server
 * cannot hide its queue) and prints the latency percentiles.
 *
 * <pre>
 * java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *   com.focusracer.bench.SearchLoadBench [rate] [seconds] [photos] [runners]
 * </pre>
 */
public final class SearchLoadBench {

	private static final String[] FIRST = { "Jérôme", "Léa", "Zoé", "Camille", "Lucas", "Hugo", "Chloé", "Inès",
			"Louis", "Manon", "Théo", "Emma", "Nathan", "Jade", "Gabriel", "Louise", "Arthur", "Alice", "Jules", "Lina",
			"Raphaël", "Rose", "Adam", "Anna", "Maël", "Mila", "Noé", "Julia", "Paul", "Ambre", "Élodie", "François",
			"Hélène", "Sébastien", "Cécile", "Benoît", "Agnès", "Rémi", "Maëlle", "Loïc" };

	private static final String[] LAST = { "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
			"Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
			"Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet",
			"François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
			"Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine",
			"Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly",
			"Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand",
			"Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin",
			"Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal",
			"Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre",
			"Dupuis" };

	private SearchLoadBench() {
	}

	public static void main(String[] args) throws Exception {
		int rate = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 60;
		int photoCount = (args.length > 2) ? Integer.parseInt(args[2]) : 20_000;
		int runnerCount = (args.length > 3) ? Integer.parseInt(args[3]) : 5_000;
		try (BenchApp app = BenchApp.start(ProProfile.ORGANIZER)) {
			Random random = new Random(42);
			List<String[]> runners = generate(app, random, photoCount, runnerCount);
			String base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port")
					+ "/api/v1/public/events/" + app.event().slug() + "/photos?";
			HttpClient client = HttpClient.newBuilder()
				.executor(Executors.newFixedThreadPool(4))
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			System.out.println("search address: " + base + "bib=1");
			Thread.sleep(Long.getLong("bench.hold", 0L) * 1000);
			if (Boolean.getBoolean("bench.direct")) {
				direct(app, runners);
			}
			sequential(client, base, runners);
			System.out.println("warm-up: 15 s at " + rate / 2 + " requests/s");
			run(client, base, runners, rate / 2, 15, new Random(1));
			System.out.println("measure: " + seconds + " s at " + rate + " requests/s (70 % bib, 30 % name)");
			Result result = run(client, base, runners, rate, seconds, new Random(2));
			for (String kind : List.of("bib", "name", "all")) {
				Histogram h = result.histogram(kind);
				System.out.printf("%-4s n=%6d  p50=%6.1f ms  p95=%6.1f ms  p99=%6.1f ms  max=%7.1f ms%n", kind,
						h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(95) / 1e3,
						h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
			}
			System.out.printf("errors=%d achieved=%.1f requests/s%n", result.errors(), result.achievedRate());
		}
	}

	private static List<String[]> generate(BenchApp app, Random random, int photoCount, int runnerCount)
			throws Exception {
		long start = System.nanoTime();
		StringBuilder csv = new StringBuilder("Dossard;Nom;Prénom;Catégorie;Club;E-mail\n");
		List<String[]> runners = new ArrayList<>();
		for (int bib = 1; bib <= runnerCount; bib++) {
			String first = FIRST[random.nextInt(FIRST.length)];
			String last = LAST[random.nextInt(LAST.length)];
			runners.add(new String[] { Integer.toString(bib), first, last });
			csv.append(bib).append(';').append(last).append(';').append(first).append(";SEM;;\n");
		}
		app.bean(StartLists.class)
			.importFile(app.event().id(), app.ownerId(), csv.toString().getBytes(StandardCharsets.UTF_8), false);
		JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
		Instant raceStart = Instant.now().minus(Duration.ofHours(5));
		List<Object[]> photos = new ArrayList<>();
		List<Object[]> links = new ArrayList<>();
		for (int i = 0; i < photoCount; i++) {
			UUID id = UUID.randomUUID();
			photos.add(new Object[] { id, app.event().id(), app.ownerId(), "IMG_" + i + ".JPG",
					UUID.randomUUID().toString(), "bench/original/" + id, "bench/web/" + id, "bench/preview/" + id,
					Timestamp.from(raceStart.plusMillis(random.nextInt(4 * 3600 * 1000))) });
			int bibs = 1 + random.nextInt(3);
			for (int b = 0; b < bibs; b++) {
				links.add(new Object[] { id, app.event().id(), Integer.toString(1 + random.nextInt(runnerCount)) });
			}
		}
		jdbc.batchUpdate("""
				insert into photo (id, event_id, uploader_id, file_name, sha256, size_bytes, format, width, height,
				                   status, original_key, web_key, preview_key, taken_at)
				values (?, ?, ?, ?, ?, 12000000, 'JPEG', 6000, 4000, 'PUBLISHED', ?, ?, ?, ?)""", photos);
		jdbc.batchUpdate("""
				insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, ?, 'OCR', 0.95)
				on conflict do nothing""", links);
		// As a database that has lived with this event would be: vacuumed, analysed,
		// checkpointed (else autovacuum and the checkpointer run during the measure).
		jdbc.execute("vacuum analyze photo");
		jdbc.execute("vacuum analyze photo_link");
		jdbc.execute("checkpoint");
		System.out.printf("generated %d photos, %d links, %d runners in %.1f s%n", photoCount, links.size(),
				runnerCount, (System.nanoTime() - start) / 1e9);
		return runners;
	}

	/** The search without HTTP, to tell the web layer's cost from the search's. */
	private static void direct(BenchApp app, List<String[]> runners) {
		com.focusracer.gallery.Gallery gallery = app.bean(com.focusracer.gallery.Gallery.class);
		com.focusracer.events.Event event = gallery.event(app.event().slug(), null).orElseThrow();
		Random random = new Random(4);
		for (int round = 0; round < 3; round++) {
			long start = System.nanoTime();
			for (int i = 0; i < 300; i++) {
				gallery.byBib(event, runners.get(random.nextInt(runners.size()))[0], 0);
			}
			long bib = System.nanoTime() - start;
			start = System.nanoTime();
			for (int i = 0; i < 300; i++) {
				gallery.byName(event, runners.get(random.nextInt(runners.size()))[2].toLowerCase(), 0);
			}
			System.out.printf("direct: bib %.2f ms, name %.2f ms each%n", bib / 300e6,
					(System.nanoTime() - start) / 300e6);
		}
	}

	/** One request at a time: the service time without queueing. */
	private static void sequential(HttpClient client, String base, List<String[]> runners) throws Exception {
		Random random = new Random(3);
		for (String kind : List.of("bib", "name")) {
			Histogram histogram = new Histogram(3);
			for (int i = 0; i < 300; i++) {
				String[] runner = runners.get(random.nextInt(runners.size()));
				String query = "bib".equals(kind) ? "bib=" + runner[0]
						: "name=" + UriUtils.encode(runner[2].toLowerCase(), StandardCharsets.UTF_8);
				long start = System.nanoTime();
				client.send(HttpRequest.newBuilder(URI.create(base + query)).build(),
						HttpResponse.BodyHandlers.discarding());
				histogram.recordValue((System.nanoTime() - start) / 1000);
			}
			System.out.printf("one at a time, %-4s p50=%6.1f ms  p95=%6.1f ms%n", kind,
					histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(95) / 1e3);
		}
	}

	private record Result(Histogram bib, Histogram name, int errors, double achievedRate) {

		Histogram histogram(String kind) {
			if ("bib".equals(kind)) {
				return this.bib;
			}
			if ("name".equals(kind)) {
				return this.name;
			}
			Histogram all = this.bib.copy();
			all.add(this.name);
			return all;
		}

	}

	/**
	 * Sends the requests at a constant rate over 16 kept-alive connections (plain
	 * HTTP/1.1 on sockets: a load generator on the same two cores must cost little).
	 */
	private static Result run(HttpClient unused, String base, List<String[]> runners, int rate, int seconds,
			Random random) throws Exception {
		URI uri = URI.create(base);
		Recorder bib = new Recorder(3);
		Recorder name = new Recorder(3);
		AtomicInteger errors = new AtomicInteger();
		long intervalNanos = 1_000_000_000L / rate;
		int total = rate * seconds;
		java.util.concurrent.BlockingQueue<long[]> queue = new java.util.concurrent.LinkedBlockingQueue<>();
		List<String> paths = new ArrayList<>();
		boolean[] byName = new boolean[total];
		for (int i = 0; i < total; i++) {
			String[] runner = runners.get(random.nextInt(runners.size()));
			byName[i] = random.nextInt(10) < 3;
			if (byName[i]) {
				String last = runner[2];
				String typed = random.nextBoolean() ? last.toLowerCase() : last + " " + runner[1].charAt(0);
				paths.add(uri.getRawPath() + "?name=" + UriUtils.encode(typed, StandardCharsets.UTF_8));
			}
			else {
				paths.add(uri.getRawPath() + "?bib=" + runner[0]);
			}
		}
		java.util.concurrent.atomic.AtomicLongArray slowest = new java.util.concurrent.atomic.AtomicLongArray(
				seconds + 1);
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < 16; w++) {
			Thread worker = new Thread(() -> {
				java.net.Socket socket = null;
				try {
					while (true) {
						long[] job = queue.take();
						if (job[0] < 0) {
							return;
						}
						int i = (int) job[1];
						try {
							if (socket == null || socket.isClosed()) {
								socket = new java.net.Socket(uri.getHost(), uri.getPort());
								socket.setTcpNoDelay(true);
							}
							int status = get(socket, uri, paths.get(i));
							if (status != 200) {
								errors.incrementAndGet();
							}
						}
						catch (java.io.IOException ex) {
							// The server closes kept-alive connections now and then: once
							// more on a new one.
							try {
								socket = new java.net.Socket(uri.getHost(), uri.getPort());
								socket.setTcpNoDelay(true);
								if (get(socket, uri, paths.get(i)) != 200) {
									errors.incrementAndGet();
								}
							}
							catch (java.io.IOException again) {
								errors.incrementAndGet();
								socket = null;
							}
						}
						// Timed from when the request was due, not when it left.
						long micros = Math.max(1, (System.nanoTime() - job[0]) / 1000);
						(byName[i] ? name : bib).recordValue(micros);
						int second = i / rate;
						slowest.accumulateAndGet(second, micros, Math::max);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			worker.start();
			workers.add(worker);
		}
		long begin = System.nanoTime();
		for (int i = 0; i < total; i++) {
			long due = begin + i * intervalNanos;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				java.util.concurrent.locks.LockSupport.parkNanos(wait);
			}
			queue.add(new long[] { due, i });
		}
		for (int w = 0; w < workers.size(); w++) {
			queue.add(new long[] { -1, -1 });
		}
		for (Thread worker : workers) {
			worker.join();
		}
		double elapsed = (System.nanoTime() - begin) / 1e9;
		if (Boolean.getBoolean("bench.seconds")) {
			StringBuilder line = new StringBuilder("slowest per second (ms):");
			for (int second = 0; second < seconds; second++) {
				line.append(' ').append(slowest.get(second) / 1000);
			}
			System.out.println(line);
		}
		return new Result(bib.getIntervalHistogram(), name.getIntervalHistogram(), errors.get(), total / elapsed);
	}

	/**
	 * One GET on a kept-alive connection; reads the whole answer and returns its status.
	 */
	private static int get(java.net.Socket socket, URI uri, String path) throws java.io.IOException {
		socket.getOutputStream()
			.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
					+ "\r\nAccept: application/json\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		java.io.InputStream in = socket.getInputStream();
		String statusLine = line(in);
		int length = -1;
		boolean chunked = false;
		String header;
		while (!(header = line(in)).isEmpty()) {
			String lower = header.toLowerCase(java.util.Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(lower.substring(15).strip());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
		}
		if (chunked) {
			int size;
			while ((size = Integer.parseInt(line(in).strip(), 16)) > 0) {
				in.readNBytes(size + 2);
			}
			line(in);
		}
		else if (length > 0) {
			in.readNBytes(length);
		}
		return Integer.parseInt(statusLine.split(" ")[1]);
	}

	private static String line(java.io.InputStream in) throws java.io.IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		if (c == -1 && line.isEmpty()) {
			throw new java.io.EOFException("connection closed");
		}
		return line.toString();
	}

}
