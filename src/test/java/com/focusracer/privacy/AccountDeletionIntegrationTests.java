package com.focusracer.privacy;

import org.junit.jupiter.api.Test;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.AccountsTestUtils;
import com.focusracer.accounts.AccountsTestUtils.TestAccount;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventsTestUtils;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deleting an account: by its owner after typing the password again (a pro once their
 * events are archived), or by an admin; both run the whole erasure cascade. Admins can
 * also end all sessions of an account.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountDeletionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountsTestUtils accounts;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	EventsTestUtils events;

	@Autowired
	EventManagement eventManagement;

	@Autowired
	PrivacyRegister register;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRunnerDeletesTheirAccountAfterTypingThePasswordAgain() throws Exception {
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, runner);
		this.mvc.perform(post("/account/privacy/delete").session(session).with(csrf()).param("password", "wrong"))
			.andExpect(status().isUnprocessableEntity());
		assertThat(this.accountManagement.find(runner.id())).isPresent();
		this.mvc.perform(post("/account/privacy/delete").param("password", runner.password()).session(session))
			.andExpect(status().isForbidden());
		assertThat(this.accountManagement.find(runner.id())).isPresent();

		this.mvc
			.perform(post("/account/privacy/delete").session(session).with(csrf()).param("password", runner.password()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"account-deleted\"")));
		assertThat(this.accountManagement.find(runner.id())).isEmpty();
		this.mvc.perform(get("/account").session(session)).andExpect(status().is3xxRedirection());
		PrivacyRequest request = this.register.list(RequestStatus.DONE, 1000)
			.stream()
			.filter((r) -> r.identityCheck() == PrivacyRequest.IdentityCheck.PASSWORD)
			.filter((r) -> this.register.steps(r.id())
				.stream()
				.anyMatch((step) -> step.part().equals("accounts") && step.rows() == 1))
			.findFirst()
			.orElseThrow();
		assertThat(request.email()).isNull();
		assertThat(holding(runner.email())).isZero();
		assertThat(holding(runner.id().toString())).isZero();
	}

	@Test
	void aProDeletesTheirAccountOnlyOnceTheirEventsAreClosed() throws Exception {
		TestAccount pro = this.accounts.aPro(ProProfile.ORGANIZER);
		Event event = this.events.aMarathon(pro.id());
		MockHttpSession session = AccountsTestUtils.logIn(this.mvc, pro);
		this.mvc
			.perform(post("/account/privacy/delete").session(session).with(csrf()).param("password", pro.password()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("Vous organisez encore des événements")));
		assertThat(this.accountManagement.find(pro.id())).isPresent();
		this.eventManagement.setArchived(event.id(), pro.id(), true);
		this.mvc
			.perform(post("/account/privacy/delete").session(session).with(csrf()).param("password", pro.password()))
			.andExpect(status().isOk());
		assertThat(this.accountManagement.find(pro.id())).isEmpty();
	}

	@Test
	void anAdminEndsSessionsAndDeletesAnAccount() throws Exception {
		TestAccount runner = this.accounts.anAccount(Role.RUNNER);
		TestAccount adminAccount = this.accounts.anAccount(Role.ADMIN);
		MockHttpSession runnerSession = AccountsTestUtils.logIn(this.mvc, runner);
		MockHttpSession admin = AccountsTestUtils.logIn(this.mvc, adminAccount);
		this.mvc.perform(post("/admin/accounts/" + runner.id() + "/sessions").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"));
		this.mvc.perform(get("/account").session(runnerSession)).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/accounts/" + adminAccount.id() + "/delete").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(this.accountManagement.find(adminAccount.id())).isPresent();
		this.mvc.perform(post("/admin/accounts/" + runner.id() + "/delete").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(this.accountManagement.find(runner.id())).isEmpty();
		assertThat(this.register.list(RequestStatus.DONE, 1000))
			.anyMatch((r) -> r.identityCheck() == PrivacyRequest.IdentityCheck.ADMIN
					&& adminAccount.email().equals(r.operatorEmail()));
	}

	private long holding(String needle) {
		long total = 0;
		for (String table : this.jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'""").query(String.class).list()) {
			total += this.jdbc
				.sql("select count(*) from \"" + table + "\" t where strpos(lower(t::text), lower(?)) > 0")
				.param(needle)
				.query(Long.class)
				.single();
		}
		return total;
	}

}
