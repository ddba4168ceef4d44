/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import io.github.coreclaw.spring.test.CoreClawSimulatorConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample during development against the CoreClaw simulator, whatever the environment,
 * the way Spring Boot runs an application with development-time services:
 * {@code ./mvnw -pl coreclaw-samples -am spring-boot:test-run}. The {@code simulator} profile
 * names the simulator's tasks for the demo.
 */
public class TestSampleApplication {

	/**
	 * Run {@link SampleApplication} with a simulator of its own.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main)
			.with(CoreClawSimulatorConfiguration.class)
			.withAdditionalProfiles(SampleApplication.SIMULATOR_PROFILE)
			.run(args);
	}

}
