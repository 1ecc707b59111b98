package com.focusracer.shared.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Puts back rate limits of the size production has (the test configuration moves them out
 * of the way of the other tests), a little lower where that spares requests. Every test
 * class that carries it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(
		properties = { "focusracer.rate-limits.sign-up.capacity=5", "focusracer.rate-limits.password-reset.capacity=5",
				"focusracer.rate-limits.photo-alert.capacity=5", "focusracer.rate-limits.order.capacity=5",
				"focusracer.rate-limits.runner-action.capacity=5", "focusracer.rate-limits.free-zip.capacity=3",
				"focusracer.rate-limits.selfie-search.capacity=3", "focusracer.rate-limits.privacy-request.capacity=3",
				"focusracer.rate-limits.login.capacity=10", "focusracer.rate-limits.login-address.capacity=20",
				"focusracer.rate-limits.login-account.capacity=15", "focusracer.rate-limits.streams.per-address=3",
				"focusracer.rate-limits.enhanced-download.capacity=3", "focusracer.rate-limits.share-image.capacity=3",
				"focusracer.rate-limits.timing-import.capacity=3", "focusracer.rate-limits.counted-visit.capacity=5" })
public @interface RealisticRateLimits {

}
