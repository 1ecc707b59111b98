package com.focusracer.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The requests {@link AuthorizationMatrixTests} sends to the pro routes that take ids:
 * well-formed bodies, so that a refusal can only come from who asks.
 */
final class OwnedRouteRequests {

	private OwnedRouteRequests() {
	}

	/**
	 * A well-formed request for a pro route on the owner's ids, so that a refusal can
	 * only come from who asks.
	 */
	static AbstractMockHttpServletRequestBuilder<?> of(String route, Map<String, String> ids) throws Exception {
		String method = route.substring(0, route.indexOf(' '));
		String pattern = route.substring(route.indexOf(' ') + 1);
		String path = TimingMatrixRoutes.rename(pattern)
			.replace("/pro/photos/{id}", "/pro/photos/{photo}")
			.replace("/api/v1/photos/{id}", "/api/v1/photos/{photo}")
			.replace("/pro/tokens/{id}", "/pro/tokens/{token}")
			.replace("/pro/hide-requests/{id}", "/pro/hide-requests/{hideRequest}")
			.replace("/start-list/uploads/{uploadId}", "/start-list/uploads/{startListUpload}")
			.replace("/start-list/mapped-uploads/{uploadId}", "/start-list/mapped-uploads/{startListUpload}")
			.replace("/pro/uploads/{uploadId}", "/pro/uploads/{photoUpload}")
			.replace("{kind:preview|web}", "preview")
			.replace("{kind:logo|cover}", "logo");
		for (Map.Entry<String, String> id : ids.entrySet()) {
			path = path.replace(id.getKey(), id.getValue());
		}
		byte[] jpeg = com.focusracer.photos.Photos.aFinishLinePhoto();
		AbstractMockHttpServletRequestBuilder<?> request = switch (route) {
			case "POST /pro/events/{id}/start-list/uploads" ->
				multipart(path).file(new MockMultipartFile("file", "list.csv", "text/csv",
						"Dossard;Nom\n7;Martin\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			case "POST /pro/events/{id}/start-list/mapped-uploads" ->
				multipart(path).file(new MockMultipartFile("file", "export.csv", "text/csv",
						"Dossard;Nom\n7;Martin\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			case "POST /pro/events/{id}/start-list/mapped-uploads/{uploadId}" ->
				request(HttpMethod.POST, path).param("map.bib", "Dossard");
			case "POST /api/v1/events/{id}/photos" ->
				multipart(path).file(new MockMultipartFile("file", "a.jpg", "image/jpeg", jpeg));
			case "PATCH /pro/uploads/{uploadId}" -> request(HttpMethod.PATCH, path).header("Upload-Offset", "0")
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.content(new byte[10]);
			case "POST /pro/events/{id}/uploads" ->
				request(HttpMethod.POST, path).contentType(MediaType.APPLICATION_JSON)
					.content("{\"fileName\": \"IMG_2.JPG\", \"size\": 1000, \"fingerprint\": \"fingerprint-2\"}");
			case "PUT /api/v1/photos/{id}/bibs" ->
				request(HttpMethod.PUT, path).contentType(MediaType.APPLICATION_JSON).content("{\"bibs\": [\"1975\"]}");
			case "PUT /api/v1/events/{id}/start-list" ->
				request(HttpMethod.PUT, path).contentType(MediaType.valueOf("text/csv"))
					.content("Dossard;Nom\n1975;Dupont\n");
			case "POST /api/v1/events/{id}/reprocess" -> request(HttpMethod.POST, path);
			case "POST /pro/events/{id}/photographers" ->
				request(HttpMethod.POST, path).param("email", "nobody-" + UUID.randomUUID() + "@example.org");
			case "POST /pro/events/{id}/start-list/runners" -> request(HttpMethod.POST, path).param("bib", "42")
				.param("firstName", "Zoé")
				.param("lastName", "Lefèvre");
			case "POST /pro/events/{id}/photos/bulk" ->
				request(HttpMethod.POST, path).param("photo", ids.get("{photo}")).param("action", "hide");
			case "POST /pro/events/{id}" -> request(HttpMethod.POST, path).param("name", "Matrix renamed")
				.param("date", java.time.LocalDate.now().toString())
				.param("location", "Lyon")
				.param("sport", "running")
				.param("visibility", "PUBLIC")
				.param("faceDataRetentionDays", "30")
				.param("primaryColor", "#E8542F");
			case "POST /pro/events/{id}/prices" -> request(HttpMethod.POST, path).param("single", "5");
			case "POST /pro/photos/{id}/bibs" -> request(HttpMethod.POST, path).param("bibs", "1975");
			case "POST /pro/hide-requests/{id}" -> request(HttpMethod.POST, path).param("decision", "keep");
			default -> {
				Optional<AbstractMockHttpServletRequestBuilder<?>> timed = TimingMatrixRoutes.requestFor(route, path,
						ids);
				yield timed.isPresent() ? timed.get() : request(HttpMethod.valueOf(method), path);
			}
		};
		if (!"GET".equals(method)) {
			request.with(csrf());
		}
		return request;
	}

}
