package com.focusracer.timing.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;
import com.focusracer.shared.web.BodyLimit;
import com.focusracer.timing.PassingFormat;
import com.focusracer.timing.Spot;
import com.focusracer.timing.Timing;
import com.focusracer.timing.TimingImport;
import com.focusracer.timing.TimingImportException;
import com.focusracer.timing.TimingProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spots and timing files for uploader tools and timers: {@code /api/v1/events/{id}/spots}
 * and {@code /api/v1/events/{id}/timing/passings}.
 */
@RestController
class TimingApi {

	private final Timing timing;

	private final RateLimits limits;

	TimingApi(Timing timing, RateLimits limits) {
		this.timing = timing;
		this.limits = limits;
	}

	@Bean
	static BodyLimit timingPassingsBody(TimingProperties properties) {
		return new BodyLimit("PUT", "/api/v1/events/*/timing/passings", properties.maximumUpload(),
				"timing.import.tooLarge");
	}

	record NewSpot(UUID photographerId, Double distanceKm, Instant startsAt, Instant endsAt) {
	}

	record SpotView(String id, String photographerId, double distanceKm, Instant startsAt, Instant endsAt) {

		static SpotView of(Spot spot) {
			return new SpotView(spot.id().toString(), spot.photographerId().toString(), spot.distanceKm(),
					spot.startsAt(), spot.endsAt());
		}

	}

	@GetMapping("/api/v1/events/{id}/spots")
	List<SpotView> spots(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
		return this.timing.spots(id, principal.id()).stream().map(SpotView::of).toList();
	}

	@PostMapping("/api/v1/events/{id}/spots")
	ResponseEntity<SpotView> addSpot(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestBody NewSpot body) {
		if (body.distanceKm() == null) {
			throw new TimingImportException("timing.badDistance");
		}
		Spot spot = this.timing.addSpot(id, principal.id(),
				(body.photographerId() != null) ? body.photographerId() : principal.id(), body.distanceKm(),
				body.startsAt(), body.endsAt());
		return ResponseEntity.created(URI.create("/api/v1/events/" + id + "/spots/" + spot.id()))
			.body(SpotView.of(spot));
	}

	@DeleteMapping("/api/v1/events/{id}/spots/{spot}")
	ResponseEntity<Void> deleteSpot(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@PathVariable UUID spot) {
		this.timing.deleteSpot(id, principal.id(), spot);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/events/{id}/timing/passings")
	TimingImport importPassings(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id,
			@RequestParam PassingFormat format, @RequestParam(required = false) UUID point,
			@RequestParam(required = false) String zone, @RequestBody(required = false) byte[] body) {
		this.limits.acquire(RateLimit.TIMING_IMPORT, principal.id().toString());
		return this.timing.importPassings(id, principal.id(), point, format, (body != null) ? body : new byte[0], zone);
	}

}
