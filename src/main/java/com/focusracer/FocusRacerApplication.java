package com.focusracer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Focus Racer: sorts race photos automatically and sells them to the athletes in them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FocusRacerApplication {

	public static void main(String[] args) {
		SpringApplication.run(FocusRacerApplication.class, args);
	}

}
