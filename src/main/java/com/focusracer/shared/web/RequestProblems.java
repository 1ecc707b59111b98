package com.focusracer.shared.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.shared.ratelimit.RateLimitedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests a page cannot use (a form post without its file, a file over the limit, one
 * past a rate limit) get a page that says so, not a server error.
 */
@ControllerAdvice
class RequestProblems {

	private final MessageSource messages;

	RequestProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request) {
		return page(request, HttpStatus.PAYLOAD_TOO_LARGE);
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView notMultipart(HttpServletRequest request) {
		return page(request, HttpStatus.BAD_REQUEST);
	}

	/**
	 * A request refused by a rate limit: a 429 page that says what and how long to wait.
	 * @param ex the refusal
	 * @param request the request
	 * @param response the response, for {@code Retry-After}
	 * @return the page
	 */
	@ExceptionHandler(RateLimitedException.class)
	ModelAndView rateLimited(RateLimitedException ex, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
		return new ModelAndView("too-many-requests", Map.of("ui", Ui.of(this.messages, request), "messageKey",
				ex.messageKey(), "minutes", ex.retryAfterMinutes()), HttpStatus.TOO_MANY_REQUESTS);
	}

	// Exception handlers get no @ModelAttribute values: the page helper is added here.
	private ModelAndView page(HttpServletRequest request, HttpStatus status) {
		return new ModelAndView("error", Map.of("ui", Ui.of(this.messages, request), "status", status.value(),
				"messageKey", "error." + status.value()), status);
	}

}
