package com.focusracer.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.timing.Timing;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The timing routes' part of {@link AuthorizationMatrixTests}: the owner's timing ids and
 * well-formed requests for them.
 */
final class TimingMatrixRoutes {

	private TimingMatrixRoutes() {
	}

	/**
	 * A point to delete, one kept for the imports, two spots to delete (the owner's: the
	 * photographer leaves the team before the spot routes are tried).
	 */
	static void prepare(Timing timing, UUID eventId, UUID ownerId, Map<String, String> ids) {
		ids.put("{owner}", ownerId.toString());
		ids.put("{point}", timing.savePoint(eventId, ownerId, null, "GONE", 1).toString());
		timing.savePoint(eventId, ownerId, null, "MATRIX", 5);
		ids.put("{spot}", timing.addSpot(eventId, ownerId, ownerId, 5, null, null).id().toString());
		ids.put("{pageSpot}", timing.addSpot(eventId, ownerId, ownerId, 6, null, null).id().toString());
	}

	static String rename(String pattern) {
		return pattern.replace("/timing/spots/{spot}/delete", "/timing/spots/{pageSpot}/delete");
	}

	static Optional<AbstractMockHttpServletRequestBuilder<?>> requestFor(String route, String path,
			Map<String, String> ids) {
		AbstractMockHttpServletRequestBuilder<?> built = switch (route) {
			case "POST /pro/events/{id}/timing/passings" -> multipart(path)
				.file(new MockMultipartFile("file", "km5.csv", "text/csv",
						"bib;point;time\n1975;MATRIX;08:00:00\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.param("format", "CSV");
			case "PUT /api/v1/events/{id}/timing/passings" ->
				request(HttpMethod.PUT, path + "?format=CSV").contentType(MediaType.valueOf("text/csv"))
					.content("bib;point;time\n1975;MATRIX;08:00:01\n");
			case "POST /api/v1/events/{id}/spots" ->
				request(HttpMethod.POST, path).contentType(MediaType.APPLICATION_JSON).content("{\"distanceKm\": 10}");
			case "POST /pro/events/{id}/timing/points" ->
				request(HttpMethod.POST, path).param("name", "KM10").param("distanceKm", "10");
			case "POST /pro/events/{id}/timing/spots" ->
				request(HttpMethod.POST, path).param("photographer", ids.get("{owner}")).param("distanceKm", "12");
			case "POST /pro/events/{id}/timing/offsets" ->
				request(HttpMethod.POST, path).param("photographer", ids.get("{owner}")).param("seconds", "200");
			default -> null;
		};
		return Optional.ofNullable(built);
	}

}
