package com.focusracer.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.focusracer.photos.AnalysisImages;
import com.focusracer.recognition.internal.Signatures;

/**
 * Chooses the burst similarity threshold: the colour signatures of neighbouring photos of
 * a labelled set (file order stands for shooting order) are compared, pairs sharing a bib
 * being the same runner. Prints, per threshold, how many same-runner and other-runner
 * neighbour pairs would be linked.
 * <p>
 * {@code java -cp ... com.focusracer.bench.BurstSimilarityBench ../shared/datasets/bibs-dev}
 */
public final class BurstSimilarityBench {

	private BurstSimilarityBench() {
	}

	public static void main(String[] args) throws Exception {
		Path dataset = Path.of(args[0]);
		List<String> lines = Files.readAllLines(dataset.resolve("labels.csv"));
		List<String> files = new ArrayList<>();
		List<Set<String>> bibs = new ArrayList<>();
		List<float[]> signatures = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] p = line.split(",", 2);
			files.add(p[0]);
			bibs.add(new HashSet<>(Arrays.asList(p[1].trim().split("\\s+"))));
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(AnalysisImages.of(dataset.resolve(p[0]))));
			signatures.add(Signatures.of(image));
		}
		List<double[]> pairs = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			for (int j = i + 1; j < Math.min(files.size(), i + 4); j++) {
				if (!prefix(files.get(i)).equals(prefix(files.get(j)))) {
					continue;
				}
				boolean same = bibs.get(i).stream().anyMatch(bibs.get(j)::contains);
				pairs.add(new double[] { Signatures.similarity(signatures.get(i), signatures.get(j)), same ? 1 : 0 });
			}
		}
		long sameTotal = pairs.stream().filter((p) -> p[1] == 1).count();
		System.out.printf("neighbour pairs: %d, same runner: %d%n", pairs.size(), sameTotal);
		for (double t = 0.5; t <= 0.951; t += 0.05) {
			double threshold = t;
			long same = pairs.stream().filter((p) -> p[0] >= threshold && p[1] == 1).count();
			long other = pairs.stream().filter((p) -> p[0] >= threshold && p[1] == 0).count();
			System.out.printf(
					"threshold %.2f: same-runner pairs linked %d/%d, other-runner pairs linked %d (precision %.2f)%n",
					threshold, same, sameTotal, other, (same + other > 0) ? (double) same / (same + other) : 1.0);
		}
	}

	private static String prefix(String file) {
		return Path.of(file).getFileName().toString().split("_")[0];
	}

}
