package com.focusracer.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every registered route, opened by a guest and by each role: allowed where the matrix
 * says so, refused (login redirect, 401 or 403) everywhere else. A new route fails this
 * test until it is added to the matrix.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	/**
	 * Who may open a route.
	 */
	enum Access {

		/** Every visitor. */
		PUBLIC,
		/** Any signed-in account. */
		SIGNED_IN,
		/** Runner accounts. */
		RUNNER,
		/** Pro accounts (any profile). */
		PRO,
		/** Admins. */
		ADMIN,
		/** API, no token needed. */
		API_PUBLIC,
		/** API with a token of a pro or admin account. */
		API_PRO,
		/** The page that explains a refusal: it answers 403 to everyone. */
		DENIAL_PAGE

	}

	static final Map<String, Access> MATRIX = new TreeMap<>();

	static {
		try (InputStream in = AuthorizationMatrixTests.class.getResourceAsStream("/authorization-matrix.txt")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] parts = line.strip().split(" ");
					MATRIX.put(parts[0] + " " + parts[1], Access.valueOf(parts[2]));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountsTestUtils fixtures;

	@Autowired
	ApiTokens apiTokens;

	@Autowired
	com.focusracer.events.EventsTestUtils eventFixtures;

	@Autowired
	com.focusracer.events.EventManagement eventManagement;

	@Autowired
	com.focusracer.events.StartLists startLists;

	@Autowired
	com.focusracer.photos.PhotosTestUtils photoFixtures;

	@Autowired
	com.focusracer.photos.PhotoManagement photoManagement;

	@Autowired
	com.focusracer.photos.ResumableUploads resumableUploads;

	@Autowired
	com.focusracer.timing.Timing timing;

	@Autowired
	com.focusracer.gallery.RunnerActions runnerActions;

	@Autowired
	com.focusracer.events.EventImages eventImages;

	private final Map<Role, TestAccount> accounts = new EnumMap<>(Role.class);

	private final Map<Role, String> tokens = new EnumMap<>(Role.class);

	@BeforeAll
	void createOneAccountPerRole() {
		for (Role role : Role.values()) {
			TestAccount account = this.fixtures.anAccount(role);
			this.accounts.put(role, account);
			this.tokens.put(role,
					this.apiTokens.issue(account.id(), "matrix", ApiTokens.Kind.PERSONAL, null, java.time.Instant.now())
						.token());
		}
	}

	@Test
	void everyRegisteredRouteIsInTheMatrix() {
		Set<String> registered = registeredRoutes();
		Set<String> missing = new TreeSet<>(registered);
		missing.removeAll(MATRIX.keySet());
		Set<String> gone = new TreeSet<>(MATRIX.keySet());
		gone.removeAll(registered);
		assertThat(missing).as("routes with no line in src/test/resources/authorization-matrix.txt: add them")
			.isEmpty();
		assertThat(gone).as("matrix lines whose route no longer exists").isEmpty();
	}

	@Test
	void everyRoleGetsExactlyTheRoutesTheMatrixAllows() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, Access> route : MATRIX.entrySet()) {
			wrong.addAll(check(route.getKey(), route.getValue(), null));
			for (Role role : Role.values()) {
				wrong.addAll(check(route.getKey(), route.getValue(), role));
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * Every pro route with an id, tried on the real ids of one organizer's event (its
	 * photo, start-list upload, photo upload, team member, runner, hide request, API
	 * token): a second organizer gets 404, exactly what an id that does not exist gets,
	 * and changes nothing; the owner gets 2xx or 3xx, never an error.
	 */
	@Test
	void aSecondAccountOfTheSameRoleGetsNotFoundOnTheFirstAccountsIds() throws Exception {
		TestAccount owner = this.fixtures.aPro(com.focusracer.accounts.ProProfile.ORGANIZER);
		TestAccount other = this.fixtures.aPro(com.focusracer.accounts.ProProfile.ORGANIZER);
		TestAccount photographer = this.fixtures.aPro(com.focusracer.accounts.ProProfile.PHOTOGRAPHER);
		TestAccount runner = this.fixtures.anAccount(Role.RUNNER);
		this.eventFixtures.aMarathon(other.id());
		com.focusracer.events.Event event = this.eventManagement.create(owner.id(),
				new com.focusracer.events.EventDraft("Matrix " + UUID.randomUUID(), java.time.LocalDate.now(), "Lyon",
						"running", null, com.focusracer.events.Visibility.PUBLIC, false, null, null, null, null));
		this.eventManagement.addPhotographer(event.id(), owner.id(), photographer.email());
		this.eventImages.set(event.id(), owner.id(), com.focusracer.events.EventImages.Kind.LOGO,
				com.focusracer.photos.Photos.png(com.focusracer.photos.Photos.aFinishLineScene(300, 200)));
		this.startLists.save(event.id(), owner.id(),
				new com.focusracer.events.Runner("1975", "Jérôme", "Dupont", null, null, null, null, null));
		UUID startListUpload = this.startLists.keepUpload(event.id(), owner.id(), "list.csv",
				com.focusracer.events.EventsTestUtils.aFrenchStartList()
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		UUID photo = this.photoFixtures
			.publish(event.id(), owner.id(), com.focusracer.photos.Photos.aFinishLineScene(1200, 800))
			.get(0);
		UUID photoUpload = this.resumableUploads.start(event.id(), owner.id(), "IMG_1.JPG", 1000, "fingerprint-1").id();
		this.runnerActions.hide(event, this.photoManagement.get(photo).orElseThrow(), this.fixtures.principal(runner));
		com.focusracer.photos.Photo published = this.photoManagement.get(photo).orElseThrow();
		UUID hideRequest = this.runnerActions.pendingHides(event.id(), owner.id()).get(0).id();
		com.focusracer.accounts.IssuedToken ownerToken = this.apiTokens.issue(owner.id(), "owner",
				ApiTokens.Kind.PERSONAL, null, java.time.Instant.now());
		String otherToken = this.apiTokens
			.issue(other.id(), "other", ApiTokens.Kind.PERSONAL, null, java.time.Instant.now())
			.token();
		Map<String, String> ids = new java.util.HashMap<>(Map.of("{id}", event.id().toString(), "{accountId}",
				photographer.id().toString(), "{bib}", "1975", "{photo}", photo.toString(), "{token}",
				ownerToken.id().toString(), "{hideRequest}", hideRequest.toString(), "{startListUpload}",
				startListUpload.toString(), "{photoUpload}", photoUpload.toString()));
		TimingMatrixRoutes.prepare(this.timing, event.id(), owner.id(), ids);

		List<String> routes = MATRIX.entrySet()
			.stream()
			.filter((route) -> route.getValue() == Access.PRO || route.getValue() == Access.API_PRO)
			.map(Map.Entry::getKey)
			.filter((route) -> route.contains("{"))
			.toList();
		List<String> wrong = new ArrayList<>();
		for (String route : routes) {
			AbstractMockHttpServletRequestBuilder<?> request = OwnedRouteRequests.of(route, ids);
			authenticate(request, route, other, otherToken);
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			if (response.getStatus() != 404) {
				wrong.add("the other organizer got " + response.getStatus() + " at " + route);
			}
		}
		assertThat(this.startLists.list(event.id(), owner.id())).as("the runner is still there").hasSize(1);
		assertThat(this.eventManagement.photographers(event.id())).as("the team is unchanged").hasSize(1);
		assertThat(this.eventManagement.get(event.id()).orElseThrow().archived()).isFalse();
		assertThat(this.photoManagement.get(photo).orElseThrow()).as("the photo is unchanged").isEqualTo(published);
		assertThat(this.runnerActions.pendingHides(event.id(), owner.id())).hasSize(1);

		// The owner, reads first, then changes, archiving last.
		List<String> ordered = new ArrayList<>(routes);
		ordered.sort(java.util.Comparator.comparing((String route) -> !route.startsWith("GET "))
			.thenComparing((route) -> route.contains("/revoke") || route.contains("/archive")));
		for (String route : ordered) {
			AbstractMockHttpServletRequestBuilder<?> request = OwnedRouteRequests.of(route, ids);
			authenticate(request, route, owner,
					this.apiTokens.issue(owner.id(), "owner", ApiTokens.Kind.PERSONAL, null, java.time.Instant.now())
						.token());
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			if (response.getStatus() >= 400) {
				wrong.add("the owner got " + response.getStatus() + " at " + route + ": "
						+ response.getContentAsString().lines().limit(3).toList());
			}
		}
		assertThat(wrong).isEmpty();
	}

	private void authenticate(AbstractMockHttpServletRequestBuilder<?> request, String route, TestAccount account,
			String token) {
		if (route.contains(" /api/")) {
			request.header("Authorization", "Bearer " + token);
		}
		else {
			request.with(user(this.fixtures.principal(account)));
		}
	}

	private List<String> check(String route, Access access, Role role) throws Exception {
		String method = route.substring(0, route.indexOf(' '));
		String path = route.substring(route.indexOf(' ') + 1)
			.replace("{id}", UUID.randomUUID().toString())
			.replace("{accountId}", UUID.randomUUID().toString())
			.replace("{uploadId}", UUID.randomUUID().toString())
			.replace("{orderId}", UUID.randomUUID().toString())
			.replace("{photoId}", UUID.randomUUID().toString())
			.replace("{point}", UUID.randomUUID().toString())
			.replace("{spot}", UUID.randomUUID().toString())
			.replace("{bib}", "1975")
			.replace("{slug}", "no-such-event")
			.replace("{token}", "no-such-token")
			.replace("{kind:thumb|web}", "thumb")
			.replace("{kind:preview|web}", "preview")
			.replace("{kind:logo|cover}", "logo")
			.replace("**", "liveness");
		boolean api = path.startsWith("/api/");
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf("ANY".equals(method) ? "GET" : method),
				path);
		if (!"GET".equals(method) && !"ANY".equals(method)) {
			request.with(csrf());
		}
		if (api) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
			if (role != null) {
				request.header("Authorization", "Bearer " + this.tokens.get(role));
			}
		}
		else if (role != null) {
			request.with(user(this.fixtures.principal(this.accounts.get(role))));
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		boolean allowed = allowed(access, role);
		String who = (role != null) ? role.name() : "GUEST";
		List<String> wrong = new ArrayList<>();
		if (access == Access.DENIAL_PAGE) {
			if (response.getStatus() != 403 || !response.getContentAsString().contains("id=\"forbidden\"")) {
				wrong.add(who + " did not get the refusal page at " + route + " (" + response.getStatus() + ")");
			}
			return wrong;
		}
		if (allowed && refused(response)) {
			wrong.add(who + " was refused " + route + " (" + response.getStatus() + ")");
		}
		// (/error opened directly has no error to show: Spring answers it 500 by design)
		if (response.getStatus() >= 500 && !route.endsWith(" /error")) {
			wrong.add(who + " got a server error at " + route + " (" + response.getStatus() + ")");
		}
		if (!allowed) {
			boolean expected = (role == null) ? (api ? response.getStatus() == 401 : isLoginRedirect(response))
					: response.getStatus() == 403;
			if (!expected) {
				wrong.add(who + " was not refused " + route + " (" + response.getStatus() + ")");
			}
		}
		return wrong;
	}

	private static boolean allowed(Access access, Role role) {
		return switch (access) {
			case PUBLIC, API_PUBLIC -> true;
			case SIGNED_IN -> role != null;
			case RUNNER -> role == Role.RUNNER;
			case PRO -> role != null && role.isPro();
			case ADMIN -> role == Role.ADMIN;
			case API_PRO -> role != null && (role.isPro() || role == Role.ADMIN);
			case DENIAL_PAGE -> false;
		};
	}

	private static boolean refused(MockHttpServletResponse response) {
		return response.getStatus() == 401 || response.getStatus() == 403 || isLoginRedirect(response);
	}

	private static boolean isLoginRedirect(MockHttpServletResponse response) {
		String location = response.getRedirectedUrl();
		return response.getStatus() == 302 && location != null && location.endsWith("/login");
	}

	private Set<String> registeredRoutes() {
		Set<String> routes = new TreeSet<>();
		@SuppressWarnings("rawtypes")
		Map<String, AbstractHandlerMethodMapping> mappings = this.context
			.getBeansOfType(AbstractHandlerMethodMapping.class);
		for (AbstractHandlerMethodMapping<?> mapping : mappings.values()) {
			for (Object key : mapping.getHandlerMethods().keySet()) {
				if (key instanceof RequestMappingInfo info) {
					Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
					for (String pattern : info.getPatternValues()) {
						if (methods.isEmpty()) {
							routes.add("ANY " + pattern);
						}
						for (RequestMethod requestMethod : methods) {
							routes.add(requestMethod.name() + " " + pattern);
						}
					}
				}
			}
		}
		return routes;
	}

}
