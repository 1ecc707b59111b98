package com.focusracer.recognition.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import ai.onnxruntime.OrtException;

/**
 * Where the bibs of distant runners are looked for when the face models are there: below
 * each runner's face, at the scale the face gives, instead of in a full pass over the
 * photo ({@code docs/recognition.md}). The faces are only located: no landmarks, no
 * embedding, nothing kept.
 */
public final class BelowFaces {

	private final TextFinder finder;

	private final OcrModels models;

	private final FaceModels faces;

	BelowFaces(TextFinder finder, OcrModels models, FaceModels faces) {
		this.finder = finder;
		this.models = models;
		this.faces = faces;
	}

	/**
	 * The fine pass below the runners' faces, in place of the full pass. A runner's bib
	 * is on the chest, below the face and about half its height tall (measured on every
	 * bib of the dev set and every plate of {@code bibs-boxes-dev} below the face found
	 * above it: the plate's top 1.8 to 4.9 face heights below the face's top, its sides
	 * within 2.1 face heights left and 2.5 right of the face's centre, its text 0.31 to
	 * 0.88 face heights tall, 99 % of them); so a face says where a bib can be, and at
	 * what scale to look, however far the runner is. The faces whose bib the coarse pass
	 * could already see (text at least {@code readyTextHeight} in its input, when it read
	 * any number at all), or read there, are not looked below again.
	 * <p>
	 * This takes the full pass's place only when the faces account for the photo: every
	 * small number the coarse pass read lies where a face's bib can be (else runners are
	 * there whose faces were not found: turned away, hidden, cut by the frame; the full
	 * pass is then run for them, and the faces found are still looked below). Where no
	 * face is found, or looking below the faces costs more than the full pass, only the
	 * full pass runs.
	 * @param image the photo
	 * @param coarse what the coarse pass found
	 * @param numbers the boxes of every number the coarse pass read
	 * @param smallNumbers those of them that are small in the coarse input
	 * @return the boxes found below the faces, and whether the full pass is needed too
	 * @throws OrtException when a model fails
	 */
	Found find(BufferedImage image, TextFinder.Coarse coarse, List<RotatedBox> numbers, List<RotatedBox> smallNumbers)
			throws OrtException {
		int shortSide = Math.min(image.getWidth(), image.getHeight());
		List<double[]> found = this.faces.detect(image, Math.max(MINIMUM_FACE, SMALLEST_FACE * shortSide));
		List<Runner> runners = new ArrayList<>();
		for (double[] face : found) {
			TextFinder.Area area = bibArea(face, image);
			// A face at the photo's foot has its bib out of the frame.
			if (area != null) {
				runners.add(new Runner(area, face[2]));
			}
		}
		if (runners.isEmpty()) {
			return new Found(List.of(), false);
		}
		boolean accounted = smallNumbers.stream().allMatch((n) -> runners.stream().anyMatch((r) -> r.area().holds(n)));
		double fullScale = this.finder.fullScale(image);
		double budget = image.getWidth() * fullScale * image.getHeight() * fullScale;
		List<Runner> looked = new ArrayList<>();
		for (Runner runner : runners) {
			TextFinder.Area bib = runner.area();
			// A coarse pass that read no number at all vouches for nothing: a tilted or
			// dull plate it did not see (dev set1_63's 941, text 18 px, its face 54) is
			// looked for again below the face even when it would have been tall enough.
			boolean seen = !numbers.isEmpty()
					&& SHORTEST_TEXT * runner.face() * coarse.scale() >= this.finder.settings().readyTextHeight();
			if (seen || numbers.stream()
				.anyMatch((n) -> bib.holds(n) && Math.min(n.width(), n.height()) >= PRINT_BESIDE * runner.face())) {
				continue;
			}
			budget -= bib.width() * bib.scale() * bib.height() * bib.scale();
			if (budget < 0) {
				return new Found(List.of(), false);
			}
			looked.add(runner);
		}
		List<RotatedBox> boxes = new ArrayList<>();
		List<RotatedBox> cut = new ArrayList<>();
		for (Runner runner : looked) {
			TextFinder.Area bib = runner.area();
			BufferedImage part = image.getSubimage(bib.x(), bib.y(), bib.width(), bib.height());
			for (RotatedBox box : this.models.detect(part, bib.scale())) {
				RotatedBox placed = box.translated(bib.x(), bib.y());
				if (Math.min(placed.width(), placed.height()) < PRINT_BESIDE * runner.face()) {
					continue;
				}
				// Areas of runners side by side overlap: text found twice is kept once.
				if (boxes.stream().noneMatch((k) -> TextFinder.contains(k, placed.centerX(), placed.centerY()))) {
					(bib.cuts(placed, image) ? cut : boxes).add(placed);
				}
			}
		}
		// A bib further from its face than most is cut by the area's edge: it is
		// detected again in the part of the photo around it.
		return new Found(TextFinder.union(boxes, this.finder.fine(image, cut)), accounted);
	}

	/**
	 * What was found below the faces.
	 *
	 * @param boxes the text boxes found there
	 * @param accountForThePhoto whether the faces account for every runner the coarse
	 * pass saw: else the full pass is needed too
	 */
	public record Found(List<RotatedBox> boxes, boolean accountForThePhoto) {

	}

	/** Faces smaller than this share of the photo's short side are not looked for. */
	static final double SMALLEST_FACE = 0.02;

	/** Nor faces under this many pixels: their bib's text would be too low to read. */
	static final double MINIMUM_FACE = 16;

	/**
	 * Text lower than this share of the face's height is no bib of this runner (print on
	 * the shirt); a number read at least this tall in a face's bib area is its bib.
	 */
	static final double PRINT_BESIDE = 0.25;

	/** The lowest a bib's text is, as a share of its runner's face's height. */
	static final double SHORTEST_TEXT = 0.31;

	/**
	 * Below a face, the shortest text its bib can have is looked at this tall: the height
	 * from which the detector finds about 19 bibs in 20 (docs/recognition.md). The usual
	 * text, 0.47 of the face's height, is then 55 px tall.
	 */
	static final double FACE_TEXT_HEIGHT = 36;

	/**
	 * Where a runner's bib can be below a face (x, y, side of the face): from 1.5 to 6.75
	 * face heights below its top, 2.25 on each side of its centre; at the scale where the
	 * shortest text it can hold is {@value #FACE_TEXT_HEIGHT} px tall; {@code null} when
	 * that is outside the photo.
	 */
	private TextFinder.Area bibArea(double[] face, BufferedImage image) {
		double side = face[2];
		double cx = face[0] + side / 2;
		int x0 = (int) Math.max(0, Math.floor(cx - 2.25 * side));
		int x1 = (int) Math.min(image.getWidth(), Math.ceil(cx + 2.25 * side));
		int y0 = (int) Math.max(0, Math.floor(face[1] + 1.5 * side));
		int y1 = (int) Math.min(image.getHeight(), Math.ceil(face[1] + 6.75 * side));
		if (x1 - x0 < 1 || y1 - y0 < 1) {
			return null;
		}
		// Never less closely than the full pass would look.
		double scale = Math.max(this.finder.fullScale(image),
				Math.min(this.finder.settings().maximumScale(), FACE_TEXT_HEIGHT / (SHORTEST_TEXT * side)));
		return new TextFinder.Area(x0, y0, x1 - x0, y1 - y0, scale, List.of());
	}

	/** A face found, with the part of the photo where its runner's bib can be. */
	private record Runner(TextFinder.Area area, double face) {
	}

}
