package com.focusracer.recognition;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.focusracer.photos.AnalysisImages;
import com.focusracer.recognition.internal.FaceModels;

/**
 * The evaluation commands of the shipped jar, run without starting the application: <pre>
 * java -jar focus-racer.jar eval bibs --dataset DIR [--start-list labels] [--out FILE]
 * java -jar focus-racer.jar eval faces --pairs FILE
 * </pre> Bibs go through the production code: the analysis image the {@code derive} stage
 * makes, then {@link BibReader} with the production settings, photos in parallel on one
 * thread each like the pipeline's workers.
 */
public final class Evaluation {

	private final PrintStream out;

	private Evaluation(PrintStream out) {
		this.out = out;
	}

	/**
	 * Runs an evaluation command.
	 * @param args {@code bibs ...} or {@code faces ...} (without the leading
	 * {@code eval})
	 * @param out where to print
	 * @return the exit status
	 */
	public static int run(String[] args, PrintStream out) {
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			if (args[i].startsWith("--")) {
				options.put(args[i].substring(2),
						(i + 1 < args.length && !args[i + 1].startsWith("--")) ? args[++i] : "");
			}
		}
		Evaluation evaluation = new Evaluation(out);
		if (options.containsKey("start-list") && !"labels".equals(options.get("start-list"))) {
			out.println(
					"error: --start-list takes the word 'labels' (the bibs of labels.csv make the start list), not '"
							+ options.get("start-list") + "'");
			out.flush();
			return 2;
		}
		try {
			if (args.length > 0 && args[0].equals("bibs") && options.containsKey("dataset")) {
				evaluation.bibs(Path.of(options.get("dataset")), "labels".equals(options.get("start-list")),
						options.containsKey("out") ? Path.of(options.get("out")) : null,
						intOption(options, "threads", Runtime.getRuntime().availableProcessors()),
						intOption(options, "detector-short-side", BibReader.Settings.DEFAULTS.detectorShortSide()));
				return 0;
			}
			if (args.length > 0 && args[0].equals("faces") && options.containsKey("pairs")) {
				evaluation.faces(Path.of(options.get("pairs")));
				return 0;
			}
		}
		catch (IOException | RuntimeException ex) {
			out.println("error: " + ex.getMessage());
			return 1;
		}
		finally {
			out.flush();
		}
		out.println("""
				usage: eval bibs --dataset DIR [--start-list labels] [--out FILE] [--threads N]
				                 [--detector-short-side PX (default 1024, as production)]
				       eval faces --pairs FILE
				  DIR/labels.csv: file,bibs (bibs separated by spaces, files relative to DIR)
				  FILE (faces): file_a,file_b,same (files relative to FILE's folder, same = 1/0 or true/false)""");
		return 2;
	}

	private static int intOption(Map<String, String> options, String name, int fallback) {
		try {
			return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + options.get(name) + "'");
		}
	}

	private record Labelled(String file, Set<String> bibs) {
	}

	private record Outcome(String file, Set<String> expected, List<BibRead> reads, String error) {
	}

	void bibs(Path dataset, boolean startListFromLabels, Path outFile, int threads, int detectorShortSide)
			throws IOException {
		List<Labelled> labelled = new ArrayList<>();
		if (!Files.isRegularFile(dataset.resolve("labels.csv"))) {
			throw new IllegalArgumentException("no labels.csv in " + dataset
					+ ": the dataset needs a labels.csv with lines 'file,bibs' (bibs separated by spaces)");
		}
		List<String> lines = Files.readAllLines(dataset.resolve("labels.csv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split(",", 2);
			Set<String> bibs = new LinkedHashSet<>();
			if (parts.length > 1) {
				Arrays.stream(parts[1].trim().split("\\s+"))
					.filter((b) -> !b.isBlank())
					.map((b) -> b.toUpperCase(Locale.ROOT))
					.forEach(bibs::add);
			}
			labelled.add(new Labelled(parts[0].trim(), bibs));
		}
		Set<String> startList = startListFromLabels
				? labelled.stream().flatMap((l) -> l.bibs().stream()).collect(Collectors.toSet()) : Set.of();
		long start = System.nanoTime();
		List<Outcome> outcomes = new ArrayList<>();
		BibReader.Settings d = BibReader.Settings.DEFAULTS;
		BibReader.Settings settings = new BibReader.Settings(d.minimumConfidence(), d.startListConfidence(),
				d.relativeHeight(), detectorShortSide);
		try (BibReader reader = new BibReader(1, settings)) {
			ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
			List<Future<Outcome>> futures = new ArrayList<>();
			for (Labelled image : labelled) {
				futures.add(pool.submit(() -> {
					try {
						BufferedImage analysis = ImageIO
							.read(new ByteArrayInputStream(AnalysisImages.of(dataset.resolve(image.file()))));
						return new Outcome(image.file(), image.bibs(), reader.read(analysis, startList), null);
					}
					catch (IOException | RuntimeException ex) {
						return new Outcome(image.file(), image.bibs(), List.of(), String.valueOf(ex.getMessage()));
					}
				}));
			}
			for (Future<Outcome> future : futures) {
				outcomes.add(future.get());
			}
			pool.shutdown();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Evaluation failed: " + ex.getMessage(), ex);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int truePositives = 0;
		int falsePositives = 0;
		int falseNegatives = 0;
		PrintWriter csv = (outFile != null) ? new PrintWriter(Files.newBufferedWriter(outFile, StandardCharsets.UTF_8))
				: null;
		if (csv != null) {
			csv.println("file,expected,read,true_positives,false_positives,false_negatives,details,error");
		}
		for (Outcome outcome : outcomes) {
			Set<String> read = outcome.reads()
				.stream()
				.filter(BibRead::accepted)
				.map(BibRead::bib)
				.collect(Collectors.toCollection(TreeSet::new));
			int tp = (int) read.stream().filter(outcome.expected()::contains).count();
			int fp = read.size() - tp;
			int fn = (int) outcome.expected().stream().filter((b) -> !read.contains(b)).count();
			truePositives += tp;
			falsePositives += fp;
			falseNegatives += fn;
			if (csv != null) {
				String details = outcome.reads()
					.stream()
					.map((r) -> r.bib() + ":" + r.kind() + ":" + String.format(Locale.ROOT, "%.3f", r.confidence())
							+ (r.readAs().equals(r.bib()) ? "" : ":read " + r.readAs()))
					.collect(Collectors.joining(" "));
				csv.println(String.join(",", outcome.file(), String.join(" ", outcome.expected()),
						String.join(" ", read), Integer.toString(tp), Integer.toString(fp), Integer.toString(fn),
						details, (outcome.error() != null) ? outcome.error().replace(',', ';') : ""));
			}
		}
		if (csv != null) {
			csv.close();
		}
		double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
		double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
		double f1 = (precision + recall > 0) ? 2 * precision * recall / (precision + recall) : 0;
		this.out.printf(Locale.ROOT,
				"precision=%.3f recall=%.3f f1=%.3f images=%d seconds=%.1f images_per_second=%.2f%n", precision, recall,
				f1, outcomes.size(), seconds, outcomes.size() / seconds);
	}

	void faces(Path pairsFile) throws IOException {
		Path folder = (pairsFile.toAbsolutePath().getParent() != null) ? pairsFile.toAbsolutePath().getParent()
				: Path.of(".");
		List<String[]> pairs = new ArrayList<>();
		for (String line : Files.readAllLines(pairsFile, StandardCharsets.UTF_8)) {
			String[] parts = line.split(",");
			if (parts.length < 3 || parts[2].trim().equalsIgnoreCase("same")) {
				continue;
			}
			pairs.add(parts);
		}
		FaceModels models = FaceModels.load(null, 1);
		if (models == null) {
			throw new IllegalStateException(
					"the face models are not in this build (the build fetches them with npm: install npm and build again)");
		}
		Map<String, float[]> embeddings = new HashMap<>();
		List<double[]> scored = new ArrayList<>();
		try (models) {
			for (String[] pair : pairs) {
				float[] a = embedding(models, embeddings, folder.resolve(pair[0].trim()));
				float[] b = embedding(models, embeddings, folder.resolve(pair[1].trim()));
				String same = pair[2].trim().toLowerCase(Locale.ROOT);
				scored.add(new double[] { FaceModels.cosine(a, b), (same.equals("1") || same.equals("true")) ? 1 : 0 });
			}
		}
		catch (ai.onnxruntime.OrtException ex) {
			throw new IllegalStateException("face models failed: " + ex.getMessage(), ex);
		}
		double[] result = FaceScores.of(scored);
		this.out.printf(Locale.ROOT, "cosine_threshold_at_far_1pct=%.4f cosine_threshold_at_far_0_1pct=%.4f%n",
				result[3], result[4]);
		this.out.printf(Locale.ROOT, "auc=%.4f tar_at_far_1pct=%.4f tar_at_far_0_1pct=%.4f pairs=%d%n", result[0],
				result[1], result[2], scored.size());
	}

	private static float[] embedding(FaceModels models, Map<String, float[]> cache, Path file)
			throws IOException, ai.onnxruntime.OrtException {
		String key = file.toString();
		float[] cached = cache.get(key);
		if (cached != null) {
			return cached;
		}
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(AnalysisImages.of(file)));
		float[] embedding = models.embedOne(image);
		cache.put(key, embedding);
		return embedding;
	}

}
