/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;

/**
 * Explains a {@code coreclaw.*} property that names none of its choices, such as
 * {@code coreclaw.auth-scheme=foo}, listing the choices as the documentation spells them
 * ({@code bearer, api-key-header, query-token}); it runs before Spring Boot's own analysis of
 * binding failures, which lists the enum constants ({@code API_KEY_HEADER, BEARER, QUERY_TOKEN}).
 * A value that is an unresolved placeholder is left to {@link UnresolvedPlaceholderFailureAnalyzer}.
 */
class InvalidEnumPropertyFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		String property = cause.getName().toString();
		ConversionFailedException conversion = findCause(cause, ConversionFailedException.class);
		if (!property.startsWith(CoreClawProperties.PREFIX + ".") || conversion == null
				|| !(conversion.getValue() instanceof String value) || UnresolvedPlaceholder.find(value) != null) {
			return null;
		}
		Class<?> type = conversion.getTargetType().getObjectType();
		if (!type.isEnum()) {
			return null;
		}
		InvalidCoreClawConfigurationException explained = InvalidCoreClawConfigurationException.invalid(property,
				"one of " + choices(type), "was \"" + value + "\"");
		return new FailureAnalysis(explained.getMessage(), explained.getAction(), cause);
	}

	/**
	 * The constants of an enum as a property spells them: lower case, words joined by {@code -}.
	 */
	private static String choices(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants())
			.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.collect(Collectors.joining(", "));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
