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
	void writesModuleDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
