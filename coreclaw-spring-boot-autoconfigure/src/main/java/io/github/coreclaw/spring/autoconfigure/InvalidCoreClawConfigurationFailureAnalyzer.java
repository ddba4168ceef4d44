/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidCoreClawConfigurationException} at startup: what is wrong and
 * which property to set.
 */
class InvalidCoreClawConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCoreClawConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCoreClawConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
