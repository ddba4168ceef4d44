/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;

import io.github.coreclaw.spring.client.internal.Durations;
import io.github.coreclaw.spring.client.internal.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * The checks the settings types make of their values, each throwing an
 * {@link InvalidSettingException} that names the setting.
 */
final class SettingChecks {

	private SettingChecks() {
	}

	static <T> T present(String setting, @Nullable T value, String requirement) {
		if (value == null) {
			throw new InvalidSettingException(setting, requirement, "is not set");
		}
		return value;
	}

	static Duration positive(String setting, @Nullable Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidSettingException(setting, "a positive duration", was(value));
		}
		return value;
	}

	static Duration notNegative(String setting, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			throw new InvalidSettingException(setting, "a duration of 0 or more", was(value));
		}
		return value;
	}

	/**
	 * Check waits that start at an initial duration and grow by a multiplier, with jitter, up
	 * to a maximum: the shape retry backoff and run polling share.
	 */
	static void waits(String initialSetting, @Nullable Duration initial, String maxSetting, @Nullable Duration max,
			double multiplier, double jitter) {
		if (initial == null || initial.toMillis() < 1) {
			throw new InvalidSettingException(initialSetting, "a duration of at least 1ms", was(initial));
		}
		Duration first = initial;
		if (max == null || max.compareTo(first) < 0) {
			throw new InvalidSettingException(maxSetting,
					"a duration of at least " + initialSetting + " (" + Durations.format(first) + ")", was(max));
		}
		if (!(multiplier >= 1.0)) {
			throw new InvalidSettingException("multiplier", "a factor of 1.0 or more",
					"was " + multiplier);
		}
		if (!(jitter >= 0.0 && jitter < 1.0)) {
			throw new InvalidSettingException("jitter", "a randomization factor from 0 (none) to below 1",
					"was " + jitter);
		}
	}

	static int between(String setting, int value, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidSettingException(setting, "from " + min + " to " + max, "was " + value);
		}
		return value;
	}

	static int atLeast(String setting, int value, int min) {
		if (value < min) {
			throw new InvalidSettingException(setting, "at least " + min, "was " + value);
		}
		return value;
	}

	/**
	 * Check that an API key can be sent as it is in a header or a query parameter, without
	 * echoing it: a {@code Bearer } prefix, whitespace (a line break at the end of a key read from
	 * a file), control characters or characters outside printable ASCII are refused here rather
	 * than by the HTTP client at the first request, or by CoreClaw as a wrong key.
	 */
	static String apiKey(String setting, @Nullable String key) {
		String requirement = "a CoreClaw API key";
		if (key == null) {
			throw new InvalidSettingException(setting, requirement, "is not set");
		}
		if (key.isBlank()) {
			throw new InvalidSettingException(setting, requirement, "it is blank");
		}
		String start = key.strip();
		if (start.regionMatches(true, 0, "Bearer", 0, 6) && start.length() > 6
				&& Character.isWhitespace(start.charAt(6))) {
			throw new InvalidSettingException(setting, requirement + " without the \"Bearer \" prefix",
					"it starts with \"Bearer \", which the client adds itself");
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x21 || c > 0x7e) {
				String where = (i == key.length() - 1) ? "at its end" : (i == 0) ? "at its start"
						: "at character " + (i + 1);
				throw new InvalidSettingException(setting, requirement + " of printable ASCII characters only",
						"it holds " + describeKeyCharacter(c) + " " + where);
			}
		}
		return key;
	}

	private static String describeKeyCharacter(char c) {
		String code = String.format("\\u%04x", (int) c);
		return switch (c) {
			case '\n' -> "a line break (\\n)";
			case '\r' -> "a carriage return (\\r)";
			case '\t' -> "a tab";
			case ' ' -> "a space";
			default -> (Character.isWhitespace(c) || Character.isSpaceChar(c)) ? "whitespace (" + code + ")"
					: Character.isISOControl(c) ? "a control character (" + code + ")"
							: "a character outside printable ASCII (" + code + ")";
		};
	}

	/**
	 * Check that a URL is an absolute http or https URL with a host, without echoing it.
	 */
	static URI absoluteHttp(String setting, @Nullable URI url) {
		String requirement = "an absolute http or https URL with a host";
		String problem = Identifiers.absoluteHttpProblem(present(setting, url, requirement));
		if (problem != null) {
			throw new InvalidSettingException(setting, requirement, problem);
		}
		return url;
	}

	/**
	 * Refuse a URL with user info (credentials), without echoing it.
	 * @param setting the name of the setting
	 * @param url the URL
	 * @return the URL
	 */
	static URI withoutUserInfo(String setting, URI url) {
		if (url.getRawUserInfo() != null) {
			throw new InvalidSettingException(setting, "a URL without user info (the API key goes in its own setting)",
					"it holds user info, which would be printed wherever the URL is");
		}
		return url;
	}

	private static String was(@Nullable Duration value) {
		return (value != null) ? "was " + Durations.format(value) : "is not set";
	}

}
