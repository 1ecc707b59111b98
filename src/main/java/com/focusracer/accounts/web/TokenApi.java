package com.focusracer.accounts.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.accounts.IssuedToken;
import com.focusracer.accounts.Role;
import com.focusracer.accounts.internal.LoginThrottle;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/token}: a short-lived API token for a pro or admin account,
 * under the same throttle as the login form.
 */
@RestController
class TokenApi {

	private final AuthenticationManager authentication;

	private final AccountManagement accounts;

	private final LoginThrottle throttle;

	TokenApi(AuthenticationManager authentication, AccountManagement accounts, LoginThrottle throttle) {
		this.authentication = authentication;
		this.accounts = accounts;
		this.throttle = throttle;
	}

	record Credentials(String email, String password) {
	}

	record Token(String token, Instant expiresAt) {
	}

	@PostMapping("/api/v1/auth/token")
	ResponseEntity<?> token(@RequestBody(required = false) Credentials credentials, HttpServletRequest request) {
		if (credentials == null || credentials.email() == null || credentials.password() == null) {
			return problem(HttpStatus.BAD_REQUEST, "Send a JSON body {\"email\": \"…\", \"password\": \"…\"}.");
		}
		Optional<Duration> wait = this.throttle.tryAttempt(credentials.email(), request.getRemoteAddr());
		if (wait.isPresent()) {
			long seconds = Math.max(1, wait.get().toSeconds() + 1);
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", Long.toString(seconds))
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
						"Too many failed logins. Try again in " + ((seconds + 59) / 60)
								+ " minutes, or reset the password."));
		}
		Authentication result;
		try {
			result = this.authentication.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated(credentials.email(), credentials.password()));
		}
		catch (BadCredentialsException ex) {
			return problem(HttpStatus.UNAUTHORIZED, "Wrong e-mail or password.");
		}
		catch (AuthenticationException ex) {
			this.throttle.rightPassword(credentials.email(), request.getRemoteAddr());
			return problem(HttpStatus.UNAUTHORIZED,
					"This account cannot log in: it is disabled or its e-mail is not confirmed yet.");
		}
		AccountPrincipal principal = (AccountPrincipal) result.getPrincipal();
		this.throttle.rightPassword(principal.email(), request.getRemoteAddr());
		if (!principal.role().isPro() && principal.role() != Role.ADMIN) {
			return problem(HttpStatus.FORBIDDEN,
					"The API is for pro and admin accounts; runner accounts use the website.");
		}
		IssuedToken token = this.accounts.issueSessionToken(this.accounts.find(principal.id()).orElseThrow());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Token(token.token(), token.expiresAt()));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).body(problem);
	}

}
