package com.focusracer.recognition.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The faces as selfie search reads them: ids to follow what is new, 8-bit embeddings, the
 * photos of AWS faces, and which photos still have faces.
 */
@Repository
public class SelfieFaces {

	private final JdbcClient jdbc;

	SelfieFaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ids of the event's faces stored since a time (no embeddings: cheap to read
	 * again).
	 * @param eventId the event
	 * @param since only faces stored after this
	 * @return id and time of each face
	 */
	public Map<UUID, Instant> faceIdsSince(UUID eventId, Instant since) {
		Map<UUID, Instant> ids = new HashMap<>();
		this.jdbc.sql("select id, created_at from face where event_id = ? and created_at > ? and external_id is null")
			.params(eventId, Timestamp.from(since))
			.query((rs) -> {
				ids.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
			});
		return ids;
	}

	/** One stored face, as selfie search reads it. */
	public interface FaceVisitor {

		void visit(UUID faceId, UUID photoId, byte[] quantised);

	}

	/**
	 * Streams faces with their 8-bit embeddings (quantised here for faces stored before
	 * those existed).
	 * @param faceIds the faces
	 * @param visitor gets each face
	 */
	public void quantisedFaces(Collection<UUID> faceIds, FaceVisitor visitor) {
		List<UUID> ids = new ArrayList<>(faceIds);
		for (int from = 0; from < ids.size(); from += 5000) {
			UUID[] chunk = ids.subList(from, Math.min(ids.size(), from + 5000)).toArray(UUID[]::new);
			this.jdbc.sql("""
					select id, photo_id, embedding_q, case when embedding_q is null then embedding end as embedding
					from face where id = any(?)""").param(chunk).query((rs) -> {
				byte[] quantised = rs.getBytes(3);
				if (quantised == null) {
					float[] embedding = RecognitionRepository.floats(rs.getArray(4));
					quantised = (embedding.length > 0) ? SelfieIndex.quantize(embedding) : null;
				}
				if (quantised != null) {
					visitor.visit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), quantised);
				}
			});
		}
	}

	/**
	 * The photos of faces known by their AWS Rekognition ids.
	 * @param externalIds the ids
	 * @return photo by face id
	 */
	public Map<String, UUID> photosOfExternalFaces(Collection<String> externalIds) {
		Map<String, UUID> photos = new HashMap<>();
		this.jdbc.sql("select external_id, photo_id from face where external_id = any(?)")
			.param(externalIds.toArray(String[]::new))
			.query((rs) -> {
				photos.put(rs.getString(1), rs.getObject(2, UUID.class));
			});
		return photos;
	}

	/**
	 * The photos among some that still have faces stored.
	 * @param eventId their event
	 * @param photoIds the photos
	 * @return those with at least one face
	 */
	public java.util.Set<UUID> photosWithFaces(UUID eventId, java.util.Collection<UUID> photoIds) {
		if (photoIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(
				this.jdbc.sql("select distinct photo_id from face where event_id = ? and photo_id = any(?)")
					.params(eventId, photoIds.toArray(UUID[]::new))
					.query(UUID.class)
					.list());
	}

}
