package com.focusracer.accounts.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.accounts.AccountPrincipal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. An unknown,
 * revoked or expired token leaves the request anonymous, which protected endpoints answer
 * with 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final AccountRepository accounts;

	private final Clock clock;

	BearerTokenFilter(ApiTokens tokens, AccountRepository accounts, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			this.tokens.authenticate(header.substring(7).trim(), this.clock.instant())
				.flatMap(this.accounts::findById)
				.filter((stored) -> stored.account().enabled())
				.ifPresent((stored) -> {
					AccountPrincipal principal = new AccountPrincipal(stored.account(), null, stored.sessionVersion());
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
							principal.getAuthorities()));
					SecurityContextHolder.setContext(context);
				});
		}
		chain.doFilter(request, response);
	}

}
