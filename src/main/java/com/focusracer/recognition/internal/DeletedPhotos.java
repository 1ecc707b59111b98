package com.focusracer.recognition.internal;

import com.focusracer.photos.PhotoDeleted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Forgets what recognition held of a deleted photo: its reads, links and faces, and its
 * faces in the event's Rekognition collection.
 */
@Component
class DeletedPhotos {

	private final RecognitionRepository repository;

	private final Recognizers recognizers;

	DeletedPhotos(RecognitionRepository repository, Recognizers recognizers) {
		this.repository = repository;
		this.recognizers = recognizers;
	}

	// After the deleting transaction commits, and again after a crash until it succeeds
	// (the event publication registry): the Rekognition call is outside the photo's
	// transaction, and the delete is idempotent. Until then the photo is gone, so its
	// links lead nowhere the gallery shows.
	@ApplicationModuleListener
	void on(PhotoDeleted deleted) {
		if (this.recognizers.onAws()) {
			this.recognizers.rekognition()
				.removeFaces(deleted.eventId(),
						RecognitionRepository.externalIds(this.repository.faces(deleted.photoId())));
		}
		this.repository.deletePhoto(deleted.photoId());
	}

}
