package com.focusracer.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Makes an {@code eval faces} pairs file from a labelled bib set ({@code boxes.csv}: face
 * boxes, and the same bib in the same subset is the same runner): each face is cropped
 * with a margin of half its size, and every pair of crops becomes a line.
 * <p>
 * {@code java -cp ... com.focusracer.bench.FacePairsFromBoxes ../shared/datasets/bibs-dev /tmp/faces}
 */
public final class FacePairsFromBoxes {

	private FacePairsFromBoxes() {
	}

	public static void main(String[] args) throws Exception {
		Path dataset = Path.of(args[0]);
		Path out = Path.of(args[1]);
		Files.createDirectories(out);
		List<String[]> faces = new ArrayList<>();
		List<String> lines = Files.readAllLines(dataset.resolve("boxes.csv"));
		int n = 0;
		for (String line : lines.subList(1, lines.size())) {
			String[] p = line.split(",");
			if (p.length < 10 || p[6].isBlank()) {
				continue;
			}
			BufferedImage image = ImageIO.read(dataset.resolve(p[0]).toFile());
			double x0 = Double.parseDouble(p[6]);
			double y0 = Double.parseDouble(p[7]);
			double x1 = Double.parseDouble(p[8]);
			double y1 = Double.parseDouble(p[9]);
			double side = Math.max(x1 - x0, y1 - y0);
			double cx = (x0 + x1) / 2;
			double cy = (y0 + y1) / 2;
			int half = (int) Math.round(side);
			int left = (int) Math.max(0, cx - half);
			int top = (int) Math.max(0, cy - half);
			int right = (int) Math.min(image.getWidth(), cx + half);
			int bottom = (int) Math.min(image.getHeight(), cy + half);
			if (right - left < 8 || bottom - top < 8) {
				continue;
			}
			String name = "face_" + (n++) + ".png";
			ImageIO.write(image.getSubimage(left, top, right - left, bottom - top), "png", out.resolve(name).toFile());
			String subset = Path.of(p[0]).getFileName().toString().split("_")[0];
			faces.add(new String[] { name, subset + ":" + p[1] });
		}
		List<String> pairs = new ArrayList<>();
		pairs.add("file_a,file_b,same");
		for (int i = 0; i < faces.size(); i++) {
			for (int j = i + 1; j < faces.size(); j++) {
				pairs.add(faces.get(i)[0] + "," + faces.get(j)[0] + ","
						+ (faces.get(i)[1].equals(faces.get(j)[1]) ? 1 : 0));
			}
		}
		Files.write(out.resolve("pairs.csv"), pairs);
		System.out.println(faces.size() + " faces, " + (pairs.size() - 1) + " pairs in " + out.resolve("pairs.csv"));
	}

}
