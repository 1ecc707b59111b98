package com.focusracer.shared.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Bounds every request body before a controller reads it: a body that announces more than
 * its route's {@link BodyLimit} is answered 413 at once, unread; a body sent without its
 * length is cut off when it goes past the limit. The answer is a problem document whose
 * detail says the limit and what to do (in English on the API, in the reader's language
 * elsewhere: only scripts send such bodies to pages).
 */
@Component
class RequestBodyLimits extends OncePerRequestFilter {

	static final String TITLE = "Request body too large";

	private record Route(String method, PathPattern pattern, BodyLimit limit) {
	}

	private final List<Route> routes;

	private final BodyLimit fallback;

	private final MessageSource messages;

	private final LocaleResolver locales;

	RequestBodyLimits(ObjectProvider<BodyLimit> declared, WebProperties properties, MessageSource messages,
			LocaleResolver locales) {
		this.routes = declared.orderedStream()
			.map((limit) -> new Route(limit.method(), PathPatternParser.defaultInstance.parse(limit.pathPattern()),
					limit))
			.toList();
		this.fallback = new BodyLimit("*", "/**", properties.maxBody().toBytes(), "body.tooLarge");
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		String lower = type.toLowerCase(Locale.ROOT);
		// The container parses these itself, within spring.servlet.multipart.* and its
		// form-size limit; the selfie search reads its multipart body in memory, bounded.
		return lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BodyLimit limit = limitFor(request);
		long length = request.getContentLengthLong();
		if (length > limit.maxBytes()) {
			ProblemDetail problem = problem(limit, this.messages, locale(request));
			ProblemResponses.write(response, problem.getStatus(), TITLE, problem.getDetail());
			return;
		}
		// With a length, the container reads no more than it; without one, count.
		chain.doFilter((length >= 0) ? request : new Limited(request, limit), response);
	}

	BodyLimit limitFor(HttpServletRequest request) {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (Route route : this.routes) {
			if (route.method().equalsIgnoreCase(request.getMethod()) && route.pattern().matches(path)) {
				return route.limit();
			}
		}
		return this.fallback;
	}

	private Locale locale(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? Locale.ENGLISH
				: this.locales.resolveLocale(request);
	}

	/**
	 * The answer to a body over its limit.
	 * @param limit the limit
	 * @param messages the texts
	 * @param locale the reader's language
	 * @return a 413 problem whose detail says the limit and what to do
	 */
	static ProblemDetail problem(BodyLimit limit, MessageSource messages, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				messages.getMessage(limit.messageKey(), new Object[] { limit.maxBytes() / (1024.0 * 1024) }, locale));
		problem.setTitle(TITLE);
		problem.setProperty("maxBytes", limit.maxBytes());
		return problem;
	}

	/**
	 * A request whose body, sent without its length, may be read up to the limit only.
	 */
	static final class Limited extends HttpServletRequestWrapper {

		private final BodyLimit limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, BodyLimit limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			Charset charset = (getCharacterEncoding() != null) ? Charset.forName(getCharacterEncoding())
					: StandardCharsets.ISO_8859_1;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final BodyLimit limit;

		private long read;

		LimitedStream(ServletInputStream delegate, BodyLimit limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.limit.maxBytes()) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
