package com.focusracer.shared.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages that say what happened and what to do, in the reader's language; never a
 * stack trace. API callers get problem+json instead.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView errorPage(HttpServletRequest request, HttpServletResponse response) {
		int status = status(request);
		response.setStatus(status);
		String key = switch (status) {
			case 400, 403, 404, 405, 413, 429 -> "error." + status;
			default -> (status >= 500) ? "error.500" : "error.other";
		};
		return new ModelAndView("error", Map.of("status", status, "messageKey", key), HttpStatus.valueOf(status));
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> errorProblem(HttpServletRequest request) {
		int status = status(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setDetail(this.messages.getMessage("error." + (status >= 500 ? 500 : status), null,
				this.messages.getMessage("error.other", null, java.util.Locale.ENGLISH), java.util.Locale.ENGLISH));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * The page shown when a signed-in user opens a page of another space.
	 * @param request the forwarded request
	 * @param response the response
	 * @return the page
	 */
	@RequestMapping(value = "/forbidden", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView forbidden(HttpServletRequest request, HttpServletResponse response) {
		Object uri = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
		String path = (uri != null) ? uri.toString() : request.getRequestURI();
		String space = path.startsWith("/admin") || path.startsWith("/actuator") ? "admin"
				: path.startsWith("/pro") ? "pro" : path.startsWith("/account") ? "runner" : "other";
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return new ModelAndView("forbidden", Map.of("space", space), HttpStatus.FORBIDDEN);
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return (code instanceof Integer value) ? value : 500;
	}

}
