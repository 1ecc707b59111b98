package com.focusracer.recognition;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import ai.onnxruntime.OrtException;

import com.focusracer.recognition.internal.BelowFaces;
import com.focusracer.recognition.internal.FaceModels;
import com.focusracer.recognition.internal.OcrModels;
import com.focusracer.recognition.internal.RotatedBox;
import com.focusracer.recognition.internal.TextFinder;
import com.focusracer.recognition.internal.TextSource;

/**
 * Reads bib numbers on a photo with PP-OCRv4, then keeps what is plausibly a bib.
 * <ol>
 * <li>Text is found by {@link TextFinder}: a coarse pass over the whole photo, then a
 * fine pass over the regions where it saw small text (distant runners), each at the scale
 * where that text is tall enough for the detector; then, when it saw distant runners or
 * nothing readable, a fine pass below each runner's face whose bib it could not see
 * ({@link TextFinder#belowFaces}), or where the faces do not account for the photo, a
 * full pass at a 1,536 px short side. The faces are only located there (no landmarks, no
 * embedding, nothing kept), also on events without face features.</li>
 * <li>Every text line that can hold a number is read from the full-resolution photo.</li>
 * <li>Only digit strings of bib length are kept (with a one-letter prefix when the start
 * list uses them); numbers written next to words on the same line (years, distances,
 * phone numbers) and numbers much smaller than a bib next to them on the same plate (a
 * year or a sponsor printed small on the bib) are dropped. A distant runner's bib, small
 * next to a near runner's, is kept: it is on another plate.</li>
 * <li>With a start list, the rules of {@link StartListCheck} apply.</li>
 * </ol>
 */
public class BibReader implements AutoCloseable {

	private final OcrModels models;

	private final TextSource source;

	private final Rereads rereads;

	private final TextFinder finder;

	private volatile Settings settings;

	/** The face models this reader loaded itself, closed with it. */
	private final FaceModels ownedFaces;

	/**
	 * Reading settings: the figures that chose them are in {@code docs/recognition.md}.
	 *
	 * @param minimumConfidence a read without start list needs this mean character
	 * probability
	 * @param startListConfidence a read that is on the start list needs this
	 * @param relativeHeight a number lower than this share of a taller bib on the same
	 * plate is not a bib
	 * @param finder how text is found (coarse, fine and full passes)
	 * @param multiScale whether text is found in a coarse and a fine pass, else in one
	 * full pass
	 */
	public record Settings(double minimumConfidence, double startListConfidence, double relativeHeight,
			TextFinder.Settings finder, boolean multiScale) {

		/** The production settings. */
		public static final Settings DEFAULTS = new Settings(0.85, 0.6, 0.6, TextFinder.Settings.DEFAULTS, true);

		/**
		 * The photo's short side in the single full pass.
		 * @return pixels
		 */
		public int detectorShortSide() {
			return this.finder.fullShortSide();
		}

		/**
		 * These settings with another way of finding text.
		 * @param finder the text finder's settings
		 * @param multiScale whether to use the coarse and fine passes
		 * @return the settings
		 */
		public Settings with(TextFinder.Settings finder, boolean multiScale) {
			return new Settings(this.minimumConfidence, this.startListConfidence, this.relativeHeight, finder,
					multiScale);
		}

	}

	public BibReader(int threads) {
		this(threads, Settings.DEFAULTS);
	}

	public BibReader(int threads, Settings settings) {
		this(threads, settings, null);
	}

	/**
	 * A reader that looks below the runners' faces for the bibs of distant runners
	 * ({@link TextFinder#belowFaces}).
	 * @param threads ONNX Runtime threads per call
	 * @param settings the rules' settings
	 * @param faces the face models, owned by the caller; {@code null} when absent (the
	 * full pass then does their work)
	 */
	public BibReader(int threads, Settings settings, FaceModels faces) {
		this(threads, settings, faces, false);
	}

	private BibReader(int threads, Settings settings, FaceModels faces, boolean ownsFaces) {
		this.ownedFaces = ownsFaces ? faces : null;
		this.models = new OcrModels(threads);
		this.finder = new TextFinder(this.models, settings.finder(), faces);
		this.rereads = new Rereads(this.models);
		this.source = null;
		this.settings = settings;
	}

	/**
	 * A reader of the measuring tools (one ONNX Runtime thread per call), with the face
	 * models of the application when its settings look below faces and the build put them
	 * there, as on a worker node.
	 * @param settings the rules' settings
	 * @return the reader, to close
	 */
	static BibReader measuring(Settings settings) {
		FaceModels faces = settings.finder().belowFaces() ? FaceModels.load(null, 1) : null;
		return new BibReader(1, settings, faces, true);
	}

	/**
	 * A reader whose text comes from elsewhere (AWS Rekognition): the same bib rules
	 * apply.
	 * @param source where text lines come from
	 * @param settings the rules' settings
	 */
	public BibReader(TextSource source, Settings settings) {
		this.models = null;
		this.ownedFaces = null;
		this.finder = null;
		this.rereads = null;
		this.source = source;
		this.settings = settings;
	}

	/**
	 * @return the settings the next reads use
	 */
	public Settings settings() {
		return this.settings;
	}

	/** Thresholds changed at runtime (the platform's AI settings), for the next reads. */
	public void useThresholds(double minimumConfidence, double startListConfidence) {
		Settings now = this.settings;
		if (now.minimumConfidence() != minimumConfidence || now.startListConfidence() != startListConfidence) {
			this.settings = new Settings(minimumConfidence, startListConfidence, now.relativeHeight(), now.finder(),
					now.multiScale());
		}
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
		StartListCheck check = new StartListCheck(startList);
		try {
			if (this.source != null) {
				return BibSelection.select(this.source.read(photo), check, this.settings, photo.getWidth());
			}
			return this.rereads.lookBeside(photo,
					BibSelection.select(lines(photo), check, this.settings, photo.getWidth()), check,
					this.settings.minimumConfidence());
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Text detection failed", ex);
		}
	}

	/**
	 * The text lines of a photo. A coarse pass first; when it shows small text that reads
	 * as a number (a distant runner: others may be there that it did not see), a fine
	 * pass around each small number and the full pass over the whole photo; when nothing
	 * reads as a number at all, the full pass too (the safety net). What the coarse pass
	 * read is not recognised again. Then each number is read again a little wider.
	 */
	private List<OcrModels.TextLine> lines(BufferedImage photo) throws OrtException {
		return this.rereads.widened(photo, found(photo));
	}

	private List<OcrModels.TextLine> found(BufferedImage photo) throws OrtException {
		if (!this.settings.multiScale()) {
			return this.models.read(photo, this.finder.full(photo));
		}
		TextFinder.Coarse coarse = this.finder.coarse(photo);
		List<OcrModels.TextLine> lines = this.models.read(photo, coarse.all());
		List<RotatedBox> smallNumbers = new ArrayList<>();
		List<RotatedBox> numbers = new ArrayList<>();
		for (OcrModels.TextLine line : lines) {
			// A stroke read as "1" or "8" with a probability of 0.1 is no number: it
			// says nothing about distant runners.
			if (NUMBER.matcher(line.text()).matches() && line.confidence() >= NUMBER_EVIDENCE) {
				numbers.add(line.rotatedBox());
				if (coarse.small(line.textHeight(), this.settings.finder())) {
					smallNumbers.add(line.rotatedBox());
				}
			}
		}
		if (!numbers.isEmpty() && smallNumbers.isEmpty()) {
			return lines;
		}
		List<RotatedBox> boxes = TextFinder.union(coarse.ready(), this.finder.fine(photo, smallNumbers));
		// Distant numbers, or nothing readable: below the runners' faces, at the scale
		// each face says; where the faces do not account for the photo, the whole photo
		// again at the full pass's scale, where more distant runners' bibs are found
		// than in the coarse pass.
		BelowFaces.Found belowFaces = this.finder.belowFaces(photo, coarse, numbers, smallNumbers);
		boxes = TextFinder.union(boxes, belowFaces.boxes());
		if (!belowFaces.accountForThePhoto()) {
			boxes = TextFinder.union(boxes, this.finder.full(photo));
		}
		return this.models.read(photo, boxes, lines);
	}

	private static final Pattern NUMBER = Pattern.compile("[A-Za-z]?\\d{1,6}");

	/** The least mean probability of a read that counts as a number seen. */
	private static final double NUMBER_EVIDENCE = 0.5;

	/**
	 * Where text is found on a photo, without reading it (to measure how many bib plates
	 * get a text box): the boxes of the lines that {@link #read} reads.
	 * @param photo the photo
	 * @return the boxes' bounds: x, y, width, height in the photo's pixels
	 * @throws OrtException when the models fail
	 */
	public List<int[]> textBoxes(BufferedImage photo) throws OrtException {
		return lines(photo).stream().map(OcrModels.TextLine::box).toList();
	}

	/**
	 * The text lines read on a photo, for the offline replay of the bib rules in the
	 * tests' tools.
	 * @param photo the photo
	 * @return the lines
	 * @throws OrtException when the models fail
	 */
	List<OcrModels.TextLine> linesForReplay(BufferedImage photo) throws OrtException {
		return lines(photo);
	}

	@Override
	public void close() throws OrtException {
		if (this.models != null) {
			this.models.close();
		}
		if (this.ownedFaces != null) {
			this.ownedFaces.close();
		}
	}

}
