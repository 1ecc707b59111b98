package com.focusracer.shop;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.shop.internal.DownloadKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The download key rotated ({@code focusracer.shop.download-keys} = new key, previous
 * key): links and order keys made before the rotation still open until the previous key
 * is taken out; what the shop gives now is signed with the new key.
 */
@SpringBootTest(properties = "focusracer.shop.download-keys=" + DownloadKeyRotationTests.NEW + ","
		+ DownloadKeyRotationTests.OLD)
@AutoConfigureMockMvc
class DownloadKeyRotationTests {

	/** {@code openssl rand -base64 32}, as the operations guide says. */
	static final String NEW = "ipckGp8d1CzUyaZ3P2MB7b/ekQ0kKvGLUYB8HLzJwIM=";

	static final String OLD = "YNiWensTD/d0hC1zR0E9G9Y/uyGfMmLvsolQngwJjmY=";

	static final String RETIRED = "PFiUvuinxfChRbm4G38KzboJsX2ySwxdt87Jk2uwkdg=";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	ShopTestUtils shop;

	@Autowired
	Orders orders;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void linksAndOrderKeysOfThePreviousKeyStillOpenAndNewOnesAreSignedWithTheNewKey() throws Exception {
		TestAccount photographer = this.accounts.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		Event event = this.shop.anEventOnSale(photographer, "Rotation");
		Map<UUID, String> uploaded = this.shop.publish(event, photographer, ShopTestUtils.runners(null, 1));
		UUID photo = uploaded.keySet().iterator().next();
		JsonNode created = this.json.readTree(this.mvc
			.perform(post("/api/v1/public/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventSlug\":\"" + event.slug() + "\",\"photoIds\":[\"" + photo + "\"],\"email\":\""
						+ AccountsTestUtils.uniqueEmail("rotation") + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		UUID id = UUID.fromString(created.get("id").asText());
		assertThat(created.get("key").asText()).isEqualTo(keys(NEW).orderKey(id));
		this.mvc
			.perform(post("/api/v1/public/orders/" + id + "/test-payment").contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"SUCCEEDED\",\"key\":\"" + created.get("key").asText() + "\"}"))
			.andReturn();
		long expires = this.orders.get(id).orElseThrow().linksUntil().getEpochSecond();

		// The key of the confirmation e-mail sent before the rotation opens the order.
		MockHttpServletResponse opened = this.mvc
			.perform(get("/api/v1/public/orders/" + id).param("key", keys(OLD).orderKey(id)))
			.andReturn()
			.getResponse();
		assertThat(opened.getStatus()).isEqualTo(200);
		JsonNode order = this.json.readTree(opened.getContentAsString());
		assertThat(order.get("downloads").get(0).get("url").asText())
			.endsWith("&sig=" + keys(NEW).linkSignature(id, photo, expires));

		// A link of that e-mail still downloads the original.
		String before = "/downloads/" + id + "/photos/" + photo + "?expires=" + expires + "&sig="
				+ keys(OLD).linkSignature(id, photo, expires);
		MockHttpServletResponse file = download(before);
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(ShopTestUtils.sha256(file.getContentAsByteArray())).isEqualTo(uploaded.get(photo));

		// A key taken out of the list opens nothing.
		MockHttpServletResponse retired = download("/downloads/" + id + "/photos/" + photo + "?expires=" + expires
				+ "&sig=" + keys(RETIRED).linkSignature(id, photo, expires));
		assertThat(retired.getStatus()).isEqualTo(403);
		assertThat(retired.getContentAsString()).contains("data-reason=\"WRONG\"");
		assertThat(this.mvc.perform(get("/api/v1/public/orders/" + id).param("key", keys(RETIRED).orderKey(id)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	private static DownloadKeys keys(String key) {
		assertThat(Base64.getDecoder().decode(key)).hasSizeGreaterThanOrEqualTo(32);
		return DownloadKeys.fromBase64(List.of(key));
	}

	private MockHttpServletResponse download(String path) throws Exception {
		URI uri = URI.create(path);
		MvcResult result = this.mvc.perform(get(uri.getPath() + "?" + uri.getRawQuery())).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			return this.mvc.perform(asyncDispatch(result)).andReturn().getResponse();
		}
		return result.getResponse();
	}

}
