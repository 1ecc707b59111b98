package com.focusracer.recognition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.focusracer.recognition.internal.OcrModels;

/**
 * Which of the text lines read on a photo are bibs ({@link BibReader}, steps 3 and 4): a
 * digit string of bib length, sure enough, not written beside words, not printed small on
 * the plate of a taller number; checked against the start list when the event has one.
 */
final class BibSelection {

	private BibSelection() {
	}

	static List<BibRead> select(List<OcrModels.TextLine> lines, StartListCheck check, BibReader.Settings settings,
			int photoWidth) {
		// What a camera plausibly reads on a bib, to drop the other text on a photo (race
		// names, sponsors): not the rule for the bibs people type (shared.Bib), which
		// start lists, corrections and searches check.
		Pattern plausible = check.usesLetterPrefixes() ? Pattern.compile("[A-Z]?\\d{1,6}")
				: Pattern.compile("\\d{1,6}");
		List<Candidate> candidates = new ArrayList<>();
		for (OcrModels.TextLine found : lines) {
			// Lines from elsewhere (AWS Rekognition) may hold spaces; the models' never
			// do.
			OcrModels.TextLine line = found.withoutSpaces();
			String text = line.text().toUpperCase(java.util.Locale.ROOT);
			if (!plausible.matcher(text).matches() || nextToWords(found, lines)) {
				continue;
			}
			int[] b = line.box();
			BibRead.Box box = new BibRead.Box(b[0], b[1], b[2], b[3]);
			// Small text is read less surely (RECOGNITION.md: recall and precision fall
			// with
			// the text's height): where nothing else vouches for it, it needs more.
			double sure = (line.textHeight() < SMALL_TEXT)
					? Math.max(settings.minimumConfidence(), SMALL_TEXT_CONFIDENCE) : settings.minimumConfidence();
			BibRead read = check.isEmpty() ? withoutStartList(text, line, box, sure)
					: check.check(text, line.confidence(), line.characterConfidences(), box, photoWidth,
							settings.startListConfidence(), sure);
			if (read == null && !check.isEmpty()) {
				// As sure as a bib read without a list, but the list does not have it:
				// the
				// team sees it (a runner missing from the list), nothing is linked.
				BibRead unlisted = withoutStartList(text, line, box, sure);
				if (unlisted != null) {
					read = new BibRead(text, unlisted.confidence(), box, text, BibRead.Kind.NOT_ON_START_LIST);
				}
			}
			if (read != null) {
				candidates.add(new Candidate(read, line.textHeight()));
			}
		}
		Map<String, BibRead> unique = new LinkedHashMap<>();
		List<BibRead.Box> places = new ArrayList<>();
		candidates.stream()
			.filter((c) -> !printedSmallOnAPlate(c, candidates, settings.relativeHeight()))
			.map(Candidate::read)
			.sorted(Comparator.comparing(BibRead::accepted).thenComparingDouble(BibRead::confidence).reversed())
			.forEach((read) -> {
				// One place of the photo carries one number: the same text boxed by two
				// passes, read twice, keeps its surer read.
				if (!unique.containsKey(read.bib()) && places.stream().noneMatch((p) -> sameText(p, read.box()))) {
					unique.put(read.bib(), read);
					places.add(read.box());
				}
			});
		return new ArrayList<>(unique.values());
	}

	private static boolean sameText(BibRead.Box a, BibRead.Box b) {
		double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
		double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
		if (w <= 0 || h <= 0) {
			return false;
		}
		double smaller = Math.min((double) a.width() * a.height(), (double) b.width() * b.height());
		return w * h >= SAME_TEXT * smaller;
	}

	private static final double SAME_TEXT = 0.5;

	/**
	 * Whether a number sits on the plate of a clearly taller number: a bib carries one
	 * number in big digits, and the small ones printed around it (the year, the race's
	 * distance, a sponsor's phone number) are not bibs. The plate is taken as the taller
	 * number's box widened by a quarter of its width on each side and by its height above
	 * and below: a runner further away, whose bib is small for the camera, is outside it.
	 */
	private static boolean printedSmallOnAPlate(Candidate candidate, List<Candidate> candidates,
			double relativeHeight) {
		BibRead.Box c = candidate.read().box();
		double cx = c.x() + c.width() / 2.0;
		double cy = c.y() + c.height() / 2.0;
		for (Candidate other : candidates) {
			if (other == candidate || !other.read().accepted()
					|| candidate.textHeight() >= relativeHeight * other.textHeight()) {
				continue;
			}
			BibRead.Box t = other.read().box();
			if (cx >= t.x() - 0.25 * t.width() && cx <= t.x() + 1.25 * t.width() && cy >= t.y() - t.height()
					&& cy <= t.y() + 2.0 * t.height()) {
				return true;
			}
		}
		return false;
	}

	/** Text lower than this, in the photo's pixels, is small. */
	static final double SMALL_TEXT = 24;

	/** A small number read without a start list that vouches for it needs this. */
	static final double SMALL_TEXT_CONFIDENCE = 0.95;

	private static BibRead withoutStartList(String text, OcrModels.TextLine line, BibRead.Box box, double sure) {
		if (text.length() < 2 || text.startsWith("0") || line.confidence() < sure) {
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

	private record Candidate(BibRead read, double textHeight) {
	}

}
