package com.focusracer.recognition.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.focusracer.photos.AnalysisImages;
import com.focusracer.recognition.BibRead;
import com.focusracer.recognition.BibReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A distant runner's bib is found below their face, without the full pass; the full pass
 * stays when the photo shows a number that no face accounts for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BibsBelowFacesTests {

	private OcrModels models;

	private FaceModels faces;

	private TextFinder finder;

	@BeforeAll
	void loadModels() {
		this.faces = FaceModels.load(null, 1);
		Assumptions.assumeTrue(this.faces != null, "face models not fetched");
		this.models = new OcrModels(1);
		this.finder = new TextFinder(this.models, TextFinder.Settings.DEFAULTS, this.faces);
	}

	@AfterAll
	void closeModels() throws Exception {
		if (this.models != null) {
			this.models.close();
		}
		if (this.faces != null) {
			this.faces.close();
		}
	}

	@Test
	void aDistantRunnersBibIsFoundBelowTheirFace() throws Exception {
		BufferedImage photo = distantRunner();
		// As when the coarse pass reads nothing (a blurred or tiny bib): the face says
		// where to look.
		BelowFaces.Found below = this.finder.belowFaces(photo, this.finder.coarse(photo), List.of(), List.of());

		assertThat(below.accountForThePhoto()).as("the face accounts for the photo: no full pass").isTrue();
		assertThat(this.models.read(photo, below.boxes())).extracting(OcrModels.TextLine::text).contains("10168");
	}

	@Test
	void smallPrintBelowAFaceIsNoBibOfThatRunner() throws Exception {
		BufferedImage photo = distantRunner();
		// A sponsor's line printed small on the runner's shirt, beside the bib: text an
		// eighth of the face's height, where a bib's is a third to nine tenths.
		print(photo, "7725", 1840, 930, 20);

		BelowFaces.Found below = this.finder.belowFaces(photo, this.finder.coarse(photo), List.of(), List.of());
		assertThat(this.models.read(photo, below.boxes())).extracting(OcrModels.TextLine::text)
			.contains("10168")
			.doesNotContain("7725");
	}

	@Test
	void theReaderReadsTheDistantRunnerWithoutTheFullPass() throws Exception {
		BufferedImage photo = distantRunner();
		TextFinder.Coarse coarse = this.finder.coarse(photo);

		assertThat(this.finder.belowFaces(photo, coarse, numbers(photo, coarse, false), numbers(photo, coarse, true))
			.accountForThePhoto()).isTrue();
		try (BibReader reader = new BibReader(1, BibReader.Settings.DEFAULTS, this.faces)) {
			assertThat(reader.read(photo)).extracting(BibRead::bib).contains("10168");
		}
	}

	@Test
	void aNumberThatNoFaceAccountsForKeepsTheFullPass() throws Exception {
		BufferedImage photo = distantRunner();
		// A plate far from the runner, of a runner whose face is not in the photo (cut
		// by the frame, turned away): small in the coarse pass, under no face.
		print(photo, "4821", 2400, 1500, 70);
		TextFinder.Coarse coarse = this.finder.coarse(photo);
		List<RotatedBox> plate = numbers(photo, coarse, true).stream()
			.filter((b) -> b.centerX() > 2400 && b.centerY() > 1500)
			.toList();
		assertThat(plate).as("the plate is a small number in the coarse pass").hasSize(1);

		// As when the coarse pass read the plate but not the runner's bib.
		BelowFaces.Found below = this.finder.belowFaces(photo, coarse, plate, plate);
		assertThat(below.accountForThePhoto()).as("the full pass runs too").isFalse();
		assertThat(below.boxes()).as("the runner whose face is found is still looked below")
			.anyMatch((b) -> b.centerX() < 2000);
	}

	@Test
	void aFaceAtThePhotosFootHasNoBibToLookFor() throws Exception {
		// A dev photo with a spectator's head at its foot: their bib is out of the frame.
		BufferedImage photo = devPhoto("set1_40.JPG");
		int height = photo.getHeight();
		assertThat(this.faces.detect(photo, 16)).as("a face whose bib area starts below the photo")
			.anyMatch((face) -> face[1] + 1.5 * face[2] >= height);

		BelowFaces.Found below = this.finder.belowFaces(photo, this.finder.coarse(photo), List.of(), List.of());
		assertThat(below.boxes()).allMatch((b) -> b.centerY() < height);
		try (BibReader reader = new BibReader(1, BibReader.Settings.DEFAULTS, this.faces)) {
			assertThat(reader.read(photo)).extracting(BibRead::bib).contains("2287");
		}
	}

	@Test
	void aNearFacesBibIsLookedForWhenTheCoarsePassReadNothing() throws Exception {
		// A dev photo whose plate (941, tilted, text 18 px below a 54 px face) the coarse
		// pass does not see, though text that tall would be ready in its input.
		BufferedImage photo = devPhoto("set1_63.JPG");
		TextFinder.Coarse coarse = this.finder.coarse(photo);
		assertThat(numbers(photo, coarse, false)).as("the coarse pass reads no number").isEmpty();

		BelowFaces.Found below = this.finder.belowFaces(photo, coarse, List.of(), List.of());
		assertThat(below.boxes()).as("the plate, found below the face")
			.anyMatch((b) -> Math.abs(b.centerX() - 216) < 15 && Math.abs(b.centerY() - 304) < 15);
		try (BibReader reader = new BibReader(1, BibReader.Settings.DEFAULTS, this.faces)) {
			assertThat(reader.read(photo)).extracting(BibRead::bib).contains("941");
		}
	}

	/**
	 * A 3,000 x 2,000 photo with one runner of the dev set far away: bib 61527 at 2 % of
	 * the short side, face 67 px.
	 */
	private static BufferedImage distantRunner() throws Exception {
		BufferedImage runner = devPhoto("set2_04.JPG");
		BufferedImage photo = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = photo.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setColor(new Color(95, 110, 90));
		g.fillRect(0, 0, 3000, 2000);
		double k = 1.0;
		g.drawImage(runner, 1200, 600, (int) (runner.getWidth() * k), (int) (runner.getHeight() * k), null);
		g.dispose();
		return photo;
	}

	private static BufferedImage devPhoto(String name) throws Exception {
		Path file = Path.of("..", "shared", "datasets", "bibs-dev", "images", name);
		Assumptions.assumeTrue(Files.isRegularFile(file), "needs the dev dataset");
		return AnalysisImages.upright(file);
	}

	/** Black digits of a given size on a white plate whose top left corner is x, y. */
	private static void print(BufferedImage photo, String text, int x, int y, int size) {
		Graphics2D g = photo.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
		g.setFont(font);
		int width = g.getFontMetrics().stringWidth(text);
		g.setColor(Color.WHITE);
		g.fillRect(x, y, width + size / 2, size * 3 / 2);
		g.setColor(Color.BLACK);
		g.drawString(text, x + size / 4, y + size * 6 / 5);
		g.dispose();
	}

	/** The numbers the coarse pass read, as BibReader counts them; small ones only. */
	private List<RotatedBox> numbers(BufferedImage photo, TextFinder.Coarse coarse, boolean smallOnly)
			throws Exception {
		List<RotatedBox> numbers = new ArrayList<>();
		for (OcrModels.TextLine line : this.models.read(photo, coarse.all())) {
			if (line.text().matches("\\d{1,6}") && line.confidence() >= 0.5
					&& (!smallOnly || coarse.small(line.textHeight(), this.finder.settings()))) {
				numbers.add(line.rotatedBox());
			}
		}
		return numbers;
	}

}
