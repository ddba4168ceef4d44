/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Immutable retry settings of a {@link CoreClawClient}: how often and how long to retry,
 * and which failures count as transient.
 * <p>
 * Whatever these settings say, a request that starts a run is never repeated once it may
 * have reached CoreClaw without a definite answer (a response timeout or a broken
 * connection), because CoreClaw has no idempotency key and the run may already exist.
 *
 * @param maxAttempts attempts in all, counting the first
 * @param initialBackoff wait before the first retry
 * @param multiplier factor applied to the wait after each retry
 * @param maxBackoff longest wait between two attempts
 * @param jitter randomization factor of each wait, from 0 (none) to below 1
 * @param respectRetryAfter whether a {@code Retry-After} header sets the least wait
 * @param maxRetryAfter longest {@code Retry-After} that is waited for; a longer one fails at once
 * @param retryableStatuses HTTP statuses retried whatever the application code
 * @param retryableCodes application codes retried whatever the HTTP status
 * @since 0.1.0
 */
public record CoreClawRetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
		double jitter, boolean respectRetryAfter, Duration maxRetryAfter, Set<Integer> retryableStatuses,
		List<CodeRange> retryableCodes) {

	/** The statuses retried by default: 429 and 500. */
	public static final Set<Integer> DEFAULT_RETRYABLE_STATUSES = Set.of(429, 500);

	/** The codes retried by default: the rate-limit class 13000&ndash;13999. */
	public static final List<CodeRange> DEFAULT_RETRYABLE_CODES = List.of(new CodeRange(13000, 13999));

	/**
	 * Check the settings.
	 * @throws InvalidSettingException naming the setting that is missing or out of range
	 */
	public CoreClawRetrySettings {
		SettingChecks.atLeast("maxAttempts", maxAttempts, 1);
		SettingChecks.waits("initialBackoff", initialBackoff, "maxBackoff", maxBackoff, multiplier, jitter);
		SettingChecks.notNegative("maxRetryAfter", maxRetryAfter);
		for (Integer status : SettingChecks.present("retryableStatuses", retryableStatuses, "a set of HTTP statuses")) {
			if (status == null || status < 100 || status > 599) {
				throw new InvalidSettingException("retryableStatuses", "HTTP statuses from 100 to 599",
						"it holds " + status);
			}
		}
		retryableStatuses = Set.copyOf(retryableStatuses);
		for (CodeRange range : SettingChecks.present("retryableCodes", retryableCodes, "a list of code ranges")) {
			if (range == null) {
				throw new InvalidSettingException("retryableCodes", "a list of code ranges", "it holds null");
			}
		}
		retryableCodes = List.copyOf(retryableCodes);
	}

	/**
	 * The defaults: 4 attempts, waits from 500ms doubling up to 30s with 0.5 jitter,
	 * {@code Retry-After} honoured up to 60s, statuses 429 and 500, codes 13000&ndash;13999.
	 * @return the default settings
	 */
	public static CoreClawRetrySettings defaults() {
		return new CoreClawRetrySettings(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(30), 0.5, true,
				Duration.ofSeconds(60), DEFAULT_RETRYABLE_STATUSES, DEFAULT_RETRYABLE_CODES);
	}

	/**
	 * Return a copy with other attempt counts and waits.
	 * @param maxAttempts attempts in all, counting the first
	 * @param initialBackoff wait before the first retry
	 * @param multiplier factor applied to the wait after each retry
	 * @param maxBackoff longest wait between two attempts
	 * @param jitter randomization factor of each wait
	 * @return the new settings
	 */
	public CoreClawRetrySettings withBackoff(int maxAttempts, Duration initialBackoff, double multiplier,
			Duration maxBackoff, double jitter) {
		return new CoreClawRetrySettings(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter,
				this.respectRetryAfter, this.maxRetryAfter, this.retryableStatuses, this.retryableCodes);
	}

	/**
	 * Return a copy with another handling of {@code Retry-After}.
	 * @param respectRetryAfter whether a {@code Retry-After} header sets the least wait
	 * @param maxRetryAfter longest {@code Retry-After} that is waited for
	 * @return the new settings
	 */
	public CoreClawRetrySettings withRetryAfter(boolean respectRetryAfter, Duration maxRetryAfter) {
		return new CoreClawRetrySettings(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff,
				this.jitter, respectRetryAfter, maxRetryAfter, this.retryableStatuses, this.retryableCodes);
	}

	/**
	 * Return a copy that retries other statuses and codes.
	 * @param retryableStatuses HTTP statuses retried whatever the application code
	 * @param retryableCodes application codes retried whatever the HTTP status
	 * @return the new settings
	 */
	public CoreClawRetrySettings withRetryable(Set<Integer> retryableStatuses, List<CodeRange> retryableCodes) {
		return new CoreClawRetrySettings(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff,
				this.jitter, this.respectRetryAfter, this.maxRetryAfter, retryableStatuses, retryableCodes);
	}

	/**
	 * Whether an application code is one of the retryable codes.
	 * @param code the code
	 * @return whether it is in one of the ranges
	 */
	public boolean isRetryableCode(long code) {
		for (CodeRange range : this.retryableCodes) {
			if (range.contains(code)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An inclusive range of application codes, such as 13000&ndash;13999 or the single code 30003.
	 *
	 * @param from the first code of the range
	 * @param to the last code of the range
	 */
	public record CodeRange(long from, long to) {

		/**
		 * Check the range.
		 * @throws IllegalArgumentException if {@code to} is below {@code from}
		 */
		public CodeRange {
			if (to < from) {
				throw new IllegalArgumentException("code range must not end (" + to + ") before it starts (" + from + ")");
			}
		}

		/**
		 * Parse {@code 13000-13999} or {@code 30003}.
		 * @param text the range
		 * @return the range
		 * @throws IllegalArgumentException if the text is neither a code nor a range of codes
		 */
		public static CodeRange parse(String text) {
			String value = text.trim();
			int dash = value.indexOf('-', 1);
			try {
				if (dash < 0) {
					long code = Long.parseLong(value);
					return new CodeRange(code, code);
				}
				return new CodeRange(Long.parseLong(value.substring(0, dash).trim()),
						Long.parseLong(value.substring(dash + 1).trim()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"\"" + text + "\" is neither an application code (30003) nor a range of codes (13000-13999)");
			}
		}

		boolean contains(long code) {
			return code >= this.from && code <= this.to;
		}

		@Override
		public String toString() {
			return (this.from == this.to) ? Long.toString(this.from) : this.from + "-" + this.to;
		}

	}

}
