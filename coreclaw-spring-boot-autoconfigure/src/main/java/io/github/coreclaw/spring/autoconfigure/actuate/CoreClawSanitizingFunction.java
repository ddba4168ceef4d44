/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import java.util.Locale;
import java.util.Set;

import io.github.coreclaw.spring.autoconfigure.CoreClawProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the CoreClaw API key and the callback secret in Actuator's {@code configprops} and
 * {@code env} endpoints, whatever their {@code show-values}: the {@code coreclaw.api-key} and
 * {@code coreclaw.callback.secret} properties under any of their relaxed names (such as
 * {@code CORECLAW_API_KEY}), and any other value that holds the configured key or secret (a
 * callback URL with the secret in its path, a base URL with the key in it).
 */
final class CoreClawSanitizingFunction implements SanitizingFunction {

	/** The masked properties, lower case without separators, as relaxed binding reads them. */
	private static final Set<String> KEYS = Set.of("coreclawapikey", "coreclawcallbacksecret");

	/** Fewest characters of a configured value looked for in other values. */
	private static final int MIN_SEARCHED_LENGTH = 8;

	private final @Nullable CoreClawProperties properties;

	CoreClawSanitizingFunction(@Nullable CoreClawProperties properties) {
		this.properties = properties;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		return (isSecretKey(data.getKey()) || holdsSecret(String.valueOf(data.getValue()))) ? data.withSanitizedValue()
				: data;
	}

	private static boolean isSecretKey(@Nullable String key) {
		if (key == null) {
			return false;
		}
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c != '.' && c != '-' && c != '_') {
				normalized.append(c);
			}
		}
		return KEYS.contains(normalized.toString().toLowerCase(Locale.ROOT));
	}

	private boolean holdsSecret(String value) {
		if (this.properties == null) {
			return false;
		}
		return contains(value, this.properties.getApiKey())
				|| contains(value, this.properties.getCallback().getSecret());
	}

	private static boolean contains(String value, @Nullable String secret) {
		return secret != null && secret.length() >= MIN_SEARCHED_LENGTH && value.contains(secret);
	}

}
