package com.focusracer.events.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusracer.events.Runner;
import com.focusracer.events.StartListProblem;
import com.focusracer.shared.Bib;
import com.focusracer.shared.EmailAddress;

/**
 * Reads start-list files as organizers export them: comma, semicolon or tab separated;
 * UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252; quoted fields; headers in
 * French or English in any order.
 */
public final class StartListFile {

	private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

	private static final Map<String, Column> HEADERS = new HashMap<>();

	static {
		headers(Column.BIB, "dossard", "bib", "bibnumber", "numero", "numerodossard", "ndossard", "no", "num", "n",
				"dorsal", "startnumber", "number");
		headers(Column.FIRST_NAME, "prenom", "firstname", "first", "givenname", "forename");
		headers(Column.LAST_NAME, "nom", "lastname", "last", "surname", "familyname", "nomdefamille");
		headers(Column.EMAIL, "email", "mail", "courriel", "adresseemail", "adressemail", "emailaddress");
		headers(Column.CATEGORY, "categorie", "category", "cat");
		headers(Column.CLUB, "club", "team", "equipe", "association");
		headers(Column.GENDER, "sexe", "gender", "sex", "genre");
		headers(Column.BIRTH_YEAR, "anneedenaissance", "anneenaissance", "naissance", "datedenaissance",
				"datenaissance", "birthyear", "yearofbirth", "yob", "birthdate", "dateofbirth", "annee");
		headers(Column.WAVE, "vague", "sas", "vaguededepart", "wave", "startwave", "corral", "heuredepart",
				"starttime");
		headers(Column.CHIP, "puce", "transpondeur", "chip", "chipcode", "transponder", "tag", "rfid");
	}

	private enum Column {

		BIB, FIRST_NAME, LAST_NAME, EMAIL, CATEGORY, CLUB, GENDER, BIRTH_YEAR, WAVE, CHIP

	}

	/**
	 * What a file holds.
	 *
	 * @param runners the valid runners, in file order
	 * @param problems the lines that cannot be imported
	 * @param fileProblem the message key of a problem with the whole file, or
	 * {@code null}
	 * @param separator the separator found
	 * @param encoding the encoding found
	 */
	public record Parsed(List<Runner> runners, List<StartListProblem> problems, String fileProblem, char separator,
			String encoding) {
	}

	private StartListFile() {
	}

	private static void headers(Column column, String... names) {
		for (String name : names) {
			HEADERS.put(name, column);
		}
	}

	/**
	 * Reads a file.
	 * @param content the file's bytes
	 * @return the runners and the problems found
	 */
	public static Parsed read(byte[] content) {
		Decoded decoded = decode(content);
		String text = decoded.text();
		if (text.isBlank()) {
			return new Parsed(List.of(), List.of(), "startList.empty", ',', decoded.encoding());
		}
		char separator = detectSeparator(text);
		List<Record> records = records(text, separator);
		int headerIndex = 0;
		while (headerIndex < records.size() && records.get(headerIndex).blank()) {
			headerIndex++;
		}
		Record header = records.get(headerIndex);
		Column[] columns = new Column[header.fields().size()];
		boolean hasBib = false;
		for (int i = 0; i < columns.length; i++) {
			columns[i] = HEADERS.get(normalize(header.fields().get(i)));
			hasBib |= columns[i] == Column.BIB;
		}
		if (!hasBib) {
			return new Parsed(List.of(), List.of(), "startList.noBibColumn", separator, decoded.encoding());
		}
		List<Runner> runners = new ArrayList<>();
		List<StartListProblem> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int r = headerIndex + 1; r < records.size(); r++) {
			Record record = records.get(r);
			if (record.blank()) {
				continue;
			}
			if (record.unreadable()) {
				problems.add(new StartListProblem(record.line(), "startList.unreadable", null));
				continue;
			}
			Map<Column, String> values = new HashMap<>();
			for (int i = 0; i < columns.length && i < record.fields().size(); i++) {
				if (columns[i] != null && !values.containsKey(columns[i])) {
					values.put(columns[i], record.fields().get(i).strip());
				}
			}
			StartListProblem problem = null;
			String bib = values.getOrDefault(Column.BIB, "").toUpperCase(Locale.ROOT).replace(" ", "");
			String email = blankToNull(values.get(Column.EMAIL));
			String birth = blankToNull(values.get(Column.BIRTH_YEAR));
			Integer birthYear = null;
			if (bib.isEmpty()) {
				problem = new StartListProblem(record.line(), "startList.missingBib", null);
			}
			else if (Bib.parse(bib).isEmpty()) {
				problem = new StartListProblem(record.line(), "startList.badBib", bib);
			}
			else if (seen.containsKey(bib)) {
				problem = new StartListProblem(record.line(), "startList.duplicateBib", bib);
			}
			else if (email != null && !EmailAddress.isWellFormed(email)) {
				problem = new StartListProblem(record.line(), "startList.badEmail", email);
			}
			else if (birth != null) {
				Matcher year = YEAR.matcher(birth);
				if (year.find() && Integer.parseInt(year.group()) <= Year.now().getValue()) {
					birthYear = Integer.parseInt(year.group());
				}
				else {
					problem = new StartListProblem(record.line(), "startList.badBirthYear", birth);
				}
			}
			if (problem != null) {
				problems.add(problem);
				continue;
			}
			seen.put(bib, record.line());
			runners.add(new Runner(bib, values.getOrDefault(Column.FIRST_NAME, ""),
					values.getOrDefault(Column.LAST_NAME, ""), (email != null) ? email.toLowerCase(Locale.ROOT) : null,
					blankToNull(values.get(Column.CATEGORY)), blankToNull(values.get(Column.CLUB)),
					blankToNull(values.get(Column.GENDER)), birthYear, blankToNull(values.get(Column.WAVE)),
					blankToNull(values.get(Column.CHIP))));
		}
		if (runners.isEmpty() && problems.isEmpty()) {
			return new Parsed(List.of(), List.of(), "startList.empty", separator, decoded.encoding());
		}
		return new Parsed(runners, problems, null, separator, decoded.encoding());
	}

	record Decoded(String text, String encoding) {
	}

	static Decoded decode(byte[] content) {
		if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF) {
			return new Decoded(new String(content, 3, content.length - 3, StandardCharsets.UTF_8), "UTF-8");
		}
		if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
			return new Decoded(new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
		}
		if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
			return new Decoded(new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			return new Decoded(text, "UTF-8");
		}
		catch (CharacterCodingException ex) {
			// Excel on Windows saves "CSV" in the ANSI code page.
			return new Decoded(new String(content, Charset.forName("windows-1252")), "windows-1252");
		}
	}

	static char detectSeparator(String text) {
		int end = text.indexOf('\n');
		String header = (end < 0) ? text : text.substring(0, end);
		int semicolons = 0;
		int commas = 0;
		int tabs = 0;
		boolean quoted = false;
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				switch (c) {
					case ';' -> semicolons++;
					case ',' -> commas++;
					case '\t' -> tabs++;
					default -> {
					}
				}
			}
		}
		if (tabs >= semicolons && tabs >= commas && tabs > 0) {
			return '\t';
		}
		return (semicolons >= commas && semicolons > 0) ? ';' : ',';
	}

	record Record(int line, List<String> fields, boolean unreadable) {

		boolean blank() {
			return !this.unreadable && this.fields.stream().allMatch(String::isBlank);
		}

	}

	static List<Record> records(String text, char separator) {
		List<Record> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int line = 1;
		int recordLine = 1;
		boolean quoted = false;
		boolean unreadable = false;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < length && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"') {
				if (field.toString().isBlank()) {
					field.setLength(0);
					quoted = true;
				}
				else {
					// A quote in the middle of an unquoted field: the line is not valid
					// CSV.
					unreadable = true;
					field.append(c);
				}
			}
			else if (c == separator) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				field.setLength(0);
				records.add(new Record(recordLine, List.copyOf(fields), unreadable));
				fields.clear();
				unreadable = false;
				line++;
				recordLine = line;
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			// An opening quote never closed: everything after it is one broken record.
			unreadable = true;
		}
		if (field.length() > 0 || !fields.isEmpty()) {
			fields.add(field.toString());
			records.add(new Record(recordLine, List.copyOf(fields), unreadable));
		}
		return records;
	}

	/**
	 * The field a header names as the CSV import reads it, to pre-fill a column mapping.
	 * @param header the header
	 * @return the field ({@code bib}, {@code firstName}, …) or {@code null}
	 */
	public static String guessField(String header) {
		Column column = HEADERS.get(normalize(header));
		return (column != null) ? MappedStartListFile.FIELDS.get(column.ordinal()) : null;
	}

	static String normalize(String header) {
		String plain = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
