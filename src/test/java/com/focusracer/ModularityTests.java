package com.focusracer;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module boundaries hold, and the module documentation in {@code docs/modules} is
 * rewritten from the code.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(FocusRacerApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void expectedModulesExist() {
		assertThat(this.modules.stream().map((module) -> module.getIdentifier().toString())).contains("accounts",
				"admin", "gallery", "mail", "privacy", "shared");
	}

	@Test
	void writesModuleDocumentation() throws java.io.IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		// The relations come out in any order: sorted, the files only change with the
		// code.
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files
			.list(java.nio.file.Path.of("docs/modules"))) {
			for (java.nio.file.Path file : files.filter((f) -> f.toString().endsWith(".puml")).toList()) {
				java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
				java.util.List<String> sorted = new java.util.ArrayList<>();
				java.util.List<String> relations = new java.util.ArrayList<>();
				for (String line : lines) {
					if (line.startsWith("Rel(")) {
						relations.add(line);
						continue;
					}
					java.util.Collections.sort(relations);
					sorted.addAll(relations);
					relations.clear();
					sorted.add(line);
				}
				java.util.Collections.sort(relations);
				sorted.addAll(relations);
				java.nio.file.Files.write(file, sorted);
			}
		}
	}

}
