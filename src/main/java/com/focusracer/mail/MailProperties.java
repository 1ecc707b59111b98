package com.focusracer.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail settings. The SMTP server itself is configured with {@code spring.mail.*}.
 *
 * @param from the sender address of every e-mail
 * @param pollInterval how often the sender looks for e-mails to send
 * @param maxAttempts how many times an e-mail is tried before it is marked failed
 * @param bodyRetention how long the body of an e-mail that is no longer waiting to be
 * sent is kept; the body (and the personal links in it) is then deleted, the row stays
 * @param purgeEvery how often bodies past their retention are deleted
 * @param outboxShowsLinks whether admins see the secrets of the links in e-mails that
 * were only kept (no SMTP server): on under the {@code demo} profile, so that sign-up
 * works on a laptop; off by default, when admins see every link with its secret masked
 */
@ConfigurationProperties("focusracer.mail")
public record MailProperties(String from, Duration pollInterval, Integer maxAttempts, Duration bodyRetention,
		Duration purgeEvery, Boolean outboxShowsLinks) {

	public MailProperties {
		from = (from != null) ? from : "Focus Racer <no-reply@focusracer.com>";
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(5);
		maxAttempts = (maxAttempts != null) ? maxAttempts : 8;
		bodyRetention = (bodyRetention != null) ? bodyRetention : Duration.ofDays(30);
		purgeEvery = (purgeEvery != null) ? purgeEvery : Duration.ofHours(1);
		outboxShowsLinks = (outboxShowsLinks != null) ? outboxShowsLinks : false;
	}

}
