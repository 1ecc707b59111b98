package com.focusracer.shared.ratelimit;

/**
 * The named rate-limit policies. Each one has its own buckets, one per subject (a client
 * address, an account, an account-and-address pair), and its own capacity and refill
 * period under {@code focusracer.rate-limits.<name>}.
 */
public enum RateLimit {

	/** Sign-ups per client address: each one sends an e-mail. */
	SIGN_UP("sign-up"),

	/** Password-reset requests per client address: each one may send an e-mail. */
	PASSWORD_RESET("password-reset"),

	/** "Notify me" requests per client address: each one sends a confirmation e-mail. */
	PHOTO_ALERT("photo-alert"),

	/** Orders placed per client address: each one may create a payment at Stripe. */
	ORDER("order"),

	/** "This is me", "not me" and "hide me" per runner account. */
	RUNNER_ACTION("runner-action"),

	/** ZIP downloads of free orders per client address. */
	FREE_ZIP("free-zip"),

	/** Selfie searches per client address (face comparison is costly). */
	SELFIE_SEARCH("selfie-search"),

	/**
	 * Personal-data requests per client address (guests) or per account: each one sends
	 * an e-mail.
	 */
	PRIVACY_REQUEST("privacy-request"),

	/** Failed logins per account-and-address pair. */
	LOGIN("login"),

	/** Failed logins per client address, whatever the accounts. */
	LOGIN_ADDRESS("login-address"),

	/** Failed logins per account, whatever the addresses. */
	LOGIN_ACCOUNT("login-account"),

	/**
	 * "Enhanced" downloads per order: each one decodes the full original, corrects it and
	 * encodes it again.
	 */
	ENHANCED_DOWNLOAD("enhanced-download"),
	/** Share images (a runner's crops and teasers) made per client address: CPU. */
	SHARE_IMAGE("share-image"),

	/**
	 * Marketplace actions per account, each kind in its own bucket: publishing a listing,
	 * applying, reporting a review (each one e-mails someone or changes what others see).
	 */
	MARKETPLACE("marketplace"),

	/**
	 * Timing files imported per account: each one is parsed and re-links the event's
	 * photos without a bib.
	 */
	TIMING_IMPORT("timing-import"),

	/**
	 * Registration-platform calls ("test connection", imports) per account: each one
	 * calls a third party's API.
	 */
	CONNECTOR("connector"),

	/**
	 * Visits counted in the analytics per client address (page views, searches, photo
	 * views, cart additions): past it the page is served but not counted.
	 */
	COUNTED_VISIT("counted-visit");

	private final String configName;

	RateLimit(String configName) {
		this.configName = configName;
	}

	/**
	 * The policy's name in the configuration, in bucket keys and in message keys.
	 * @return e.g. {@code sign-up}
	 */
	public String configName() {
		return this.configName;
	}

}
