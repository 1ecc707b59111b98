package com.focusracer.timing.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.focusracer.timing.PassingFormat;
import com.focusracer.timing.TimingImportException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads timing files into passings. Any bad line rejects the whole file, with its number.
 * Times without a zone are taken in the import's zone, on the event's day when the line
 * carries no date.
 */
public final class PassingFiles {

	/** Lines beyond this make the file too long to be one race's passings. */
	static final int MAXIMUM_LINES = 500_000;

	private static final DateTimeFormatter WICLAX_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss[.SSS]");

	private PassingFiles() {
	}

	/**
	 * One passing as the file gives it.
	 *
	 * @param line the line number (1-based)
	 * @param code the bib or chip
	 * @param point the timing point the line names, or {@code null}
	 * @param at when
	 */
	public record Line(int line, String code, String point, Instant at) {
	}

	/**
	 * Reads a file.
	 * @param format its format
	 * @param content its bytes (UTF-8, or Windows-1252 as spreadsheets save)
	 * @param day the event's day (for lines with a time of day only)
	 * @param zone the zone of times without one
	 * @return the passings
	 * @throws TimingImportException when a line is bad
	 */
	public static List<Line> read(PassingFormat format, byte[] content, LocalDate day, ZoneId zone) {
		String text = decode(content);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return switch (format) {
			case CSV, RACE_RESULT -> readTable(text, day, zone, format == PassingFormat.RACE_RESULT);
			case CHRONOTRACK -> readLines(text, day, zone, ',', PassingFiles::chronoTrack);
			case WICLAX -> readLines(text, day, zone, ';', PassingFiles::wiclax);
		};
	}

	private interface LineReader {

		Line read(int number, String[] fields, LocalDate day, ZoneId zone);

	}

	private static List<Line> readLines(String text, LocalDate day, ZoneId zone, char separator, LineReader reader) {
		List<Line> lines = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new StringReader(text))) {
			String raw;
			int number = 0;
			while ((raw = in.readLine()) != null) {
				number++;
				checkLength(number);
				String trimmed = raw.strip();
				if (trimmed.isEmpty() || trimmed.equals("*")) {
					continue;
				}
				lines.add(reader.read(number,
						trimmed.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1), day, zone));
			}
		}
		catch (IOException ex) {
			throw new TimingImportException("timing.import.unreadable");
		}
		if (lines.isEmpty()) {
			throw new TimingImportException("timing.import.empty");
		}
		return lines;
	}

	/** {@code CT01_13,seq,location,tag,hh:mm:ss.ff,lap,reader,gator}. */
	private static Line chronoTrack(int number, String[] f, LocalDate day, ZoneId zone) {
		if (f.length < 5 || !f[0].strip().toUpperCase(Locale.ROOT).startsWith("CT01_")) {
			throw new TimingImportException("timing.import.badLine", number, "CT01_13");
		}
		String tag = code(number, f[3]);
		return new Line(number, tag, blankToNull(f[2]), timeOfDay(number, f[4], day, zone));
	}

	/** {@code chip;dd-MM-yyyy HH:mm:ss.SSS;antenna;lap;battery;rewind}. */
	private static Line wiclax(int number, String[] f, LocalDate day, ZoneId zone) {
		if (f.length < 2) {
			throw new TimingImportException("timing.import.badLine", number, "Wiclax");
		}
		String code = code(number, f[0]);
		try {
			Instant at = LocalDateTime.parse(f[1].strip(), WICLAX_TIME).atZone(zone).toInstant();
			return new Line(number, code, (f.length > 2) ? blankToNull(f[2]) : null, at);
		}
		catch (DateTimeException ex) {
			throw new TimingImportException("timing.import.badTime", number, f[1].strip());
		}
	}

	private static List<Line> readTable(String text, LocalDate day, ZoneId zone, boolean raceResult) {
		String firstLine = text.lines().findFirst().orElse("");
		char separator = separator(firstLine);
		CSVFormat csv = CSVFormat.DEFAULT.builder()
			.setDelimiter(separator)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.setAllowMissingColumnNames(true)
			.get();
		List<Line> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, csv)) {
			Map<String, Integer> columns = columns(parser.getHeaderNames());
			Integer bib = columns.get("bib");
			Integer chip = columns.get("chip");
			Integer point = columns.get("point");
			Integer time = columns.get("time");
			Integer date = columns.get("date");
			if ((bib == null && chip == null) || time == null) {
				throw new TimingImportException("timing.import.columns");
			}
			for (CSVRecord record : parser) {
				int number = (int) record.getRecordNumber() + 1;
				checkLength(number);
				String code = value(record, chip);
				if (code.isEmpty()) {
					code = value(record, bib);
				}
				String when = value(record, time);
				String dateValue = value(record, date);
				LocalDate lineDay = day;
				if (!dateValue.isEmpty()) {
					lineDay = date(number, dateValue);
				}
				Instant at = (raceResult && when.matches("\\d+([.,]\\d+)?")) ? secondsOfDay(number, when, lineDay, zone)
						: moment(number, when, lineDay, zone);
				lines.add(new Line(number, code(number, code), blankToNull(value(record, point)), at));
			}
		}
		catch (IOException | IllegalStateException | java.io.UncheckedIOException ex) {
			throw new TimingImportException("timing.import.unreadable");
		}
		if (lines.isEmpty()) {
			throw new TimingImportException("timing.import.empty");
		}
		return lines;
	}

	private static Map<String, Integer> columns(List<String> headers) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < headers.size(); i++) {
			String h = headers.get(i)
				.strip()
				.toLowerCase(Locale.ROOT)
				.replaceFirst("^rd_", "")
				.replaceAll("[\\s_-]", "");
			String key = switch (h) {
				case "bib", "dossard", "bibnumber", "startnumber" -> "bib";
				case "chip", "puce", "transponder", "tag", "chipcode" -> "chip";
				case "point", "timingpoint", "pointdechronometrage", "pointdechronométrage", "location", "split",
						"splitname", "checkpoint" ->
					"point";
				case "time", "heure", "temps", "timeofday", "passingtime" -> "time";
				case "date", "day", "jour" -> "date";
				default -> null;
			};
			if (key != null) {
				columns.putIfAbsent(key, i);
			}
		}
		return columns;
	}

	private static String value(CSVRecord record, Integer column) {
		if (column == null || column >= record.size()) {
			return "";
		}
		return record.get(column).strip();
	}

	/**
	 * A moment: an ISO date-time with its offset, a time of day with its offset, or a
	 * time of day in the import's zone.
	 */
	static Instant moment(int number, String value, LocalDate day, ZoneId zone) {
		String v = value.strip().replace(' ', 'T');
		try {
			if (v.length() > 10 && v.charAt(4) == '-' && v.contains("T")) {
				if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
					return OffsetDateTime.parse(v).toInstant();
				}
				return LocalDateTime.parse(v).atZone(zone).toInstant();
			}
			if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
				OffsetTime time = OffsetTime.parse(pad(v));
				return time.atDate(day).toInstant();
			}
		}
		catch (DateTimeException ex) {
			throw new TimingImportException("timing.import.badTime", number, value);
		}
		return timeOfDay(number, value, day, zone);
	}

	static Instant timeOfDay(int number, String value, LocalDate day, ZoneId zone) {
		try {
			return LocalTime.parse(pad(value.strip().replace(',', '.'))).atDate(day).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			throw new TimingImportException("timing.import.badTime", number, value.strip());
		}
	}

	private static Instant secondsOfDay(int number, String value, LocalDate day, ZoneId zone) {
		double seconds = Double.parseDouble(value.replace(',', '.'));
		if (seconds < 0 || seconds >= 2 * 86400) {
			throw new TimingImportException("timing.import.badTime", number, value);
		}
		return day.atStartOfDay(zone).toInstant().plusMillis(Math.round(seconds * 1000));
	}

	private static LocalDate date(int number, String value) {
		String v = value.strip();
		try {
			if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return LocalDate.parse(v);
			}
			return LocalDate.parse(v.replace('/', '-').replace('.', '-'), DateTimeFormatter.ofPattern("dd-MM-yyyy"));
		}
		catch (DateTimeException ex) {
			throw new TimingImportException("timing.import.badDate", number, v);
		}
	}

	/** {@code 9:05:00} → {@code 09:05:00}, as {@link LocalTime} wants two digits. */
	private static String pad(String time) {
		return (time.length() > 1 && time.charAt(1) == ':') ? "0" + time : time;
	}

	private static String code(int number, String value) {
		String code = value.strip();
		if (code.isEmpty() || code.length() > 32 || !code.matches("[A-Za-z0-9-]+")) {
			throw new TimingImportException("timing.import.badCode", number, code);
		}
		return code;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static void checkLength(int number) {
		if (number > MAXIMUM_LINES) {
			throw new TimingImportException("timing.import.tooLong", MAXIMUM_LINES);
		}
	}

	private static char separator(String header) {
		int semicolons = header.length() - header.replace(";", "").length();
		int commas = header.length() - header.replace(",", "").length();
		int tabs = header.length() - header.replace("\t", "").length();
		if (tabs > semicolons && tabs > commas) {
			return '\t';
		}
		return (semicolons >= commas && semicolons > 0) ? ';' : ',';
	}

	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, java.nio.charset.Charset.forName("windows-1252"));
		}
	}

}
