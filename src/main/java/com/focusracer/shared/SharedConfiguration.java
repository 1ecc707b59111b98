package com.focusracer.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans every module relies on.
 */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
