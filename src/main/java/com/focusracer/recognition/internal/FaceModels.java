package com.focusracer.recognition.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The face models of the MIT npm package {@code faceplugin-face-recognition-js}
 * (detector, 68-point landmarks, 512-float embedding), run as measured in
 * {@code shared/design/RECOGNITION.md}: detection on the whole photo and on tiles small
 * enough that faces of the wanted size are 14 px tall in the detector's 240 px input;
 * 5-point similarity alignment onto the standard 112 × 112 template.
 */
public final class FaceModels implements AutoCloseable {

	private static final String[] FILES = { "fr_detect.onnx", "fr_landmark.onnx", "fr_feature.onnx" };

	private static final double[][] TEMPLATE = { { 38.2946, 51.6963 }, { 73.5318, 51.5014 }, { 56.0252, 71.7366 },
			{ 41.5493, 92.3655 }, { 70.7299, 92.2041 } };

	private static final float DETECTION_THRESHOLD = 0.65f;

	private final OrtEnvironment environment;

	private final OrtSession detector;

	private final OrtSession landmarks;

	private final OrtSession embedder;

	/** How many of the models' weights were too small to matter and set to zero. */
	private final int tinyWeightsZeroed;

	/**
	 * A face found on a photo.
	 *
	 * @param x left, in the photo's pixels
	 * @param y top
	 * @param size side of the square box
	 * @param score the detector's score
	 * @param embedding the L2-normalised 512-float embedding
	 * @param portrait how good a portrait it makes, 0–1, for ranking only (see
	 * {@link PortraitScore}); 0 where not computed (selfies)
	 */
	public record Face(double x, double y, double size, double score, float[] embedding, double portrait) {

		public Face(double x, double y, double size, double score, float[] embedding) {
			this(x, y, size, score, embedding, 0);
		}

	}

	/** The 68 landmarks of a face and the grey crop the model read them from. */
	record Landmarks(double[][] points, float[] grey) {

		/** The five alignment points: eyes, nose tip, mouth corners. */
		double[][] five() {
			java.util.function.IntFunction<double[]> point = (i) -> this.points[i];
			return new double[][] { FaceGeometry.mean(point, 37, 38, 40, 41), FaceGeometry.mean(point, 43, 44, 46, 47),
					point.apply(30), FaceGeometry.mean(point, 48, 60), FaceGeometry.mean(point, 54, 64) };
		}

	}

	private FaceModels(byte[][] models, int threads) throws OrtException {
		this.environment = OrtEnvironment.getEnvironment();
		OrtSession.SessionOptions options = OcrModels.sessionOptions(threads);
		// The landmark and embedding models hold weights so small that they make
		// denormal numbers, which slow every face on x86 processors (TinyWeights).
		int zeroed = 0;
		for (byte[] model : models) {
			zeroed += TinyWeights.flush(model);
		}
		this.tinyWeightsZeroed = zeroed;
		this.detector = this.environment.createSession(models[0], options);
		this.landmarks = this.environment.createSession(models[1], options);
		this.embedder = this.environment.createSession(models[2], options);
	}

	/**
	 * Loads the models from a folder, or else from the {@code face-models/} folder the
	 * build puts in the application.
	 * @param folder a folder holding the three models, may be {@code null}
	 * @param threads ONNX Runtime threads per call
	 * @return the models, or {@code null} when they are not there (face features are then
	 * unavailable)
	 */
	public static FaceModels load(Path folder, int threads) {
		byte[][] models = new byte[FILES.length][];
		try {
			for (int i = 0; i < FILES.length; i++) {
				if (folder != null && Files.isRegularFile(folder.resolve(FILES[i]))) {
					models[i] = Files.readAllBytes(folder.resolve(FILES[i]));
				}
				else {
					try (InputStream in = FaceModels.class.getClassLoader()
						.getResourceAsStream("face-models/" + FILES[i])) {
						if (in == null) {
							return null;
						}
						models[i] = in.readAllBytes();
					}
				}
			}
			return new FaceModels(models, threads);
		}
		catch (IOException | OrtException ex) {
			throw new IllegalStateException("Could not load the face models", ex);
		}
	}

	/**
	 * Whether the models are there, without loading them.
	 * @param folder a folder holding the three models, may be {@code null}
	 * @return true when {@link #load} will find them
	 */
	public static boolean present(Path folder) {
		for (String file : FILES) {
			boolean inFolder = folder != null && Files.isRegularFile(folder.resolve(file));
			if (!inFolder && FaceModels.class.getClassLoader().getResource("face-models/" + file) == null) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Finds the faces of a photo and embeds each.
	 * @param image the upright photo
	 * @param minimumFace the height of the smallest face to find, in the image's pixels
	 * @return the faces
	 * @throws OrtException when a model fails
	 */
	public List<Face> faces(BufferedImage image, double minimumFace) throws OrtException {
		List<double[]> boxes = detect(image, minimumFace);
		List<Face> faces = new ArrayList<>();
		for (double[] box : boxes) {
			Landmarks marks = landmarks68(image, box);
			faces.add(new Face(box[0], box[1], box[2], box[3], embed(image, marks.five()),
					PortraitScore.of(marks.points(), marks.grey(), box[2], box[3])));
		}
		return faces;
	}

	/**
	 * Embeds the one face of a picture (a selfie, an evaluation crop): the most confident
	 * face found, or the whole picture when none is.
	 * @param image the picture
	 * @return the embedding
	 * @throws OrtException when a model fails
	 */
	public float[] embedOne(BufferedImage image) throws OrtException {
		List<double[]> boxes = detect(image, Math.min(image.getWidth(), image.getHeight()) / 8.0);
		double[] box = boxes.stream().max(Comparator.comparingDouble((double[] b) -> b[3] * b[2])).orElseGet(() -> {
			double side = Math.min(image.getWidth(), image.getHeight());
			return new double[] { (image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, 0 };
		});
		return embed(image, landmarks(image, box));
	}

	/**
	 * The face of a selfie: the largest face found, at least a tenth of the picture's
	 * short side (a face in the background is not the person searching).
	 * @param image the selfie, upright
	 * @return the face with its embedding, or empty when none is found
	 * @throws OrtException when a model fails
	 */
	public java.util.Optional<Face> selfieFace(BufferedImage image) throws OrtException {
		double minimum = Math.min(image.getWidth(), image.getHeight()) / 10.0;
		java.util.Optional<double[]> box = detect(image, minimum).stream()
			.filter((b) -> b[2] >= minimum)
			.max(Comparator.comparingDouble((double[] b) -> b[2]));
		if (box.isEmpty()) {
			return java.util.Optional.empty();
		}
		double[] b = box.get();
		return java.util.Optional.of(new Face(b[0], b[1], b[2], b[3], embed(image, landmarks(image, b))));
	}

	/** Boxes as x, y, side, score, squared, after non-maximum suppression. */
	List<double[]> detect(BufferedImage image, double minimumFace) throws OrtException {
		int width = image.getWidth();
		int height = image.getHeight();
		List<double[]> found = new ArrayList<>(detectIn(image, 0, 0, width, height));
		// Tiles short enough that the smallest wanted face is 14 px tall in the 240 px
		// input; 4:3 like the input, overlapping by a quarter.
		int tileHeight = (int) Math.min(height, Math.max(120, minimumFace * 240 / 14.0));
		int tileWidth = Math.min(width, tileHeight * 4 / 3);
		if (tileHeight < height * 0.9 || tileWidth < width * 0.9) {
			int stepY = Math.max(1, tileHeight * 3 / 4);
			int stepX = Math.max(1, tileWidth * 3 / 4);
			for (int y = 0; y < height; y += stepY) {
				for (int x = 0; x < width; x += stepX) {
					int tx = Math.min(x, width - tileWidth);
					int ty = Math.min(y, height - tileHeight);
					found.addAll(detectIn(image, tx, ty, tileWidth, tileHeight));
					if (x + tileWidth >= width) {
						break;
					}
				}
				if (y + tileHeight >= height) {
					break;
				}
			}
		}
		return suppress(found, 0.4);
	}

	private List<double[]> detectIn(BufferedImage image, int x0, int y0, int w, int h) throws OrtException {
		BufferedImage input = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = input.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, 320, 240, x0, y0, x0 + w, y0 + h, null);
		g.dispose();
		float[] data = FaceGeometry.planes(input, 320, 240);
		List<double[]> boxes = new ArrayList<>();
		try (OnnxTensor tensor = OnnxTensor.createTensor(this.environment, FloatBuffer.wrap(data),
				new long[] { 1, 3, 240, 320 });
				OrtSession.Result result = this.detector
					.run(Map.of(this.detector.getInputNames().iterator().next(), tensor))) {
			float[] scores = ((OnnxTensor) result.get("scores").orElseThrow()).getFloatBuffer().array();
			float[] coordinates = ((OnnxTensor) result.get("boxes").orElseThrow()).getFloatBuffer().array();
			int n = scores.length / 2;
			for (int i = 0; i < n; i++) {
				float score = scores[2 * i + 1];
				if (score < DETECTION_THRESHOLD) {
					continue;
				}
				double bx1 = x0 + coordinates[4 * i] * w;
				double by1 = y0 + coordinates[4 * i + 1] * h;
				double bx2 = x0 + coordinates[4 * i + 2] * w;
				double by2 = y0 + coordinates[4 * i + 3] * h;
				boxes.add(new double[] { bx1, by1, bx2, by2, score });
			}
		}
		return boxes;
	}

	/** Score-sorted IoU suppression, then square boxes (side = height, same centre). */
	static List<double[]> suppress(List<double[]> boxes, double iou) {
		boxes.sort(Comparator.comparingDouble((double[] b) -> b[4]).reversed());
		List<double[]> kept = new ArrayList<>();
		for (double[] box : boxes) {
			boolean overlaps = false;
			for (double[] k : kept) {
				double ix = Math.max(0, Math.min(box[2], k[2]) - Math.max(box[0], k[0]));
				double iy = Math.max(0, Math.min(box[3], k[3]) - Math.max(box[1], k[1]));
				double inter = ix * iy;
				double union = (box[2] - box[0]) * (box[3] - box[1]) + (k[2] - k[0]) * (k[3] - k[1]) - inter;
				// A small box inside a bigger one is the same face seen by a tile; so
				// is a less sure box centred inside a face already kept (a tile that
				// saw an eye and a cheek of a near face as a small face): one face
				// cannot be centred in another.
				double smaller = Math.min((box[2] - box[0]) * (box[3] - box[1]), (k[2] - k[0]) * (k[3] - k[1]));
				double cx = (box[0] + box[2]) / 2;
				double cy = (box[1] + box[3]) / 2;
				boolean centredInside = cx > k[0] && cx < k[2] && cy > k[1] && cy < k[3];
				if (inter / union > iou || inter / Math.max(1e-9, smaller) > 0.7 || centredInside) {
					overlaps = true;
					break;
				}
			}
			if (!overlaps) {
				kept.add(box);
			}
		}
		List<double[]> squares = new ArrayList<>();
		for (double[] b : kept) {
			double side = b[3] - b[1];
			double cx = (b[0] + b[2]) / 2;
			double cy = (b[1] + b[3]) / 2;
			squares.add(new double[] { cx - side / 2, cy - side / 2, side, b[4] });
		}
		return squares;
	}

	/** The five alignment points: eyes, nose tip, mouth corners. */
	double[][] landmarks(BufferedImage image, double[] box) throws OrtException {
		return landmarks68(image, box).five();
	}

	/** The 68 landmarks, in the image's pixels. */
	Landmarks landmarks68(BufferedImage image, double[] box) throws OrtException {
		// 10 % around the detector's square: on the dev set's runner faces this lifted
		// the
		// true-accept rate at 1 % false accepts from .74 to .82 (eval faces).
		double side = box[2] * 1.1;
		double x1 = box[0] - (side - box[2]) / 2;
		double y1 = box[1] - (side - box[2]) / 2;
		BufferedImage crop = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = crop.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		AffineTransform t = new AffineTransform();
		t.scale(64 / side, 64 / side);
		t.translate(-x1, -y1);
		g.drawImage(image, t, null);
		g.dispose();
		float[] grey = new float[64 * 64];
		int[] rgb = crop.getRGB(0, 0, 64, 64, null, 0, 64);
		for (int i = 0; i < grey.length; i++) {
			int p = rgb[i];
			grey[i] = (0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF)) / 256f;
		}
		float[] points;
		try (OnnxTensor tensor = OnnxTensor.createTensor(this.environment, FloatBuffer.wrap(grey),
				new long[] { 1, 1, 64, 64 });
				OrtSession.Result result = this.landmarks
					.run(Map.of(this.landmarks.getInputNames().iterator().next(), tensor))) {
			points = ((OnnxTensor) result.get(0)).getFloatBuffer().array();
		}
		double[][] all = new double[points.length / 2][];
		for (int i = 0; i < all.length; i++) {
			all[i] = new double[] { points[2 * i] * side + x1, points[2 * i + 1] * side + y1 };
		}
		return new Landmarks(all, grey);
	}

	float[] embed(BufferedImage image, double[][] points) throws OrtException {
		AffineTransform align = FaceGeometry.similarity(points, TEMPLATE);
		BufferedImage face = new BufferedImage(112, 112, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = face.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, align, null);
		g.dispose();
		// The embedding of the face and of its mirror image, summed: steadier on small
		// faces.
		float[] embedding = rawEmbedding(face);
		float[] mirrored = rawEmbedding(FaceGeometry.mirror(face));
		double norm = 0;
		for (int i = 0; i < embedding.length; i++) {
			embedding[i] += mirrored[i];
			norm += embedding[i] * embedding[i];
		}
		norm = Math.sqrt(Math.max(norm, 1e-12));
		for (int i = 0; i < embedding.length; i++) {
			embedding[i] /= (float) norm;
		}
		return embedding;
	}

	private float[] rawEmbedding(BufferedImage face) throws OrtException {
		float[] data = FaceGeometry.planes(face, 112, 112);
		try (OnnxTensor tensor = OnnxTensor.createTensor(this.environment, FloatBuffer.wrap(data),
				new long[] { 1, 3, 112, 112 });
				OrtSession.Result result = this.embedder
					.run(Map.of(this.embedder.getInputNames().iterator().next(), tensor))) {
			float[] embedding = ((OnnxTensor) result.get(0)).getFloatBuffer().array().clone();
			double norm = 0;
			for (float v : embedding) {
				norm += v * v;
			}
			norm = Math.sqrt(Math.max(norm, 1e-12));
			for (int i = 0; i < embedding.length; i++) {
				embedding[i] /= (float) norm;
			}
			return embedding;
		}
	}

	/**
	 * Cosine similarity of two L2-normalised embeddings.
	 * @param a one
	 * @param b the other
	 * @return the dot product
	 */
	public static double cosine(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	/**
	 * How many weights of the models were set to zero when they were loaded, being too
	 * small to matter ({@link TinyWeights}).
	 * @return the count
	 */
	int tinyWeightsZeroed() {
		return this.tinyWeightsZeroed;
	}

	@Override
	public void close() throws OrtException {
		this.detector.close();
		this.landmarks.close();
		this.embedder.close();
	}

}
