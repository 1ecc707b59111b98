package com.focusracer.accounts;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusracer.accounts.internal.AccountRepository;
import com.focusracer.mail.Outbox;
import com.focusracer.mail.OutboxMail;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Named fixtures for tests about accounts: accounts of each role, e-mailed links, client
 * addresses.
 */
@Component
public class AccountsTestUtils {

	public static final String PASSWORD = "Correct-Horse-Battery-9";

	private static final Pattern LINK = Pattern.compile("http://localhost:8080(/\\S+)");

	private final AccountManagement accounts;

	private final AccountRepository repository;

	private final Outbox outbox;

	AccountsTestUtils(AccountManagement accounts, AccountRepository repository, Outbox outbox) {
		this.accounts = accounts;
		this.repository = repository;
		this.outbox = outbox;
	}

	/**
	 * An account that can log in.
	 *
	 * @param id the id
	 * @param email the e-mail
	 * @param password the password
	 * @param role the role
	 */
	public record TestAccount(UUID id, String email, String password, Role role) {
	}

	public static String uniqueEmail(String hint) {
		return hint + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.focusracer.com";
	}

	/**
	 * An account of a role; a pro one is a photographer (see {@link #aPro(ProProfile)}).
	 * @param role the role
	 * @return the account
	 */
	public TestAccount anAccount(Role role) {
		return (role == Role.PRO) ? aPro(ProProfile.PHOTOGRAPHER) : create(role, null, role.name());
	}

	/**
	 * A pro account of a profile (all pro accounts have the same rights).
	 * @param profile what kind of professional it is
	 * @return the account
	 */
	public TestAccount aPro(ProProfile profile) {
		return create(Role.PRO, profile, profile.name());
	}

	private TestAccount create(Role role, ProProfile profile, String hint) {
		String email = uniqueEmail(hint.toLowerCase());
		this.accounts.createDemoAccount(email, "Test " + hint, PASSWORD, role, profile);
		return new TestAccount(this.accounts.findByEmail(email).orElseThrow().id(), email, PASSWORD, role);
	}

	/**
	 * The principal of an account as a fresh login would make it.
	 * @param account the account
	 * @return the principal
	 */
	public AccountPrincipal principal(TestAccount account) {
		AccountRepository.Stored stored = this.repository.findById(account.id()).orElseThrow();
		return new AccountPrincipal(stored.account(), null, stored.sessionVersion());
	}

	public List<OutboxMail> mailsTo(String email) {
		return this.outbox.latest(email, 20);
	}

	/**
	 * The path of the link in the newest e-mail to an address whose subject contains a
	 * text.
	 * @param email the recipient
	 * @param subjectPart part of the subject
	 * @return the path and query of the link
	 */
	public String linkInLatestMail(String email, String subjectPart) {
		OutboxMail mail = mailsTo(email).stream()
			.filter((m) -> m.subject().contains(subjectPart))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No e-mail '" + subjectPart + "' to " + email));
		Matcher matcher = LINK.matcher(mail.body());
		assertThat(matcher.find()).as("link in " + mail.body()).isTrue();
		return matcher.group(1);
	}

	/**
	 * Logs in through the login form, as a browser would.
	 * @param mvc the application
	 * @param account the account
	 * @param landing where the login must land
	 * @return the signed-in session
	 * @throws Exception when the request fails
	 */
	public static MockHttpSession logIn(MockMvc mvc, TestAccount account, String landing) throws Exception {
		return (MockHttpSession) mvc
			.perform(post("/login").session(new MockHttpSession())
				.with(csrf())
				.param("username", account.email())
				.param("password", account.password()))
			.andExpect(redirectedUrl(landing))
			.andReturn()
			.getRequest()
			.getSession();
	}

	public static MockHttpSession logIn(MockMvc mvc, TestAccount account) throws Exception {
		return logIn(mvc, account, account.role().landingPath());
	}

	/**
	 * Makes a request come from a given client address.
	 * @param ip the address
	 * @return the post-processor
	 */
	public static RequestPostProcessor from(String ip) {
		return (MockHttpServletRequest request) -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	public static String randomIp() {
		// Documentation addresses (RFC 5737): they only ever appear inside MockMvc
		// requests.
		return "203.0.113." + (1 + (int) (Math.random() * 250));
	}

}
