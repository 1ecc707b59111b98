package com.focusracer.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.focusracer.recognition.BibRead;
import com.focusracer.recognition.BibReader;

/**
 * A first measure of bib reading on a labelled folder ({@code labels.csv}:
 * {@code file,bibs}). The {@code eval bibs} command of the recognition issue will replace
 * it.
 */
public final class BibEvalBench {

	private BibEvalBench() {
	}

	public static void main(String[] args) throws Exception {
		Path dataset = Path.of((args.length > 0) ? args[0] : "../shared/datasets/bibs-dev");
		int limit = (args.length > 1) ? Integer.parseInt(args[1]) : 1_000_000;
		List<String> lines = Files.readAllLines(dataset.resolve("labels.csv"));
		int truePositives = 0;
		int falsePositives = 0;
		int falseNegatives = 0;
		int images = 0;
		long start = System.nanoTime();
		try (BibReader reader = new BibReader(2, 0.9)) {
			for (String line : lines.subList(1, Math.min(lines.size(), limit + 1))) {
				String[] parts = line.split(",", 2);
				Set<String> expected = new HashSet<>(Arrays.asList(parts[1].trim().split("\\s+")));
				BufferedImage image = ImageIO.read(dataset.resolve(parts[0]).toFile());
				Set<String> read = reader.read(image).stream().map(BibRead::bib).collect(Collectors.toSet());
				for (String bib : read) {
					if (expected.contains(bib)) {
						truePositives++;
					}
					else {
						falsePositives++;
					}
				}
				for (String bib : expected) {
					if (!read.contains(bib)) {
						falseNegatives++;
					}
				}
				images++;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
		double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
		double f1 = (precision + recall > 0) ? 2 * precision * recall / (precision + recall) : 0;
		System.out.printf("precision=%.3f recall=%.3f f1=%.3f images=%d seconds=%.1f images_per_second=%.2f%n",
				precision, recall, f1, images, seconds, images / seconds);
	}

}
