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
import com.focusracer.photos.PhotoLabels;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.PhotoStatus;
import com.focusracer.photos.UploadOutcome;

import org.springframework.beans.factory.ObjectProvider;
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

	private final PhotoLabels labels;

	PhotoApi(PhotoManagement photos, MessageSource messages, ObjectProvider<PhotoLabels> labels) {
		this.photos = photos;
		this.messages = messages;
		this.labels = labels.getIfAvailable(NoLabels::new);
	}

	record Result(String fileName, UploadOutcome.Outcome outcome, String photoId, String message) {
	}

	record Results(List<Result> results) {
	}

	record Item(String id, String fileName, PhotoStatus status, boolean hidden, List<String> bibs, int faceCount,
			Double quality, Instant takenAt) {
	}

	record Page(List<Item> items, long total) {
	}

	record Detail(String id, String fileName, PhotoStatus status, boolean hidden, List<String> bibs, int faceCount,
			Double quality, Instant takenAt, List<PhotoLabels.Link> links, List<PhotoLabels.Read> reads, String failure,
			String thumbnailUrl, String webUrl, int width, int height, String sha256) {
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
		if (bib != null && !bib.isBlank()) {
			java.util.Set<UUID> ids = this.labels.photosOf(id, bib.trim());
			List<Photo> found = this.photos.pageAmong(id, principal.id(), ids, true, status, limit, offset);
			return new Page(items(found), this.photos.countAmong(id, ids, true, status));
		}
		List<Photo> found = this.photos.page(id, principal.id(), status, false, limit, offset);
		return new Page(items(found), this.photos.count(id, status, false));
	}

	private List<Item> items(List<Photo> found) {
		List<UUID> ids = found.stream().map(Photo::id).toList();
		java.util.Map<UUID, List<String>> bibs = this.labels.bibs(ids);
		java.util.Map<UUID, Integer> faces = this.labels.faceCounts(ids);
		return found.stream()
			.map((photo) -> new Item(photo.id().toString(), photo.fileName(), photo.status(), photo.hidden(),
					bibs.getOrDefault(photo.id(), List.of()), faces.getOrDefault(photo.id(), 0), photo.quality(),
					photo.takenAt()))
			.toList();
	}

	@GetMapping("/api/v1/photos/{id}")
	Detail one(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		Photo photo = this.photos.find(id, principal.id()).orElseThrow(EventNotFoundException::new);
		String failure = (photo.failure() != null)
				? this.messages.getMessage(photo.failure(), null, photo.failure(), Locale.ENGLISH) : null;
		List<UUID> one = List.of(photo.id());
		return new Detail(photo.id().toString(), photo.fileName(), photo.status(), photo.hidden(),
				this.labels.bibs(one).getOrDefault(photo.id(), List.of()),
				this.labels.faceCounts(one).getOrDefault(photo.id(), 0), photo.quality(), photo.takenAt(),
				this.labels.links(photo.id()), this.labels.reads(photo.id()), failure,
				"/api/v1/photos/" + photo.id() + "/preview", "/api/v1/photos/" + photo.id() + "/web", photo.width(),
				photo.height(), photo.sha256());
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

	/**
	 * When no module labels photos (recognition left out): no bib, no face, no link.
	 */
	private static final class NoLabels implements PhotoLabels {

		@Override
		public java.util.Map<UUID, List<String>> bibs(java.util.Collection<UUID> photoIds) {
			return java.util.Map.of();
		}

		@Override
		public java.util.Map<UUID, List<String>> unlistedReads(java.util.Collection<UUID> photoIds) {
			return java.util.Map.of();
		}

		@Override
		public java.util.Map<UUID, Integer> faceCounts(java.util.Collection<UUID> photoIds) {
			return java.util.Map.of();
		}

		@Override
		public List<Link> links(UUID photoId) {
			return List.of();
		}

		@Override
		public java.util.Set<UUID> linkedPhotos(UUID eventId) {
			return java.util.Set.of();
		}

		@Override
		public List<Read> reads(UUID photoId) {
			return List.of();
		}

		@Override
		public java.util.Set<UUID> photosOf(UUID eventId, String bib) {
			return java.util.Set.of();
		}

	}

}
