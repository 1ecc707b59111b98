package com.focusracer.recognition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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

import com.focusracer.events.StartListPreview;
import com.focusracer.events.StartLists;
import com.focusracer.photos.AnalysisImages;
import com.focusracer.recognition.internal.TextFinder;

/**
 * The evaluation commands of the shipped jar, run without starting the application: <pre>
 * java -jar focus-racer.jar eval bibs --dataset DIR [--start-list labels|full|FILE] [--out FILE]
 * java -jar focus-racer.jar eval plates --dataset DIR
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
		try {
			if (args.length > 0 && (args[0].equals("bibs") || args[0].equals("plates"))
					&& options.containsKey("dataset")) {
				Path dataset = Path.of(options.get("dataset"));
				int threads = intOption(options, "threads", Runtime.getRuntime().availableProcessors());
				BibReader.Settings settings = settings(options);
				if (args[0].equals("plates")) {
					new PlateEvaluation(out).run(dataset, threads, settings);
				}
				else {
					evaluation.bibs(dataset, startList(options.get("start-list"), dataset),
							options.containsKey("out") ? Path.of(options.get("out")) : null,
							options.containsKey("crops") ? Path.of(options.get("crops")) : null, threads, settings);
				}
				return 0;
			}
			if (args.length > 0 && args[0].equals("faces") && options.containsKey("pairs")) {
				new FaceEvaluation(out).run(Path.of(options.get("pairs")));
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
		out.println(
				"""
						usage: eval bibs --dataset DIR [--start-list labels|full|FILE] [--out FILE] [--crops DIR] [--threads N] [reading options]
						       eval plates --dataset DIR [--threads N] [reading options]
						       eval faces --pairs FILE
						  DIR/labels.csv: file,bibs (bibs separated by spaces, files relative to DIR)
						  DIR/boxes.csv (optional for bibs, needed for plates): file,bib,x0,y0,x1,y1 (bibs) or
						    file,x0,y0,x1,y1 (plates), pixels of the stored image: recall by bib height
						  --start-list labels: the bibs of labels.csv; full: every bib 1…N, N the largest labelled
						    (a race's full list); FILE: a start-list CSV as organizers import it
						  --crops DIR: a PNG of every wrong read (NAME_wrong_BIB.png) and of every labelled bib missed
						    that boxes.csv places (NAME_missed_BIB.png), with its surroundings, to look at one by one
						  reading options (defaults as production): --single-pass (one full pass, no coarse/fine)
						    --detector-short-side PX (full pass, 1536) --coarse-short-side PX (640)
						    --ready-text-height PX (30, in the coarse input) --fine-text-height PX (48)
						    --fine-budget SHARE (0.6, of a full pass's pixels)
						    --no-face-guide (the full pass, not the runners' faces, finds distant bibs)
						  FILE (faces): file_a,file_b,same (files relative to FILE's folder, same = 1/0 or true/false)""");
		return 2;
	}

	private static BibReader.Settings settings(Map<String, String> options) {
		TextFinder.Settings d = TextFinder.Settings.DEFAULTS;
		TextFinder.Settings finder = new TextFinder.Settings(
				intOption(options, "coarse-short-side", d.coarseShortSide()),
				intOption(options, "detector-short-side", d.fullShortSide()),
				doubleOption(options, "ready-text-height", d.readyTextHeight()),
				doubleOption(options, "fine-text-height", d.fineTextHeight()), d.maximumScale(),
				doubleOption(options, "fine-budget", d.budget()), !options.containsKey("no-face-guide"));
		return BibReader.Settings.DEFAULTS.with(finder, !options.containsKey("single-pass"));
	}

	/**
	 * The start list to check reads against: none, the labelled bibs, or a file in the
	 * importer's format (a race's full list, every bib 1…N).
	 */
	private static Set<String> startList(String option, Path dataset) throws IOException {
		if (option == null) {
			return Set.of();
		}
		if (option.equals("labels")) {
			return EvaluationDataset.labelled(dataset)
				.stream()
				.flatMap((l) -> l.bibs().stream())
				.collect(Collectors.toSet());
		}
		if (option.equals("full")) {
			return fullList(EvaluationDataset.labelled(dataset).stream().flatMap((l) -> l.bibs().stream()).toList());
		}
		Path file = Path.of(option);
		if (option.isBlank() || !Files.isRegularFile(file)) {
			throw new IllegalArgumentException(
					"--start-list takes the word 'labels' (the bibs of labels.csv), 'full' (every bib 1…N) or a "
							+ "start-list CSV file as organizers import it; no file '" + option + "'");
		}
		StartListPreview read = StartLists.read(Files.readAllBytes(file));
		if (read.fileProblem() != null) {
			throw new IllegalArgumentException(option + ": " + read.fileProblem()
					+ " (the first line must name the columns, one of them 'dossard' or 'bib')");
		}
		return read.runners()
			.stream()
			.map((r) -> r.bib().toUpperCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * A race's full start list as races number them: every bib from 1 to the largest
	 * labelled number, and the labelled bibs that are not plain numbers. A 5-digit race
	 * then holds every shorter number, as a real one numbered 1…N does.
	 */
	static Set<String> fullList(List<String> labelled) {
		Set<String> bibs = new HashSet<>(labelled);
		int largest = labelled.stream()
			.filter((b) -> b.matches("\\d{1,6}"))
			.mapToInt(Integer::parseInt)
			.max()
			.orElse(0);
		for (int bib = 1; bib <= largest; bib++) {
			bibs.add(Integer.toString(bib));
		}
		return Set.copyOf(bibs);
	}

	private static int intOption(Map<String, String> options, String name, int fallback) {
		try {
			return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + options.get(name) + "'");
		}
	}

	private static double doubleOption(Map<String, String> options, String name, double fallback) {
		try {
			return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " takes a number, not '" + options.get(name) + "'");
		}
	}

	private record Outcome(String file, Set<String> expected, List<BibRead> reads, double shortSide, String error) {
	}

	void bibs(Path dataset, Set<String> startList, Path outFile, Path crops, int threads, BibReader.Settings settings)
			throws IOException {
		List<EvaluationDataset.Labelled> labelled = EvaluationDataset.labelled(dataset);
		Map<String, List<EvaluationDataset.LabelledBox>> boxes = EvaluationDataset.boxes(dataset);
		if (crops != null) {
			Files.createDirectories(crops);
		}
		long start = System.nanoTime();
		List<Outcome> outcomes = new ArrayList<>();
		try (BibReader reader = BibReader.measuring(settings)) {
			ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
			List<Future<Outcome>> futures = new ArrayList<>();
			for (EvaluationDataset.Labelled image : labelled) {
				futures.add(pool.submit(() -> {
					Path file = dataset.resolve(image.file());
					try {
						BufferedImage analysis = AnalysisImages.upright(file);
						List<BibRead> reads = reader.read(analysis, startList);
						double shortSide = EvaluationDataset.shortSide(file);
						if (crops != null) {
							writeCrops(crops, image, analysis, reads, boxes.getOrDefault(image.file(), List.of()),
									Math.min(analysis.getWidth(), analysis.getHeight()) / shortSide);
						}
						return new Outcome(image.file(), image.bibs(), reads, shortSide, null);
					}
					catch (IOException | RuntimeException ex) {
						return new Outcome(image.file(), image.bibs(), List.of(), 0, String.valueOf(ex.getMessage()));
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
		int[] bucketBibs = new int[EvaluationDataset.BUCKET_NAMES.length];
		int[] bucketFound = new int[EvaluationDataset.BUCKET_NAMES.length];
		Map<BibRead.Kind, Integer> kinds = new java.util.EnumMap<>(BibRead.Kind.class);
		PrintWriter csv = (outFile != null) ? new PrintWriter(Files.newBufferedWriter(outFile, StandardCharsets.UTF_8))
				: null;
		if (csv != null) {
			csv.println("file,expected,read,true_positives,false_positives,false_negatives,details,error,bib_heights");
		}
		for (Outcome outcome : outcomes) {
			Set<String> read = outcome.reads()
				.stream()
				.filter(BibRead::accepted)
				.map(BibRead::bib)
				.collect(Collectors.toCollection(TreeSet::new));
			outcome.reads().forEach((r) -> kinds.merge(r.kind(), 1, Integer::sum));
			int tp = (int) read.stream().filter(outcome.expected()::contains).count();
			int fp = read.size() - tp;
			int fn = (int) outcome.expected().stream().filter((b) -> !read.contains(b)).count();
			truePositives += tp;
			falsePositives += fp;
			falseNegatives += fn;
			List<String> heights = new ArrayList<>();
			for (EvaluationDataset.LabelledBox box : boxes.getOrDefault(outcome.file(), List.of())) {
				if (box.bib() == null || !outcome.expected().contains(box.bib()) || outcome.shortSide() <= 0) {
					continue;
				}
				double share = box.height() / outcome.shortSide();
				int b = EvaluationDataset.bucket(share);
				bucketBibs[b]++;
				if (read.contains(box.bib())) {
					bucketFound[b]++;
				}
				heights.add(box.bib() + ":" + String.format(Locale.ROOT, "%.2f%%", 100 * share));
			}
			if (csv != null) {
				String details = outcome.reads()
					.stream()
					.map((r) -> r.bib() + ":" + r.kind() + ":" + String.format(Locale.ROOT, "%.3f", r.confidence())
							+ (r.readAs().equals(r.bib()) ? "" : ":read " + r.readAs()))
					.collect(Collectors.joining(" "));
				csv.println(String.join(",", outcome.file(), String.join(" ", outcome.expected()),
						String.join(" ", read), Integer.toString(tp), Integer.toString(fp), Integer.toString(fn),
						details, (outcome.error() != null) ? outcome.error().replace(',', ';') : "",
						String.join(" ", heights)));
			}
		}
		if (csv != null) {
			csv.close();
		}
		this.out.println("reads: " + kinds.entrySet()
			.stream()
			.map((e) -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue())
			.collect(Collectors.joining(" ")));
		if (Arrays.stream(bucketBibs).sum() > 0) {
			this.out.println("recall by bib height (share of the photo's short side): "
					+ EvaluationDataset.buckets(bucketFound, bucketBibs));
		}
		double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
		double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
		double f1 = (precision + recall > 0) ? 2 * precision * recall / (precision + recall) : 0;
		this.out.printf(Locale.ROOT,
				"precision=%.3f recall=%.3f f1=%.3f images=%d seconds=%.1f images_per_second=%.2f%n", precision, recall,
				f1, outcomes.size(), seconds, outcomes.size() / seconds);
	}

	/**
	 * Writes what an audit looks at: each accepted read that is not the image's label (a
	 * misread, a number cut by an arm, or a real bib nobody labelled: only a look tells),
	 * and each labelled bib that was not read, where boxes.csv says it is.
	 * @param scale analysis-image pixels per stored-image pixel (boxes.csv's)
	 */
	private static void writeCrops(Path folder, EvaluationDataset.Labelled image, BufferedImage analysis,
			List<BibRead> reads, List<EvaluationDataset.LabelledBox> labelledBoxes, double scale) throws IOException {
		String name = Path.of(image.file()).getFileName().toString().replaceFirst("\\.[^.]*$", "");
		Set<String> accepted = new HashSet<>();
		for (BibRead read : reads) {
			if (!read.accepted()) {
				continue;
			}
			accepted.add(read.bib());
			if (!image.bibs().contains(read.bib())) {
				BibRead.Box b = read.box();
				writeCrop(folder.resolve(name + "_wrong_" + read.bib() + ".png"), analysis, b.x(), b.y(), b.width(),
						b.height());
			}
		}
		for (EvaluationDataset.LabelledBox box : labelledBoxes) {
			if (box.bib() != null && image.bibs().contains(box.bib()) && !accepted.contains(box.bib())) {
				writeCrop(folder.resolve(name + "_missed_" + box.bib() + ".png"), analysis, box.x0() * scale,
						box.y0() * scale, (box.x1() - box.x0()) * scale, box.height() * scale);
			}
		}
	}

	/** The box with two of its heights on each side and one above and below. */
	private static void writeCrop(Path file, BufferedImage image, double x, double y, double width, double height)
			throws IOException {
		int x0 = (int) Math.max(0, Math.floor(x - 2 * height));
		int y0 = (int) Math.max(0, Math.floor(y - height));
		int x1 = (int) Math.min(image.getWidth(), Math.ceil(x + width + 2 * height));
		int y1 = (int) Math.min(image.getHeight(), Math.ceil(y + 2 * height));
		if (x1 - x0 < 1 || y1 - y0 < 1) {
			return;
		}
		ImageIO.write(image.getSubimage(x0, y0, x1 - x0, y1 - y0), "png", file.toFile());
	}

}
