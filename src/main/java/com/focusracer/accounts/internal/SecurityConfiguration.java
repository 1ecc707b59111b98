package com.focusracer.accounts.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.accounts.Role;
import com.focusracer.shared.web.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open what. Pages: form login with a session; the API: bearer tokens, no
 * session, no cookies.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	// Stripe's Payment Element is the one outside script: it loads from Stripe, talks to
	// its API and shows its fields in frames (card, wallets, SEPA, 3-D Secure).
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
			+ "style-src 'self'; script-src 'self' https://js.stripe.com; connect-src 'self' https://api.stripe.com; "
			+ "frame-src https://js.stripe.com https://hooks.stripe.com; frame-ancestors 'none'; "
			+ "form-action 'self'; base-uri 'self'; object-src 'none'";

	/**
	 * Argon2id at OWASP's minimum (19 MiB, two passes, one lane); Spring's defaults are
	 * weaker.
	 * @return the encoder
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		// Check the account's state only once the password is known to be right, so that
		// a
		// wrong password says the same whether the account exists, is disabled or
		// unconfirmed.
		provider.setPreAuthenticationChecks((user) -> {
		});
		provider.setPostAuthenticationChecks((user) -> {
			if (!user.isEnabled()) {
				throw new DisabledException("Account disabled");
			}
			if (user instanceof AccountPrincipal principal && !principal.emailVerified()) {
				throw new UnconfirmedEmailException();
			}
		});
		return new ProviderManager(provider);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, AccountRepository accounts, Clock clock)
			throws Exception {
		http.securityMatcher("/api/**", "/webhooks/**")
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests(
					(authorize) -> authorize.requestMatchers("/api/v1/auth/token", "/api/v1/public/**", "/webhooks/**")
						.permitAll()
						// The marketplace's open listings are public; its other calls are
						// pro.
						.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/marketplace/listings")
						.permitAll()
						.anyRequest()
						.hasAnyRole(proAndAdmin()))
			.addFilterBefore(new BearerTokenFilter(tokens, accounts, clock), AnonymousAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer");
				ProblemResponses.write(response, 401, "Unauthorized",
						"Send a valid API token as 'Authorization: Bearer <token>'. Get one from POST /api/v1/auth/token "
								+ "or create a personal token in the pro space.");
			})
				.accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response, 403, "Forbidden",
						"This account may not use this endpoint: the API is for pro and admin accounts.")));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			LoginThrottle throttle, AccountRepository accounts, Clock clock, BlockedLoginPage blockedPage)
			throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(
					(authorize) -> authorize.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
						.permitAll()
						.requestMatchers("/", "/events", "/events/**", "/login", "/login/**", "/signup", "/signup/**",
								"/password/**", "/settings/email/confirm", "/forbidden", "/css/**", "/js/**", "/img/**",
								"/favicon.ico", "/robots.txt", "/sitemap.xml", "/favourites", "/alerts/**", "/cart",
								"/cart/**", "/orders/**", "/downloads/**", "/error", "/actuator/health",
								"/actuator/health/**", "/legal", "/terms", "/privacy", "/contact", "/privacy/request",
								"/privacy/request/**", "/privacy/export/**")
						.permitAll()
						// The marketplace is browsed by anyone; reporting a review needs
						// an
						// account.
						.requestMatchers(org.springframework.http.HttpMethod.GET, "/marketplace", "/marketplace/**",
								"/photographers/**")
						.permitAll()
						// Pros file personal-data requests from the account too.
						.requestMatchers("/account/privacy", "/account/privacy/**")
						.authenticated()
						.requestMatchers("/pro", "/pro/**")
						.hasRole(Role.PRO.name())
						.requestMatchers("/account", "/account/**")
						.hasRole(Role.RUNNER.name())
						.requestMatchers("/admin", "/admin/**", "/actuator/**")
						.hasRole(Role.ADMIN.name())
						.anyRequest()
						.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(new LandingPageSuccessHandler(throttle))
				.failureHandler(new LoginFailureHandler(throttle))
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").addLogoutHandler((request, response, authentication) -> {
				if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
					accounts.bumpSessionVersion(principal.id());
				}
			}).logoutSuccessUrl("/?loggedOut"))
			.addFilterBefore(new LoginThrottleFilter(throttle, clock, blockedPage),
					UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new SessionVersionFilter(accounts), SecurityContextHolderFilter.class)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
						.accessDeniedHandler(forbiddenPage()));
		headers(http);
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer
				.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(
					(permissions) -> permissions.policy("camera=(self), geolocation=(), microphone=()")));
	}

	private static AccessDeniedHandler forbiddenPage() {
		return (request, response, ex) -> {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			request.getRequestDispatcher("/forbidden").forward(request, response);
		};
	}

	private static String[] proAndAdmin() {
		return new String[] { Role.PRO.name(), Role.ADMIN.name() };
	}

	/**
	 * Sends each role to its own space after login, or back to the page that asked for a
	 * login.
	 */
	static final class LandingPageSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

		private final LoginThrottle throttle;

		LandingPageSuccessHandler(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.Authentication authentication)
				throws IOException, jakarta.servlet.ServletException {
			AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
			this.throttle.rightPassword(principal.email(), request.getRemoteAddr());
			super.onAuthenticationSuccess(request, response, authentication);
		}

		// Computed per request: the handler is shared by every login, so it must hold no
		// per-user state.
		@Override
		protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.Authentication authentication) {
			return ((AccountPrincipal) authentication.getPrincipal()).role().landingPath();
		}

	}

	/**
	 * Says the same for an unknown e-mail and a wrong password; gives the throttle its
	 * attempt back when the password was right but the account cannot log in.
	 */
	static final class LoginFailureHandler implements AuthenticationFailureHandler {

		private final LoginThrottle throttle;

		LoginFailureHandler(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			// A wrong password stays counted (the throttle took the attempt); the others
			// came with the right one.
			String reason = "error";
			if (exception instanceof DisabledException) {
				reason = "disabled";
				this.throttle.rightPassword(request.getParameter("username"), request.getRemoteAddr());
			}
			else if (exception instanceof UnconfirmedEmailException) {
				reason = "unconfirmed";
				this.throttle.rightPassword(request.getParameter("username"), request.getRemoteAddr());
			}
			response.sendRedirect(request.getContextPath() + "/login?" + reason);
		}

	}

}
