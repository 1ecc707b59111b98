package com.focusracer.gallery.internal;

import java.io.IOException;

import com.focusracer.photos.ShareImages;
import com.focusracer.recognition.RunnersUnlinked;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Deletes the share images of runners no longer on a photo. Their names change with the
 * runner's boxes, not with who is on the photo, and the gallery already refuses to make
 * or serve a crop of a runner not linked to it; this takes the files made before away
 * too. A durable listener: once, by whichever node, again after a crash or a store
 * failure.
 */
@Component
class UnlinkedRunners {

	private final ShareImages images;

	UnlinkedRunners(ShareImages images) {
		this.images = images;
	}

	@ApplicationModuleListener
	void on(RunnersUnlinked unlinked) throws IOException {
		for (String bib : unlinked.bibs()) {
			this.images.forget(unlinked.eventId(), unlinked.photoId(), bib);
		}
	}

}
