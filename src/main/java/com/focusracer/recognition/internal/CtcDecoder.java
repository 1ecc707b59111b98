package com.focusracer.recognition.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the PP-OCRv4 recogniser's output into text: greedy CTC over its dictionary
 * ({@code models/ppocr_keys_v1.txt} and a space), each character with the probability it
 * was read with. Spaces are not kept: no rule reads them.
 */
final class CtcDecoder {

	/**
	 * A line read.
	 *
	 * @param text the characters
	 * @param confidence their mean probability
	 * @param characters each character's probability
	 */
	record Recognized(String text, double confidence, float[] characters) {
	}

	private final String[] characters = characters();

	/**
	 * Decodes one line of the recogniser's output.
	 * @param probabilities the output of the batch
	 * @param offset where this line's output starts
	 * @param steps its time steps
	 * @param classes the classes of a step (the blank and the dictionary)
	 * @return the line read
	 */
	Recognized decode(float[] probabilities, int offset, int steps, int classes) {
		StringBuilder text = new StringBuilder();
		float[] confidences = new float[steps * 4];
		double sum = 0;
		int kept = 0;
		int previous = -1;
		for (int t = 0; t < steps; t++) {
			int best = 0;
			float bestP = -1;
			int row = offset + t * classes;
			for (int c = 0; c < classes; c++) {
				if (probabilities[row + c] > bestP) {
					bestP = probabilities[row + c];
					best = c;
				}
			}
			String character = (best == 0 || best - 1 >= this.characters.length) ? " " : this.characters[best - 1];
			// A space is the background between or beside characters ("10246 " read a
			// little wider): it says nothing of the text, and is left out with its
			// probability, which the mean would otherwise count.
			if (best != previous && !character.isBlank()) {
				for (int k = 0; k < character.length(); k++) {
					confidences[text.length() + k] = bestP;
				}
				text.append(character);
				sum += bestP;
				kept++;
			}
			previous = best;
		}
		return new Recognized(text.toString(), (kept > 0) ? sum / kept : 0,
				java.util.Arrays.copyOf(confidences, text.length()));
	}

	private static String[] characters() {
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(CtcDecoder.class.getClassLoader().getResourceAsStream("models/ppocr_keys_v1.txt"),
						StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		lines.add(" ");
		return lines.toArray(String[]::new);
	}

}
