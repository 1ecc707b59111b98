package com.focusracer.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail settings. The SMTP server itself is configured with {@code spring.mail.*}.
 *
 * @param from the sender address of every e-mail
 * @param pollInterval how often the sender looks for e-mails to send
 * @param maxAttempts how many times an e-mail is tried before it is marked failed
 */
@ConfigurationProperties("focusracer.mail")
public record MailProperties(String from, Duration pollInterval, Integer maxAttempts) {

	public MailProperties {
		from = (from != null) ? from : "Focus Racer <no-reply@focusracer.com>";
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(5);
		maxAttempts = (maxAttempts != null) ? maxAttempts : 8;
	}

}
