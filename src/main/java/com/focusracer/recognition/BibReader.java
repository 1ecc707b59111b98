package com.focusracer.recognition;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import ai.onnxruntime.OrtException;

import com.focusracer.recognition.internal.OcrModels;

/**
 * Reads bib numbers on a photo with PP-OCRv4: the photo is scaled so that bibs stay tall
 * enough for the detector (small photos are enlarged, large ones reduced to a 2,048 px
 * long side), every text line is read, and the lines that are plausible bib numbers are
 * kept.
 */
public class BibReader implements AutoCloseable {

	private static final Pattern DIGITS = Pattern.compile("\\d{1,6}");

	private final OcrModels models;

	private final double minimumConfidence;

	public BibReader(int threads, double minimumConfidence) {
		this.models = new OcrModels(threads);
		this.minimumConfidence = minimumConfidence;
	}

	/**
	 * Reads the bibs on an upright photo.
	 * @param photo the photo
	 * @return the numbers read, each once, most confident first
	 */
	public List<BibRead> read(BufferedImage photo) {
		double scale = detectorScale(photo.getWidth(), photo.getHeight());
		List<OcrModels.TextLine> lines;
		try {
			lines = this.models.read(photo, scale);
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Text detection failed", ex);
		}
		List<BibRead> reads = new ArrayList<>();
		for (OcrModels.TextLine line : lines) {
			String text = line.text().replace(" ", "");
			if (DIGITS.matcher(text).matches() && line.confidence() >= this.minimumConfidence) {
				int[] b = line.box();
				reads.add(new BibRead(text, line.confidence(), new BibRead.Box(b[0], b[1], b[2], b[3])));
			}
		}
		reads.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
		List<BibRead> unique = new ArrayList<>();
		for (BibRead read : reads) {
			if (unique.stream().noneMatch((u) -> u.bib().equals(read.bib()))) {
				unique.add(read);
			}
		}
		return unique;
	}

	static double detectorScale(int width, int height) {
		int shortSide = Math.min(width, height);
		int longSide = Math.max(width, height);
		if (shortSide < 1024) {
			return 1024.0 / shortSide;
		}
		return (longSide > 2048) ? 2048.0 / longSide : 1.0;
	}

	@Override
	public void close() throws OrtException {
		this.models.close();
	}

}
