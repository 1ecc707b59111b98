package com.focusracer.recognition.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.focusracer.events.EntryRef;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.StartLists;
import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonalData;
import com.focusracer.privacy.PersonalDataExport;
import com.focusracer.shared.SiteUrl;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The photos linked to a person's bibs (found through the start lists by their address),
 * the face data on those photos and their "this is me" / "not me" corrections. No face is
 * tied to a name: on erasure every face template on the photos linked to the person is
 * deleted (those of others on the same photos too, which only turns face search off for
 * them there), and their corrections are kept without their account.
 */
@Component
@Order(20)
class RecognitionPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final StartLists startLists;

	private final EventManagement events;

	private final SiteUrl site;

	private final Recognizers recognizers;

	private final FaceIndex faceIndex;

	private final SelfieIndex selfieIndex;

	RecognitionPersonalData(JdbcClient jdbc, StartLists startLists, EventManagement events, SiteUrl site,
			Recognizers recognizers, FaceIndex faceIndex, SelfieIndex selfieIndex) {
		this.recognizers = recognizers;
		this.faceIndex = faceIndex;
		this.selfieIndex = selfieIndex;
		this.jdbc = jdbc;
		this.startLists = startLists;
		this.events = events;
		this.site = site;
	}

	@Override
	public String part() {
		return "recognition";
	}

	@Override
	public void export(Person person, PersonalDataExport export) throws IOException {
		List<Map<String, Object>> photos = new ArrayList<>();
		List<Map<String, Object>> faces = new ArrayList<>();
		for (EntryRef entry : this.startLists.entriesOf(person.email())) {
			Event event = this.events.get(entry.eventId()).orElse(null);
			if (event == null) {
				continue;
			}
			List<Map<String, Object>> linked = this.jdbc
				.sql("""
						select l.photo_id, l.source, l.confidence, (select count(*) from face f where f.photo_id = l.photo_id) as faces
						from photo_link l where l.event_id = ? and l.bib = ? order by l.photo_id""")
				.params(entry.eventId(), entry.bib())
				.query()
				.listOfRows();
			long faceCount = 0;
			for (Map<String, Object> row : linked) {
				Map<String, Object> photo = new LinkedHashMap<>();
				photo.put("event", event.name());
				photo.put("bib", entry.bib());
				photo.put("photo_id", row.get("photo_id"));
				photo.put("photo_page",
						this.site.root() + "/events/" + event.slug() + "/photos/" + row.get("photo_id"));
				photo.put("linked_by", row.get("source"));
				photo.put("confidence", row.get("confidence"));
				photos.add(photo);
				faceCount += ((Number) row.get("faces")).longValue();
			}
			Map<String, Object> face = new LinkedHashMap<>();
			face.put("event", event.name());
			face.put("face_features_on", event.faceSearch());
			face.put("face_templates_on_linked_photos", faceCount);
			face.put("kept_days_after_event", event.faceDataRetentionDays());
			faces.add(face);
		}
		export.table("linked-photos", photos);
		export.table("face-data", faces);
		if (person.hasAccount()) {
			export.table("bib-corrections",
					this.jdbc
						.sql("select photo_id, event_id, bib, present, created_at from manual_bib where account_id = ?")
						.param(person.accountId())
						.query()
						.listOfRows());
		}
	}

	@Override
	public List<Erased> erase(Erasure erasure) {
		if (erasure.scope() == Erasure.Scope.PHOTOS) {
			return List.of();
		}
		Set<UUID> photos = new LinkedHashSet<>();
		for (EntryRef entry : this.startLists.entriesOf(erasure.person().email())) {
			photos.addAll(this.jdbc.sql("select photo_id from photo_link where event_id = ? and bib = ?")
				.params(entry.eventId(), entry.bib())
				.query(UUID.class)
				.list());
		}
		int faces = 0;
		Set<UUID> events = new LinkedHashSet<>();
		for (UUID photo : photos) {
			List<Map<String, Object>> deleted = this.jdbc
				.sql("delete from face where photo_id = ? returning event_id, external_id")
				.param(photo)
				.query()
				.listOfRows();
			faces += deleted.size();
			for (Map<String, Object> face : deleted) {
				UUID event = (UUID) face.get("event_id");
				events.add(event);
				if (face.get("external_id") != null && this.recognizers.onAws()) {
					this.recognizers.rekognition().removeFaces(event, List.of((String) face.get("external_id")));
				}
			}
		}
		for (UUID event : events) {
			// What this node holds of those faces in memory goes with them.
			this.faceIndex.forget(event);
			this.selfieIndex.forget(event);
		}
		List<Erased> done = new ArrayList<>();
		done.add(new Erased("face templates on linked photos deleted", faces));
		if (erasure.everything() && erasure.person().hasAccount()) {
			done.add(new Erased("bib corrections kept without the account",
					this.jdbc.sql("update manual_bib set account_id = null where account_id = ?")
						.param(erasure.person().accountId())
						.update()));
		}
		return done;
	}

}
