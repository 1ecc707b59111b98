package com.focusracer.recognition.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where a runner is on photos: their bib boxes, and the faces' boxes and portrait scores
 * (without embeddings, which framing never needs).
 */
@Repository
public class FramingRepository {

	private final JdbcClient jdbc;

	FramingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The faces of some photos of an event, without their embeddings.
	 * @param eventId the event
	 * @param photoIds the photos
	 * @return the faces by photo
	 */
	public Map<UUID, List<RecognitionRepository.StoredFace>> faces(UUID eventId, Collection<UUID> photoIds) {
		Map<UUID, List<RecognitionRepository.StoredFace>> faces = new HashMap<>();
		if (photoIds.isEmpty()) {
			return faces;
		}
		this.jdbc.sql("""
				select id, photo_id, box_x, box_y, box_w, box_h, score, quality from face
				where event_id = ? and photo_id = any(?)""")
			.params(eventId, photoIds.toArray(UUID[]::new))
			.query((rs, row) -> new RecognitionRepository.StoredFace(rs.getObject("id", UUID.class),
					rs.getObject("photo_id", UUID.class), rs.getFloat("box_x"), rs.getFloat("box_y"),
					rs.getFloat("box_w"), rs.getFloat("box_h"), rs.getFloat("score"), rs.getFloat("quality"),
					new float[0]))
			.list()
			.forEach((face) -> faces.computeIfAbsent(face.photoId(), (id) -> new ArrayList<>()).add(face));
		return faces;
	}

	/**
	 * Where one bib was read on some photos.
	 * @param eventId the event
	 * @param bib the bib
	 * @param photoIds the photos
	 * @return the reads by photo
	 */
	public Map<UUID, RecognitionRepository.StoredRead> reads(UUID eventId, String bib, Collection<UUID> photoIds) {
		Map<UUID, RecognitionRepository.StoredRead> reads = new HashMap<>();
		if (photoIds.isEmpty()) {
			return reads;
		}
		this.jdbc.sql("""
				select photo_id, bib, read_as, kind, confidence, box_x, box_y, box_w, box_h from bib_read
				where event_id = ? and bib = ? and photo_id = any(?)""")
			.params(eventId, bib, photoIds.toArray(UUID[]::new))
			.query((rs, row) -> new RecognitionRepository.StoredRead(rs.getObject("photo_id", UUID.class),
					rs.getString("bib"), rs.getString("read_as"),
					com.focusracer.recognition.BibRead.Kind.valueOf(rs.getString("kind")), rs.getDouble("confidence"),
					rs.getFloat("box_x"), rs.getFloat("box_y"), rs.getFloat("box_w"), rs.getFloat("box_h")))
			.list()
			.forEach((read) -> reads.put(read.photoId(), read));
		return reads;
	}

}
