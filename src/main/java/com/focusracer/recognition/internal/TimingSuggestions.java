package com.focusracer.recognition.internal;

import java.util.List;
import java.util.UUID;

import com.focusracer.timing.TimingMatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The runners a photo without a bib may show from their passage time, when timing alone
 * cannot tell which: shown in triage, one click to accept.
 */
@Repository
public class TimingSuggestions {

	private final JdbcClient jdbc;

	TimingSuggestions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A suggestion: a bib and how near its passage was (1 at the photo's time). */
	public record Suggestion(String bib, double confidence) {
	}

	public void replace(UUID photoId, UUID eventId, List<TimingMatch.Candidate> candidates, double windowSeconds) {
		this.jdbc.sql("delete from timing_suggestion where photo_id = ?").param(photoId).update();
		for (TimingMatch.Candidate candidate : candidates) {
			double nearness = Math.max(0.05, 1 - Math.abs(candidate.deltaSeconds()) / Math.max(1, windowSeconds * 2));
			this.jdbc.sql("""
					insert into timing_suggestion (photo_id, event_id, bib, confidence) values (?, ?, ?, ?)
					on conflict (photo_id, bib) do update set confidence = excluded.confidence""")
				.params(photoId, eventId, candidate.bib(), nearness)
				.update();
		}
	}

	public void clear(UUID photoId) {
		this.jdbc.sql("delete from timing_suggestion where photo_id = ?").param(photoId).update();
	}

	public List<Suggestion> of(UUID photoId) {
		return this.jdbc
			.sql("select bib, confidence from timing_suggestion where photo_id = ? order by confidence desc, bib")
			.param(photoId)
			.query((rs, row) -> new Suggestion(rs.getString(1), rs.getDouble(2)))
			.list();
	}

}
