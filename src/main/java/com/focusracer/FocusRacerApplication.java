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
		if (args.length > 0 && args[0].equals("eval")) {
			// Evaluation tools: no web server, no database.
			System.exit(com.focusracer.recognition.Evaluation.run(java.util.Arrays.copyOfRange(args, 1, args.length),
					System.out));
		}
		SpringApplication.run(FocusRacerApplication.class, args);
	}

}
