package com.focusracer.recognition;

/**
 * The recognition settings in force on the platform.
 *
 * @param minimumConfidence the mean character confidence a read needs when the event has
 * no start list (or the number is not on it)
 * @param startListConfidence the confidence a read needs when its number is on the start
 * list
 * @param faceFeaturesAllowed whether events may use face features at all; when not,
 * organizers cannot turn them on and events that have them on are treated as off
 * @param provider {@code local} (ONNX models) or {@code aws} (Rekognition)
 */
public record AiSettings(double minimumConfidence, double startListConfidence, boolean faceFeaturesAllowed,
		String provider) {

	/** The lowest confidence threshold an admin may set: below it, noise becomes bibs. */
	public static final double LOWEST = 0.3;

	/** The highest: above it, nearly nothing is read. */
	public static final double HIGHEST = 0.99;

	/**
	 * What changed from other settings to these, for the audit log.
	 * @param before the settings before
	 * @return "name: before → after" for each change, separated by "; "
	 */
	public String changesFrom(AiSettings before) {
		StringBuilder changes = new StringBuilder();
		change(changes, "minimumConfidence", before.minimumConfidence, this.minimumConfidence);
		change(changes, "startListConfidence", before.startListConfidence, this.startListConfidence);
		change(changes, "faceFeaturesAllowed", before.faceFeaturesAllowed, this.faceFeaturesAllowed);
		change(changes, "provider", before.provider, this.provider);
		return changes.toString();
	}

	private static void change(StringBuilder changes, String name, Object before, Object after) {
		if (!before.equals(after)) {
			changes.append((changes.length() > 0) ? "; " : "")
				.append(name)
				.append(": ")
				.append(before)
				.append(" → ")
				.append(after);
		}
	}

}
