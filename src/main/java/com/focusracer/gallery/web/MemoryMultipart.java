package com.focusracer.gallery.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body read into memory and split into its parts, for
 * uploads that must never touch the disk (selfies): the servlet container would spool
 * file parts to a temporary file.
 */
final class MemoryMultipart {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NAME = Pattern.compile("[;\\s]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

	private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

	/**
	 * One part.
	 *
	 * @param name the form field
	 * @param fileName the file's name, null for a plain field
	 * @param contentType the declared type, may be null
	 * @param bytes the content
	 */
	record Part(String name, String fileName, String contentType, byte[] bytes) {

		String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

	}

	/** The body is not what it should be; the message says what to send. */
	static final class MalformedException extends Exception {

		MalformedException(String message) {
			super(message);
		}

	}

	/** The body is larger than allowed. */
	static final class TooLargeException extends Exception {

		TooLargeException() {
			super("too large");
		}

	}

	private MemoryMultipart() {
	}

	/**
	 * Reads and splits a body.
	 * @param contentType the request's content type
	 * @param body the request body
	 * @param maxBytes the most bytes read
	 * @return the parts by field name (the first of each name)
	 * @throws IOException when reading fails
	 * @throws MalformedException when it is not a multipart body
	 * @throws TooLargeException when it is longer than allowed
	 */
	static Map<String, Part> read(String contentType, InputStream body, int maxBytes)
			throws IOException, MalformedException, TooLargeException {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			throw new MalformedException("Send the picture as multipart/form-data");
		}
		Matcher boundaryMatch = BOUNDARY.matcher(contentType);
		if (!boundaryMatch.find()) {
			throw new MalformedException("The multipart content type has no boundary");
		}
		String boundary = (boundaryMatch.group(1) != null) ? boundaryMatch.group(1) : boundaryMatch.group(2);
		byte[] data = body.readNBytes(maxBytes + 1);
		if (data.length > maxBytes) {
			throw new TooLargeException();
		}
		return split(data, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
	}

	private static Map<String, Part> split(byte[] data, byte[] delimiter) throws MalformedException {
		Map<String, Part> parts = new LinkedHashMap<>();
		int at = indexOf(data, delimiter, 0);
		if (at < 0) {
			throw new MalformedException("The body holds no part");
		}
		while (true) {
			int afterDelimiter = at + delimiter.length;
			if (afterDelimiter + 1 < data.length && data[afterDelimiter] == '-' && data[afterDelimiter + 1] == '-') {
				return parts;
			}
			int headersStart = skipLineBreak(data, afterDelimiter);
			int headersEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
			if (headersEnd < 0) {
				throw new MalformedException("A part has no end of headers");
			}
			String headers = new String(data, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
			int contentStart = headersEnd + 4;
			byte[] next = new byte[delimiter.length + 2];
			next[0] = '\r';
			next[1] = '\n';
			System.arraycopy(delimiter, 0, next, 2, delimiter.length);
			int contentEnd = indexOf(data, next, contentStart);
			if (contentEnd < 0) {
				throw new MalformedException("A part has no closing boundary");
			}
			String name = null;
			String fileName = null;
			String type = null;
			for (String header : headers.split("\r\n")) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-disposition:")) {
					Matcher nameMatch = NAME.matcher(header);
					name = nameMatch.find() ? nameMatch.group(1) : null;
					Matcher fileMatch = FILE_NAME.matcher(header);
					fileName = fileMatch.find() ? fileMatch.group(1) : null;
				}
				else if (lower.startsWith("content-type:")) {
					type = header.substring("content-type:".length()).strip();
				}
			}
			if (name != null) {
				parts.putIfAbsent(name,
						new Part(name, fileName, type, java.util.Arrays.copyOfRange(data, contentStart, contentEnd)));
			}
			at = contentEnd + 2;
		}
	}

	private static int skipLineBreak(byte[] data, int at) {
		return (at + 1 < data.length && data[at] == '\r' && data[at + 1] == '\n') ? at + 2 : at;
	}

	static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
