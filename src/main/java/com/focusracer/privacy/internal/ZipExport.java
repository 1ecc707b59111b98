package com.focusracer.privacy.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.focusracer.privacy.PersonalDataExport;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a person's export as a ZIP, entry by entry, straight to where it goes (the
 * download): nothing of it is kept on the platform.
 */
public final class ZipExport implements PersonalDataExport {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final ZipOutputStream zip;

	private String part = "";

	public ZipExport(OutputStream out) {
		this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
	}

	/**
	 * Starts a module's part: its entries go under {@code <part>/}.
	 * @param part the module's name
	 */
	public void startPart(String part) {
		this.part = part + "/";
	}

	@Override
	public void table(String name, List<Map<String, Object>> rows) throws IOException {
		List<Map<String, Object>> plain = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			plain.add(plain(row));
		}
		write(name + ".json", JSON.writeValueAsBytes(plain));
		if (plain.isEmpty()) {
			// Nothing held: the JSON's [] says so; an empty CSV without even a header
			// would read as a broken file.
			return;
		}
		this.zip.putNextEntry(new ZipEntry(this.part + name + ".csv"));
		Writer writer = new OutputStreamWriter(new NotClosing(this.zip), StandardCharsets.UTF_8);
		Csv csv = new Csv(writer);
		csv.row(plain.get(0).keySet().toArray());
		for (Map<String, Object> row : plain) {
			csv.row(row.values().stream().map((value) -> (value != null) ? value.toString() : null).toArray());
		}
		writer.flush();
		this.zip.closeEntry();
	}

	@Override
	public void document(String name, Map<String, Object> document) throws IOException {
		write(name + ".json", JSON.writeValueAsBytes(plain(document)));
	}

	/**
	 * Writes a document at the root of the ZIP.
	 * @param name its file name
	 * @param document its content
	 * @throws IOException when writing fails
	 */
	public void root(String name, Map<String, Object> document) throws IOException {
		this.zip.putNextEntry(new ZipEntry(name));
		this.zip.write(JSON.writeValueAsBytes(plain(document)));
		this.zip.closeEntry();
	}

	/**
	 * Ends the ZIP (not the stream under it).
	 * @throws IOException when writing fails
	 */
	public void finish() throws IOException {
		this.zip.finish();
		this.zip.flush();
	}

	private void write(String name, byte[] content) throws IOException {
		this.zip.putNextEntry(new ZipEntry(this.part + name));
		this.zip.write(content);
		this.zip.closeEntry();
	}

	private static Map<String, Object> plain(Map<String, Object> row) {
		Map<String, Object> plain = new LinkedHashMap<>();
		row.forEach((key, value) -> plain.put(key, plainValue(value)));
		return plain;
	}

	@SuppressWarnings("unchecked")
	private static Object plainValue(Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof TemporalAccessor) {
			return value.toString();
		}
		if (value instanceof Map<?, ?> map) {
			return plain((Map<String, Object>) map);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(ZipExport::plainValue).toList();
		}
		if (value instanceof Array array) {
			try {
				Object[] items = (Object[]) array.getArray();
				return java.util.Arrays.stream(items).map(ZipExport::plainValue).toList();
			}
			catch (SQLException | ClassCastException ex) {
				return "(array)";
			}
		}
		if (value instanceof byte[] bytes) {
			return "(" + bytes.length + " bytes)";
		}
		return value.toString();
	}

	/** Lets a writer flush into an entry without closing the ZIP. */
	private static final class NotClosing extends java.io.FilterOutputStream {

		NotClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
