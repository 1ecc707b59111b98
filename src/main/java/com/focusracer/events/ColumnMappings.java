package com.focusracer.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.events.connectors.ConnectorRepository;
import com.focusracer.events.internal.MappedStartListFile;
import com.focusracer.events.internal.StartListFile;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports from platforms that only export files (KMS and others): the organizer maps each
 * of our fields to a column of the file once; the mapping is saved per event and offered
 * again with the next file; the file then goes through the usual preview and diff.
 */
@Service
@Transactional
public class ColumnMappings {

	private final StartLists startLists;

	private final ConnectorRepository repository;

	private final EventManagement events;

	private final Clock clock;

	ColumnMappings(StartLists startLists, ConnectorRepository repository, EventManagement events, Clock clock) {
		this.startLists = startLists;
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A file's columns and the mapping to offer.
	 *
	 * @param columns the file's header row
	 * @param mapping our field to a column: the saved mapping where its columns are in
	 * this file, else a guess from the column's name
	 * @param saved whether a mapping was saved for the event
	 */
	public record Form(List<String> columns, Map<String, String> mapping, boolean saved) {

		public List<String> fields() {
			return MappedStartListFile.FIELDS;
		}

	}

	/**
	 * The mapping form of a kept file.
	 * @param eventId the event
	 * @param accountId the owner
	 * @param uploadId the kept file
	 * @return the form
	 */
	@Transactional(readOnly = true)
	public Form form(UUID eventId, UUID accountId, UUID uploadId) {
		byte[] content = this.startLists.keptUpload(eventId, accountId, uploadId)
			.orElseThrow(() -> new EventException("startList.uploadGone"));
		List<String> columns = MappedStartListFile.headers(content);
		Map<String, String> saved = this.repository.mapping(eventId);
		Map<String, String> mapping = new LinkedHashMap<>();
		for (String field : MappedStartListFile.FIELDS) {
			String column = saved.get(field);
			if (column != null && columns.contains(column)) {
				mapping.put(field, column);
			}
		}
		if (saved.isEmpty()) {
			for (String column : columns) {
				String field = StartListFile.guessField(column);
				if (field != null) {
					mapping.putIfAbsent(field, column);
				}
			}
		}
		return new Form(columns, mapping, !saved.isEmpty());
	}

	/**
	 * Saves the mapping and turns the kept file into one the usual preview reads.
	 * @param eventId the event
	 * @param accountId the owner
	 * @param uploadId the kept file
	 * @param mapping our field to the file's column; blank for none
	 * @return the id of the file to preview
	 */
	public UUID apply(UUID eventId, UUID accountId, UUID uploadId, Map<String, String> mapping) {
		byte[] content = this.startLists.keptUpload(eventId, accountId, uploadId)
			.orElseThrow(() -> new EventException("startList.uploadGone"));
		List<String> columns = MappedStartListFile.headers(content);
		Map<String, String> clean = new LinkedHashMap<>();
		for (String field : MappedStartListFile.FIELDS) {
			String column = mapping.get(field);
			if (column != null && !column.isBlank()) {
				if (!columns.contains(column)) {
					throw new EventException("mapping.unknownColumn", column);
				}
				clean.put(field, column);
			}
		}
		if (!clean.containsKey("bib")) {
			throw new EventException("mapping.bibRequired");
		}
		this.repository.saveMapping(eventId, clean, this.clock.instant());
		this.events.audit(accountId, "startList.mappingSaved", eventId, clean.toString());
		return this.startLists.keepUpload(eventId, accountId, "mapped.csv", MappedStartListFile.remap(content, clean));
	}

}
