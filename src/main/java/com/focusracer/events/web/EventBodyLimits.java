package com.focusracer.events.web;

import com.focusracer.events.EventsProperties;
import com.focusracer.shared.web.BodyLimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How large the bodies this module reads may be, beyond the site's default.
 */
@Configuration(proxyBeanMethods = false)
class EventBodyLimits {

	@Bean
	BodyLimit startListBody(EventsProperties properties) {
		return new BodyLimit("PUT", "/api/v1/events/*/start-list", properties.startListMaxSize().toBytes(),
				"startList.tooLarge");
	}

}
