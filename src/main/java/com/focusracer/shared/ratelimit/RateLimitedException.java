package com.focusracer.shared.ratelimit;

import java.time.Duration;

/**
 * A request refused by a rate limit. Pages answer it with a 429 page that says how long
 * to wait, the API with a 429 problem document and {@code Retry-After}.
 */
public class RateLimitedException extends RuntimeException {

	private final String limit;

	private final Duration retryAfter;

	/**
	 * A refusal.
	 * @param limit the name of what is limited: a policy's {@link RateLimit#configName()}
	 * or {@code streams}
	 * @param retryAfter how long until a request would be allowed
	 */
	public RateLimitedException(String limit, Duration retryAfter) {
		super("Rate limit '" + limit + "' reached; retry after " + retryAfter);
		this.limit = limit;
		this.retryAfter = retryAfter;
	}

	public RateLimitedException(RateLimit policy, Duration retryAfter) {
		this(policy.configName(), retryAfter);
	}

	/**
	 * The key of the text that says what was refused.
	 * @return e.g. {@code rateLimit.sign-up}
	 */
	public String messageKey() {
		return "rateLimit." + this.limit;
	}

	/**
	 * The wait in whole seconds, for {@code Retry-After}.
	 * @return at least 1
	 */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

	/**
	 * The wait in whole minutes, as people are told.
	 * @return at least 1
	 */
	public long retryAfterMinutes() {
		return (retryAfterSeconds() + 59) / 60;
	}

}
