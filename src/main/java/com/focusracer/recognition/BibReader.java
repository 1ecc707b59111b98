package com.focusracer.recognition;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ai.onnxruntime.OrtException;

import com.focusracer.recognition.internal.OcrModels;
import com.focusracer.recognition.internal.RotatedBox;
import com.focusracer.recognition.internal.TextSource;

/**
 * Reads bib numbers on a photo with PP-OCRv4, then keeps what is plausibly a bib.
 * <ol>
 * <li>Detection runs on the whole photo scaled to a 1,024 px short side whatever its size
 * (small photos are enlarged), so that a bib 4.4 % of the photo's short side is ~45 px
 * tall for the detector.</li>
 * <li>Every text line that can hold a number is read from the full-resolution photo.</li>
 * <li>Only digit strings of bib length are kept (with a one-letter prefix when the start
 * list uses them); numbers written next to words on the same line (years, distances,
 * phone numbers) and numbers much smaller than the photo's main bib (sponsor prints,
 * distant crowds) are dropped.</li>
 * <li>With a start list, the rules of {@link StartListCheck} apply.</li>
 * </ol>
 */
public class BibReader implements AutoCloseable {

	private final OcrModels models;

	private final TextSource source;

	private final Settings settings;

	/**
	 * Reading settings: the figures that chose them are in {@code docs/recognition.md}.
	 *
	 * @param minimumConfidence a read without start list needs this mean character
	 * probability
	 * @param startListConfidence a read that is on the start list needs this
	 * @param relativeHeight a number lower than this share of the tallest bib of the
	 * photo is not a bib
	 * @param detectorShortSide the photo's short side in the detector's input
	 */
	public record Settings(double minimumConfidence, double startListConfidence, double relativeHeight,
			int detectorShortSide) {

		/** The production settings. */
		public static final Settings DEFAULTS = new Settings(0.85, 0.6, 0.6, 1024);

	}

	public BibReader(int threads) {
		this(threads, Settings.DEFAULTS);
	}

	public BibReader(int threads, Settings settings) {
		this.models = new OcrModels(threads);
		this.source = (image) -> this.models.read(image, detect(image));
		this.settings = settings;
	}

	/**
	 * A reader whose text comes from elsewhere (AWS Rekognition): the same bib rules
	 * apply.
	 * @param source where text lines come from
	 * @param settings the rules' settings
	 */
	public BibReader(TextSource source, Settings settings) {
		this.models = null;
		this.source = source;
		this.settings = settings;
	}

	/**
	 * Reads the bibs on an upright photo of an event without start list.
	 * @param photo the photo
	 * @return the numbers read, each once, most confident first
	 */
	public List<BibRead> read(BufferedImage photo) {
		return read(photo, Set.of());
	}

	/**
	 * Reads the bibs on an upright photo.
	 * @param photo the photo
	 * @param startList the bibs of the event's start list, empty when it has none
	 * @return the numbers read, each once, most confident first
	 */
	public List<BibRead> read(BufferedImage photo, Set<String> startList) {
		List<OcrModels.TextLine> lines;
		try {
			lines = this.source.read(photo);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Text detection failed", ex);
		}
		return select(lines, new StartListCheck(startList), this.settings);
	}

	private List<RotatedBox> detect(BufferedImage photo) throws OrtException {
		int width = photo.getWidth();
		int height = photo.getHeight();
		double scale = detectorScale(width, height, this.settings.detectorShortSide());
		return this.models.detect(photo, scale);
	}

	static List<BibRead> select(List<OcrModels.TextLine> lines, StartListCheck check, Settings settings) {
		Pattern plausible = check.usesLetterPrefixes() ? Pattern.compile("[A-Z]?\\d{1,6}")
				: Pattern.compile("\\d{1,6}");
		List<Candidate> candidates = new ArrayList<>();
		for (OcrModels.TextLine line : lines) {
			String text = line.text().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
			if (!plausible.matcher(text).matches() || nextToWords(line, lines)) {
				continue;
			}
			int[] b = line.box();
			BibRead.Box box = new BibRead.Box(b[0], b[1], b[2], b[3]);
			BibRead read = check.isEmpty() ? withoutStartList(text, line, box, settings) : check.check(text,
					line.confidence(), line.characterConfidences(), box, settings.startListConfidence());
			if (read != null) {
				candidates.add(new Candidate(read, line.textHeight()));
			}
		}
		double tallest = 0;
		for (Candidate candidate : candidates) {
			if (candidate.read().accepted()) {
				tallest = Math.max(tallest, candidate.textHeight());
			}
		}
		Map<String, BibRead> unique = new LinkedHashMap<>();
		double lowest = settings.relativeHeight() * tallest;
		candidates.stream()
			.filter((c) -> c.textHeight() >= lowest)
			.map(Candidate::read)
			.sorted(Comparator.comparing(BibRead::accepted).thenComparingDouble(BibRead::confidence).reversed())
			.forEach((read) -> unique.putIfAbsent(read.bib(), read));
		return new ArrayList<>(unique.values());
	}

	private static BibRead withoutStartList(String text, OcrModels.TextLine line, BibRead.Box box, Settings settings) {
		if (text.length() < 2 || text.startsWith("0") || line.confidence() < settings.minimumConfidence()) {
			return null;
		}
		return new BibRead(text, line.confidence(), box, text, BibRead.Kind.READ);
	}

	/**
	 * Whether a number is written on the same line as words of about its size ("Paris
	 * 2026", "10 km", a phone number in an advert): then it is not a bib.
	 */
	private static boolean nextToWords(OcrModels.TextLine number, List<OcrModels.TextLine> lines) {
		int[] n = number.box();
		for (OcrModels.TextLine other : lines) {
			if (other == number || other.confidence() < 0.7
					|| other.text().replaceAll("[^\\p{IsLatin}]", "").length() < 3) {
				continue;
			}
			int[] o = other.box();
			double overlap = Math.min(n[1] + n[3], o[1] + o[3]) - Math.max(n[1], o[1]);
			boolean sameLine = overlap >= 0.6 * Math.min(n[3], o[3]) && o[3] >= 0.7 * n[3] && o[3] <= 1.4 * n[3];
			double gap = Math.max(o[0] - (n[0] + n[2]), n[0] - (o[0] + o[2]));
			if (sameLine && gap < 0.8 * n[3]) {
				return true;
			}
		}
		return false;
	}

	static double detectorScale(int width, int height, int shortSide) {
		return (double) shortSide / Math.min(width, height);
	}

	@Override
	public void close() throws OrtException {
		if (this.models != null) {
			this.models.close();
		}
	}

	private record Candidate(BibRead read, double textHeight) {
	}

}
