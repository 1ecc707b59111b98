package com.focusracer.recognition;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real PP-OCRv4 models read a bib printed on a generated photo, and ignore words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BibReaderTests {

	private BibReader reader;

	@BeforeAll
	void loadModels() {
		this.reader = new BibReader(2);
	}

	@AfterAll
	void closeModels() throws Exception {
		this.reader.close();
	}

	@Test
	void readsABibAndLeavesWordsAlone() {
		BufferedImage photo = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = photo.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(new Color(40, 90, 160));
		g.fillRect(0, 0, 1200, 800);
		g.setColor(Color.WHITE);
		g.fillRect(420, 300, 360, 200);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 130));
		g.drawString("1975", 440, 450);
		g.setColor(Color.WHITE);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 60));
		g.drawString("MARATHON", 80, 140);
		g.dispose();

		assertThat(this.reader.read(photo)).extracting(BibRead::bib).containsExactly("1975");
		assertThat(this.reader.read(photo).get(0).box().x()).isBetween(380, 480);
	}

}
