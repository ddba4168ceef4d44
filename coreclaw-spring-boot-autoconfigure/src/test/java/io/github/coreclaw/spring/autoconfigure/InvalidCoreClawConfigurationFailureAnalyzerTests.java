/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link InvalidCoreClawConfigurationFailureAnalyzer}.
 */
class InvalidCoreClawConfigurationFailureAnalyzerTests {

	@Test
	void analysisCarriesDescriptionAndActionOfTheWrappedCause() {
		InvalidCoreClawConfigurationException cause = new InvalidCoreClawConfigurationException("coreclaw.api-key",
				"No key.", "Set coreclaw.api-key.");
		FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
			.analyze(new BeanCreationException("coreClawClient", "failed", cause));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("No key.");
		assertThat(analysis.getAction()).isEqualTo("Set coreclaw.api-key.");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(new InvalidCoreClawConfigurationFailureAnalyzer().analyze(new IllegalStateException("x"))).isNull();
	}

}
