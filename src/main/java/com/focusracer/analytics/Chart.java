package com.focusracer.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn as SVG on the server (no script, so the pages keep their strict
 * Content-Security-Policy), with the geometry worked out here and the table behind it for
 * screen readers. Each bar has a {@code <title>} that browsers show on hover.
 *
 * @param id the element id
 * @param title the chart's title (also the table's caption)
 * @param valueLabel the heading of the values' column
 * @param bars the bars, in order
 * @param width the drawing's width
 * @param height the drawing's height
 */
public record Chart(String id, String title, String valueLabel, List<Bar> bars, int width, int height) {

	static final int WIDTH = 640;

	static final int HEIGHT = 180;

	static final int AXIS = 20;

	/**
	 * Lays bars out.
	 * @param id the element id
	 * @param title the title
	 * @param valueLabel the values' heading
	 * @param labels the label of each bar
	 * @param values the value of each bar
	 * @param shown the value of each bar as the page writes it
	 * @return the chart
	 */
	public static Chart bars(String id, String title, String valueLabel, List<String> labels, List<Long> values,
			List<String> shown) {
		long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
		int count = Math.max(1, labels.size());
		double slot = (double) WIDTH / count;
		double barWidth = Math.max(1, slot * 0.8);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			long value = values.get(i);
			double h = (max > 0) ? (HEIGHT - AXIS) * (double) value / max : 0;
			bars.add(new Bar(labels.get(i), value, shown.get(i), round(i * slot + (slot - barWidth) / 2),
					round(HEIGHT - AXIS - h), round(barWidth), round(h)));
		}
		return new Chart(id, title, valueLabel, bars, WIDTH, HEIGHT);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	public int baseline() {
		return this.height - AXIS;
	}

	/**
	 * The first and last labels, written under the axis.
	 * @return the first label, or empty
	 */
	public String firstLabel() {
		return this.bars.isEmpty() ? "" : this.bars.get(0).label();
	}

	public String lastLabel() {
		return this.bars.isEmpty() ? "" : this.bars.get(this.bars.size() - 1).label();
	}

	/**
	 * One bar.
	 *
	 * @param label what it counts (a day, a month, an hour, a name)
	 * @param value its value
	 * @param shown its value as the page writes it
	 * @param x left
	 * @param y top
	 * @param w width
	 * @param h height
	 */
	public record Bar(String label, long value, String shown, double x, double y, double w, double h) {
	}

}
