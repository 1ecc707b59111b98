package com.focusracer.recognition.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.focusracer.recognition.BibRead;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recognition tables: reads, signatures, links, manual corrections, faces.
 */
@Repository
public class RecognitionRepository {

	private final JdbcClient jdbc;

	RecognitionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored read, box in fractions of the photo. */
	public record StoredRead(UUID photoId, String bib, String readAs, BibRead.Kind kind, double confidence, double x,
			double y, double width, double height) {
	}

	/** A stored link. */
	public record StoredLink(UUID photoId, String bib, String source, double confidence) {
	}

	/** A stored face. */
	public record StoredFace(UUID id, UUID photoId, double x, double y, double width, double height, double score,
			double quality, float[] embedding, String externalId) {

		public StoredFace(UUID id, UUID photoId, double x, double y, double width, double height, double score,
				double quality, float[] embedding) {
			this(id, photoId, x, y, width, height, score, quality, embedding, null);
		}

	}

	public void replaceReads(UUID photoId, UUID eventId, List<StoredRead> reads) {
		this.jdbc.sql("delete from bib_read where photo_id = ?").param(photoId).update();
		for (StoredRead read : reads) {
			this.jdbc
				.sql("""
						insert into bib_read (photo_id, event_id, bib, read_as, kind, confidence, box_x, box_y, box_w, box_h)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(photoId, eventId, read.bib(), read.readAs(), read.kind().name(), read.confidence(),
						(float) read.x(), (float) read.y(), (float) read.width(), (float) read.height())
				.update();
		}
	}

	public List<StoredRead> reads(UUID photoId) {
		return this.jdbc.sql("select * from bib_read where photo_id = ? order by confidence desc")
			.param(photoId)
			.query(RecognitionRepository::read)
			.list();
	}

	public Map<UUID, List<StoredRead>> reads(Collection<UUID> photoIds) {
		Map<UUID, List<StoredRead>> reads = new HashMap<>();
		this.jdbc.sql("select * from bib_read where photo_id = any(?) order by confidence desc")
			.param(photoIds.toArray(UUID[]::new))
			.query(RecognitionRepository::read)
			.list()
			.forEach((read) -> reads.computeIfAbsent(read.photoId(), (id) -> new ArrayList<>()).add(read));
		return reads;
	}

	private static StoredRead read(ResultSet rs, int row) throws SQLException {
		return new StoredRead(rs.getObject("photo_id", UUID.class), rs.getString("bib"), rs.getString("read_as"),
				BibRead.Kind.valueOf(rs.getString("kind")), rs.getDouble("confidence"), rs.getFloat("box_x"),
				rs.getFloat("box_y"), rs.getFloat("box_w"), rs.getFloat("box_h"));
	}

	public void saveSignature(UUID photoId, UUID eventId, float[] histogram) {
		this.jdbc.sql("""
				insert into photo_signature (photo_id, event_id, histogram) values (?, ?, ?)
				on conflict (photo_id) do update set histogram = excluded.histogram""")
			.params(photoId, eventId, toArray(histogram))
			.update();
	}

	public Map<UUID, float[]> signatures(Collection<UUID> photoIds) {
		Map<UUID, float[]> signatures = new HashMap<>();
		this.jdbc.sql("select photo_id, histogram from photo_signature where photo_id = any(?)")
			.param(photoIds.toArray(UUID[]::new))
			.query((rs) -> {
				signatures.put(rs.getObject(1, UUID.class), floats(rs.getArray(2)));
			});
		return signatures;
	}

	/**
	 * Replaces a photo's links. Two workers may link the same photo at once (it sits in
	 * both their bursts): rows are upserted, so neither fails on the other's rows.
	 * @param photoId the photo
	 * @param eventId its event
	 * @param links its links now
	 * @return the bibs no longer linked
	 */
	public List<String> replaceLinks(UUID photoId, UUID eventId, List<StoredLink> links) {
		List<String> removed = this.jdbc
			.sql("delete from photo_link where photo_id = ? and not (bib = any(?)) returning bib")
			.params(photoId, links.stream().map(StoredLink::bib).toArray(String[]::new))
			.query(String.class)
			.list();
		for (StoredLink link : links) {
			this.jdbc
				.sql("""
						insert into photo_link (photo_id, event_id, bib, source, confidence) values (?, ?, ?, ?, ?)
						on conflict (photo_id, bib) do update set source = excluded.source, confidence = excluded.confidence""")
				.params(photoId, eventId, link.bib(), link.source(), link.confidence())
				.update();
		}
		return removed;
	}

	public List<StoredLink> links(UUID photoId) {
		return this.jdbc.sql("select * from photo_link where photo_id = ? order by confidence desc, bib")
			.param(photoId)
			.query(RecognitionRepository::link)
			.list();
	}

	public Map<UUID, List<StoredLink>> links(Collection<UUID> photoIds) {
		Map<UUID, List<StoredLink>> links = new HashMap<>();
		this.jdbc.sql("select * from photo_link where photo_id = any(?) order by confidence desc, bib")
			.param(photoIds.toArray(UUID[]::new))
			.query(RecognitionRepository::link)
			.list()
			.forEach((link) -> links.computeIfAbsent(link.photoId(), (id) -> new ArrayList<>()).add(link));
		return links;
	}

	/**
	 * The event's links made from something seen on the photo itself (OCR or MANUAL).
	 * @param eventId the event
	 * @return the links
	 */
	public List<StoredLink> seenLinks(UUID eventId) {
		return this.jdbc.sql("select * from photo_link where event_id = ? and source in ('OCR', 'MANUAL')")
			.param(eventId)
			.query(RecognitionRepository::link)
			.list();
	}

	/**
	 * The event's photos read surely with one runner only (clock-offset anchors).
	 * @param eventId the event
	 * @param minimumConfidence the lowest OCR confidence
	 * @return photo to its runner
	 */
	public Map<UUID, String> surelyRead(UUID eventId, double minimumConfidence) {
		Map<UUID, String> read = new HashMap<>();
		this.jdbc.sql("""
				select photo_id, min(bib) from photo_link where event_id = ? and source = 'OCR'
				group by photo_id having count(*) = 1 and min(confidence) >= ?""")
			.params(eventId, minimumConfidence)
			.query((rs) -> {
				read.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		return read;
	}

	private static StoredLink link(ResultSet rs, int row) throws SQLException {
		return new StoredLink(rs.getObject("photo_id", UUID.class), rs.getString("bib"), rs.getString("source"),
				rs.getDouble("confidence"));
	}

	public Set<UUID> photosOf(UUID eventId, String bib) {
		return new LinkedHashSet<>(this.jdbc.sql("select photo_id from photo_link where event_id = ? and bib = ?")
			.params(eventId, bib)
			.query(UUID.class)
			.list());
	}

	public Map<UUID, String> sourcesOf(UUID eventId, String bib) {
		Map<UUID, String> sources = new HashMap<>();
		this.jdbc.sql("select photo_id, source from photo_link where event_id = ? and bib = ?")
			.params(eventId, bib)
			.query((rs, row) -> sources.put(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		return sources;
	}

	public Set<UUID> photosOfAny(UUID eventId, Collection<String> bibs) {
		return new LinkedHashSet<>(
				this.jdbc.sql("select distinct photo_id from photo_link where event_id = ? and bib = any(?)")
					.params(eventId, bibs.toArray(String[]::new))
					.query(UUID.class)
					.list());
	}

	public Set<UUID> linkedPhotos(UUID eventId) {
		return new LinkedHashSet<>(this.jdbc.sql("select distinct photo_id from photo_link where event_id = ?")
			.param(eventId)
			.query(UUID.class)
			.list());
	}

	/**
	 * Every link of an event (coverage figures: four short columns a row).
	 * @param eventId the event
	 * @return the links
	 */
	public List<StoredLink> eventLinks(UUID eventId) {
		return this.jdbc.sql("select photo_id, bib, source, confidence from photo_link where event_id = ?")
			.param(eventId)
			.query(RecognitionRepository::link)
			.list();
	}

	/**
	 * How many reads of an event have each kind.
	 * @param eventId the event
	 * @return kind to count
	 */
	public Map<String, Long> readKinds(UUID eventId) {
		Map<String, Long> kinds = new HashMap<>();
		this.jdbc.sql("select kind, count(*) from bib_read where event_id = ? group by kind")
			.param(eventId)
			.query((rs, row) -> kinds.put(rs.getString(1), rs.getLong(2)))
			.list();
		return kinds;
	}

	public Set<String> linkedBibs(UUID eventId) {
		return new LinkedHashSet<>(this.jdbc.sql("select distinct bib from photo_link where event_id = ?")
			.param(eventId)
			.query(String.class)
			.list());
	}

	public void setManual(UUID photoId, UUID eventId, String bib, boolean present, UUID accountId, Instant now) {
		this.jdbc
			.sql("""
					insert into manual_bib (photo_id, event_id, bib, present, account_id, created_at) values (?, ?, ?, ?, ?, ?)
					on conflict (photo_id, bib) do update set present = excluded.present, account_id = excluded.account_id,
					                                          created_at = excluded.created_at""")
			.params(photoId, eventId, bib, present, accountId, Timestamp.from(now))
			.update();
	}

	/**
	 * The manual decisions on a photo.
	 * @param photoId the photo
	 * @return bib to present (true) or removed (false)
	 */
	public Map<String, Boolean> manual(UUID photoId) {
		Map<String, Boolean> manual = new TreeMap<>();
		this.jdbc.sql("select bib, present from manual_bib where photo_id = ?").param(photoId).query((rs) -> {
			manual.put(rs.getString(1), rs.getBoolean(2));
		});
		return manual;
	}

	public void replaceFaces(UUID photoId, UUID eventId, List<StoredFace> faces, Instant now) {
		this.jdbc.sql("delete from face where photo_id = ?").param(photoId).update();
		for (StoredFace face : faces) {
			this.jdbc.sql("""
					insert into face (id, photo_id, event_id, box_x, box_y, box_w, box_h, score, quality, embedding,
					                  embedding_q, external_id, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(face.id(), photoId, eventId, (float) face.x(), (float) face.y(), (float) face.width(),
						(float) face.height(), (float) face.score(), (float) face.quality(), toArray(face.embedding()),
						(face.embedding().length > 0) ? SelfieIndex.quantize(face.embedding()) : null,
						face.externalId(), Timestamp.from(now))
				.update();
		}
	}

	/**
	 * The Rekognition ids of faces (AWS provider).
	 * @param faces the faces
	 * @return their external ids, where they have one
	 */
	public static List<String> externalIds(List<StoredFace> faces) {
		return faces.stream().map(StoredFace::externalId).filter(java.util.Objects::nonNull).toList();
	}

	public List<StoredFace> faces(UUID photoId) {
		return this.jdbc.sql("select * from face where photo_id = ?")
			.param(photoId)
			.query(RecognitionRepository::face)
			.list();
	}

	/**
	 * The faces of the event's photos that have a bib read on them or set by hand.
	 * @param eventId the event
	 * @return the faces
	 */
	public List<StoredFace> facesOfLinkedPhotos(UUID eventId) {
		return this.jdbc.sql("""
				select f.* from face f where f.event_id = ? and exists (
				  select 1 from photo_link l where l.photo_id = f.photo_id and l.source in ('OCR', 'MANUAL'))""")
			.param(eventId)
			.query(RecognitionRepository::face)
			.list();
	}

	/**
	 * Events that still hold faces.
	 * @return their ids
	 */
	public Map<UUID, Integer> faceCounts(Collection<UUID> photoIds) {
		Map<UUID, Integer> counts = new HashMap<>();
		this.jdbc.sql("select photo_id, count(*) from face where photo_id = any(?) group by photo_id")
			.param(photoIds.toArray(UUID[]::new))
			.query((rs) -> {
				counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
			});
		return counts;
	}

	public List<UUID> eventsWithFaces() {
		return this.jdbc.sql("select distinct event_id from face").query(UUID.class).list();
	}

	public int deleteFacesOf(UUID eventId) {
		return this.jdbc.sql("delete from face where event_id = ?").param(eventId).update();
	}

	public void deletePhoto(UUID photoId) {
		for (String table : List.of("bib_read", "photo_signature", "photo_link", "manual_bib", "face",
				"timing_suggestion")) {
			this.jdbc.sql("delete from " + table + " where photo_id = ?").param(photoId).update();
		}
	}

	private static StoredFace face(ResultSet rs, int row) throws SQLException {
		return new StoredFace(rs.getObject("id", UUID.class), rs.getObject("photo_id", UUID.class),
				rs.getFloat("box_x"), rs.getFloat("box_y"), rs.getFloat("box_w"), rs.getFloat("box_h"),
				rs.getFloat("score"), rs.getFloat("quality"), floats(rs.getArray("embedding")),
				rs.getString("external_id"));
	}

	private static Float[] toArray(float[] values) {
		Float[] boxed = new Float[values.length];
		for (int i = 0; i < values.length; i++) {
			boxed[i] = values[i];
		}
		return boxed;
	}

	static float[] floats(Array array) throws SQLException {
		Object[] values = (Object[]) array.getArray();
		float[] floats = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			floats[i] = ((Number) values[i]).floatValue();
		}
		return floats;
	}

}
