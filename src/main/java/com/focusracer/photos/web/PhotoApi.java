package com.focusracer.photos.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.PhotoStatus;
import com.focusracer.photos.UploadOutcome;

import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos for uploader tools: {@code POST /api/v1/events/{id}/photos} and the listing
 * endpoints.
 */
@RestController
class PhotoApi {

	private final PhotoManagement photos;

	private final MessageSource messages;

	PhotoApi(PhotoManagement photos, MessageSource messages) {
		this.photos = photos;
		this.messages = messages;
	}

	record Result(String fileName, UploadOutcome.Outcome outcome, String photoId, String message) {
	}

	record Results(List<Result> results) {
	}

	record Item(String id, String fileName, PhotoStatus status, List<String> bibs, int faceCount, Double quality,
			Instant takenAt) {
	}

	record Page(List<Item> items, long total) {
	}

	record Detail(String id, String fileName, PhotoStatus status, List<String> bibs, int faceCount, Double quality,
			Instant takenAt, List<Object> links, String failure, String thumbnailUrl, String webUrl, int width,
			int height, String sha256) {
	}

	@PostMapping(path = "/api/v1/events/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Results upload(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestPart(name = "file", required = false) List<MultipartFile> files) throws IOException {
		if (files == null || files.isEmpty()) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.BAD_REQUEST,
					"Send the photos as multipart parts named 'file' (one part per photo).");
		}
		List<Result> results = new ArrayList<>();
		for (MultipartFile part : files) {
			Path temporary = Files.createTempFile("focus-racer-upload-", ".part");
			try {
				part.transferTo(temporary);
				UploadOutcome outcome = this.photos.accept(id, principal.id(), part.getOriginalFilename(), temporary);
				results.add(new Result(outcome.fileName(), outcome.outcome(),
						(outcome.photoId() != null) ? outcome.photoId().toString() : null,
						(outcome.messageKey() != null)
								? this.messages.getMessage(outcome.messageKey(), outcome.arguments(), Locale.ENGLISH)
								: null));
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		return new Results(results);
	}

	@GetMapping("/api/v1/events/{id}/photos")
	Page list(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) PhotoStatus status, @RequestParam(required = false) String bib,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		int limit = Math.max(1, Math.min(size, 500));
		int offset = Math.max(0, page) * limit;
		List<Photo> found = this.photos.page(id, principal.id(), status, false, limit, offset);
		if (bib != null && !bib.isBlank()) {
			// No bib is read before the recognition stages exist: a bib filter matches
			// nothing yet.
			return new Page(List.of(), 0);
		}
		return new Page(found.stream().map(PhotoApi::item).toList(), this.photos.count(id, status, false));
	}

	@GetMapping("/api/v1/photos/{id}")
	Detail one(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		Photo photo = this.photos.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		String failure = (photo.failure() != null)
				? this.messages.getMessage(photo.failure(), null, photo.failure(), Locale.ENGLISH) : null;
		return new Detail(photo.id().toString(), photo.fileName(), photo.status(), List.of(), 0, photo.quality(),
				photo.takenAt(), List.of(), failure, "/api/v1/photos/" + photo.id() + "/preview",
				"/api/v1/photos/" + photo.id() + "/web", photo.width(), photo.height(), photo.sha256());
	}

	@GetMapping("/api/v1/photos/{id}/{kind:preview|web}")
	ResponseEntity<InputStreamResource> image(@AuthenticationPrincipal AccountPrincipal principal,
			@PathVariable UUID id, @PathVariable String kind) throws IOException {
		InputStream in = this.photos.openDerivative(id, principal.id(), kind).orElseThrow(EventNotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(new InputStreamResource(in));
	}

	private static Item item(Photo photo) {
		return new Item(photo.id().toString(), photo.fileName(), photo.status(), List.of(), 0, photo.quality(),
				photo.takenAt());
	}

}
