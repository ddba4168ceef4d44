/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.coreclaw.spring.client.InvalidSettingException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when the CoreClaw configuration is missing or wrong; the failure analyzer
 * turns it into a description and an action naming the property to set.
 */
class InvalidCoreClawConfigurationException extends RuntimeException {

	/** What the action offers instead of a value, for keys that have no default to fall back to. */
	private static final Map<String, String> ALTERNATIVES = Map.of("coreclaw.default-callback-url", "or remove it",
			"coreclaw.callback.public-base-url", "or remove it",
			"coreclaw.callback.secret", "or set coreclaw.callback.enabled=false");

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private final String property;

	private final String action;

	InvalidCoreClawConfigurationException(String property, String description, String action) {
		this(property, description, action, null);
	}

	private InvalidCoreClawConfigurationException(String property, String description, String action,
			@Nullable Throwable cause) {
		super(description, cause);
		this.property = property;
		this.action = action;
	}

	String getProperty() {
		return this.property;
	}

	String getAction() {
		return this.action;
	}

	/**
	 * A property whose value does not meet a requirement.
	 * @param property the property key
	 * @param requirement what the value must be, such as {@code at least 1}
	 * @param problem what is wrong with it, such as {@code was 0}
	 * @return the exception
	 */
	static InvalidCoreClawConfigurationException invalid(String property, String requirement, String problem) {
		return invalid(property, requirement, problem, null);
	}

	/**
	 * A settings type refused a value mapped from a property.
	 * @param prefix the prefix of the type's properties, such as {@code coreclaw.retry.}
	 * @param settingsType the settings type, whose setting names in the message become property keys
	 * @param ex what the settings type refused
	 * @return the exception, naming the property
	 */
	static InvalidCoreClawConfigurationException forSetting(String prefix, Class<?> settingsType,
			InvalidSettingException ex) {
		return invalid(prefix + toKebabCase(ex.getSetting()), withKeys(ex.getRequirement(), prefix, settingsType),
				withKeys(ex.getProblem(), prefix, settingsType), ex);
	}

	/**
	 * A property that holds a placeholder nothing defines.
	 * @param property the property key
	 * @param placeholder the placeholder
	 * @param value what to set the variable to, {@code null} to say nothing about it
	 * @param alternative what else to do, such as {@code or set coreclaw.callback.enabled=false}
	 * @return the exception, which names the placeholder but never the rest of the value
	 */
	static InvalidCoreClawConfigurationException unresolved(String property, UnresolvedPlaceholder placeholder,
			@Nullable String value, String alternative) {
		return new InvalidCoreClawConfigurationException(property,
				placeholder.describe(property) + ": " + placeholder.source() + " is not set.",
				"Set " + placeholder.source() + ((value != null) ? " to " + value : "") + ", " + alternative + ".");
	}

	private static InvalidCoreClawConfigurationException invalid(String property, String requirement, String problem,
			@Nullable Throwable cause) {
		return new InvalidCoreClawConfigurationException(property,
				property + " must be " + requirement + " but " + problem + ".", "Set " + property + " to " + requirement
						+ ", " + ALTERNATIVES.getOrDefault(property, "or remove it to use the default") + ".",
				cause);
	}

	/**
	 * Turn the names of other settings of the same type that a message mentions (such as
	 * {@code initialBackoff} in the requirement of {@code maxBackoff}) into their property keys:
	 * the settings are the type's instance fields, and only names of more than one word are
	 * looked for, so that no ordinary word of the message is taken for one.
	 */
	private static String withKeys(String text, String prefix, Class<?> settingsType) {
		String result = text;
		for (Field field : settingsType.getDeclaredFields()) {
			String name = field.getName();
			if (!Modifier.isStatic(field.getModifiers()) && !name.equals(name.toLowerCase(Locale.ROOT))) {
				result = result.replaceAll("\\b" + name + "\\b",
						Matcher.quoteReplacement(prefix + toKebabCase(name)));
			}
		}
		return result;
	}

	private static String toKebabCase(String name) {
		return CAMEL_HUMP.matcher(name).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
	}

}
