package com.focusracer.privacy.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes CSV (RFC 4180, through Commons CSV): every field quoted, quotes doubled, lines
 * ended by CRLF. A text that a spreadsheet would run as a formula ({@code = + - @}, tab,
 * carriage return) is prefixed with an apostrophe (OWASP "CSV injection"), which Commons
 * CSV leaves to its callers.
 */
public final class Csv {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

	private final CSVPrinter out;

	public Csv(Writer out) {
		try {
			this.out = new CSVPrinter(out, FORMAT);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Writes one line.
	 * @param fields its fields; {@code null} is written as an empty field
	 * @throws IOException when writing fails
	 */
	public void row(Object... fields) throws IOException {
		this.out.printRecord(Arrays.stream(fields).map(Csv::neutralised).toArray());
	}

	static String neutralised(Object field) {
		String text = (field != null) ? field.toString() : "";
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return text;
	}

}
