package com.focusracer.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import com.focusracer.shared.ratelimit.RateLimitedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem documents for API requests the framework cannot even read, with a detail a
 * person can act on.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private final org.springframework.context.MessageSource messages;

	ApiProblems(org.springframework.context.MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A request the caller can fix: 400 with what is wrong and what to do, in English.
	 * @param ex the mistake
	 * @return the problem
	 */
	@ExceptionHandler(com.focusracer.shared.UserMistakeException.class)
	ProblemDetail mistake(com.focusracer.shared.UserMistakeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.describe(this.messages, java.util.Locale.ENGLISH));
		problem.setTitle("Invalid request");
		return problem;
	}

	/**
	 * A request refused by a rate limit: 429 with {@code Retry-After}, in French for a
	 * page that asked in French (the event page shows the text as is), else in English.
	 * @param ex the refusal
	 * @param request the request
	 * @return the problem
	 */
	@ExceptionHandler(RateLimitedException.class)
	ResponseEntity<ProblemDetail> rateLimited(RateLimitedException ex, HttpServletRequest request) {
		String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		Locale locale = (language != null && language.toLowerCase(Locale.ROOT).startsWith("fr")) ? Locale.FRENCH
				: Locale.ENGLISH;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				this.messages.getMessage(ex.messageKey(), null, locale) + " "
						+ this.messages.getMessage("rateLimit.wait", new Object[] { ex.retryAfterMinutes() }, locale));
		problem.setTitle("Too many requests");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * A body sent without its length that went past its limit while it was read.
	 * @param ex the limit reached
	 * @return 413 with the limit and what to do
	 */
	@ExceptionHandler(BodyTooLargeException.class)
	ProblemDetail tooLarge(BodyTooLargeException ex) {
		return RequestBodyLimits.problem(ex.limit(), this.messages, java.util.Locale.ENGLISH);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (ex.getMostSpecificCause() instanceof BodyTooLargeException tooLarge) {
			return tooLarge(tooLarge);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body could not be read: send JSON whose fields have the documented types "
						+ "(dates as YYYY-MM-DD, booleans as true/false, enums in capitals). See docs/api.md.");
		problem.setTitle("Unreadable request body");
		return problem;
	}

}
