package com.focusracer.gallery.internal;

/**
 * Where to cut a runner out of a photo for a given aspect ratio: around their head and
 * bib when they are known, else where the picture has the most detail. The head is never
 * cut: the crop holds the whole head (estimated from the bib when no face was found),
 * stays inside the photo, and is centred on the runner as far as the photo's edges allow.
 * Pure geometry, in the photo's pixels.
 */
public final class SmartCrop {

	/** The smallest crop, as a share of the photo's short side: no blurry over-zoom. */
	static final double MINIMUM_SIDE = 0.3;

	private SmartCrop() {
	}

	/**
	 * A rectangle in pixels.
	 *
	 * @param x left
	 * @param y top
	 * @param width width
	 * @param height height
	 */
	public record Box(double x, double y, double width, double height) {

		double centreX() {
			return this.x + this.width / 2;
		}

		double centreY() {
			return this.y + this.height / 2;
		}

		double right() {
			return this.x + this.width;
		}

		double bottom() {
			return this.y + this.height;
		}

		/**
		 * Whether another rectangle lies wholly inside this one.
		 * @param other the other
		 * @return true when inside
		 */
		public boolean contains(Box other) {
			return other.x >= this.x - 1e-6 && other.y >= this.y - 1e-6 && other.right() <= right() + 1e-6
					&& other.bottom() <= bottom() + 1e-6;
		}

		/**
		 * A box given in fractions of a photo, in its pixels.
		 * @param x left, 0–1
		 * @param y top, 0–1
		 * @param width 0–1
		 * @param height 0–1
		 * @param photoWidth the photo's width
		 * @param photoHeight the photo's height
		 * @return the box in pixels
		 */
		public static Box ofFractions(double x, double y, double width, double height, int photoWidth,
				int photoHeight) {
			return new Box(x * photoWidth, y * photoHeight, width * photoWidth, height * photoHeight);
		}

	}

	/**
	 * The head to keep whole: the face box with room for hair and ears, or, with a bib
	 * only, where a runner's head sits above a chest bib (two and a half bib widths above
	 * its top, a bib width and more wide).
	 * @param bib the runner's bib box, may be null
	 * @param face the runner's face box, may be null
	 * @return the head, or null when neither is known
	 */
	static Box head(Box bib, Box face) {
		if (face != null) {
			return new Box(face.x() - 0.25 * face.width(), face.y() - 0.45 * face.height(), 1.5 * face.width(),
					1.65 * face.height());
		}
		if (bib != null) {
			double side = 1.2 * bib.width();
			double bottom = bib.y() - 0.7 * bib.width();
			return new Box(bib.centreX() - side / 2, bottom - 1.3 * side, side, 1.3 * side);
		}
		return null;
	}

	/**
	 * The crop around one runner.
	 * @param photoWidth the photo's width
	 * @param photoHeight the photo's height
	 * @param aspect width over height wanted
	 * @param bib the runner's bib box, may be null
	 * @param face the runner's face box, may be null
	 * @return the crop, or null when neither box is known (then use {@link #salient})
	 */
	public static Box around(int photoWidth, int photoHeight, double aspect, Box bib, Box face) {
		Box head = head(bib, face);
		if (head == null) {
			return null;
		}
		Box photo = new Box(0, 0, photoWidth, photoHeight);
		head = clip(head, photo);
		// The runner from the top of the head to below the bib (or to the chest).
		double top = head.y();
		double bottom = (bib != null) ? bib.bottom() + 0.8 * bib.height() : head.bottom() + 1.5 * head.height();
		double subject = Math.max(bottom - top, head.height());
		// Landscape formats show head and shoulders rather than the whole runner, or the
		// neighbours would fill them.
		double height = Math.max(subject * 1.35 / Math.max(1, aspect), head.height() * 1.6);
		double width = height * aspect;
		// Wide formats: room for the whole head across and some shoulders.
		if (width < head.width() * 2.2) {
			width = head.width() * 2.2;
			height = width / aspect;
		}
		double minimum = MINIMUM_SIDE * Math.min(photoWidth, photoHeight);
		if (Math.min(width, height) < minimum) {
			double grow = minimum / Math.min(width, height);
			width *= grow;
			height *= grow;
		}
		// Never larger than the photo.
		double fit = Math.min(1, Math.min(photoWidth / width, photoHeight / height));
		width *= fit;
		height *= fit;
		double centreX = (face != null) ? head.centreX() : (bib != null ? bib.centreX() : head.centreX());
		double x = centreX - width / 2;
		// The head's top a little under the crop's top: faces look at the viewer, not up.
		// Clamping inside the photo keeps the head whole: the crop is taller and wider
		// than the head, and the head lies inside the photo.
		double y = top - 0.12 * height;
		return new Box(clamp(x, 0, photoWidth - width), clamp(y, 0, photoHeight - height), width, height);
	}

	/**
	 * The crop with the most detail when nobody is known on the photo: the largest window
	 * of the aspect that fits, slid to where the gradient energy is highest.
	 * @param grey the photo's luminance, row by row, may be downscaled
	 * @param width its width
	 * @param height its height
	 * @param aspect width over height wanted
	 * @return the crop, in the grey image's pixels
	 */
	public static Box salient(float[] grey, int width, int height, double aspect) {
		double cropWidth = Math.min(width, height * aspect);
		double cropHeight = cropWidth / aspect;
		double[] columns = new double[width];
		double[] rows = new double[height];
		for (int y = 1; y < height - 1; y++) {
			for (int x = 1; x < width - 1; x++) {
				int i = y * width + x;
				double energy = Math.abs(grey[i + 1] - grey[i - 1]) + Math.abs(grey[i + width] - grey[i - width]);
				columns[x] += energy;
				rows[y] += energy;
			}
		}
		double x = best(columns, (int) Math.round(cropWidth));
		double y = best(rows, (int) Math.round(cropHeight));
		return new Box(clamp(x, 0, width - cropWidth), clamp(y, 0, height - cropHeight), cropWidth, cropHeight);
	}

	/** The start of the window of a given length with the largest sum. */
	private static int best(double[] profile, int window) {
		if (window >= profile.length) {
			return 0;
		}
		double sum = 0;
		for (int i = 0; i < window; i++) {
			sum += profile[i];
		}
		double bestSum = sum;
		int best = 0;
		for (int i = window; i < profile.length; i++) {
			sum += profile[i] - profile[i - window];
			if (sum > bestSum) {
				bestSum = sum;
				best = i - window + 1;
			}
		}
		return best;
	}

	private static Box clip(Box box, Box within) {
		double x = Math.max(box.x(), within.x());
		double y = Math.max(box.y(), within.y());
		double right = Math.min(box.right(), within.right());
		double bottom = Math.min(box.bottom(), within.bottom());
		return new Box(x, y, Math.max(1, right - x), Math.max(1, bottom - y));
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(Math.max(min, max), value));
	}

}
