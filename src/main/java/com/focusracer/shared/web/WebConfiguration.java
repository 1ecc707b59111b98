package com.focusracer.shared.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import com.focusracer.shared.SiteUrl;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages (French by default, English on request, remembered in a cookie) and the
 * {@link Ui} helper given to every page.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale FRENCH = Locale.FRENCH;

	@Bean
	LocaleResolver localeResolver(SiteUrl site) {
		CookieLocaleResolver resolver = new CookieLocaleResolver("focusracer-lang");
		resolver.setDefaultLocale(FRENCH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setRejectInvalidCookies(true);
		resolver.setCookieSecure(site.isHttps());
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// Only the languages we translate reach the cookie.
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
					Object handler) throws jakarta.servlet.ServletException {
				String lang = request.getParameter(getParamName());
				return !("fr".equals(lang) || "en".equals(lang)) || super.preHandle(request, response, handler);
			}

		};
		interceptor.setParamName("lang");
		// Not on the API: reading a parameter would make the container parse (and spool
		// to disk) a multipart body the API reads itself, such as a selfie.
		registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
	}

	/**
	 * Multipart bodies are parsed by the container, which writes file parts to disk,
	 * except for selfie searches: their controller reads the body in memory, so that the
	 * selfie is never written anywhere.
	 * @return the resolver
	 */
	@Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
	MultipartResolver multipartResolver() {
		return new StandardServletMultipartResolver() {

			@Override
			public boolean isMultipart(HttpServletRequest request) {
				return !request.getRequestURI().endsWith("/selfie-search") && super.isMultipart(request);
			}

		};
	}

	/**
	 * Adds {@code ui} to every page's model.
	 */
	@ControllerAdvice
	static class UiModel {

		private final MessageSource messages;

		UiModel(MessageSource messages) {
			this.messages = messages;
		}

		@ModelAttribute("ui")
		Ui ui(HttpServletRequest request) {
			return Ui.of(this.messages, request);
		}

	}

}
