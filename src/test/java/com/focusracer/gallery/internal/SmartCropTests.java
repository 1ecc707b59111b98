package com.focusracer.gallery.internal;

import java.util.List;

import com.focusracer.gallery.ShareFormat;
import com.focusracer.gallery.internal.SmartCrop.Box;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crops of a finish-line photo with three runners side by side: each runner's crop, in
 * every format, holds their whole head, stays inside the photo and is centred on them
 * (closer to them than to either neighbour).
 */
class SmartCropTests {

	static final int WIDTH = 3000;

	static final int HEIGHT = 2000;

	/** A runner: bib box and face box, in pixels. */
	record Runner(Box bib, Box face) {

		double centreX() {
			return this.bib.x() + this.bib.width() / 2;
		}

	}

	/** Left, middle, right; the one on the right is further away (smaller). */
	static final List<Runner> THREE = List.of(new Runner(new Box(420, 1050, 240, 170), new Box(470, 560, 150, 150)),
			new Runner(new Box(1380, 1000, 260, 180), new Box(1440, 480, 160, 160)),
			new Runner(new Box(2420, 1150, 180, 130), new Box(2460, 790, 110, 110)));

	@Test
	void eachRunnersCropIsCentredOnThemInEveryFormatAndKeepsTheHeadWhole() {
		for (ShareFormat format : ShareFormat.values()) {
			for (int i = 0; i < THREE.size(); i++) {
				Runner runner = THREE.get(i);
				Box crop = SmartCrop.around(WIDTH, HEIGHT, format.aspect(), runner.bib(), runner.face());
				String what = format + " of runner " + i + ": " + crop;
				assertThat(crop.width() / crop.height()).as(what)
					.isCloseTo(format.aspect(), org.assertj.core.data.Offset.offset(0.001));
				assertThat(new Box(0, 0, WIDTH, HEIGHT).contains(crop)).as(what + " inside the photo").isTrue();
				assertThat(crop.contains(SmartCrop.head(runner.bib(), runner.face()))).as(what + " whole head")
					.isTrue();
				assertThat(crop.contains(runner.face())).as(what + " face").isTrue();
				double centre = crop.x() + crop.width() / 2;
				for (int j = 0; j < THREE.size(); j++) {
					if (j != i) {
						assertThat(Math.abs(centre - runner.centreX()))
							.as(what + " closer to its runner than to runner " + j)
							.isLessThan(Math.abs(centre - THREE.get(j).centreX()));
					}
				}
				boolean atAnEdge = crop.x() < 1e-6 || crop.x() + crop.width() > WIDTH - 1e-6;
				if (!atAnEdge) {
					// Away from the photo's edges, exactly on the runner.
					assertThat(Math.abs(centre - runner.face().centreX())).as(what + " centred").isLessThan(2.0);
				}
			}
		}
	}

	@Test
	void withABibOnlyTheHeadAboveItIsKeptWhole() {
		Box bib = new Box(1400, 1200, 240, 170);
		for (ShareFormat format : ShareFormat.values()) {
			Box crop = SmartCrop.around(WIDTH, HEIGHT, format.aspect(), bib, null);
			Box head = SmartCrop.head(bib, null);
			assertThat(head.bottom()).isLessThan(bib.y());
			assertThat(crop.contains(head)).as(format + " " + crop).isTrue();
			if (format != ShareFormat.LINK) {
				// (a link preview shows head and shoulders)
				assertThat(crop.contains(bib)).as(format + " bib").isTrue();
			}
		}
	}

	@Test
	void aRunnerAtThePhotosEdgeGetsACropClampedInsideIt() {
		Box face = new Box(10, 40, 200, 200);
		Box crop = SmartCrop.around(WIDTH, HEIGHT, ShareFormat.STORY.aspect(), new Box(0, 500, 260, 180), face);
		assertThat(crop.x()).isZero();
		assertThat(crop.y()).isZero();
		assertThat(crop.contains(new Box(10, 40, 200, 200))).isTrue();
	}

	@Test
	void withNobodyKnownTheCropGoesWhereThereIsDetail() {
		int w = 300;
		int h = 200;
		float[] grey = new float[w * h];
		// A flat picture with a checkered patch on its right.
		for (int y = 60; y < 140; y++) {
			for (int x = 220; x < 290; x++) {
				grey[y * w + x] = ((x / 4 + y / 4) % 2 == 0) ? 1f : 0f;
			}
		}
		Box crop = SmartCrop.salient(grey, w, h, ShareFormat.STORY.aspect());
		assertThat(crop.height()).isEqualTo(h);
		assertThat(crop.x() + crop.width()).isGreaterThan(280);
		assertThat(crop.x()).isLessThan(230);
		assertThat(SmartCrop.around(w, h, 1, null, null)).isNull();
	}

}
