package com.focusracer.privacy.internal;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV (RFC 4180): every field quoted, quotes doubled, lines ended by CRLF. A text
 * that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return) is
 * prefixed with an apostrophe (OWASP "CSV injection").
 */
public final class Csv {

	private final Writer out;

	public Csv(Writer out) {
		this.out = out;
	}

	/**
	 * Writes one line.
	 * @param fields its fields; {@code null} is written as an empty field
	 * @throws IOException when writing fails
	 */
	public void row(Object... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				this.out.write(',');
			}
			this.out.write(quote(fields[i]));
		}
		this.out.write("\r\n");
	}

	static String quote(Object field) {
		String text = (field != null) ? field.toString() : "";
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
