package com.focusracer.recognition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.focusracer.photos.AnalysisImages;

/**
 * {@code eval plates --dataset DIR}: how many bib plates of a boxes-only dataset get a
 * text box from the production text finder, by plate height.
 */
final class PlateEvaluation {

	private final PrintStream out;

	PlateEvaluation(PrintStream out) {
		this.out = out;
	}

	/**
	 * How many labelled bib plates get a text box (its centre inside the plate, or the
	 * box covering most of the plate), by plate height: the detection's share of recall,
	 * on datasets that have plate boxes but no numbers.
	 */
	void run(Path dataset, int threads, BibReader.Settings settings) throws IOException {
		Map<String, List<EvaluationDataset.LabelledBox>> boxes = EvaluationDataset.boxes(dataset);
		if (boxes.isEmpty()) {
			throw new IllegalArgumentException(
					"no boxes.csv in " + dataset + ": plates needs lines 'file,x0,y0,x1,y1'");
		}
		List<String> files = new ArrayList<>(new TreeSet<>(boxes.keySet()));
		long start = System.nanoTime();
		int[] total = new int[EvaluationDataset.BUCKET_NAMES.length];
		int[] found = new int[EvaluationDataset.BUCKET_NAMES.length];
		long detected = 0;
		try (BibReader reader = BibReader.measuring(settings)) {
			ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
			List<Future<int[]>> futures = new ArrayList<>();
			for (String name : files) {
				futures.add(pool.submit(() -> {
					Path file = dataset.resolve(name);
					BufferedImage analysis = AnalysisImages.upright(file);
					double shortSide = EvaluationDataset.shortSide(file);
					double back = shortSide / Math.min(analysis.getWidth(), analysis.getHeight());
					List<int[]> text = reader.textBoxes(analysis);
					int[] result = new int[2 * EvaluationDataset.BUCKET_NAMES.length + 1];
					for (EvaluationDataset.LabelledBox plate : boxes.get(name)) {
						int b = EvaluationDataset.bucket(plate.height() / shortSide);
						result[2 * b]++;
						if (text.stream().anyMatch((t) -> covers(t, back, plate))) {
							result[2 * b + 1]++;
						}
					}
					result[result.length - 1] = text.size();
					return result;
				}));
			}
			for (Future<int[]> future : futures) {
				int[] result = future.get();
				for (int b = 0; b < EvaluationDataset.BUCKET_NAMES.length; b++) {
					total[b] += result[2 * b];
					found[b] += result[2 * b + 1];
				}
				detected += result[result.length - 1];
			}
			pool.shutdown();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Evaluation failed: " + ex.getMessage(), ex);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int plates = Arrays.stream(total).sum();
		int hits = Arrays.stream(found).sum();
		this.out.println("plates with a text box, by plate height (share of the photo's short side): "
				+ EvaluationDataset.buckets(found, total));
		this.out.printf(Locale.ROOT,
				"plates=%d found=%d recall=%.3f boxes_per_image=%.1f images=%d seconds=%.1f "
						+ "images_per_second=%.2f%n",
				plates, hits, hits / (double) Math.max(1, plates), detected / (double) Math.max(1, files.size()),
				files.size(), seconds, files.size() / seconds);
	}

	private static boolean covers(int[] text, double back, EvaluationDataset.LabelledBox plate) {
		double x0 = text[0] * back;
		double y0 = text[1] * back;
		double x1 = (text[0] + text[2]) * back;
		double y1 = (text[1] + text[3]) * back;
		double cx = (x0 + x1) / 2;
		double cy = (y0 + y1) / 2;
		if (cx >= plate.x0() && cx <= plate.x1() && cy >= plate.y0() && cy <= plate.y1()) {
			return true;
		}
		double w = Math.max(0, Math.min(x1, plate.x1()) - Math.max(x0, plate.x0()));
		double h = Math.max(0, Math.min(y1, plate.y1()) - Math.max(y0, plate.y0()));
		return w * h >= 0.5 * (plate.x1() - plate.x0()) * plate.height();
	}

}
