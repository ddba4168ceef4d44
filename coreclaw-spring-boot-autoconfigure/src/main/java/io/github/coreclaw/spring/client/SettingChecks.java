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
 * The checks the settings records make of their components, each throwing an
 * {@link InvalidSettingException} that names the component.
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

	private static String was(@Nullable Duration value) {
		return (value != null) ? "was " + Durations.format(value) : "is not set";
	}

}
