package com.focusracer.recognition.internal;

import com.focusracer.photos.PhotoDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

	// In the deleting transaction: the photo and its recognition data go together.
	@EventListener
	@Transactional
	void on(PhotoDeleted deleted) {
		if (this.recognizers.onAws()) {
			this.recognizers.rekognition()
				.removeFaces(deleted.eventId(),
						RecognitionRepository.externalIds(this.repository.faces(deleted.photoId())));
		}
		this.repository.deletePhoto(deleted.photoId());
	}

}
