package com.focusracer.photos;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.focusracer.photos.internal.PhotoRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public photos one photographer took in a stretch of camera time (search by time:
 * the photos near a runner's passage at a spot).
 */
@Service
@Transactional(readOnly = true)
public class PhotosByTime {

	/** Photos returned at most. */
	static final int MAXIMUM = 200;

	private final PhotoRepository photos;

	PhotosByTime(PhotoRepository photos) {
		this.photos = photos;
	}

	/**
	 * The published photos of a photographer whose EXIF time lies in a window.
	 * @param eventId the event
	 * @param uploaderId the photographer
	 * @param from the window's start (camera time)
	 * @param to its end (camera time)
	 * @return the photos, in shooting order, {@value #MAXIMUM} at most
	 */
	public List<Photo> published(UUID eventId, UUID uploaderId, Instant from, Instant to) {
		return this.photos.publishedTakenBetween(eventId, uploaderId, from, to, MAXIMUM);
	}

}
