package com.focusracer.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every link, image, stylesheet and script that the pages really show, followed from each
 * demo account's landing page (and a guest's home page) in both languages: none answers
 * 4xx or 5xx. The authorization matrix checks routes; this checks what the pages link to.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class LinkWalkTests {

	/** {@code href} and {@code src} of the page's tags, as the server wrote them. */
	private static final Pattern LINK = Pattern
		.compile("<(?:a|link|img|script|source)\\b[^>]*?\\s(?:href|src)=\"([^\"]*)\"");

	/**
	 * Pages of one shape (ids replaced) visited at most this often: enough to see each
	 * kind.
	 */
	private static final int PER_SHAPE = 3;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	EventManagement events;

	@Autowired
	com.focusracer.photos.PhotoManagement photoManagement;

	@Test
	void noPageOfAnyDemoRoleLinksToAnError() throws Exception {
		// The demo event's photos, so that gallery, viewer and triage pages are walked.
		demoPhotosPublished();
		List<String> dead = new ArrayList<>();
		Map<String, Integer> walked = new HashMap<>();
		for (String lang : List.of("fr", "en")) {
			dead.addAll(walk("guest", null, "/?lang=" + lang, walked));
			for (TestAccount account : demoAccounts()) {
				MockHttpSession session = AccountsTestUtils.logIn(this.mvc, account);
				dead.addAll(walk(account.email(), session, account.role().landingPath() + "?lang=" + lang, walked));
			}
		}
		assertThat(walked).as("pages walked").hasSizeGreaterThan(60);
		assertThat(dead).isEmpty();
	}

	@Test
	void aBrowserOpeningTheCoverageGetsAPageAndEveryPageHasAnIcon() throws Exception {
		var organizer = this.accounts.findByEmail("orga@test.com").orElseThrow();
		Event demo = this.events.forAccount(organizer.id(), true).get(0);
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, account("orga@test.com", "orga123"));
		String coverage = "/pro/events/" + demo.id() + "/coverage";
		this.mvc
			.perform(get(coverage).session(session)
				.accept(org.springframework.http.MediaType.TEXT_HTML, org.springframework.http.MediaType.ALL))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"board\"")));
		this.mvc.perform(get(coverage).session(session).accept(org.springframework.http.MediaType.APPLICATION_JSON))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.runners")
				.value(org.hamcrest.Matchers.greaterThan(0)));
		String home = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("rel=\"icon\"");
		MockHttpServletResponse icon = this.mvc.perform(get("/favicon.ico")).andReturn().getResponse();
		assertThat(icon.getStatus()).isEqualTo(200);
		assertThat(icon.getContentAsByteArray()).hasSizeGreaterThan(64);
	}

	@Test
	void theFooterLeadsToTheLegalPagesInBothLanguages() throws Exception {
		String home = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("href=\"/legal\"", "href=\"/terms\"", "href=\"/privacy\"", "href=\"/contact\"");
		assertThat(page("/legal")).contains("Mentions légales", "SIRET", "Directeur de la publication", "Hébergement");
		assertThat(page("/legal?lang=en")).contains("Legal notice", "SIRET", "Publication director", "Hosting");
		assertThat(page("/terms")).contains("Conditions générales de vente", "L221-28", "Droit de rétractation",
				"TVA 20 % incluse", "médiateur");
		assertThat(page("/terms?lang=en")).contains("Terms of sale", "Right of withdrawal", "VAT 20 % included");
		assertThat(page("/privacy")).contains("Responsable du traitement", "CNIL", "Visages");
		assertThat(page("/privacy?lang=en")).contains("Controller", "Your rights", "Faces");
		assertThat(page("/contact")).contains("contact@focusracer.com");
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	@Test
	void aFirstStartShowsTheDemoEventWithPhotosOfItsRunners() throws Exception {
		Event demo = demoPhotosPublished();
		String search = page("/events/" + demo.slug() + "?bib=1975");
		assertThat(search).contains("Jérôme");
		assertThat(search.split("class=\"public-tile\"", -1)).as("the two photos of bib 1975").hasSize(3);
		assertThat(page("/events/" + demo.slug() + "?bib=42")).contains("Zoé");
	}

	private Event demoPhotosPublished() {
		var organizer = this.accounts.findByEmail("orga@test.com").orElseThrow();
		Event demo = this.events.forAccount(organizer.id(), true).get(0);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(this.photoManagement.counts(demo.id())).containsEntry("PUBLISHED", 6L));
		return demo;
	}

	private List<TestAccount> demoAccounts() {
		return List.of(account("admin@focusracer.com", "admin123"), account("photographe@test.com", "photo123"),
				account("orga@test.com", "orga123"), account("coureur@test.com", "runner123"));
	}

	private TestAccount account(String email, String password) {
		var account = this.accounts.findByEmail(email).orElseThrow();
		return new TestAccount(account.id(), email, password, account.role());
	}

	private List<String> walk(String who, MockHttpSession session, String start, Map<String, Integer> walked)
			throws Exception {
		List<String> dead = new ArrayList<>();
		Deque<String[]> queue = new ArrayDeque<>();
		Set<String> seen = new LinkedHashSet<>();
		Map<String, Integer> shapes = new HashMap<>();
		queue.add(new String[] { start, "(start)" });
		while (!queue.isEmpty() && seen.size() < 400) {
			String[] next = queue.poll();
			String path = next[0];
			if (!seen.add(path) || shapes.merge(shape(path), 1, Integer::sum) > PER_SHAPE) {
				continue;
			}
			var request = get(path);
			if (session != null) {
				request.session(session);
			}
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			walked.merge(who + " " + path, 1, Integer::sum);
			int status = response.getStatus();
			if (status >= 400) {
				dead.add(who + ": " + path + " answers " + status + " (linked from " + next[1] + ")");
				continue;
			}
			if (status >= 300) {
				String location = response.getRedirectedUrl();
				if (location != null && local(location) != null) {
					queue.add(new String[] { local(location), path + " (redirect)" });
				}
				continue;
			}
			String type = String.valueOf(response.getContentType());
			if (!type.startsWith("text/html")) {
				continue;
			}
			Matcher links = LINK.matcher(response.getContentAsString());
			while (links.find()) {
				String target = local(links.group(1).replace("&amp;", "&"));
				if (target != null && !seen.contains(target)) {
					queue.add(new String[] { target, path });
				}
			}
		}
		return dead;
	}

	/**
	 * The path of a link this site serves, or null for another site, an anchor, a
	 * download that costs a real payment, or the way out.
	 */
	private static String local(String href) {
		String link = href.replaceFirst("^https?://localhost(:\\d+)?", "");
		if (!link.startsWith("/") || link.startsWith("//") || link.startsWith("/logout")) {
			return null;
		}
		int anchor = link.indexOf('#');
		return (anchor >= 0) ? link.substring(0, anchor) : link;
	}

	/**
	 * A path with its ids and numbers replaced, so that a list of 500 photos is one
	 * shape.
	 */
	private static String shape(String path) {
		return path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")
			.replaceAll("/events/[^/?]+", "/events/{slug}")
			.replaceAll("=[^&]*", "=")
			.replaceAll("\\d+", "0");
	}

}
