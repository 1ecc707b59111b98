package com.focusracer.shared.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.shared.ratelimit.RateLimitedException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Requests a page cannot use (a form post without its file, a file over the limit, one
 * past a rate limit) get a page that says so, not a server error.
 */
@ControllerAdvice
class RequestProblems {

	private final MessageSource messages;

	private final DataSize maxFileSize;

	private final DataSize maxRequestSize;

	RequestProblems(MessageSource messages,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
		this.messages = messages;
		this.maxFileSize = maxFileSize;
		this.maxRequestSize = maxRequestSize;
	}

	/**
	 * A multipart body over the container's limits. The container stops reading before
	 * any controller runs, so the answer can only say the limits: pages get a page, the
	 * API a problem document.
	 * @param request the request
	 * @return the page or the problem
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		Object[] limits = { this.maxFileSize.toBytes() / (1024.0 * 1024),
				this.maxRequestSize.toBytes() / (1024.0 * 1024) };
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					this.messages.getMessage("error.413.multipart", limits, Locale.ENGLISH));
			problem.setTitle(RequestBodyLimits.TITLE);
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		ModelAndView page = page(request, HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("messageKey", "error.413.multipart");
		page.addObject("messageArguments", limits);
		return page;
	}

	/**
	 * A body a page's script sent without its length, past its limit.
	 * @param ex the limit reached
	 * @param request the request
	 * @return 413 with the limit and what to do, in the reader's language
	 */
	@ExceptionHandler(BodyTooLargeException.class)
	ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(RequestBodyLimits.problem(ex.limit(), this.messages, RequestContextUtils.getLocale(request)));
	}

	/**
	 * The same, when a converter was reading the body; other unreadable bodies keep the
	 * framework's 400.
	 * @param ex the failure
	 * @param request the request
	 * @return 413 when the body was over its limit
	 * @throws HttpMessageNotReadableException otherwise
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		if (ex.getMostSpecificCause() instanceof BodyTooLargeException tooLarge) {
			return bodyTooLarge(tooLarge, request);
		}
		throw ex;
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
		return new ModelAndView("error", new HashMap<>(Map.of("ui", Ui.of(this.messages, request), "status",
				status.value(), "messageKey", "error." + status.value())), status);
	}

}
