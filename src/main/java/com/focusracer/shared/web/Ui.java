package com.focusracer.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page template needs besides its own data: translated texts, the signed-in
 * user, the CSRF token for forms and the language switch.
 */
public final class Ui {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final MessageSource messages;

	private final Locale locale;

	private final Authentication authentication;

	private final CsrfToken csrf;

	private final String path;

	private final String query;

	Ui(MessageSource messages, Locale locale, Authentication authentication, CsrfToken csrf, String path,
			String query) {
		this.messages = messages;
		this.locale = locale;
		this.authentication = authentication;
		this.csrf = csrf;
		this.path = path;
		this.query = query;
	}

	/**
	 * The helper for the page that answers a request: French unless English was chosen.
	 * @param messages the message bundles
	 * @param request the request
	 * @return the helper
	 */
	public static Ui of(MessageSource messages, HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		if (!"en".equals(locale.getLanguage())) {
			locale = Locale.FRENCH;
		}
		Object csrf = request.getAttribute(CsrfToken.class.getName());
		return new Ui(messages, locale, SecurityContextHolder.getContext().getAuthentication(),
				(csrf instanceof CsrfToken token) ? token : null, request.getRequestURI(), request.getQueryString());
	}

	/**
	 * A translated text.
	 * @param key the message key
	 * @param arguments values for the {@code {0}} placeholders
	 * @return the text in the page's language
	 */
	public String t(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, this.locale);
	}

	/**
	 * A translated text, or a fallback where the key has none (codes recorded before
	 * their label existed).
	 * @param key the message key
	 * @param fallback what to show without a translation
	 * @return the text in the page's language
	 */
	public String tOr(String key, String fallback) {
		return this.messages.getMessage(key, null, fallback, this.locale);
	}

	public java.util.Locale locale() {
		return this.locale;
	}

	public String lang() {
		return this.locale.getLanguage();
	}

	/**
	 * The link to this same page in another language.
	 * @param language {@code fr} or {@code en}
	 * @return the link
	 */
	public String switchTo(String language) {
		return UriComponentsBuilder.fromPath(this.path)
			.query(this.query)
			.replaceQueryParam("lang", language)
			.build()
			.encode()
			.toUriString();
	}

	public String path() {
		return this.path;
	}

	public boolean signedIn() {
		return this.authentication != null && this.authentication.isAuthenticated()
				&& !"anonymousUser".equals(this.authentication.getPrincipal());
	}

	public String userName() {
		return signedIn() ? this.authentication.getName() : "";
	}

	public boolean hasRole(String role) {
		return signedIn() && this.authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(("ROLE_" + role)::equals);
	}

	public boolean isAdmin() {
		return hasRole("ADMIN");
	}

	public boolean isRunner() {
		return hasRole("RUNNER");
	}

	public boolean isPro() {
		return signedIn() && !isAdmin() && !isRunner();
	}

	/**
	 * The signed-in user's own space.
	 * @return its path, or {@code /} for guests
	 */
	public String home() {
		if (isAdmin()) {
			return "/admin";
		}
		if (isRunner()) {
			return "/account";
		}
		return isPro() ? "/pro" : "/";
	}

	public String csrfParameter() {
		return (this.csrf != null) ? this.csrf.getParameterName() : "_csrf";
	}

	public String csrfToken() {
		return (this.csrf != null) ? this.csrf.getToken() : "";
	}

	public String csrfHeader() {
		return (this.csrf != null) ? this.csrf.getHeaderName() : "X-CSRF-TOKEN";
	}

	/**
	 * A day as people read it in the page's language.
	 * @param date the day, may be {@code null}
	 * @return the text, or a dash
	 */
	public String date(java.time.LocalDate date) {
		if (date == null) {
			return "—";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(this.locale).format(date);
	}

	/**
	 * The day of a moment (Paris time) as people read it in the page's language.
	 * @param instant the moment, may be {@code null}
	 * @return the text, or a dash
	 */
	public String day(Instant instant) {
		return date((instant != null) ? instant.atZone(PARIS).toLocalDate() : null);
	}

	/**
	 * A moment as people read it in the page's language (Paris time).
	 * @param instant the moment, may be {@code null}
	 * @return the text, or a dash
	 */
	public String dateTime(Instant instant) {
		if (instant == null) {
			return "—";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(this.locale)
			.withZone(PARIS)
			.format(instant);
	}

}
