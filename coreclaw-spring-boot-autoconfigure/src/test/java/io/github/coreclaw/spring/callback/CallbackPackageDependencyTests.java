/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the callback package on the client's public API, as an application's own code would be.
 */
class CallbackPackageDependencyTests {

	@Test
	void callbackPackageUsesNothingInternalOfTheClient() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.github.coreclaw.spring.callback");
		noClasses().that()
			.resideInAPackage("io.github.coreclaw.spring.callback..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.coreclaw.spring.client.internal..")
			.check(classes);
	}

}
