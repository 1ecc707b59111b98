package com.focusracer.recognition.internal;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The plain geometry and pixel work around the face models: landmark means, the
 * similarity that aligns a face onto the template, mirror images, the models' input
 * planes.
 */
final class FaceGeometry {

	private FaceGeometry() {
	}

	static double[] mean(java.util.function.IntFunction<double[]> point, int... indexes) {
		double x = 0;
		double y = 0;
		for (int i : indexes) {
			x += point.apply(i)[0];
			y += point.apply(i)[1];
		}
		return new double[] { x / indexes.length, y / indexes.length };
	}

	static BufferedImage mirror(BufferedImage image) {
		BufferedImage mirrored = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = mirrored.createGraphics();
		g.drawImage(image, image.getWidth(), 0, -image.getWidth(), image.getHeight(), null);
		g.dispose();
		return mirrored;
	}

	/** RGB planes, (x − 127) / 128. */
	static float[] planes(BufferedImage image, int width, int height) {
		// The models' inputs are plain TYPE_INT_RGB images made here: their pixels are
		// read straight from the raster, not one by one through the colour model.
		int[] rgb = (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getParent() == null
				&& image.getWidth() == width && image.getHeight() == height)
						? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
						: image.getRGB(0, 0, width, height, null, 0, width);
		int plane = width * height;
		float[] data = new float[3 * plane];
		for (int i = 0; i < plane; i++) {
			int p = rgb[i];
			data[i] = (((p >> 16) & 0xFF) - 127f) / 128f;
			data[plane + i] = (((p >> 8) & 0xFF) - 127f) / 128f;
			data[2 * plane + i] = ((p & 0xFF) - 127f) / 128f;
		}
		return data;
	}

	/**
	 * The least-squares similarity (rotation, uniform scale, translation) taking points
	 * onto targets.
	 */
	static AffineTransform similarity(double[][] from, double[][] to) {
		int n = from.length;
		double mx = 0;
		double my = 0;
		double tx = 0;
		double ty = 0;
		for (int i = 0; i < n; i++) {
			mx += from[i][0] / n;
			my += from[i][1] / n;
			tx += to[i][0] / n;
			ty += to[i][1] / n;
		}
		double a = 0;
		double b = 0;
		double norm = 0;
		for (int i = 0; i < n; i++) {
			double x = from[i][0] - mx;
			double y = from[i][1] - my;
			double u = to[i][0] - tx;
			double v = to[i][1] - ty;
			a += x * u + y * v;
			b += x * v - y * u;
			norm += x * x + y * y;
		}
		a /= Math.max(norm, 1e-12);
		b /= Math.max(norm, 1e-12);
		// [u v] = [a -b; b a] [x y] + t
		return new AffineTransform(a, b, -b, a, tx - (a * mx - b * my), ty - (b * mx + a * my));
	}

}
