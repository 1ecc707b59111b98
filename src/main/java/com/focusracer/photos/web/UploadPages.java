package com.focusracer.photos.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.photos.PhotosProperties;
import com.focusracer.photos.ResumableUploads;
import com.focusracer.photos.ResumableUploads.BusyException;
import com.focusracer.photos.ResumableUploads.ChunkResult;
import com.focusracer.photos.ResumableUploads.OffsetMismatchException;
import com.focusracer.photos.ResumableUploads.PastAnnouncedSizeException;
import com.focusracer.photos.ResumableUploads.Status;
import com.focusracer.shared.web.BodyLimit;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The browser upload page and its resumable chunk protocol: {@code POST
 * /pro/events/{id}/uploads} starts (or finds) an upload, {@code GET /pro/uploads/{id}}
 * says how many bytes the server holds, {@code PATCH /pro/uploads/{id}} with
 * {@code Upload-Offset} appends a chunk. Any node may receive any of these requests. A
 * chunk at another offset than the server's, or that arrives while another chunk of the
 * same upload is being stored ({@code "busy": true}, {@code Retry-After}), is answered
 * 409 with the offset to send from. {@code GET /pro/events/{id}/progress} streams
 * progress.
 */
@Controller
class UploadPages {

	/** The page sends 2 MB chunks; a chunk may be up to four times that. */
	static final long MAX_CHUNK_BYTES = 8 * 1024 * 1024;

	private final ResumableUploads uploads;

	private final EventManagement events;

	private final LiveProgress progress;

	private final PhotosProperties properties;

	private final MessageSource messages;

	UploadPages(ResumableUploads uploads, EventManagement events, LiveProgress progress, PhotosProperties properties,
			MessageSource messages) {
		this.uploads = uploads;
		this.events = events;
		this.progress = progress;
		this.properties = properties;
		this.messages = messages;
	}

	record Start(String fileName, long size, String fingerprint) {
	}

	@GetMapping("/pro/events/{id}/upload")
	ModelAndView page(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		Event event = this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		return new ModelAndView("photos/upload",
				Map.of("event", event, "maxMegabytes", this.properties.maxFileBytes() / 1_000_000));
	}

	@PostMapping("/pro/events/{id}/uploads")
	@ResponseBody
	ResponseEntity<Object> start(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestBody Start start, Locale locale) throws IOException {
		if (start.size() <= 0 || start.size() > this.properties.maxFileBytes()) {
			String key = (start.size() <= 0) ? "upload.empty" : "upload.tooLarge";
			return ResponseEntity.unprocessableEntity()
				.body(Map.of("message", this.messages.getMessage(key,
						new Object[] { this.properties.maxFileBytes() / 1_000_000 }, locale)));
		}
		String fingerprint = (start.fingerprint() != null && !start.fingerprint().isBlank()) ? start.fingerprint()
				: start.fileName() + ":" + start.size();
		return ResponseEntity
			.ok(view(this.uploads.start(id, principal.id(), start.fileName(), start.size(), fingerprint)));
	}

	@GetMapping("/pro/uploads/{uploadId}")
	@ResponseBody
	ResponseEntity<Object> status(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID uploadId)
			throws IOException {
		return this.uploads.status(uploadId, principal.id())
			.<ResponseEntity<Object>>map((status) -> ResponseEntity.ok(view(status)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PatchMapping("/pro/uploads/{uploadId}")
	@ResponseBody
	ResponseEntity<Object> chunk(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID uploadId,
			@RequestHeader("Upload-Offset") long offset, HttpServletRequest request, Locale locale) throws IOException {
		try {
			ChunkResult result = this.uploads.append(uploadId, principal.id(), offset, request.getInputStream());
			Map<String, Object> body = new HashMap<>(view(result.status()));
			if (result.outcome() != null) {
				body.put("outcome", result.outcome().outcome().name());
				body.put("photoId",
						(result.outcome().photoId() != null) ? result.outcome().photoId().toString() : null);
				if (result.outcome().messageKey() != null) {
					body.put("message", this.messages.getMessage(result.outcome().messageKey(),
							result.outcome().arguments(), locale));
				}
			}
			return ResponseEntity.ok(body);
		}
		catch (OffsetMismatchException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("offset", ex.expected()));
		}
		catch (BusyException ex) {
			// Another chunk of this upload is being stored, maybe by another node: this
			// one
			// is not kept.
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.header(HttpHeaders.RETRY_AFTER, "1")
				.body(Map.of("offset", ex.offset(), "busy", true, "message",
						this.messages.getMessage("upload.busy", null, locale)));
		}
		catch (PastAnnouncedSizeException ex) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(Map.of("message",
						this.messages.getMessage("upload.pastAnnouncedSize", new Object[] { ex.size() }, locale)));
		}
	}

	@GetMapping(path = "/pro/events/{id}/progress", produces = "text/event-stream")
	SseEmitter watch(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			HttpServletRequest request) {
		this.events.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		return this.progress.watch(id, request);
	}

	/**
	 * Chunks are bounded by what the page sends, not by the site's default for bodies.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ChunkLimit {

		@Bean
		BodyLimit uploadChunkBody() {
			return new BodyLimit("PATCH", "/pro/uploads/*", MAX_CHUNK_BYTES, "upload.chunkTooLarge");
		}

	}

	private static Map<String, Object> view(Status status) {
		return Map.of("id", status.id().toString(), "offset", status.offset(), "size", status.size());
	}

}
