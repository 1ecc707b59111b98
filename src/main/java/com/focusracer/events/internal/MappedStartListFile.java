package com.focusracer.events.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.focusracer.events.Runner;

/**
 * Files whose columns the organizer maps by hand (platforms that only export files, such
 * as KMS), and the plain CSV that every source is turned into, so that connectors and
 * mapped files go through the same reading, preview and diff as an uploaded CSV.
 */
public final class MappedStartListFile {

	/** Our fields, in the order of the mapping form and of the plain CSV's columns. */
	public static final List<String> FIELDS = List.of("bib", "firstName", "lastName", "email", "category", "club",
			"gender", "birthYear", "wave", "chip");

	// Headers StartListFile recognises, one per field.
	private static final List<String> PLAIN_HEADERS = List.of("bib", "firstname", "lastname", "email", "category",
			"club", "gender", "birthyear", "wave", "chip");

	private MappedStartListFile() {
	}

	/**
	 * The header row of a file.
	 * @param content the file
	 * @return its column names, empty when the file is empty
	 */
	public static List<String> headers(byte[] content) {
		String text = withoutLeadingBlankLines(StartListFile.decode(content).text());
		if (text.isBlank()) {
			return List.of();
		}
		for (StartListFile.Record record : StartListFile.records(text, StartListFile.detectSeparator(text))) {
			if (!record.blank()) {
				return record.fields().stream().map(String::strip).toList();
			}
		}
		return List.of();
	}

	/**
	 * Rewrites a file with the organizer's mapping as a plain CSV.
	 * @param content the file
	 * @param mapping our field to the file's column name; unmapped fields stay empty
	 * @return the plain CSV, empty when the file has no header row
	 */
	public static byte[] remap(byte[] content, Map<String, String> mapping) {
		String text = withoutLeadingBlankLines(StartListFile.decode(content).text());
		StringBuilder out = new StringBuilder(text.length() + 128);
		out.append(String.join(",", PLAIN_HEADERS)).append('\n');
		if (text.isBlank()) {
			return out.toString().getBytes(StandardCharsets.UTF_8);
		}
		List<StartListFile.Record> records = StartListFile.records(text, StartListFile.detectSeparator(text));
		int header = 0;
		while (header < records.size() && records.get(header).blank()) {
			header++;
		}
		List<String> names = records.get(header).fields().stream().map(String::strip).toList();
		int[] columns = new int[FIELDS.size()];
		for (int f = 0; f < columns.length; f++) {
			String column = mapping.get(FIELDS.get(f));
			columns[f] = (column != null) ? names.indexOf(column) : -1;
		}
		for (int r = header + 1; r < records.size(); r++) {
			StartListFile.Record record = records.get(r);
			if (record.blank()) {
				continue;
			}
			List<String> values = new ArrayList<>(columns.length);
			for (int column : columns) {
				values.add((column >= 0 && column < record.fields().size()) ? record.fields().get(column) : "");
			}
			line(out, values);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Writes runners read from a platform as a plain CSV.
	 * @param runners the runners
	 * @return the file
	 */
	public static byte[] write(List<Runner> runners) {
		StringBuilder out = new StringBuilder(runners.size() * 80 + 64);
		out.append(String.join(",", PLAIN_HEADERS)).append('\n');
		for (Runner r : runners) {
			line(out, java.util.Arrays.asList(r.bib(), r.firstName(), r.lastName(), r.email(), r.category(), r.club(),
					r.gender(), (r.birthYear() != null) ? r.birthYear().toString() : null, r.wave(), r.chip()));
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	// The separator is guessed from the first line: it must be the header.
	private static String withoutLeadingBlankLines(String text) {
		return text.replaceFirst("^(\\s*\\R)+", "");
	}

	private static void line(StringBuilder out, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			String value = (values.get(i) != null) ? values.get(i).replace('\r', ' ').replace('\n', ' ') : "";
			out.append('"').append(value.replace("\"", "\"\"")).append('"');
		}
		out.append('\n');
	}

}
