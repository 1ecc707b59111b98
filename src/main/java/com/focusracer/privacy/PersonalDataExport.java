package com.focusracer.privacy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where a module writes its part of a person's export: JSON documents, and tables that
 * are written as both JSON and CSV.
 */
public interface PersonalDataExport {

	/**
	 * Writes a table: {@code <part>/<name>.json} and {@code <part>/<name>.csv}.
	 * @param name the table's name, e.g. {@code orders}
	 * @param rows its rows, each column by name (the first row's columns make the CSV
	 * header)
	 * @throws IOException when writing fails
	 */
	void table(String name, List<Map<String, Object>> rows) throws IOException;

	/**
	 * Writes a document: {@code <part>/<name>.json}.
	 * @param name its name, e.g. {@code account}
	 * @param document its content
	 * @throws IOException when writing fails
	 */
	void document(String name, Map<String, Object> document) throws IOException;

}
