package com.focusracer.events.web;

import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventImages;
import com.focusracer.events.EventLinks;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.events.QrCode;
import com.focusracer.shared.Bib;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The event's QR codes for its team: the gallery's (finish-line banner, race pack) and a
 * runner's "my photos" by bib, as PNG or SVG, and a printable A4 poster. A code carries
 * the address only, never a runner's name.
 */
@Controller
class EventQrPages {

	private final EventManagement events;

	private final EventLinks links;

	private final EventImages images;

	EventQrPages(EventManagement events, EventLinks links, EventImages images) {
		this.events = events;
		this.links = links;
		this.images = images;
	}

	@GetMapping("/pro/events/{id}/qr.svg")
	ResponseEntity<byte[]> svg(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) String bib) {
		return qr(principal, id, "svg", bib);
	}

	@GetMapping("/pro/events/{id}/qr.png")
	ResponseEntity<byte[]> png(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) String bib) {
		return qr(principal, id, "png", bib);
	}

	private ResponseEntity<byte[]> qr(AccountPrincipal principal, UUID id, String format, String bib) {
		Event event = this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		String clean = clean(bib);
		QrCode code = QrCode.of((clean != null) ? this.links.runner(event, clean) : this.links.gallery(event));
		boolean svg = "svg".equals(format);
		byte[] body = svg ? code.svg(null).getBytes(java.nio.charset.StandardCharsets.UTF_8) : code.png(12);
		String name = "qr-" + event.slug() + ((clean != null) ? "-" + clean : "") + "." + format;
		return ResponseEntity.ok()
			.contentType(svg ? MediaType.valueOf("image/svg+xml") : MediaType.IMAGE_PNG)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	@GetMapping("/pro/events/{id}/poster")
	ModelAndView poster(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) String bib) {
		Event event = this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		String clean = clean(bib);
		String address = (clean != null) ? this.links.runner(event, clean) : this.links.gallery(event);
		return new ModelAndView("events/poster",
				Map.of("event", event, "address", address, "qr", QrCode.of(address).svg(event.name()), "bib",
						(clean != null) ? clean : "", "hasLogo",
						this.images.get(id, EventImages.Kind.LOGO).isPresent()));
	}

	private static String clean(String bib) {
		if (bib == null || bib.isBlank()) {
			return null;
		}
		return Bib.parse(bib)
			.map(Bib::value)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.BAD_REQUEST, "Not a bib"));
	}

}
