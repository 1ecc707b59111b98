package com.focusracer.recognition;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.focusracer.photos.Photos;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code eval} commands of the jar, on a small generated dataset.
 */
class EvaluationTests {

	@TempDir
	Path dataset;

	@Test
	void evaluatesBibReadingAndWritesPerImageResults() throws Exception {
		photo("one", 1200, 900, "2741", new Color(30, 60, 170), 1);
		photo("two", 900, 1200, "583", new Color(200, 40, 40), 2);
		photo("three", 1200, 900, "9105", new Color(20, 130, 60), 3);
		// The third photo is labelled with a bib that is not on it: one miss.
		Files.writeString(this.dataset.resolve("labels.csv"),
				"file,bibs\nimages/one.jpg,2741\nimages/two.jpg,583\nimages/three.jpg,1234\n");
		Path out = this.dataset.resolve("results.csv");

		String printed = run("bibs", "--dataset", this.dataset.toString(), "--out", out.toString());

		String last = printed.lines().reduce((a, b) -> b).orElseThrow();
		assertThat(last)
			.matches("precision=0\\.667 recall=0\\.667 f1=0\\.667 images=3 seconds=[0-9.]+ images_per_second=[0-9.]+");
		List<String> rows = Files.readAllLines(out);
		assertThat(rows).hasSize(4);
		assertThat(rows.get(3)).startsWith("images/three.jpg,1234,9105,0,1,1,9105:READ:");

		String withList = run("bibs", "--dataset", this.dataset.toString(), "--start-list", "labels");
		assertThat(withList.lines().reduce((a, b) -> b).orElseThrow()).as("9105 is not on the start list")
			.startsWith("precision=1.000 recall=0.667");
	}

	@Test
	void aFullStartListHoldsEveryBibUpToTheLargestLabelled() throws Exception {
		// 9105 is on the photo, not in its label: off the labels' list, but on a race's
		// full list 1…9999.
		oneRightAndThreeLabelled("9999");

		String labels = run("bibs", "--dataset", this.dataset.toString(), "--start-list", "labels");
		String full = run("bibs", "--dataset", this.dataset.toString(), "--start-list", "full");

		assertThat(labels.lines().reduce((a, b) -> b).orElseThrow()).startsWith("precision=1.000 recall=0.500");
		assertThat(full.lines().reduce((a, b) -> b).orElseThrow()).as("9105 is on the list 1…9999")
			.startsWith("precision=0.500 recall=0.500");
		assertThat(Evaluation.fullList(List.of("12", "A7"))).hasSize(13).contains("1", "12", "A7");
	}

	@Test
	void cropsEveryWrongReadAndEveryMissedLabelledBibForAnAudit() throws Exception {
		// three holds 9105, labelled 1234 where boxes.csv places a plate: one wrong read,
		// one miss; one is read right and gets no crop.
		oneRightAndThreeLabelled("1234");
		Files.writeString(this.dataset.resolve("boxes.csv"),
				"file,bib,bib_x0,bib_y0,bib_x1,bib_y1\nimages/one.jpg,2741,500,400,700,480\n"
						+ "images/three.jpg,1234,100,100,180,140\n");
		Path crops = this.dataset.resolve("crops");

		run("bibs", "--dataset", this.dataset.toString(), "--crops", crops.toString());

		try (java.util.stream.Stream<Path> files = Files.list(crops)) {
			assertThat(files.map((f) -> f.getFileName().toString()).sorted()).containsExactly("three_missed_1234.png",
					"three_wrong_9105.png");
		}
		java.awt.image.BufferedImage missed = javax.imageio.ImageIO
			.read(crops.resolve("three_missed_1234.png").toFile());
		assertThat(missed.getWidth()).as("the 80 px box with 2 × 40 px each side").isEqualTo(240);
		assertThat(missed.getHeight()).as("and 40 px above and below").isEqualTo(120);
	}

	@Test
	void explainsHowToCallItAndWhatIsWrong() throws Exception {
		assertThat(run("bibs")).contains("usage: eval bibs --dataset DIR");
		assertThat(run("bibs", "--dataset", this.dataset.resolve("nothing").toString())).startsWith("error: ")
			.contains("labels.csv");
	}

	/**
	 * Photo one wears 2741, labelled so; photo three wears 9105, labelled {@code three}.
	 */
	private void oneRightAndThreeLabelled(String three) throws Exception {
		photo("one", 1200, 900, "2741", new Color(30, 60, 170), 1);
		photo("three", 1200, 900, "9105", new Color(20, 130, 60), 3);
		Files.writeString(this.dataset.resolve("labels.csv"),
				"file,bibs\nimages/one.jpg,2741\nimages/three.jpg," + three + "\n");
	}

	/** A generated photo of a runner wearing a bib, as images/NAME.jpg of the dataset. */
	private void photo(String name, int width, int height, String bib, Color shirt, int seed) throws Exception {
		Files.createDirectories(this.dataset.resolve("images"));
		Files.write(this.dataset.resolve("images/" + name + ".jpg"),
				Photos.jpeg(Photos.aRunner(width, height, bib, shirt, seed)));
	}

	private static String run(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Evaluation.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
