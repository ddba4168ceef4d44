/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CoreClawSimulatorRuntimeHints} covers every file of the simulator found on the class
 * path, and ahead-of-time processing finds it.
 */
class CoreClawSimulatorRuntimeHintsTests {

	@Test
	void everySimulatorFileIsAResourceOfTheNativeImage() throws IOException {
		RuntimeHints hints = new RuntimeHints();
		new CoreClawSimulatorRuntimeHints().registerHints(hints, getClass().getClassLoader());
		List<String> files = simulatorFiles();
		assertThat(files).as("the simulator's files")
			.hasSizeGreaterThan(5)
			.contains("coreclaw-simulator/mappings/auth-missing.json");
		for (String file : files) {
			assertThat(RuntimeHintsPredicates.resource().forResource(file)).as(file).accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.resource().forResource("application.yml")).rejects(hints);
	}

	@Test
	void aheadOfTimeProcessingFindsTheRegistrar() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(CoreClawSimulatorRuntimeHints.class);
	}

	private static List<String> simulatorFiles() throws IOException {
		String root = CoreClawSimulator.MAPPINGS_ROOT + "/";
		List<String> files = new ArrayList<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		for (Resource resource : resolver.getResources("classpath*:" + root + "**/*")) {
			String url = resource.getURL().toString();
			if (resource.isReadable() && !url.contains("/test-classes/")) {
				files.add(url.substring(url.lastIndexOf(root)));
			}
		}
		return files;
	}

}
