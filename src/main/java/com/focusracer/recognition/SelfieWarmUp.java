package com.focusracer.recognition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The thread that gets selfie search ready for an event in the background: one thread, so
 * that warm-ups never compete with each other or with the pipeline, stopped with the
 * application.
 */
@Configuration(proxyBeanMethods = false)
class SelfieWarmUp {

	static final String EXECUTOR = "selfieWarmUpExecutor";

	// Not a default candidate: Spring Boot keeps its own applicationTaskExecutor (it
	// backs
	// off when another Executor bean is a candidate), and nothing else gets this thread
	// by
	// type.
	@Bean(name = EXECUTOR, defaultCandidate = false)
	ThreadPoolTaskExecutor selfieWarmUpExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("selfie-warm-up-");
		executor.setDaemon(true);
		return executor;
	}

}
