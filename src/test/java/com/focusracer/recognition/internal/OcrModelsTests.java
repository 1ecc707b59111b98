package com.focusracer.recognition.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real PP-OCRv4 models: a later pass does not recognise again the boxes an earlier
 * pass read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcrModelsTests {

	private OcrModels models;

	@BeforeAll
	void loadModels() {
		this.models = new OcrModels(1);
	}

	@AfterAll
	void closeModels() throws Exception {
		this.models.close();
	}

	@Test
	void linesReadBeforeAreKeptAndOnlyNewBoxesAreRecognised() throws Exception {
		BufferedImage photo = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = photo.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 1200, 800);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 120));
		g.drawString("1975", 100, 300);
		g.drawString("2468", 700, 600);
		g.dispose();
		List<RotatedBox> boxes = this.models.detect(photo, 1);
		assertThat(boxes).hasSize(2);
		List<OcrModels.TextLine> first = this.models.read(photo, boxes.subList(0, 1));
		// A line "read before" whose text the models would not give: it must come back as
		// it is, and the other box must be read.
		OcrModels.TextLine known = new OcrModels.TextLine("KNOWN", 1, new float[5], first.get(0).box(),
				first.get(0).textHeight(), boxes.get(0));
		List<OcrModels.TextLine> again = this.models.read(photo, boxes, List.of(known));
		assertThat(again).hasSize(2);
		assertThat(again.get(0)).isSameAs(known);
		assertThat(again.get(1).text()).isIn("1975", "2468");
	}

}
