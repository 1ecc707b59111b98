package com.focusracer.shop.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shop.Downloads;
import com.focusracer.shop.Order;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The signed download links of paid orders: a photo as sold, or the whole order as a ZIP
 * written straight to the response.
 */
@Controller
class DownloadPages {

	private final Downloads downloads;

	private final EventManagement events;

	private final RateLimits limits;

	private final com.focusracer.gallery.Gallery gallery;

	private final com.focusracer.gallery.SocialImages socialImages;

	DownloadPages(Downloads downloads, EventManagement events, RateLimits limits,
			com.focusracer.gallery.Gallery gallery, com.focusracer.gallery.SocialImages socialImages) {
		this.gallery = gallery;
		this.socialImages = socialImages;
		this.downloads = downloads;
		this.events = events;
		this.limits = limits;
	}

	@GetMapping("/downloads/{orderId}/photos/{photoId}")
	ResponseEntity<StreamingResponseBody> photo(@PathVariable UUID orderId, @PathVariable UUID photoId,
			@RequestParam(defaultValue = "0") long expires, @RequestParam(required = false) String sig,
			@RequestParam(defaultValue = "as-shot") String version) {
		Order order = this.downloads.check(orderId, photoId, expires, sig).orElseThrow(DownloadPages::notFound);
		boolean enhanced = "enhanced".equals(version);
		if (enhanced) {
			if (!this.downloads.enhanceable(order)) {
				throw notFound();
			}
			// Each one decodes, corrects and encodes a full-size photo: a few per order.
			this.limits.acquire(RateLimit.ENHANCED_DOWNLOAD, order.id().toString());
		}
		Downloads.SoldFile file = this.downloads.soldFile(order, photoId, enhanced);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString());
		if (file.size() >= 0) {
			response.contentLength(file.size());
		}
		return response.body((out) -> this.downloads.write(order, photoId, enhanced, out));
	}

	/**
	 * The buyer's share image of a photo they bought: their teaser without watermark,
	 * opened with the photo's download link (anyone else gets the refusal the link
	 * gives). Only while the photo is in the gallery.
	 */
	@GetMapping("/downloads/{orderId}/photos/{photoId}/share.jpg")
	ResponseEntity<byte[]> share(@PathVariable UUID orderId, @PathVariable UUID photoId,
			@RequestParam(defaultValue = "0") long expires, @RequestParam(required = false) String sig,
			@RequestParam(required = false) String format, @RequestParam(required = false) String bib,
			HttpServletRequest request) throws java.io.IOException {
		Order order = this.downloads.check(orderId, photoId, expires, sig).orElseThrow(DownloadPages::notFound);
		com.focusracer.photos.Photo photo = this.gallery.publishedPhoto(photoId).orElseThrow(DownloadPages::notFound);
		Event event = this.events.get(photo.eventId()).orElseThrow(DownloadPages::notFound);
		com.focusracer.gallery.ShareFormat shape = (format == null) ? com.focusracer.gallery.ShareFormat.PORTRAIT
				: com.focusracer.gallery.ShareFormat.of(format).orElseThrow(DownloadPages::notFound);
		java.util.Set<String> onPhoto = this.gallery.bibsOf(photo);
		String runner = java.util.stream.Stream.of(bib, order.bib())
			.filter((b) -> b != null && onPhoto.contains(b))
			.findFirst()
			.orElseGet(() -> onPhoto.stream().sorted().findFirst().orElse(null));
		byte[] jpeg = this.socialImages
			.image(event, photo, runner, shape, com.focusracer.gallery.SocialImages.Kind.TEASER, false,
					request.getRemoteAddr())
			.orElseThrow(DownloadPages::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(event.slug() + "-" + runner + "-" + shape.key() + ".jpg")
						.build()
						.toString())
			.body(jpeg);
	}

	@GetMapping("/downloads/{orderId}/zip")
	ResponseEntity<StreamingResponseBody> zip(@PathVariable UUID orderId,
			@RequestParam(defaultValue = "0") long expires, @RequestParam(required = false) String sig,
			HttpServletRequest request) {
		Order order = this.downloads.check(orderId, null, expires, sig).orElseThrow(DownloadPages::notFound);
		if (order.free()) {
			// Free orders cost nothing to place: their ZIPs (every photo, streamed) would
			// be
			// an unbounded load.
			this.limits.acquire(RateLimit.FREE_ZIP, request.getRemoteAddr());
		}
		String name = this.events.get(order.eventId()).map(Event::slug).orElse("photos") + "-" + order.shortId()
				+ ".zip";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body((out) -> this.downloads.zip(order, out));
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
	}

}
