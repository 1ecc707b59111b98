package com.focusracer.privacy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.mail.OutboxMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Filing personal-data requests: from the account (runners and pros, identity by the
 * session), from the public page (guests, identity by a link sent to the address), each
 * with a reference and an acknowledgement in the requester's language.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrivacyRequestsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	PrivacyRequests requests;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRunnerFilesARequestAndSeesOnlyTheirOwn() throws Exception {
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		TestAccount other = this.accounts.anAccount(Role.RUNNER);
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, runner);
		this.mvc.perform(get("/account/privacy").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"privacy-form\"")));
		this.mvc
			.perform(post("/account/privacy").session(session)
				.with(csrf())
				.param("type", "ACCESS")
				.param("details", "Toutes mes données, merci."))
			.andExpect(redirectedUrl("/account/privacy"));
		List<PrivacyRequest> mine = this.requests.ofAccount(runner.id());
		assertThat(mine).singleElement().satisfies((request) -> {
			assertThat(request.type()).isEqualTo(RequestType.ACCESS);
			assertThat(request.status()).isEqualTo(RequestStatus.RECEIVED);
			assertThat(request.identityCheck()).isEqualTo(PrivacyRequest.IdentityCheck.SIGNED_IN);
			assertThat(request.reference()).matches("DP-[A-Z2-9]{4}-[A-Z2-9]{4}");
			assertThat(request.dueAt()).isAfter(request.receivedAt().plus(java.time.Duration.ofDays(27)));
		});
		String reference = mine.get(0).reference();
		OutboxMail ack = this.accounts.mailsTo(runner.email()).get(0);
		assertThat(ack.subject()).isEqualTo("Demande " + reference + " reçue");
		assertThat(ack.body()).contains("« Accès »");
		this.mvc.perform(get("/account/privacy").session(session))
			.andExpect(content().string(containsString("data-reference=\"" + reference + "\"")));
		MockHttpSession otherSession = AccountsTestUtils.logIn(this.mvc, other);
		this.mvc.perform(get("/account/privacy").session(otherSession))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(reference))))
			.andExpect(content().string(containsString("id=\"no-privacy-requests\"")));
	}

	@Test
	void aProFilesFromTheAccountPageToo() throws Exception {
		TestAccount pro = this.accounts.aPro(ProProfile.ORGANIZER);
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, pro);
		this.mvc.perform(post("/account/privacy").session(session).with(csrf()).param("type", "ERASURE"))
			.andExpect(redirectedUrl("/account/privacy"));
		assertThat(this.requests.ofAccount(pro.id())).singleElement()
			.extracting(PrivacyRequest::type)
			.isEqualTo(RequestType.ERASURE);
	}

	@Test
	void filingNeedsTheCsrfTokenAndASignIn() throws Exception {
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, runner);
		this.mvc.perform(post("/account/privacy").session(session).param("type", "ACCESS"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/privacy/request").param("email", "x@example.com").param("type", "ACCESS"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/account/privacy")).andExpect(status().is3xxRedirection());
		assertThat(this.requests.ofAccount(runner.id())).isEmpty();
	}

	@Test
	void aGuestProvesTheAddressByTheLinkSentToIt() throws Exception {
		String email = AccountsTestUtils.uniqueEmail("guest");
		this.mvc
			.perform(post("/privacy/request").with(csrf())
				.param("lang", "en")
				.param("email", email)
				.param("name", "Guest Person")
				.param("type", "PHOTO_WITHDRAWAL")
				.param("links",
						"https://elsewhere.example/events/trail-du-lac/photos/1b4e28ba-2fa1-11d2-883f-0016d3cca427\n"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"privacy-request-sent\"")));
		assertThat(countOf(email, "AWAITING_CONFIRMATION")).isOne();
		assertThat(this.requests.register(null, 1000)).noneMatch((request) -> email.equals(request.email()));
		String link = this.accounts.linkInLatestMail(email, "Confirm your request");
		this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"privacy-request-confirmed\"")));
		PrivacyRequest request = this.requests.register(null, 1000)
			.stream()
			.filter((r) -> email.equals(r.email()))
			.findFirst()
			.orElseThrow();
		assertThat(request.identityCheck()).isEqualTo(PrivacyRequest.IdentityCheck.EMAIL_LINK);
		assertThat(request.status()).isEqualTo(RequestStatus.RECEIVED);
		assertThat(request.photoLinks())
			.containsExactly("http://localhost:8080/events/trail-du-lac/photos/1b4e28ba-2fa1-11d2-883f-0016d3cca427");
		assertThat(this.accounts.mailsTo(email).get(0).subject())
			.isEqualTo("Request " + request.reference() + " received");
		// The link works once.
		this.mvc.perform(get(link)).andExpect(status().isNotFound());
	}

	@Test
	void badInputIsRefusedWithWhatToDo() throws Exception {
		String email = AccountsTestUtils.uniqueEmail("guest");
		this.mvc
			.perform(post("/privacy/request").with(csrf())
				.param("email", email)
				.param("type", "PHOTO_WITHDRAWAL")
				.param("links", "https://example.com/not-a-photo"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("n'est pas le lien d'une page de photo")));
		this.mvc.perform(post("/privacy/request").with(csrf()).param("email", email).param("type", "PHOTO_WITHDRAWAL"))
			.andExpect(status().isUnprocessableEntity());
		this.mvc
			.perform(post("/privacy/request").with(csrf())
				.param("email", email)
				.param("type", "ACCESS")
				.param("details", "x".repeat(4001)))
			.andExpect(status().isUnprocessableEntity());
		this.mvc.perform(post("/privacy/request").with(csrf()).param("email", "not-an-address").param("type", "ACCESS"))
			.andExpect(status().isUnprocessableEntity());
		assertThat(countOf(email, null)).isZero();
	}

	private long countOf(String email, String status) {
		return this.jdbc
			.sql("select count(*) from privacy_request where email = ? and (cast(? as text) is null or status = ?)")
			.params(email, status, status)
			.query(Long.class)
			.single();
	}

}
