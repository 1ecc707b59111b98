package com.focusracer.gallery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.focusracer.gallery.GalleryProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SelfieThrottleTests {

	private Instant now = Instant.parse("2026-10-04T10:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return SelfieThrottleTests.this.now;
		}

	};

	@Test
	void twentySelfiesPerAddressInAnyHour() {
		SelfieThrottle throttle = new SelfieThrottle(new GalleryProperties(null, null, null), this.clock);
		for (int i = 0; i < 20; i++) {
			assertThat(throttle.tryAcquire("10.0.0.1")).as("search " + (i + 1)).isEmpty();
			this.now = this.now.plus(Duration.ofMinutes(1));
		}
		assertThat(throttle.tryAcquire("10.0.0.1"))
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(41)));
		assertThat(throttle.tryAcquire("10.0.0.2")).as("another address").isEmpty();
		this.now = this.now.plus(Duration.ofMinutes(40).plusSeconds(30));
		assertThat(throttle.tryAcquire("10.0.0.1")).as("the first search is an hour old").isEmpty();
		assertThat(throttle.tryAcquire("10.0.0.1")).as("the second one is not yet").isPresent();
	}

}
