package com.focusracer.recognition.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.focusracer.events.BibsWithPhotos;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the start lists which bibs have photos linked, so that a re-sync keeps those
 * runners until the organizer confirms.
 */
@Component
class LinkedBibs implements BibsWithPhotos {

	private final JdbcClient jdbc;

	LinkedBibs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> among(UUID eventId, Collection<String> bibs) {
		if (bibs.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select distinct bib from photo_link where event_id = ? and bib = any(?)")
			.params(eventId, bibs.toArray(String[]::new))
			.query(String.class)
			.list());
	}

}
