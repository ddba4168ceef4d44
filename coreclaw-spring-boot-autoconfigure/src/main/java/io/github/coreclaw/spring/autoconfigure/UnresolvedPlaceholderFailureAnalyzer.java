/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;

/**
 * Explains a {@code coreclaw.*} URL property that could not be bound because it is a
 * placeholder nothing defines, such as {@code base-url: ${CORECLAW_BASE_URL}} with that
 * environment variable unset; it runs before Spring Boot's own analysis of binding failures,
 * which would only say that the text is no URL.
 */
class UnresolvedPlaceholderFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		String property = cause.getName().toString();
		ConversionFailedException conversion = findCause(cause, ConversionFailedException.class);
		if (!property.startsWith(CoreClawProperties.PREFIX + ".") || conversion == null
				|| !(conversion.getValue() instanceof String value)) {
			return null;
		}
		UnresolvedPlaceholder placeholder = UnresolvedPlaceholder.find(value);
		if (placeholder == null) {
			return null;
		}
		InvalidCoreClawConfigurationException explained = InvalidCoreClawConfigurationException.unresolved(property,
				placeholder, null, "or change " + property + " so that it does not refer to it");
		return new FailureAnalysis(explained.getMessage(), explained.getAction(), cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
