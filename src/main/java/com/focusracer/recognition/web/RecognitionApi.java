package com.focusracer.recognition.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.photos.PhotoLabels;
import com.focusracer.photos.PhotoActions;
import com.focusracer.recognition.BibCorrections;
import com.focusracer.recognition.Coverage;
import com.focusracer.recognition.EventCoverage;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code PUT /api/v1/photos/{id}/bibs}, {@code POST /api/v1/events/{id}/reprocess},
 * {@code GET /api/v1/events/{id}/coverage}.
 */
@RestController
class RecognitionApi {

	private final BibCorrections corrections;

	private final EventCoverage coverage;

	private final PhotoActions photos;

	RecognitionApi(BibCorrections corrections, EventCoverage coverage, PhotoActions photos) {
		this.corrections = corrections;
		this.coverage = coverage;
		this.photos = photos;
	}

	record Bibs(List<String> bibs) {
	}

	record Links(List<PhotoLabels.Link> links) {
	}

	@PutMapping("/api/v1/photos/{id}/bibs")
	Links correct(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestBody(required = false) Bibs body) {
		if (body == null || body.bibs() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Send {\"bibs\": [\"1234\", ...]}: the complete list of bibs on the photo ([] for none).");
		}
		return new Links(this.corrections.correctBibs(id, principal.id(), body.bibs()));
	}

	@PostMapping("/api/v1/events/{id}/reprocess")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Integer> reprocess(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		return Map.of("scheduled", this.photos.reprocess(id, principal.id()));
	}

	@GetMapping("/api/v1/events/{id}/coverage")
	Coverage coverage(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		return this.coverage.of(id, principal.id());
	}

}
