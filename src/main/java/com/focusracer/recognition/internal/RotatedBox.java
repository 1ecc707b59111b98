package com.focusracer.recognition.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A rotated rectangle around a detected text region: its four corners in order top-left,
 * top-right, bottom-right, bottom-left.
 *
 * @param corners eight numbers: x0, y0, x1, y1, x2, y2, x3, y3
 */
public record RotatedBox(double[] corners) {

	double width() {
		return Math.max(distance(0, 1), distance(3, 2));
	}

	double height() {
		return Math.max(distance(0, 3), distance(1, 2));
	}

	private double distance(int a, int b) {
		return Math.hypot(this.corners[2 * a] - this.corners[2 * b], this.corners[2 * a + 1] - this.corners[2 * b + 1]);
	}

	RotatedBox scaled(double sx, double sy) {
		double[] c = this.corners.clone();
		for (int i = 0; i < 4; i++) {
			c[2 * i] *= sx;
			c[2 * i + 1] *= sy;
		}
		return new RotatedBox(c);
	}

	RotatedBox translated(double dx, double dy) {
		double[] c = this.corners.clone();
		for (int i = 0; i < 4; i++) {
			c[2 * i] += dx;
			c[2 * i + 1] += dy;
		}
		return new RotatedBox(c);
	}

	double centerX() {
		return (this.corners[0] + this.corners[2] + this.corners[4] + this.corners[6]) / 4;
	}

	double centerY() {
		return (this.corners[1] + this.corners[3] + this.corners[5] + this.corners[7]) / 4;
	}

	int[] bounds() {
		double minX = Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = -Double.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			minX = Math.min(minX, this.corners[2 * i]);
			maxX = Math.max(maxX, this.corners[2 * i]);
			minY = Math.min(minY, this.corners[2 * i + 1]);
			maxY = Math.max(maxY, this.corners[2 * i + 1]);
		}
		return new int[] { (int) Math.floor(minX), (int) Math.floor(minY), (int) Math.ceil(maxX - minX),
				(int) Math.ceil(maxY - minY) };
	}

	/**
	 * The smallest-area rectangle around the pixels of a connected region (rotating
	 * calipers over their convex hull), given by the leftmost and rightmost pixel of each
	 * of its rows: the hull of a region's pixel squares is the hull of those pixels'
	 * corners.
	 * @param top the region's first row
	 * @param bottom its last row
	 * @param rowMin the leftmost pixel of each row (rows without pixels: none, as the
	 * region is connected)
	 * @param rowMax the rightmost pixel of each row
	 * @return the rectangle, corners ordered from the top-left clockwise
	 */
	static RotatedBox minimumArea(int top, int bottom, int[] rowMin, int[] rowMax) {
		List<double[]> points = new ArrayList<>(4 * (bottom - top + 1));
		// Pixel squares, not pixel centres, so that the rectangle covers whole pixels.
		for (int y = top; y <= bottom; y++) {
			points.add(new double[] { rowMin[y], y });
			points.add(new double[] { rowMin[y], y + 1 });
			points.add(new double[] { rowMax[y] + 1, y });
			points.add(new double[] { rowMax[y] + 1, y + 1 });
		}
		List<double[]> hull = convexHull(points);
		double bestArea = Double.MAX_VALUE;
		double[] best = null;
		for (int i = 0; i < hull.size(); i++) {
			double[] p = hull.get(i);
			double[] q = hull.get((i + 1) % hull.size());
			double angle = Math.atan2(q[1] - p[1], q[0] - p[0]);
			double cos = Math.cos(angle);
			double sin = Math.sin(angle);
			double minU = Double.MAX_VALUE;
			double maxU = -Double.MAX_VALUE;
			double minV = Double.MAX_VALUE;
			double maxV = -Double.MAX_VALUE;
			for (double[] h : hull) {
				double u = h[0] * cos + h[1] * sin;
				double v = -h[0] * sin + h[1] * cos;
				minU = Math.min(minU, u);
				maxU = Math.max(maxU, u);
				minV = Math.min(minV, v);
				maxV = Math.max(maxV, v);
			}
			double area = (maxU - minU) * (maxV - minV);
			if (area < bestArea) {
				bestArea = area;
				best = new double[] { minU, minV, maxU, maxV, cos, sin };
			}
		}
		double[] c = new double[8];
		double[][] uv = { { best[0], best[1] }, { best[2], best[1] }, { best[2], best[3] }, { best[0], best[3] } };
		for (int i = 0; i < 4; i++) {
			c[2 * i] = uv[i][0] * best[4] - uv[i][1] * best[5];
			c[2 * i + 1] = uv[i][0] * best[5] + uv[i][1] * best[4];
		}
		return ordered(c);
	}

	/**
	 * Grows the rectangle by {@code d} on every side.
	 * @param d the distance
	 * @return the larger rectangle
	 */
	RotatedBox expanded(double d) {
		double[] c = this.corners;
		double cx = (c[0] + c[2] + c[4] + c[6]) / 4;
		double cy = (c[1] + c[3] + c[5] + c[7]) / 4;
		// Unit vectors along the top edge and the left edge.
		double ux = c[2] - c[0];
		double uy = c[3] - c[1];
		double ul = Math.max(1e-9, Math.hypot(ux, uy));
		ux /= ul;
		uy /= ul;
		double vx = c[6] - c[0];
		double vy = c[7] - c[1];
		double vl = Math.max(1e-9, Math.hypot(vx, vy));
		vx /= vl;
		vy /= vl;
		double hw = width() / 2 + d;
		double hh = height() / 2 + d;
		return new RotatedBox(new double[] { cx - ux * hw - vx * hh, cy - uy * hw - vy * hh, cx + ux * hw - vx * hh,
				cy + uy * hw - vy * hh, cx + ux * hw + vx * hh, cy + uy * hw + vy * hh, cx - ux * hw + vx * hh,
				cy - uy * hw + vy * hh });
	}

	private static RotatedBox ordered(double[] c) {
		List<double[]> points = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			points.add(new double[] { c[2 * i], c[2 * i + 1] });
		}
		points.sort(Comparator.comparingDouble((double[] p) -> p[0]));
		double[] left1 = points.get(0);
		double[] left2 = points.get(1);
		double[] right1 = points.get(2);
		double[] right2 = points.get(3);
		double[] tl = (left1[1] <= left2[1]) ? left1 : left2;
		double[] bl = (left1[1] <= left2[1]) ? left2 : left1;
		double[] tr = (right1[1] <= right2[1]) ? right1 : right2;
		double[] br = (right1[1] <= right2[1]) ? right2 : right1;
		return new RotatedBox(new double[] { tl[0], tl[1], tr[0], tr[1], br[0], br[1], bl[0], bl[1] });
	}

	private static List<double[]> convexHull(List<double[]> points) {
		points.sort(Comparator.<double[]>comparingDouble((p) -> p[0]).thenComparingDouble((p) -> p[1]));
		List<double[]> hull = new ArrayList<>();
		for (int pass = 0; pass < 2; pass++) {
			int start = hull.size();
			for (int i = 0; i < points.size(); i++) {
				double[] p = points.get((pass == 0) ? i : points.size() - 1 - i);
				while (hull.size() >= start + 2
						&& cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
					hull.remove(hull.size() - 1);
				}
				hull.add(p);
			}
			hull.remove(hull.size() - 1);
		}
		return hull;
	}

	/**
	 * The text in this box, cut out of the image and turned upright (a box much taller
	 * than wide is read as text written upwards).
	 * @param image the image the box is in
	 * @return the crop, as wide as the box and as high
	 */
	public BufferedImage crop(BufferedImage image) {
		double[] c = this.corners;
		int width = Math.max(1, (int) Math.round(width()));
		int height = Math.max(1, (int) Math.round(height()));
		// The affine map that takes the box's top-left, top-right and bottom-left corners
		// to the crop's.
		double ux = (c[2] - c[0]) / width;
		double uy = (c[3] - c[1]) / width;
		double vx = (c[6] - c[0]) / height;
		double vy = (c[7] - c[1]) / height;
		AffineTransform toSource = new AffineTransform(ux, uy, vx, vy, c[0], c[1]);
		BufferedImage crop = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = crop.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		try {
			g.drawImage(image, toSource.createInverse(), null);
		}
		catch (java.awt.geom.NoninvertibleTransformException ex) {
			// A degenerate box: an empty crop reads as nothing.
		}
		g.dispose();
		if ((double) height / width >= 1.5) {
			BufferedImage turned = new BufferedImage(height, width, BufferedImage.TYPE_INT_RGB);
			Graphics2D t = turned.createGraphics();
			// 90° counter-clockwise.
			t.translate(0, width);
			t.rotate(-Math.PI / 2);
			t.drawImage(crop, 0, 0, null);
			t.dispose();
			return turned;
		}
		return crop;
	}

	private static double cross(double[] o, double[] a, double[] b) {
		return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
	}

}
