package com.focusracer.timing.web;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.shared.UserMistakeException;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.timing.ClockOffset;
import com.focusracer.timing.PassingFormat;
import com.focusracer.timing.Spot;
import com.focusracer.timing.Timing;
import com.focusracer.timing.TimingImport;
import com.focusracer.timing.TimingImportException;
import com.focusracer.timing.TimingProperties;
import com.focusracer.timing.internal.TimingRepository;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The team's timing page: timing points and their import (owner), where each photographer
 * stood, and each camera's clock offset with the anchors it rests on and an override.
 */
@Controller
class TimingPages {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final Timing timing;

	private final EventManagement events;

	private final AccountManagement accounts;

	private final RateLimits limits;

	private final TimingProperties properties;

	private final MessageSource messages;

	TimingPages(Timing timing, EventManagement events, AccountManagement accounts, RateLimits limits,
			TimingProperties properties, MessageSource messages) {
		this.timing = timing;
		this.events = events;
		this.accounts = accounts;
		this.limits = limits;
		this.properties = properties;
		this.messages = messages;
	}

	@GetMapping("/pro/events/{id}/timing")
	ModelAndView page(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) UUID anchors) {
		Event event = this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		boolean owner = event.ownerId().equals(principal.id());
		Map<UUID, String> team = team(event);
		ZoneId zone = ZoneId.of(this.properties.zone());
		List<TimingRows.SpotRow> spots = new ArrayList<>();
		for (Spot spot : this.timing.spots(id, principal.id())) {
			spots.add(new TimingRows.SpotRow(spot.id().toString(), team.getOrDefault(spot.photographerId(), "—"),
					spot.distanceKm(), hour(spot.startsAt(), zone), hour(spot.endsAt(), zone),
					owner || spot.photographerId().equals(principal.id())));
		}
		List<TimingRows.OffsetRow> offsets = new ArrayList<>();
		for (ClockOffset o : this.timing.offsets(id, principal.id())) {
			offsets.add(new TimingRows.OffsetRow(o.photographerId().toString(),
					team.getOrDefault(o.photographerId(), "—"), o.cameraSerial().isEmpty() ? "*" : o.cameraSerial(),
					o.cameraSerial(), seconds(o.estimatedSeconds()),
					(o.driftPerHour() != 0) ? String.format("%+.1f", o.driftPerHour()) : "", o.anchors(), o.dropped(),
					seconds(o.overrideSeconds()), owner || o.photographerId().equals(principal.id())));
		}
		List<TimingRows.AnchorRow> anchorRows = new ArrayList<>();
		if (anchors != null) {
			for (TimingRepository.StoredAnchor a : this.timing.anchors(id, principal.id(), anchors)) {
				anchorRows.add(new TimingRows.AnchorRow(a.photoId().toString(),
						a.cameraSerial().isEmpty() ? "*" : a.cameraSerial(), a.bib(), hour(a.takenAt(), zone),
						hour(a.passageAt(), zone), String.format("%+.1f", a.residualSeconds()), a.outlier()));
			}
		}
		Map<String, String> photographers = new LinkedHashMap<>();
		team.forEach((accountId, name) -> {
			if (owner || accountId.equals(principal.id())) {
				photographers.put(accountId.toString(), name);
			}
		});
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("owner", owner);
		model.put("points", this.timing.points(id, principal.id()));
		model.put("spots", spots);
		model.put("offsets", offsets);
		model.put("anchors", anchorRows);
		model.put("photographers", photographers);
		model.put("me", principal.id().toString());
		model.put("zone", this.properties.zone());
		return new ModelAndView("timing/timing", model);
	}

	@PostMapping("/pro/events/{id}/timing/points")
	String savePoint(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) UUID point, @RequestParam String name, @RequestParam String distanceKm,
			RedirectAttributes redirect) {
		return act(id, redirect, "timing.point.saved",
				() -> this.timing.savePoint(id, principal.id(), point, name, distance(distanceKm)));
	}

	@PostMapping("/pro/events/{id}/timing/points/{point}/delete")
	String deletePoint(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@PathVariable UUID point, RedirectAttributes redirect) {
		return act(id, redirect, "timing.point.deleted", () -> this.timing.deletePoint(id, principal.id(), point));
	}

	@PostMapping("/pro/events/{id}/timing/passings")
	String importPassings(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam("file") MultipartFile file, @RequestParam PassingFormat format,
			@RequestParam(required = false) UUID point, @RequestParam(required = false) String zone,
			RedirectAttributes redirect) throws IOException {
		this.events.owned(id, principal.id());
		this.limits.acquire(RateLimit.TIMING_IMPORT, principal.id().toString());
		try {
			// The size is known before the bytes are read into memory.
			if (file.getSize() > this.properties.maximumUpload()) {
				throw new TimingImportException("timing.import.tooLarge", this.properties.maximumUpload() / 1_048_576);
			}
			TimingImport result = this.timing.importPassings(id, principal.id(), point, format, file.getBytes(), zone);
			redirect.addFlashAttribute("notice", text("timing.import.done", result.passings(),
					String.join(", ", result.points()), result.unknownCodes(), result.firstUnknownLines().toString()));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, LocaleContextHolder.getLocale()));
		}
		return "redirect:/pro/events/" + id + "/timing";
	}

	@PostMapping("/pro/events/{id}/timing/spots")
	String addSpot(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam UUID photographer, @RequestParam String distanceKm,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			RedirectAttributes redirect) {
		Event event = this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		ZoneId zone = ZoneId.of(this.properties.zone());
		return act(id, redirect, "timing.spot.saved", () -> this.timing.addSpot(id, principal.id(), photographer,
				distance(distanceKm), at(event, from, zone), at(event, to, zone)));
	}

	@PostMapping("/pro/events/{id}/timing/spots/{spot}/delete")
	String deleteSpot(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@PathVariable UUID spot, RedirectAttributes redirect) {
		return act(id, redirect, "timing.spot.deleted", () -> this.timing.deleteSpot(id, principal.id(), spot));
	}

	@PostMapping("/pro/events/{id}/timing/offsets")
	String setOffset(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam UUID photographer, @RequestParam(defaultValue = "") String serial,
			@RequestParam(defaultValue = "") String seconds, RedirectAttributes redirect) {
		return act(id, redirect, "timing.offset.saved", () -> this.timing.setOffset(id, principal.id(), photographer,
				serial, seconds.isBlank() ? null : number(seconds, "timing.offset.bad")));
	}

	private String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", text(done));
		}
		catch (UserMistakeException ex) {
			redirect.addFlashAttribute("error", ex.describe(this.messages, LocaleContextHolder.getLocale()));
		}
		return "redirect:/pro/events/" + id + "/timing";
	}

	private Map<UUID, String> team(Event event) {
		Map<UUID, String> team = new LinkedHashMap<>();
		this.accounts.find(event.ownerId()).ifPresent((a) -> team.put(a.id(), name(a)));
		for (Account photographer : this.events.photographers(event.id())) {
			team.put(photographer.id(), name(photographer));
		}
		return team;
	}

	private static String name(Account account) {
		return (account.displayName() != null && !account.displayName().isBlank()) ? account.displayName()
				: account.email();
	}

	private static double distance(String value) {
		return number(value, "timing.badDistance");
	}

	private static double number(String value, String key) {
		try {
			return Double.parseDouble(value.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			throw new TimingImportException(key);
		}
	}

	private static Instant at(Event event, String time, ZoneId zone) {
		if (time.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(time.strip()).atDate(event.date()).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			throw new TimingImportException("timing.spot.badWindow");
		}
	}

	private static String hour(Instant at, ZoneId zone) {
		return (at != null) ? HOUR.format(at.atZone(zone)) : "";
	}

	private static String seconds(Double value) {
		return (value != null) ? String.format("%+.1f", value) : "";
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
