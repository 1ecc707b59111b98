package com.focusracer.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.Role;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admins' register: deadlines flagged on the admin home, extensions only with a
 * reason the requester is told, answers and refusals, the CSV export; admins only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrivacyRegisterIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	PrivacyRequests requests;

	@Autowired
	PrivacyRegister register;

	@Autowired
	JdbcClient jdbc;

	@Test
	void overdueAndSoonDueRequestsAreFlaggedOnTheAdminHome() throws Exception {
		PrivacyRequest overdue = aRequest(RequestType.ACCESS);
		PrivacyRequest soon = aRequest(RequestType.ERASURE);
		PrivacyRequest later = aRequest(RequestType.RECTIFICATION);
		dueIn(overdue, Duration.ofDays(-1));
		dueIn(soon, Duration.ofDays(3));
		MockHttpSession admin = AccountsTestUtils.logIn(this.mvc, this.accounts.anAccount(Role.ADMIN));
		this.mvc.perform(get("/admin").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"overdue\" data-reference=\"" + overdue.reference())))
			.andExpect(content().string(containsString("class=\"due-soon\" data-reference=\"" + soon.reference())))
			.andExpect(content().string(not(containsString("data-reference=\"" + later.reference()))));
		this.mvc.perform(get("/admin/privacy").session(admin))
			.andExpect(content().string(containsString("data-reference=\"" + later.reference() + "\"")));
	}

	@Test
	void anExtensionNeedsAReasonAndTellsTheRequester() throws Exception {
		PrivacyRequest request = aRequest(RequestType.ACCESS);
		TestAccount adminAccount = this.accounts.anAccount(Role.ADMIN);
		MockHttpSession admin = AccountsTestUtils.logIn(this.mvc, adminAccount);
		String path = "/admin/privacy/" + request.id();
		this.mvc.perform(post(path + "/extend").session(admin).with(csrf()).param("months", "2"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.register.get(request.id()).dueAt()).isEqualTo(request.dueAt());
		this.mvc.perform(
				post(path + "/extend").session(admin).with(csrf()).param("months", "3").param("reason", "Trop long"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.register.get(request.id()).extensionMonths()).isZero();
		this.mvc
			.perform(post(path + "/extend").session(admin)
				.with(csrf())
				.param("months", "2")
				.param("reason", "=Many archives to search"))
			.andExpect(status().is3xxRedirection());
		PrivacyRequest extended = this.register.get(request.id());
		assertThat(extended.extensionMonths()).isEqualTo(2);
		assertThat(extended.dueAt())
			.isEqualTo(request.receivedAt().atZone(ZoneId.of("Europe/Paris")).plusMonths(3).toInstant());
		assertThat(this.accounts.mailsTo(request.email()).get(0).body()).contains("=Many archives to search");
		this.mvc.perform(get("/admin/privacy.csv").session(admin))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(content().string(containsString("\"reference\",\"type\",\"status\"")))
			.andExpect(content().string(containsString("\"" + request.reference() + "\",\"ACCESS\",\"RECEIVED\"")))
			// A spreadsheet must not run what a requester or an admin typed.
			.andExpect(content().string(containsString("\"'=Many archives to search\"")));
	}

	@Test
	void aRefusalClosesTheRequestAndTellsWhy() throws Exception {
		PrivacyRequest request = aRequest(RequestType.RECTIFICATION);
		TestAccount adminAccount = this.accounts.anAccount(Role.ADMIN);
		MockHttpSession admin = AccountsTestUtils.logIn(this.mvc, adminAccount);
		String path = "/admin/privacy/" + request.id();
		this.mvc
			.perform(post(path + "/action").session(admin)
				.with(csrf())
				.param("part", "accounts")
				.param("action", "name corrected")
				.param("rows", "1"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post(path + "/refuse").session(admin).with(csrf()).param("reason", "Nothing is wrong"))
			.andExpect(status().is3xxRedirection());
		PrivacyRequest refused = this.register.get(request.id());
		assertThat(refused.status()).isEqualTo(RequestStatus.REFUSED);
		assertThat(refused.refusalReason()).isEqualTo("Nothing is wrong");
		assertThat(refused.operatorEmail()).isEqualTo(adminAccount.email());
		assertThat(refused.respondedAt()).isNotNull();
		assertThat(this.accounts.mailsTo(request.email()).get(0).body()).contains("Nothing is wrong", "CNIL");
		this.mvc.perform(get(path).session(admin))
			.andExpect(content().string(containsString("data-part=\"accounts\"")))
			.andExpect(content().string(not(containsString("id=\"privacy-actions\""))));
		this.mvc
			.perform(post(path + "/answer").session(admin).with(csrf()).param("format", "e-mail").param("summary", "x"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.register.get(request.id()).status()).isEqualTo(RequestStatus.REFUSED);
	}

	@Test
	void onlyAdminsSeeTheRegister() throws Exception {
		MockHttpSession runner = AccountsTestUtils.logIn(this.mvc, this.accounts.anAccount(Role.RUNNER));
		this.mvc.perform(get("/admin/privacy").session(runner)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/privacy.csv").session(runner)).andExpect(status().isForbidden());
	}

	private PrivacyRequest aRequest(RequestType type) {
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		return this.requests.fileSignedIn(new Person(runner.id(), runner.email(), "Runner", "en"), type, "", "",
				Locale.ENGLISH);
	}

	private void dueIn(PrivacyRequest request, Duration duration) {
		this.jdbc.sql("update privacy_request set due_at = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.now().plus(duration)), request.id())
			.update();
	}

}
