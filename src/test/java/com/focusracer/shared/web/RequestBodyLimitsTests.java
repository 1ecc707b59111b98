package com.focusracer.shared.web;

import java.io.IOException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bodies are bounded whether or not they say their length.
 */
class RequestBodyLimitsTests {

	private final StaticMessageSource messages = new StaticMessageSource();

	private final RequestBodyLimits limits;

	RequestBodyLimitsTests() {
		this.messages.addMessage("body.tooLarge", Locale.ENGLISH, "Larger than {0,number,#.#} MB.");
		this.messages.addMessage("csv.tooLarge", Locale.ENGLISH, "A list larger than {0,number,#.#} MB.");
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("csv", new BodyLimit("PUT", "/api/lists/*", 3 * 1024 * 1024, "csv.tooLarge"));
		this.limits = new RequestBodyLimits(beans.getBeanProvider(BodyLimit.class),
				new WebProperties(DataSize.ofMegabytes(1)), this.messages, new FixedLocaleResolver(Locale.ENGLISH));
	}

	@Test
	void aBodyThatAnnouncesMoreThanItsRouteAllowsIsAnswered413Unread() throws Exception {
		MockHttpServletRequest request = request("PUT", "/api/lists/1", 4 * 1024 * 1024);
		MockHttpServletResponse response = new MockHttpServletResponse();
		boolean[] reached = { false };
		this.limits.doFilter(request, response, (req, res) -> reached[0] = true);
		assertThat(reached[0]).isFalse();
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("A list larger than 3 MB.");

		// The same size is fine where it was declared larger than the default... and
		// refused elsewhere, with the default's text.
		MockHttpServletResponse other = new MockHttpServletResponse();
		this.limits.doFilter(request("POST", "/api/lists/1", 2 * 1024 * 1024), other, (req, res) -> reached[0] = true);
		assertThat(other.getStatus()).isEqualTo(413);
		assertThat(other.getContentAsString()).contains("Larger than 1 MB.");
	}

	@Test
	void aBodySentWithoutItsLengthIsCutOffAtTheLimit() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/lists/1") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}

		};
		request.setContentType("text/csv");
		request.setContent(new byte[4 * 1024 * 1024]);
		assertThatExceptionOfType(BodyTooLargeException.class)
			.isThrownBy(() -> this.limits.doFilter(request, new MockHttpServletResponse(),
					(req, res) -> req.getInputStream().readAllBytes()))
			.satisfies((ex) -> assertThat(ex.limit().maxBytes()).isEqualTo(3 * 1024 * 1024));

		// The API answers what the converter ran into with 413 and the limit.
		BodyTooLargeException cut = new BodyTooLargeException(
				new BodyLimit("PUT", "/api/lists/*", 3 * 1024 * 1024, "csv.tooLarge"));
		ProblemDetail problem = new ApiProblems(this.messages).unreadable(new HttpMessageNotReadableException(
				"I/O error while reading input message", cut, new MockHttpInputMessage(new byte[0])));
		assertThat(problem.getStatus()).isEqualTo(413);
		assertThat(problem.getDetail()).isEqualTo("A list larger than 3 MB.");
	}

	@Test
	void formsAndMultipartBodiesAreLeftToTheContainer() throws Exception {
		MockHttpServletRequest request = request("POST", "/pro/events", 4 * 1024 * 1024);
		request.setContentType("multipart/form-data; boundary=x");
		boolean[] reached = { false };
		this.limits.doFilter(request, new MockHttpServletResponse(), (req, res) -> reached[0] = true);
		assertThat(reached[0]).isTrue();
	}

	private static MockHttpServletRequest request(String method, String path, int size) throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setContentType("text/csv");
		request.setContent(new byte[size]);
		return request;
	}

}
