package com.focusracer.events.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventImages;
import com.focusracer.events.EventException;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.EventsProperties;
import com.focusracer.events.Runner;
import com.focusracer.events.StartListImport;
import com.focusracer.events.StartListRejectedException;
import com.focusracer.events.StartLists;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pro space's event pages: list, create, edit, archive, team, start list.
 */
@Controller
class EventPages {

	private final EventManagement events;

	private final StartLists startLists;

	private final MessageSource messages;

	private final AccountManagement accounts;

	private final EventImages images;

	private final EventsProperties properties;

	private final org.springframework.beans.factory.ObjectProvider<com.focusracer.events.FaceFeatures> faces;

	private final com.focusracer.events.AutoEditSettings autoEdit;

	private final com.focusracer.events.Connectors connectors;

	EventPages(EventManagement events, StartLists startLists, MessageSource messages, AccountManagement accounts,
			EventImages images, EventsProperties properties,
			org.springframework.beans.factory.ObjectProvider<com.focusracer.events.FaceFeatures> faces,
			com.focusracer.events.AutoEditSettings autoEdit, com.focusracer.events.Connectors connectors) {
		this.autoEdit = autoEdit;
		this.connectors = connectors;
		this.properties = properties;
		this.faces = faces;
		this.images = images;
		this.events = events;
		this.startLists = startLists;
		this.messages = messages;
		this.accounts = accounts;
	}

	/**
	 * The pro space's landing page: the account's current events.
	 * @param principal the signed-in account
	 * @return the page
	 */
	@GetMapping("/pro")
	ModelAndView home(@AuthenticationPrincipal AccountPrincipal principal) {
		return new ModelAndView("pro/home", Map.of("account", this.accounts.find(principal.id()).orElseThrow(),
				"events", this.events.forAccount(principal.id(), false)));
	}

	@GetMapping("/pro/events")
	ModelAndView list(@AuthenticationPrincipal AccountPrincipal principal,
			@RequestParam(defaultValue = "false") boolean archived) {
		return new ModelAndView("events/list",
				Map.of("events", this.events.forAccount(principal.id(), archived), "archived", archived));
	}

	@GetMapping("/pro/events/new")
	ModelAndView newEvent() {
		return form(null, EventForm.empty(), null, HttpStatus.OK);
	}

	@PostMapping("/pro/events")
	ModelAndView create(@AuthenticationPrincipal AccountPrincipal principal, EventForm form,
			@RequestParam(required = false) MultipartFile logo, @RequestParam(required = false) MultipartFile cover,
			Locale locale) throws IOException {
		try {
			// Images are checked before the event exists: a refused image creates
			// nothing.
			List<EventImages.Prepared> images = prepareImages(logo, cover);
			Event event = this.events.create(principal.id(), form.draft());
			images.forEach((image) -> this.images.store(event.id(), principal.id(), image));
			return new ModelAndView("redirect:/pro/events/" + event.id() + "?created");
		}
		catch (EventException ex) {
			return form(null, form, text(ex, locale), HttpStatus.UNPROCESSABLE_ENTITY);
		}
	}

	@GetMapping("/pro/events/{id}")
	ModelAndView show(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		Event event = this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("owner", event.ownerId().equals(principal.id()));
		model.put("photographers", this.events.photographers(id));
		model.put("runnerCount", this.startLists.count(id));
		model.put("hasLogo", this.images.get(id, EventImages.Kind.LOGO).isPresent());
		model.put("hasCover", this.images.get(id, EventImages.Kind.COVER).isPresent());
		model.put("facesAvailable", facesAvailable());
		model.put("autoEdit", this.autoEdit.enabled(id));
		model.put("pendingRemovals",
				event.ownerId().equals(principal.id()) ? this.connectors.pendingRemovalCount(id, principal.id()) : 0);
		return new ModelAndView("events/show", model);
	}

	@GetMapping("/pro/events/{id}/edit")
	ModelAndView edit(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		Event event = this.events.owned(id, principal.id());
		return form(event, EventForm.of(event), null, HttpStatus.OK);
	}

	@PostMapping("/pro/events/{id}")
	ModelAndView update(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id, EventForm form,
			@RequestParam(required = false) MultipartFile logo, @RequestParam(required = false) MultipartFile cover,
			Locale locale) throws IOException {
		Event event = this.events.owned(id, principal.id());
		try {
			List<EventImages.Prepared> images = prepareImages(logo, cover);
			this.events.update(id, principal.id(), form.draft());
			images.forEach((image) -> this.images.store(id, principal.id(), image));
			return new ModelAndView("redirect:/pro/events/" + id + "?saved");
		}
		catch (EventException ex) {
			return form(event, form, text(ex, locale), HttpStatus.UNPROCESSABLE_ENTITY);
		}
	}

	@GetMapping("/pro/events/{id}/images/{kind:logo|cover}")
	ResponseEntity<byte[]> image(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@PathVariable String kind) {
		this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		EventImages.Kind which = EventImages.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
		return this.images.get(id, which)
			.map((bytes) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(which.contentType()))
				.cacheControl(CacheControl.noCache().cachePrivate())
				.body(bytes))
			.orElseThrow(EventNotFoundException::new);
	}

	private List<EventImages.Prepared> prepareImages(MultipartFile logo, MultipartFile cover) throws IOException {
		List<EventImages.Prepared> prepared = new ArrayList<>();
		prepare(EventImages.Kind.LOGO, logo, prepared);
		prepare(EventImages.Kind.COVER, cover, prepared);
		return prepared;
	}

	private void prepare(EventImages.Kind kind, MultipartFile file, List<EventImages.Prepared> prepared)
			throws IOException {
		if (file != null && !file.isEmpty()) {
			// The size is known before the bytes are read into memory.
			EventImages.checkSize(kind, file.getSize());
			prepared.add(this.images.prepare(kind, file.getBytes()));
		}
	}

	@PostMapping("/pro/events/{id}/archive")
	String archive(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(defaultValue = "true") boolean archived) {
		this.events.setArchived(id, principal.id(), archived);
		return "redirect:/pro/events/" + id;
	}

	@PostMapping("/pro/events/{id}/photographers")
	String addPhotographer(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String email, Locale locale, RedirectAttributes redirect) {
		try {
			this.events.addPhotographer(id, principal.id(), email);
		}
		catch (EventException ex) {
			redirect.addFlashAttribute("error", text(ex, locale));
		}
		return "redirect:/pro/events/" + id;
	}

	@PostMapping("/pro/events/{id}/photographers/{accountId}/remove")
	String removePhotographer(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@PathVariable UUID accountId) {
		this.events.removePhotographer(id, principal.id(), accountId);
		return "redirect:/pro/events/" + id;
	}

	@GetMapping("/pro/events/{id}/start-list")
	ModelAndView startList(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String bib) {
		Event event = this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		// A bib read on a photo but missing from the list, to add in one step.
		String prefilled = com.focusracer.shared.Bib.parse(bib).map(Object::toString).orElse("");
		return new ModelAndView("events/start-list",
				Map.of("event", event, "owner", event.ownerId().equals(principal.id()), "runners",
						this.startLists.list(id, principal.id()), "bib", prefilled));
	}

	@PostMapping("/pro/events/{id}/start-list/uploads")
	ModelAndView upload(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam("file") MultipartFile file, Locale locale, RedirectAttributes redirect) throws IOException {
		long max = this.properties.startListMaxSize().toBytes();
		if (file.getSize() > max) {
			// Checked before the file is read: the list stays as it was.
			this.events.owned(id, principal.id());
			redirect.addFlashAttribute("error",
					this.messages.getMessage("startList.tooLarge", new Object[] { max / (1024.0 * 1024) }, locale));
			return new ModelAndView("redirect:/pro/events/" + id + "/start-list");
		}
		UUID upload = this.startLists.keepUpload(id, principal.id(),
				(file.getOriginalFilename() != null) ? file.getOriginalFilename() : "start-list.csv", file.getBytes());
		return new ModelAndView("redirect:/pro/events/" + id + "/start-list/uploads/" + upload);
	}

	@GetMapping("/pro/events/{id}/start-list/uploads/{uploadId}")
	ModelAndView preview(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@PathVariable UUID uploadId) {
		Event event = this.events.owned(id, principal.id());
		return this.startLists.keptUpload(id, principal.id(), uploadId)
			.map((content) -> new ModelAndView("events/start-list-preview",
					Map.of("event", event, "uploadId", uploadId, "preview",
							this.startLists.preview(id, principal.id(), content))))
			.orElseGet(() -> new ModelAndView("redirect:/pro/events/" + id + "/start-list"));
	}

	@PostMapping("/pro/events/{id}/start-list/uploads/{uploadId}/apply")
	ModelAndView apply(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@PathVariable UUID uploadId, @RequestParam(defaultValue = "all") String mode, Locale locale,
			RedirectAttributes redirect) {
		try {
			String name = this.startLists.keptUploadName(id, principal.id(), uploadId).orElse(null);
			StartListImport result = this.startLists.applyUpload(id, principal.id(), uploadId,
					"valid-lines".equals(mode));
			this.connectors.applied(id, principal.id(), name);
			redirect.addFlashAttribute("notice", this.messages.getMessage("startList.imported",
					new Object[] { result.imported(), result.rejected().size() }, locale));
			return new ModelAndView("redirect:/pro/events/" + id + "/start-list");
		}
		catch (StartListRejectedException ex) {
			return new ModelAndView("redirect:/pro/events/" + id + "/start-list/uploads/" + uploadId);
		}
		catch (EventException ex) {
			redirect.addFlashAttribute("error", text(ex, locale));
			return new ModelAndView("redirect:/pro/events/" + id + "/start-list");
		}
	}

	@PostMapping("/pro/events/{id}/start-list/runners")
	String saveRunner(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String bib, @RequestParam(defaultValue = "") String firstName,
			@RequestParam(defaultValue = "") String lastName, @RequestParam(required = false) String email,
			@RequestParam(required = false) String category, @RequestParam(required = false) String club, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.startLists.save(id, principal.id(),
					new Runner(bib, firstName, lastName, blank(email), blank(category), blank(club), null, null));
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("startList.saved", new Object[] { bib }, locale));
		}
		catch (EventException ex) {
			redirect.addFlashAttribute("error", text(ex, locale));
		}
		return "redirect:/pro/events/" + id + "/start-list";
	}

	@PostMapping("/pro/events/{id}/start-list/runners/{bib}/delete")
	String deleteRunner(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@PathVariable String bib) {
		this.startLists.remove(id, principal.id(), bib);
		return "redirect:/pro/events/" + id + "/start-list";
	}

	private ModelAndView form(Event event, EventForm form, String error, HttpStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("form", form);
		model.put("error", error);
		model.put("facesAvailable", facesAvailable());
		return new ModelAndView("events/form", model, status);
	}

	private boolean facesAvailable() {
		com.focusracer.events.FaceFeatures features = this.faces.getIfAvailable();
		return features != null && features.available();
	}

	private String text(EventException ex, Locale locale) {
		return ex.describe(this.messages, locale);
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
