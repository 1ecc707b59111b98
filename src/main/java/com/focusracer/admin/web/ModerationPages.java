package com.focusracer.admin.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.admin.Moderation;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.gallery.RunnerActions;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.privacy.PrivacyRegister;
import com.focusracer.privacy.PrivacyRequest;
import com.focusracer.privacy.RequestType;
import com.focusracer.recognition.EventCoverage;
import com.focusracer.recognition.RecognitionManagement;
import com.focusracer.shared.UserMistakeException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Moderation: every event and photo of the platform, read-only as their team sees them,
 * the recognition quality of each event, hiding or removing with a reason, and the
 * reports people filed (runners' "hide me", privacy photo withdrawals).
 */
@Controller
class ModerationPages {

	private static final int PAGE_SIZE = 60;

	private final EventManagement events;

	private final PhotoManagement photos;

	private final EventCoverage coverage;

	private final RecognitionManagement recognition;

	private final Moderation moderation;

	private final AccountManagement accounts;

	private final RunnerActions runnerActions;

	private final PrivacyRegister privacy;

	private final MessageSource messages;

	ModerationPages(EventManagement events, PhotoManagement photos, EventCoverage coverage,
			RecognitionManagement recognition, Moderation moderation, AccountManagement accounts,
			RunnerActions runnerActions, PrivacyRegister privacy, MessageSource messages) {
		this.events = events;
		this.photos = photos;
		this.coverage = coverage;
		this.recognition = recognition;
		this.moderation = moderation;
		this.accounts = accounts;
		this.runnerActions = runnerActions;
		this.privacy = privacy;
		this.messages = messages;
	}

	@GetMapping("/admin/events")
	ModelAndView events() {
		return new ModelAndView("admin/events", Map.of("events", this.events.all(1000)));
	}

	@GetMapping("/admin/events/{id}")
	ModelAndView event(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page) {
		Event event = this.events.get(id).orElseThrow(EventNotFoundException::new);
		int current = Math.max(0, page);
		List<Photo> shown = this.photos.pageForAdmins(id, PAGE_SIZE, current * PAGE_SIZE);
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("owner", this.accounts.find(event.ownerId()).map((a) -> a.email()).orElse("—"));
		model.put("quality", this.coverage.quality(id));
		model.put("counts", this.photos.counts(id));
		model.put("photos", shown);
		model.put("bibs", this.recognition.bibs(shown.stream().map(Photo::id).toList()));
		model.put("page", current);
		model.put("pageSize", PAGE_SIZE);
		return new ModelAndView("admin/event", model);
	}

	@PostMapping("/admin/events/{id}/moderation")
	String moderateEvent(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable UUID id,
			@RequestParam boolean hidden, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		try {
			this.moderation.moderateEvent(admin, id, hidden, reason);
			redirect.addFlashAttribute("notice", message(hidden ? "moderation.eventHidden" : "moderation.eventShown"));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, LocaleContextHolder.getLocale()));
		}
		return "redirect:/admin/events/" + id;
	}

	@PostMapping("/admin/events/{id}/removal")
	String removeEvent(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) throws java.io.IOException {
		try {
			int[] removed = this.moderation.removeEvent(admin, id, reason);
			redirect.addFlashAttribute("notice", this.messages.getMessage("moderation.eventRemoved",
					new Object[] { removed[0], removed[1] }, LocaleContextHolder.getLocale()));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, LocaleContextHolder.getLocale()));
		}
		return "redirect:/admin/events/" + id;
	}

	@GetMapping("/admin/photos/{id}")
	ModelAndView photo(@PathVariable UUID id) {
		Photo photo = this.photos.get(id).orElseThrow(EventNotFoundException::new);
		Event event = this.events.get(photo.eventId()).orElseThrow(EventNotFoundException::new);
		Map<String, Object> model = new HashMap<>();
		model.put("photo", photo);
		model.put("event", event);
		model.put("uploader", this.accounts.find(photo.uploaderId()).map((a) -> a.email()).orElse("—"));
		model.put("links", this.recognition.links(id));
		model.put("reads", this.recognition.reads(id));
		return new ModelAndView("admin/photo", model);
	}

	@GetMapping("/admin/photos/{id}/{kind:preview|web}.jpg")
	ResponseEntity<InputStreamResource> image(@PathVariable UUID id, @PathVariable String kind) throws IOException {
		InputStream in = this.photos.openDerivativeForAdmins(id, kind).orElseThrow(EventNotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore())
			.body(new InputStreamResource(in));
	}

	@PostMapping("/admin/photos/{id}/moderation")
	String moderatePhoto(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable UUID id,
			@RequestParam String action, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect)
			throws IOException {
		if (!List.of("hide", "show", "remove").contains(action)) {
			throw new EventNotFoundException();
		}
		try {
			UUID eventId = this.moderation.moderatePhoto(admin, id, action, reason);
			redirect.addFlashAttribute("notice", message("moderation.photo." + action));
			return "remove".equals(action) ? "redirect:/admin/events/" + eventId : "redirect:/admin/photos/" + id;
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, LocaleContextHolder.getLocale()));
			return "redirect:/admin/photos/" + id;
		}
	}

	@GetMapping("/admin/reports")
	ModelAndView reports() {
		List<PrivacyRequest> withdrawals = this.privacy.list(null, 500)
			.stream()
			.filter((request) -> request.type() == RequestType.PHOTO_WITHDRAWAL)
			.toList();
		return new ModelAndView("admin/reports",
				Map.of("hides", this.runnerActions.pendingHidesForAdmins(500), "withdrawals", withdrawals));
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
