package com.focusracer.accounts.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.PrintWriterOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.shared.web.Ui;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The 429 page for a throttled login, rendered by the security filter itself since no
 * controller runs.
 */
@Component
class BlockedLoginPage {

	private final TemplateEngine templates;

	private final MessageSource messages;

	private final LocaleResolver locales;

	BlockedLoginPage(TemplateEngine templates, MessageSource messages, LocaleResolver locales) {
		this.templates = templates;
		this.messages = messages;
		this.locales = locales;
	}

	void render(HttpServletRequest request, HttpServletResponse response, Duration wait, Instant retryAt)
			throws IOException {
		long seconds = Math.max(1, wait.toSeconds());
		// No DispatcherServlet has run yet: give the page the same language choice a
		// controller would see.
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, this.locales);
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(seconds));
		response.setContentType("text/html;charset=UTF-8");
		String time = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Paris")).format(retryAt);
		this.templates.render("auth/blocked.jte",
				Map.of("ui", Ui.of(this.messages, request), "retryAt", time, "minutes", (seconds + 59) / 60),
				new PrintWriterOutput(response.getWriter()));
	}

}
