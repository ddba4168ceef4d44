/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the client package free of Spring Boot, so it can become a module of its own, and the
 * other packages on the client's public API, off its {@code internal} package.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.coreclaw.spring");

	@Test
	void clientDependsOnNothingFromSpringBoot() {
		noClasses().that()
			.resideInAPackage("io.github.coreclaw.spring.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(this.classes);
	}

	@Test
	void clientDependsOnNothingFromTheAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("io.github.coreclaw.spring.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.coreclaw.spring.autoconfigure..")
			.check(this.classes);
	}

	@Test
	void clientDependsOnNoJdbc() {
		noClasses().that()
			.resideInAPackage("io.github.coreclaw.spring.client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
					"io.github.coreclaw.spring.tracking..")
			.check(this.classes);
	}

	@Test
	void trackingDependsOnNothingFromSpringBootOrTheAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("io.github.coreclaw.spring.tracking..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot..", "io.github.coreclaw.spring.autoconfigure..")
			.check(this.classes);
	}

	@Test
	void onlyTheClientUsesItsInternalPackage() {
		noClasses().that()
			.resideOutsideOfPackage("io.github.coreclaw.spring.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.coreclaw.spring.client.internal..")
			.because("packages other than client use only the client's public API or a documented SPI")
			.check(this.classes);
	}

}
