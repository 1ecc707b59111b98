package com.focusracer.recognition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.privacy.AuditLog;
import com.focusracer.recognition.internal.FaceIndex;
import com.focusracer.recognition.internal.RecognitionRepository;
import com.focusracer.recognition.internal.Recognizers;
import com.focusracer.recognition.internal.SelfieIndex;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the faces of events that may no longer keep them (retention date passed, face
 * features turned off, event deleted), everywhere they are held, with an audit line per
 * event.
 */
@Service
class FaceRetentionSweep {

	private static final Logger log = LoggerFactory.getLogger(FaceRetentionSweep.class);

	private final RecognitionRepository repository;

	private final EventManagement events;

	private final Recognizers recognizers;

	private final FaceIndex faceIndex;

	private final SelfieIndex selfieIndex;

	private final AuditLog audit;

	private final Clock clock;

	FaceRetentionSweep(RecognitionRepository repository, EventManagement events, Recognizers recognizers,
			FaceIndex faceIndex, SelfieIndex selfieIndex, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.recognizers = recognizers;
		this.faceIndex = faceIndex;
		this.selfieIndex = selfieIndex;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Deletes the faces of every event whose face-data retention date has passed, or
	 * whose face features were turned off, and writes how many went in the audit log.
	 * @return faces deleted
	 */
	@Transactional
	public int sweep() {
		LocalDate today = LocalDate.now(this.clock);
		int total = 0;
		for (UUID eventId : this.repository.eventsWithFaces()) {
			Event event = this.events.get(eventId).orElse(null);
			String reason = (event == null) ? "event deleted"
					: !event.faceSearch() ? "face features turned off" : event.faceDataDeleteAfter().isAfter(today)
							? null : "retention ended " + event.faceDataDeleteAfter();
			if (reason == null) {
				continue;
			}
			int deleted = this.repository.deleteFacesOf(eventId);
			this.faceIndex.forget(eventId);
			this.selfieIndex.forget(eventId);
			if (this.recognizers.onAws()) {
				this.recognizers.rekognition().deleteCollection(eventId);
			}
			total += deleted;
			this.audit.record(null, "system", "faces.deleted", "event", eventId.toString(),
					deleted + " faces deleted (" + reason + ")");
			log.info("Event {}: {} faces deleted ({})", eventId, deleted, reason);
		}
		return total;
	}

}
