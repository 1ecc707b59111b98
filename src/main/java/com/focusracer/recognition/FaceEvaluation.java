package com.focusracer.recognition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.focusracer.photos.AnalysisImages;
import com.focusracer.recognition.internal.FaceModels;

/**
 * {@code eval faces --pairs FILE}: face verification on labelled pairs (AUC, true accepts
 * at 1 % and 0.1 % false accepts), through the production face models.
 */
final class FaceEvaluation {

	private final PrintStream out;

	FaceEvaluation(PrintStream out) {
		this.out = out;
	}

	void run(Path pairsFile) throws IOException {
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
		BufferedImage image = AnalysisImages.upright(file);
		float[] embedding = models.embedOne(image);
		cache.put(key, embedding);
		return embedding;
	}

}
