package com.focusracer.accounts.internal;

import com.focusracer.shared.SiteUrl;

import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session cookie is {@code Secure} whenever the site is served over HTTPS. The
 * container marks it so by itself for requests it sees as secure; behind a proxy that
 * ends TLS it sees plain HTTP (unless {@code server.forward-headers-strategy} is set), so
 * the site's public address decides: {@code focusracer.base-url} starting with
 * {@code https://} makes the cookie {@code Secure} on every response.
 */
@Configuration(proxyBeanMethods = false)
class SecureCookies {

	@Bean
	ServletContextInitializer secureSessionCookie(SiteUrl site) {
		return (context) -> {
			if (site.isHttps()) {
				context.getSessionCookieConfig().setSecure(true);
			}
		};
	}

}
