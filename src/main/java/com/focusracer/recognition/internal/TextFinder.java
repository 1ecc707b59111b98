package com.focusracer.recognition.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ai.onnxruntime.OrtException;

/**
 * Finds the text of a photo in passes, so that every runner in the frame is looked at
 * closely enough without paying for a fine pass over the whole photo.
 * <ol>
 * <li>A <b>coarse</b> pass runs the detector on the whole photo at a small size. Text
 * that is already tall enough in it (a near runner's bib) keeps its box.</li>
 * <li>Small or faint text (distant runners' bibs, whose probability blobs are there but
 * too small to box reliably) marks a region, which a <b>fine</b> pass detects again at
 * the scale where that text is about {@code fineTextHeight} pixels tall — enlarging small
 * photos when their text needs it.</li>
 * <li>Where distant runners may be unseen, their bibs are looked for <b>below their
 * faces</b> ({@link BelowFaces}), or, where the faces do not account for the photo, in a
 * <b>full</b> pass over the whole photo at {@code fullShortSide}.</li>
 * </ol>
 * The detector's recall is driven by the text's height in its input (95–97 % above 45 px,
 * about 55 % under 20 px: {@code shared/design/RECOGNITION.md}); its cost by the number
 * of pixels it sees. A region costs its own area at its own scale only.
 */
public final class TextFinder {

	private final OcrModels models;

	private final Settings settings;

	/**
	 * How the passes are sized.
	 *
	 * @param coarseShortSide the photo's short side in the coarse pass
	 * @param fullShortSide the photo's short side of the single full pass (the safety
	 * net, and the size the fine budget is counted against)
	 * @param readyTextHeight text at least this tall in the coarse input keeps its box
	 * @param fineTextHeight the height small text is scaled to in the fine pass
	 * @param maximumScale the fine pass never enlarges the photo more than this
	 * @param budget the fine pass sees at most this share of the pixels of a full pass
	 * (of one strip of it, when the full pass is detected in strips)
	 * @param belowFaces whether the runners' faces, when the face models are there, say
	 * where to look for the bibs the coarse pass could not see (instead of the full pass)
	 */
	public record Settings(int coarseShortSide, int fullShortSide, double readyTextHeight, double fineTextHeight,
			double maximumScale, double budget, boolean belowFaces) {

		/**
		 * The production settings: the figures that chose them are in
		 * docs/recognition.md.
		 */
		public static final Settings DEFAULTS = new Settings(640, 1536, 30, 48, 3, 0.6, true);

	}

	private final BelowFaces belowFaces;

	/**
	 * A finder without faces: the full pass is the only way to the bibs the coarse pass
	 * did not see.
	 * @param models the text models
	 * @param settings how the passes are sized
	 */
	public TextFinder(OcrModels models, Settings settings) {
		this(models, settings, null);
	}

	/**
	 * A finder that looks below the runners' faces.
	 * @param models the text models
	 * @param settings how the passes are sized
	 * @param faces the face models (owned by the caller), {@code null} when absent
	 */
	public TextFinder(OcrModels models, Settings settings, FaceModels faces) {
		this.models = models;
		this.settings = settings;
		this.belowFaces = (settings.belowFaces() && faces != null) ? new BelowFaces(this, models, faces) : null;
	}

	public Settings settings() {
		return this.settings;
	}

	/**
	 * The single pass over the whole photo at {@code fullShortSide}.
	 * @param image the photo
	 * @return its text boxes
	 * @throws OrtException when the model fails
	 */
	public List<RotatedBox> full(BufferedImage image) throws OrtException {
		double scale = fullScale(image);
		int width = image.getWidth();
		int height = image.getHeight();
		// The detector's memory grows with its input (a 2,304 x 1,536 input took 0.9 GB
		// more at the peak of two workers than a 1,536 x 1,024 one): a larger input is
		// detected in strips of at most MAXIMUM_INPUT pixels, full width, overlapping
		// by a tenth of the short side, more than a bib's text is tall (the nearest,
		// taller ones are the coarse pass's).
		int overlap = (int) Math.ceil(0.1 * Math.min(width, height));
		int rows = (int) Math.floor(MAXIMUM_INPUT / (width * scale * scale));
		if (rows >= height || rows <= 2 * overlap) {
			return this.models.detect(image, scale);
		}
		List<RotatedBox> boxes = new ArrayList<>();
		int strips = (int) Math.ceil((double) (height - overlap) / (rows - overlap));
		// As many strips as needed, each no taller than that takes.
		rows = (int) Math.ceil((double) (height + (strips - 1) * overlap) / strips);
		double step = (double) (height - rows) / (strips - 1);
		for (int strip = 0; strip < strips; strip++) {
			int y0 = (int) Math.round(strip * step);
			int y1 = Math.min(height, y0 + rows);
			for (RotatedBox found : this.models.detect(image.getSubimage(0, y0, width, y1 - y0), scale)) {
				RotatedBox box = found.translated(0, y0);
				int[] b = box.bounds();
				// Text cut by a strip's inner edge is whole in the strip beside it.
				boolean cut = (y0 > 0 && b[1] <= y0 + 1) || (y1 < height && b[1] + b[3] >= y1 - 1);
				if (!cut && boxes.stream().noneMatch((k) -> contains(k, box.centerX(), box.centerY()))) {
					boxes.add(box);
				}
			}
		}
		return boxes;
	}

	/**
	 * The most pixels the detector sees at once in the full pass: what a 3:2 photo took
	 * at a 1,024 px short side.
	 */
	static final double MAXIMUM_INPUT = 1536 * 1024;

	/**
	 * The full pass's scale: the photo's short side at {@code fullShortSide} (1,536: a
	 * bib 2 % of the short side is then 31 px tall, the height from which the detector
	 * finds nine bibs in ten; at 20 px it finds two in three, measured on the crowd set's
	 * bib boxes, docs/recognition.md), but a photo shorter than {@value #ENLARGE_UP_TO}
	 * px is enlarged to {@value #ENLARGE_UP_TO} only: its bibs hold no more detail than
	 * its pixels (on the dev set's small photos, 1,536 found no more bibs, only more
	 * noise, in 1.8 times the time).
	 * @param image the photo
	 * @return the scale
	 */
	double fullScale(BufferedImage image) {
		int shortSide = Math.min(image.getWidth(), image.getHeight());
		int target = Math.min(this.settings.fullShortSide(), Math.max(ENLARGE_UP_TO, shortSide));
		return (double) target / shortSide;
	}

	/** Photos shorter than this are enlarged to it for the full pass, no more. */
	static final int ENLARGE_UP_TO = 1024;

	/**
	 * What the coarse pass found.
	 *
	 * @param ready boxes of text tall enough in the coarse input to be read as found
	 * @param small boxes of smaller text (distant runners' bibs, prints)
	 * @param scale the coarse input's scale
	 */
	public record Coarse(List<RotatedBox> ready, List<RotatedBox> small, double scale) {

		/**
		 * Every box found.
		 * @return the ready boxes, then the small ones
		 */
		public List<RotatedBox> all() {
			List<RotatedBox> all = new ArrayList<>(this.ready);
			all.addAll(this.small);
			return all;
		}

		/**
		 * Whether text of this height in the photo counts as small in the coarse pass.
		 * @param textHeight the height, in the photo's pixels
		 * @param settings the finder's settings
		 * @return whether it is small
		 */
		public boolean small(double textHeight, Settings settings) {
			return textHeight * this.scale < settings.readyTextHeight();
		}

	}

	/**
	 * The coarse pass: the whole photo at {@code coarseShortSide}.
	 * @param image the photo
	 * @return the text found, ready and small
	 * @throws OrtException when the model fails
	 */
	public Coarse coarse(BufferedImage image) throws OrtException {
		double coarse = (double) this.settings.coarseShortSide() / Math.min(image.getWidth(), image.getHeight());
		ProbabilityMap map = this.models.probabilities(image, coarse);
		List<RotatedBox> ready = new ArrayList<>();
		List<RotatedBox> small = new ArrayList<>();
		for (ProbabilityMap.Region region : map.regions(0.3f, 1)) {
			RotatedBox box = region.grown();
			if (box != null) {
				boolean isReady = Math.min(box.width(), box.height()) >= this.settings.readyTextHeight();
				(isReady ? ready : small).add(box.scaled(map.sx(), map.sy()));
			}
		}
		return new Coarse(ready, small, coarse);
	}

	/**
	 * The fine pass: the parts of the photo around small text boxes, each detected again
	 * at the scale where its text is {@code fineTextHeight} tall, within the budget.
	 * @param image the photo
	 * @param around the small boxes (from the coarse pass)
	 * @return the boxes found there; where nothing is found, the box it was looked for
	 * around
	 * @throws OrtException when the model fails
	 */
	public List<RotatedBox> fine(BufferedImage image, List<RotatedBox> around) throws OrtException {
		double fullScale = fullScale(image);
		// Counted against what the detector sees at once: one area never takes more
		// memory than a strip of the full pass.
		double budget = this.settings.budget()
				* Math.min(MAXIMUM_INPUT, image.getWidth() * fullScale * image.getHeight() * fullScale);
		List<Area> areas = new ArrayList<>();
		for (RotatedBox box : around) {
			areas.add(area(box, Math.min(box.width(), box.height()), image));
		}
		List<RotatedBox> fine = new ArrayList<>();
		for (Area area : merge(areas)) {
			double cost = area.width() * area.scale() * area.height() * area.scale();
			List<RotatedBox> found = new ArrayList<>();
			if (cost <= budget) {
				budget -= cost;
				BufferedImage part = image.getSubimage(area.x(), area.y(), area.width(), area.height());
				for (RotatedBox box : this.models.detect(part, area.scale())) {
					found.add(box.translated(area.x(), area.y()));
				}
			}
			// Where the fine pass finds nothing, the coarse boxes stay: a blurred bib
			// may be boxed at one scale and not at the other.
			fine.addAll(found.isEmpty() ? area.coarse() : found);
		}
		return fine;
	}

	/**
	 * The fine pass below the runners' faces, in place of the full pass:
	 * {@link BelowFaces#find}.
	 * @param image the photo
	 * @param coarse what the coarse pass found
	 * @param numbers the boxes of every number the coarse pass read
	 * @param smallNumbers those of them that are small in the coarse input
	 * @return the boxes found below the faces, and whether the full pass is needed too
	 * (always, without the face models)
	 * @throws OrtException when a model fails
	 */
	public BelowFaces.Found belowFaces(BufferedImage image, Coarse coarse, List<RotatedBox> numbers,
			List<RotatedBox> smallNumbers) throws OrtException {
		return (this.belowFaces != null) ? this.belowFaces.find(image, coarse, numbers, smallNumbers)
				: new BelowFaces.Found(List.of(), false);
	}

	/**
	 * Boxes of {@code first}, then those of {@code more} whose centre is in none of them.
	 * @param first the boxes that win
	 * @param more boxes to add
	 * @return the union
	 */
	public static List<RotatedBox> union(List<RotatedBox> first, List<RotatedBox> more) {
		List<RotatedBox> all = new ArrayList<>(first);
		for (RotatedBox box : more) {
			if (first.stream().noneMatch((k) -> contains(k, box.centerX(), box.centerY()))) {
				all.add(box);
			}
		}
		return all;
	}

	/**
	 * The part of the photo around a small text box: wide and high enough for a whole bib
	 * around what was seen of it, at the scale where that text is {@code fineTextHeight}
	 * tall.
	 */
	private Area area(RotatedBox box, double textInImage, BufferedImage image) {
		int[] b = box.bounds();
		double padX = 1.5 * textInImage + 4;
		double padY = 1.0 * textInImage + 4;
		int x0 = (int) Math.max(0, Math.floor(b[0] - padX));
		int y0 = (int) Math.max(0, Math.floor(b[1] - padY));
		int x1 = (int) Math.min(image.getWidth(), Math.ceil(b[0] + b[2] + padX));
		int y1 = (int) Math.min(image.getHeight(), Math.ceil(b[1] + b[3] + padY));
		double scale = Math.min(this.settings.maximumScale(), this.settings.fineTextHeight() / textInImage);
		return new Area(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0), scale, List.of(box));
	}

	/**
	 * Overlapping areas become one, at the largest of their scales, so that no text is
	 * detected twice.
	 */
	static List<Area> merge(List<Area> areas) {
		List<Area> merged = new ArrayList<>(areas);
		boolean changed = true;
		while (changed) {
			changed = false;
			outer: for (int i = 0; i < merged.size(); i++) {
				for (int j = i + 1; j < merged.size(); j++) {
					Area a = merged.get(i);
					Area b = merged.get(j);
					if (a.overlaps(b)) {
						merged.set(i, a.union(b));
						merged.remove(j);
						changed = true;
						break outer;
					}
				}
			}
		}
		return merged;
	}

	/**
	 * A box's axis-aligned bounds.
	 * @param box the box
	 * @return x, y, width, height
	 */
	public static int[] bounds(RotatedBox box) {
		return box.bounds();
	}

	static boolean contains(RotatedBox box, double x, double y) {
		int[] b = box.bounds();
		return x >= b[0] && x <= b[0] + b[2] && y >= b[1] && y <= b[1] + b[3];
	}

	record Area(int x, int y, int width, int height, double scale, List<RotatedBox> coarse) {

		/** Whether a box found in this area touches one of its edges inside the photo. */
		boolean cuts(RotatedBox box, BufferedImage image) {
			int[] b = box.bounds();
			return (this.x > 0 && b[0] <= this.x + 1) || (this.y > 0 && b[1] <= this.y + 1)
					|| (this.x + this.width < image.getWidth() && b[0] + b[2] >= this.x + this.width - 1)
					|| (this.y + this.height < image.getHeight() && b[1] + b[3] >= this.y + this.height - 1);
		}

		boolean holds(RotatedBox box) {
			return box.centerX() >= this.x && box.centerX() <= this.x + this.width && box.centerY() >= this.y
					&& box.centerY() <= this.y + this.height;
		}

		boolean overlaps(Area other) {
			return this.x < other.x + other.width && other.x < this.x + this.width && this.y < other.y + other.height
					&& other.y < this.y + this.height;
		}

		Area union(Area other) {
			int x0 = Math.min(this.x, other.x);
			int y0 = Math.min(this.y, other.y);
			int x1 = Math.max(this.x + this.width, other.x + other.width);
			int y1 = Math.max(this.y + this.height, other.y + other.height);
			List<RotatedBox> boxes = new ArrayList<>(this.coarse);
			boxes.addAll(other.coarse);
			return new Area(x0, y0, x1 - x0, y1 - y0, Math.max(this.scale, other.scale), boxes);
		}

	}

}
