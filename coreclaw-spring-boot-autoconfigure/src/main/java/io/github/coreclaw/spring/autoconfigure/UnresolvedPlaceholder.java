/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * A {@code ${…}} placeholder left in a property value because nothing defines it, such as
 * {@code api-key: ${CORECLAW_API_KEY}} with that environment variable unset: Spring Boot binds
 * such a value as it is written.
 *
 * @param placeholder the placeholder as written, such as {@code ${CORECLAW_API_KEY}}
 * @param name the name it refers to, such as {@code CORECLAW_API_KEY}
 * @param whole whether the placeholder is the whole value
 */
record UnresolvedPlaceholder(String placeholder, String name, boolean whole) {

	/**
	 * Find the first unresolved placeholder in a value.
	 * @param value the bound value, may be {@code null}
	 * @return the placeholder, or {@code null} if there is none
	 */
	static @Nullable UnresolvedPlaceholder find(@Nullable String value) {
		if (value == null) {
			return null;
		}
		int start = value.indexOf("${");
		int end = (start >= 0) ? value.indexOf('}', start) : -1;
		if (end < 0) {
			return null;
		}
		String placeholder = value.substring(start, end + 1);
		String content = placeholder.substring(2, placeholder.length() - 1);
		int separator = content.indexOf(':');
		String name = ((separator >= 0) ? content.substring(0, separator) : content).trim();
		return new UnresolvedPlaceholder(placeholder, name, placeholder.equals(value.trim()));
	}

	/**
	 * Find the first unresolved placeholder in a URL, which binding percent-encodes.
	 * @param url the bound URL, may be {@code null}
	 * @return the placeholder, or {@code null} if there is none
	 */
	static @Nullable UnresolvedPlaceholder find(@Nullable URI url) {
		return (url != null) ? find(UriUtils.decode(url.toString(), StandardCharsets.UTF_8)) : null;
	}

	/**
	 * Where the value of the placeholder comes from, for a message.
	 * @return {@code the environment variable NAME} or {@code the property NAME}
	 */
	String source() {
		return (isEnvironmentVariableName(this.name) ? "the environment variable " : "the property ") + this.name;
	}

	/**
	 * Describe the property holding this placeholder, never the rest of its value.
	 * @param property the property key
	 * @return for example {@code coreclaw.api-key is the unresolved placeholder ${CORECLAW_API_KEY}}
	 */
	String describe(String property) {
		return property + (this.whole ? " is" : " holds") + " the unresolved placeholder " + this.placeholder;
	}

	private static boolean isEnvironmentVariableName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
				return false;
			}
		}
		return true;
	}

}
