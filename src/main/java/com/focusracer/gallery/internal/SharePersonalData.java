package com.focusracer.gallery.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import com.focusracer.events.EntryRef;
import com.focusracer.events.StartLists;
import com.focusracer.photos.ShareImages;
import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonalData;
import com.focusracer.privacy.PersonalDataExport;
import com.focusracer.recognition.RecognitionManagement;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The share images (crops and teasers) made of a person on the photos linked to their
 * bibs, found through the start lists by their address: deleted on erasure. Not listed in
 * the export: they are copies, made on demand, of the photos the export lists already
 * (recognition's "linked-photos"), and the store keeps no index of them (see
 * docs/privacy.md).
 */
@Component
@Order(15)
class SharePersonalData implements PersonalData {

	private final StartLists startLists;

	private final RecognitionManagement recognition;

	private final ShareImages images;

	SharePersonalData(StartLists startLists, RecognitionManagement recognition, ShareImages images) {
		this.startLists = startLists;
		this.recognition = recognition;
		this.images = images;
	}

	@Override
	public String part() {
		return "share-images";
	}

	@Override
	public void export(Person person, PersonalDataExport export) {
		// Nothing of their own: see the class comment.
	}

	@Override
	public List<Erased> erase(Erasure erasure) {
		if (!erasure.everything()) {
			return List.of();
		}
		int photos = 0;
		try {
			for (EntryRef entry : this.startLists.entriesOf(erasure.person().email())) {
				for (UUID photoId : this.recognition.photosOf(entry.eventId(), entry.bib())) {
					this.images.forget(entry.eventId(), photoId, entry.bib());
					photos++;
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not delete share images: " + ex.getMessage(), ex);
		}
		return List.of(new Erased("share images deleted (photos)", photos));
	}

}
