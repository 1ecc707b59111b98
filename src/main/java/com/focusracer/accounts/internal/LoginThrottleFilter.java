package com.focusracer.accounts.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses login-form submissions with 429 while the e-mail or the client's IP has too
 * many recent failures.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	static final String RETRY_AT = LoginThrottleFilter.class.getName() + ".retryAt";

	private final LoginThrottle throttle;

	private final Clock clock;

	LoginThrottleFilter(LoginThrottle throttle, Clock clock) {
		this.throttle = throttle;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Instant> blockedUntil = this.throttle.blockedUntil(request.getParameter("username"),
				request.getRemoteAddr());
		if (blockedUntil.isPresent()) {
			long seconds = Math.max(1, Duration.between(this.clock.instant(), blockedUntil.get()).toSeconds());
			response.setHeader("Retry-After", Long.toString(seconds));
			request.setAttribute(RETRY_AT, blockedUntil.get());
			request.getRequestDispatcher("/login/blocked").forward(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
