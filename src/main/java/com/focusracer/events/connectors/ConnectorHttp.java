package com.focusracer.events.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.focusracer.events.ConnectorsProperties;
import com.focusracer.events.EventException;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * One platform's HTTP API: connect and read timeouts, an answer read only up to
 * {@code max-response-size}, and errors turned into messages that say what to check.
 */
final class ConnectorHttp {

	private final RestClient client;

	private final String platform;

	private final String displayName;

	private final long maxBytes;

	ConnectorHttp(String platform, String displayName, String baseUrl, ConnectorsProperties properties) {
		this.platform = platform;
		this.displayName = displayName;
		this.maxBytes = properties.maxResponseSize().toBytes();
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(properties.readTimeout());
		this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
	}

	RestClient client() {
		return this.client;
	}

	/**
	 * Sends a request and reads its answer's body, bounded.
	 * @param request the request, ready but for its exchange
	 * @return the body
	 */
	byte[] body(RestClient.RequestHeadersSpec<?> request) {
		try {
			return request.exchange((req, response) -> {
				int status = response.getStatusCode().value();
				if (status == 401 || status == 403) {
					throw new EventException("connector." + this.platform + ".refused");
				}
				if (status == 404) {
					throw new EventException("connector.notFound", this.displayName);
				}
				if (status < 200 || status >= 300) {
					throw new EventException("connector.unavailable", this.displayName, status);
				}
				return bounded(response.getBody());
			}, true);
		}
		catch (ResourceAccessException ex) {
			if (ex.getCause() instanceof HttpTimeoutException || ex.getCause() instanceof SocketTimeoutException) {
				throw new EventException("connector.timeout", this.displayName);
			}
			throw new EventException("connector.unreachable", this.displayName);
		}
	}

	/**
	 * Sends a request and reads its answer as JSON.
	 * @param request the request
	 * @return the answer
	 */
	JsonNode json(RestClient.RequestHeadersSpec<?> request) {
		byte[] body = body(request);
		try {
			return JsonMapper.shared().readTree(body);
		}
		catch (JacksonException ex) {
			throw new EventException("connector.unreadable", this.displayName);
		}
	}

	<T> T parse(JsonNode node, Function<JsonNode, T> reader) {
		try {
			return reader.apply(node);
		}
		catch (RuntimeException ex) {
			if (ex instanceof EventException event) {
				throw event;
			}
			throw new EventException("connector.unreadable", this.displayName);
		}
	}

	private byte[] bounded(InputStream in) throws IOException {
		// One byte more than allowed tells a body that is too large from one that fits.
		byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
		if (bytes.length > this.maxBytes) {
			throw new EventException("connector.tooLarge", this.displayName, this.maxBytes / (1024 * 1024));
		}
		return bytes;
	}

	EventException tooManyPages(int pages) {
		return new EventException("connector.tooManyPages", this.displayName, pages);
	}

	/**
	 * A JSON value as text, {@code null} when absent, null or blank.
	 * @param node the value
	 * @return its text
	 */
	static String text(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
			return null;
		}
		String text = node.asString().strip();
		return text.isEmpty() ? null : text;
	}

	/**
	 * A birth year out of a date in any usual format ({@code 1985-04-12},
	 * {@code 04/12/1985}, {@code 1985}).
	 * @param date the date
	 * @return the year, or {@code null}
	 */
	static Integer year(String date) {
		if (date == null) {
			return null;
		}
		java.util.regex.Matcher year = java.util.regex.Pattern.compile("(?<!\\d)(19|20)\\d\\d(?!\\d)").matcher(date);
		return year.find() ? Integer.valueOf(year.group()) : null;
	}

}
