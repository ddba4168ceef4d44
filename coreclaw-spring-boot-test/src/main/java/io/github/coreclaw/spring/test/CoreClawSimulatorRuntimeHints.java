/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Runtime hints of the test kit: the simulator's WireMock mappings, read from the class path
 * under {@value CoreClawSimulator#MAPPINGS_ROOT}. Registered in {@code META-INF/spring/aot.factories},
 * so ahead-of-time processing of any application with the test kit on its class path includes them.
 *
 * @since 0.1.0
 */
public class CoreClawSimulatorRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(CoreClawSimulator.MAPPINGS_ROOT + "/**");
	}

}
