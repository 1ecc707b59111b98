package com.focusracer.shared.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rate limits ({@code focusracer.rate-limits.*}). Each limit lets {@code capacity}
 * requests through at once, then gives them back evenly over {@code period}: 20 per hour
 * is 20 at once, then one every 3 minutes.
 *
 * @param signUp sign-ups per client address (20 per hour)
 * @param passwordReset password-reset requests per client address (10 per hour)
 * @param photoAlert "notify me" requests per client address (20 per hour)
 * @param order orders placed per client address, pages and API together (20 per hour)
 * @param runnerAction "this is me", "not me" and "hide me" per runner account (60 per
 * day)
 * @param freeZip ZIP downloads of free orders per client address (10 per hour)
 * @param selfieSearch selfie searches per client address (20 per hour)
 * @param privacyRequest personal-data requests per client address or account (5 per hour)
 * @param login failed logins per account-and-address pair (10 per 10 minutes)
 * @param loginAddress failed logins per client address, whatever the accounts (100 per 10
 * minutes: a race village's Wi-Fi or a proxy is one address for many people)
 * @param loginAccount failed logins per account, whatever the addresses (50 per 10
 * minutes)
 * @param streams the cap on open Server-Sent Events streams
 * @param enhancedDownload "enhanced" photo downloads per order (30 per hour)
 * @param shareImage share images (crops, teasers) made per client address, the ones
 * already made not counted (60 per hour)
 * @param marketplace marketplace listings published, applications sent and reviews
 * reported, per account and kind (20 per hour)
 * @param timingImport timing files imported per account (30 per hour)
 * @param connector registration-platform calls ("test connection", imports) per account
 * (30 per hour)
 * @param countedVisit visits counted in the analytics per client address (600 per hour;
 * past it pages are served but not counted)
 */
@ConfigurationProperties("focusracer.rate-limits")
public record RateLimitsProperties(Limit signUp, Limit passwordReset, Limit photoAlert, Limit order, Limit runnerAction,
		Limit freeZip, Limit selfieSearch, Limit privacyRequest, Limit login, Limit loginAddress, Limit loginAccount,
		Streams streams, Limit enhancedDownload, Limit shareImage, Limit marketplace, Limit timingImport,
		Limit connector, Limit countedVisit) {

	public RateLimitsProperties {
		signUp = Limit.orDefault(signUp, 20, Duration.ofHours(1));
		passwordReset = Limit.orDefault(passwordReset, 10, Duration.ofHours(1));
		photoAlert = Limit.orDefault(photoAlert, 20, Duration.ofHours(1));
		order = Limit.orDefault(order, 20, Duration.ofHours(1));
		runnerAction = Limit.orDefault(runnerAction, 60, Duration.ofDays(1));
		freeZip = Limit.orDefault(freeZip, 10, Duration.ofHours(1));
		selfieSearch = Limit.orDefault(selfieSearch, 20, Duration.ofHours(1));
		privacyRequest = Limit.orDefault(privacyRequest, 5, Duration.ofHours(1));
		login = Limit.orDefault(login, 10, Duration.ofMinutes(10));
		loginAddress = Limit.orDefault(loginAddress, 100, Duration.ofMinutes(10));
		loginAccount = Limit.orDefault(loginAccount, 50, Duration.ofMinutes(10));
		enhancedDownload = Limit.orDefault(enhancedDownload, 30, Duration.ofHours(1));
		shareImage = Limit.orDefault(shareImage, 60, Duration.ofHours(1));
		marketplace = Limit.orDefault(marketplace, 20, Duration.ofHours(1));
		timingImport = Limit.orDefault(timingImport, 30, Duration.ofHours(1));
		connector = Limit.orDefault(connector, 30, Duration.ofHours(1));
		countedVisit = Limit.orDefault(countedVisit, 600, Duration.ofHours(1));
		streams = (streams != null) ? streams.withDefaults() : new Streams(null, null).withDefaults();
	}

	/**
	 * The limit of a policy.
	 * @param policy the policy
	 * @return its capacity and period
	 */
	public Limit of(RateLimit policy) {
		return switch (policy) {
			case SIGN_UP -> this.signUp;
			case PASSWORD_RESET -> this.passwordReset;
			case PHOTO_ALERT -> this.photoAlert;
			case ORDER -> this.order;
			case RUNNER_ACTION -> this.runnerAction;
			case FREE_ZIP -> this.freeZip;
			case SELFIE_SEARCH -> this.selfieSearch;
			case PRIVACY_REQUEST -> this.privacyRequest;
			case LOGIN -> this.login;
			case LOGIN_ADDRESS -> this.loginAddress;
			case LOGIN_ACCOUNT -> this.loginAccount;
			case ENHANCED_DOWNLOAD -> this.enhancedDownload;
			case SHARE_IMAGE -> this.shareImage;
			case MARKETPLACE -> this.marketplace;
			case TIMING_IMPORT -> this.timingImport;
			case CONNECTOR -> this.connector;
			case COUNTED_VISIT -> this.countedVisit;
		};
	}

	/**
	 * One limit.
	 *
	 * @param capacity requests allowed at once
	 * @param period the time in which that many are given back
	 */
	public record Limit(Integer capacity, Duration period) {

		static Limit orDefault(Limit limit, int capacity, Duration period) {
			if (limit == null) {
				return new Limit(capacity, period);
			}
			return new Limit((limit.capacity() != null) ? limit.capacity() : capacity,
					(limit.period() != null) ? limit.period() : period);
		}

	}

	/**
	 * Open Server-Sent Events streams (live gallery, upload progress).
	 *
	 * @param perAddress streams open at once from one client address, on all nodes
	 * together (20)
	 * @param idleTimeout a stream that has sent nothing but keep-alives for this long is
	 * closed (30 minutes)
	 */
	public record Streams(Integer perAddress, Duration idleTimeout) {

		Streams withDefaults() {
			return new Streams((this.perAddress != null) ? this.perAddress : 20,
					(this.idleTimeout != null) ? this.idleTimeout : Duration.ofMinutes(30));
		}

	}

}
