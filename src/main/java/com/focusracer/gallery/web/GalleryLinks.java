package com.focusracer.gallery.web;

import com.focusracer.events.Event;
import com.focusracer.photos.Photo;

/**
 * The public addresses of events and photos.
 */
public final class GalleryLinks {

	private GalleryLinks() {
	}

	public static String event(Event event) {
		return "/events/" + event.slug();
	}

	public static String photo(Event event, Photo photo) {
		return event(event) + "/photos/" + photo.id();
	}

	public static String thumbnail(Event event, Photo photo) {
		return photo(event, photo) + "/thumb.jpg";
	}

	public static String web(Event event, Photo photo) {
		return photo(event, photo) + "/web.jpg";
	}

}
