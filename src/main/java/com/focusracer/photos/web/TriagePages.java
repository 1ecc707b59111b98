package com.focusracer.photos.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.photos.NotYoursException;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.PhotoStatus;

import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Triage: an event's photos as its team sees them, with status, quality and bulk actions.
 */
@Controller
class TriagePages {

	static final int PAGE_SIZE = 60;

	private final PhotoManagement photos;

	private final com.focusracer.photos.PhotoActions actions;

	private final EventManagement events;

	private final org.springframework.beans.factory.ObjectProvider<com.focusracer.photos.PhotoLabels> labels;

	private final MessageSource messages;

	TriagePages(PhotoManagement photos, EventManagement events,
			org.springframework.beans.factory.ObjectProvider<com.focusracer.photos.PhotoLabels> labels,
			MessageSource messages, com.focusracer.photos.PhotoActions actions) {
		this.photos = photos;
		this.actions = actions;
		this.events = events;
		this.labels = labels;
		this.messages = messages;
	}

	@GetMapping("/pro/events/{id}/photos")
	ModelAndView triage(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) PhotoStatus status, @RequestParam(defaultValue = "false") boolean low,
			@RequestParam(defaultValue = "false") boolean orphans, @RequestParam(defaultValue = "0") int page) {
		Event event = this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		int current = Math.max(0, page);
		com.focusracer.photos.PhotoLabels photoLabels = this.labels.getIfAvailable();
		boolean onlyOrphans = orphans && photoLabels != null;
		java.util.Set<UUID> linked = onlyOrphans ? photoLabels.linkedPhotos(id) : java.util.Set.of();
		PhotoStatus shownStatus = onlyOrphans ? PhotoStatus.PUBLISHED : status;
		List<Photo> shown = onlyOrphans
				? this.photos.pageAmong(id, principal.id(), linked, false, shownStatus, PAGE_SIZE, current * PAGE_SIZE)
				: this.photos.page(id, principal.id(), status, low, PAGE_SIZE, current * PAGE_SIZE);
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("photos", shown);
		model.put("total", onlyOrphans ? this.photos.countAmong(id, linked, false, shownStatus)
				: this.photos.count(id, status, low));
		model.put("orphans", onlyOrphans);
		model.put("counts", this.photos.counts(id));
		model.put("status", (status != null) ? status.name() : "");
		model.put("low", low);
		model.put("page", current);
		model.put("pageSize", PAGE_SIZE);
		if (photoLabels != null) {
			List<UUID> ids = shown.stream().map(Photo::id).toList();
			model.put("bibs", photoLabels.bibs(ids));
			model.put("unlisted", photoLabels.unlistedReads(ids));
		}
		return new ModelAndView("photos/triage", model);
	}

	/**
	 * One photo in the team's viewer: the web version, its facts, and actions.
	 * @param principal the signed-in account
	 * @param id the photo
	 * @return the page
	 */
	@GetMapping("/pro/photos/{id}")
	ModelAndView viewer(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		Photo photo = this.photos.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		Event event = this.events.find(photo.eventId(), principal.id()).orElseThrow(EventNotFoundException::new);
		Map<String, Object> model = new HashMap<>(
				Map.of("photo", photo, "event", event, "mayChange", this.actions.mayChange(photo, principal.id())));
		UUID[] neighbours = this.photos.neighbours(photo);
		model.put("previous", (neighbours[0] != null) ? "/pro/photos/" + neighbours[0] : null);
		model.put("next", (neighbours[1] != null) ? "/pro/photos/" + neighbours[1] : null);
		model.put("owner", event.ownerId().equals(principal.id()));
		com.focusracer.photos.PhotoLabels photoLabels = this.labels.getIfAvailable();
		if (photoLabels != null) {
			List<com.focusracer.photos.PhotoLabels.Read> reads = photoLabels.reads(id);
			model.put("links", photoLabels.links(id));
			model.put("suggestions", photoLabels.timingSuggestions(id));
			model.put("reads", reads);
			model.put("doubtful", reads.stream().filter((read) -> "DOUBTFUL".equals(read.kind())).toList());
			model.put("unlisted", reads.stream().filter((read) -> "NOT_ON_START_LIST".equals(read.kind())).toList());
		}
		return new ModelAndView("photos/viewer", model);
	}

	@PostMapping("/pro/events/{id}/photos/bulk")
	String bulk(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(name = "photo", required = false) List<UUID> selected, @RequestParam String action,
			@RequestParam(required = false) String back, Locale locale, RedirectAttributes redirect)
			throws IOException {
		this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		int refused = 0;
		int withdrawn = 0;
		for (UUID photoId : (selected != null) ? selected : List.<UUID>of()) {
			try {
				switch (action) {
					case "hide" -> this.actions.hide(photoId, principal.id(), true);
					case "show" -> this.actions.hide(photoId, principal.id(), false);
					case "rerun" -> this.actions.rerun(photoId, principal.id());
					case "delete" -> {
						if (this.actions.delete(photoId,
								principal.id()) == com.focusracer.photos.PhotoActions.Deletion.WITHDRAWN) {
							withdrawn++;
						}
					}
					default -> throw new IllegalArgumentException("Unknown action " + action);
				}
			}
			catch (NotYoursException ex) {
				// The others are done; these stay as they were, and the page says why.
				refused++;
			}
		}
		boolean toViewer = selected != null && selected.size() == 1 && "viewer".equals(back);
		if (withdrawn > 0) {
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("photo.withdrawn", new Object[] { withdrawn }, locale));
		}
		if (refused > 0) {
			redirect.addFlashAttribute("error", toViewer ? this.messages.getMessage("photo.notYours", null, locale)
					: this.messages.getMessage("photo.notYours.some", new Object[] { refused }, locale));
		}
		if (toViewer && !"delete".equals(action)) {
			return "redirect:/pro/photos/" + selected.get(0);
		}
		return "redirect:/pro/events/" + id + "/photos";
	}

	@GetMapping("/pro/photos/{id}/{kind:preview|web}.jpg")
	ResponseEntity<InputStreamResource> image(@AuthenticationPrincipal AccountPrincipal principal,
			@PathVariable UUID id, @PathVariable String kind) throws IOException {
		InputStream in = this.photos.openDerivative(id, principal.id(), kind).orElseThrow(EventNotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
			.body(new InputStreamResource(in));
	}

}
