package com.focusracer.accounts.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses login-form submissions with 429 while the e-mail from this address, the address
 * or the e-mail has too many recent failures ({@link LoginThrottle}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	private final Clock clock;

	private final BlockedLoginPage page;

	LoginThrottleFilter(LoginThrottle throttle, Clock clock, BlockedLoginPage page) {
		this.throttle = throttle;
		this.clock = clock;
		this.page = page;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> wait = this.throttle.tryAttempt(request.getParameter("username"), request.getRemoteAddr());
		if (wait.isPresent()) {
			this.page.render(request, response, wait.get(), this.clock.instant().plus(wait.get()));
			return;
		}
		chain.doFilter(request, response);
	}

}
