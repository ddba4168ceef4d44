/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Immutable retry settings of a {@link CoreClawClient}: how often and how long to retry,
 * and which failures count as transient.
 * <p>
 * Whatever these settings say, a request that starts a run is never repeated once it may
 * have reached CoreClaw without a definite answer (a response timeout or a broken
 * connection), because CoreClaw has no idempotency key and the run may already exist. For the
 * same reason a status answered to such a request is retried only when
 * {@link #runStartRetryableStatuses()} lists it as well as {@link #retryableStatuses()}: a
 * gateway's 502, 503 or 504 may come after CoreClaw started the run.
 * <p>
 * Settings are checked when they are built: a missing or out-of-range value throws an
 * {@link InvalidSettingException} naming it.
 *
 * @since 0.1.0
 */
public final class CoreClawRetrySettings {

	/** The statuses retried by default: 429 and 500. */
	public static final Set<Integer> DEFAULT_RETRYABLE_STATUSES = Set.of(429, 500);

	/**
	 * The statuses on which a request that starts a run may be retried by default: 429 and 500.
	 * @since 0.2.0
	 */
	public static final Set<Integer> DEFAULT_RUN_START_RETRYABLE_STATUSES = Set.of(429, 500);

	/** The codes retried by default: the rate-limit class 13000&ndash;13999. */
	public static final List<CodeRange> DEFAULT_RETRYABLE_CODES = List.of(new CodeRange(13000, 13999));

	private final int maxAttempts;

	private final Duration initialBackoff;

	private final double multiplier;

	private final Duration maxBackoff;

	private final double jitter;

	private final boolean respectRetryAfter;

	private final Duration maxRetryAfter;

	private final Set<Integer> retryableStatuses;

	private final Set<Integer> runStartRetryableStatuses;

	private final List<CodeRange> retryableCodes;

	private CoreClawRetrySettings(Builder builder) {
		this.maxAttempts = SettingChecks.atLeast("maxAttempts", builder.maxAttempts, 1);
		SettingChecks.waits("initialBackoff", builder.initialBackoff, "maxBackoff", builder.maxBackoff,
				builder.multiplier, builder.jitter);
		this.initialBackoff = Objects.requireNonNull(builder.initialBackoff);
		this.maxBackoff = Objects.requireNonNull(builder.maxBackoff);
		this.multiplier = builder.multiplier;
		this.jitter = builder.jitter;
		this.respectRetryAfter = builder.respectRetryAfter;
		this.maxRetryAfter = SettingChecks.notNegative("maxRetryAfter", builder.maxRetryAfter);
		this.retryableStatuses = statuses("retryableStatuses", builder.retryableStatuses);
		this.runStartRetryableStatuses = statuses("runStartRetryableStatuses", builder.runStartRetryableStatuses);
		for (CodeRange range : SettingChecks.present("retryableCodes", builder.retryableCodes,
				"a list of code ranges")) {
			if (range == null) {
				throw new InvalidSettingException("retryableCodes", "a list of code ranges", "it holds null");
			}
		}
		this.retryableCodes = List.copyOf(builder.retryableCodes);
	}

	private static Set<Integer> statuses(String setting, @Nullable Set<Integer> statuses) {
		for (Integer status : SettingChecks.present(setting, statuses, "a set of HTTP statuses")) {
			if (status == null || status < 100 || status > 599) {
				throw new InvalidSettingException(setting, "HTTP statuses from 100 to 599", "it holds " + status);
			}
		}
		return Set.copyOf(statuses);
	}

	/**
	 * The defaults: 4 attempts, waits from 500ms doubling up to 30s with 0.5 jitter,
	 * {@code Retry-After} honoured up to 60s, statuses 429 and 500 (run starts included), codes
	 * 13000&ndash;13999.
	 * @return the default settings
	 */
	public static CoreClawRetrySettings defaults() {
		return builder().build();
	}

	/**
	 * Start building settings from the {@link #defaults()}.
	 * @return a new builder
	 * @since 0.2.0
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding these settings, to derive others.
	 * @return a new builder
	 * @since 0.2.0
	 */
	public Builder toBuilder() {
		return new Builder().maxAttempts(this.maxAttempts)
			.initialBackoff(this.initialBackoff)
			.multiplier(this.multiplier)
			.maxBackoff(this.maxBackoff)
			.jitter(this.jitter)
			.respectRetryAfter(this.respectRetryAfter)
			.maxRetryAfter(this.maxRetryAfter)
			.retryableStatuses(this.retryableStatuses)
			.runStartRetryableStatuses(this.runStartRetryableStatuses)
			.retryableCodes(this.retryableCodes);
	}

	/**
	 * Attempts in all, counting the first.
	 * @return the number of attempts
	 */
	public int maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * Wait before the first retry.
	 * @return the wait
	 */
	public Duration initialBackoff() {
		return this.initialBackoff;
	}

	/**
	 * Factor applied to the wait after each retry.
	 * @return the factor
	 */
	public double multiplier() {
		return this.multiplier;
	}

	/**
	 * Longest wait between two attempts.
	 * @return the wait
	 */
	public Duration maxBackoff() {
		return this.maxBackoff;
	}

	/**
	 * Randomization factor of each wait, from 0 (none) to below 1.
	 * @return the factor
	 */
	public double jitter() {
		return this.jitter;
	}

	/**
	 * Whether a {@code Retry-After} header sets the least wait.
	 * @return whether it does
	 */
	public boolean respectRetryAfter() {
		return this.respectRetryAfter;
	}

	/**
	 * Longest {@code Retry-After} that is waited for; a longer one fails at once.
	 * @return the wait
	 */
	public Duration maxRetryAfter() {
		return this.maxRetryAfter;
	}

	/**
	 * HTTP statuses retried whatever the application code: on reads and idempotent calls all of
	 * them, on requests that start a run those that {@link #runStartRetryableStatuses()} lists too.
	 * @return the statuses
	 */
	public Set<Integer> retryableStatuses() {
		return this.retryableStatuses;
	}

	/**
	 * Of the {@link #retryableStatuses()}, those on which a request that starts a run is retried
	 * as well; a status only this set lists is not retried.
	 * @return the statuses
	 * @since 0.2.0
	 */
	public Set<Integer> runStartRetryableStatuses() {
		return this.runStartRetryableStatuses;
	}

	/**
	 * Application codes retried whatever the HTTP status.
	 * @return the code ranges
	 */
	public List<CodeRange> retryableCodes() {
		return this.retryableCodes;
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
		return toBuilder().maxAttempts(maxAttempts)
			.initialBackoff(initialBackoff)
			.multiplier(multiplier)
			.maxBackoff(maxBackoff)
			.jitter(jitter)
			.build();
	}

	/**
	 * Return a copy with another handling of {@code Retry-After}.
	 * @param respectRetryAfter whether a {@code Retry-After} header sets the least wait
	 * @param maxRetryAfter longest {@code Retry-After} that is waited for
	 * @return the new settings
	 */
	public CoreClawRetrySettings withRetryAfter(boolean respectRetryAfter, Duration maxRetryAfter) {
		return toBuilder().respectRetryAfter(respectRetryAfter).maxRetryAfter(maxRetryAfter).build();
	}

	/**
	 * Return a copy that retries other statuses and codes; requests that start a run keep
	 * {@link #runStartRetryableStatuses()}.
	 * @param retryableStatuses HTTP statuses retried whatever the application code
	 * @param retryableCodes application codes retried whatever the HTTP status
	 * @return the new settings
	 */
	public CoreClawRetrySettings withRetryable(Set<Integer> retryableStatuses, List<CodeRange> retryableCodes) {
		return toBuilder().retryableStatuses(retryableStatuses).retryableCodes(retryableCodes).build();
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

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof CoreClawRetrySettings that) && this.maxAttempts == that.maxAttempts
				&& this.initialBackoff.equals(that.initialBackoff)
				&& Double.compare(this.multiplier, that.multiplier) == 0 && this.maxBackoff.equals(that.maxBackoff)
				&& Double.compare(this.jitter, that.jitter) == 0 && this.respectRetryAfter == that.respectRetryAfter
				&& this.maxRetryAfter.equals(that.maxRetryAfter) && this.retryableStatuses.equals(that.retryableStatuses)
				&& this.runStartRetryableStatuses.equals(that.runStartRetryableStatuses)
				&& this.retryableCodes.equals(that.retryableCodes));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff, this.jitter,
				this.respectRetryAfter, this.maxRetryAfter, this.retryableStatuses, this.runStartRetryableStatuses,
				this.retryableCodes);
	}

	@Override
	public String toString() {
		return "CoreClawRetrySettings[maxAttempts=" + this.maxAttempts + ", initialBackoff=" + this.initialBackoff
				+ ", multiplier=" + this.multiplier + ", maxBackoff=" + this.maxBackoff + ", jitter=" + this.jitter
				+ ", respectRetryAfter=" + this.respectRetryAfter + ", maxRetryAfter=" + this.maxRetryAfter
				+ ", retryableStatuses=" + new TreeSet<>(this.retryableStatuses) + ", runStartRetryableStatuses="
				+ new TreeSet<>(this.runStartRetryableStatuses) + ", retryableCodes=" + this.retryableCodes + "]";
	}

	/**
	 * Builder of {@link CoreClawRetrySettings}, starting from the {@link #defaults()};
	 * {@link #build()} checks the values.
	 *
	 * @since 0.2.0
	 */
	public static final class Builder {

		private int maxAttempts = 4;

		private @Nullable Duration initialBackoff = Duration.ofMillis(500);

		private double multiplier = 2.0;

		private @Nullable Duration maxBackoff = Duration.ofSeconds(30);

		private double jitter = 0.5;

		private boolean respectRetryAfter = true;

		private @Nullable Duration maxRetryAfter = Duration.ofSeconds(60);

		private @Nullable Set<Integer> retryableStatuses = DEFAULT_RETRYABLE_STATUSES;

		private @Nullable Set<Integer> runStartRetryableStatuses = DEFAULT_RUN_START_RETRYABLE_STATUSES;

		private @Nullable List<CodeRange> retryableCodes = DEFAULT_RETRYABLE_CODES;

		private Builder() {
		}

		/**
		 * Set the attempts in all, counting the first; 4 by default.
		 * @param maxAttempts the number of attempts, at least 1
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Set the wait before the first retry; 500ms by default.
		 * @param initialBackoff the wait, at least 1ms
		 * @return this builder
		 */
		public Builder initialBackoff(@Nullable Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
			return this;
		}

		/**
		 * Set the factor applied to the wait after each retry; 2.0 by default.
		 * @param multiplier the factor, 1.0 or more
		 * @return this builder
		 */
		public Builder multiplier(double multiplier) {
			this.multiplier = multiplier;
			return this;
		}

		/**
		 * Set the longest wait between two attempts; 30s by default.
		 * @param maxBackoff the wait, at least the initial backoff
		 * @return this builder
		 */
		public Builder maxBackoff(@Nullable Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
			return this;
		}

		/**
		 * Set the randomization factor of each wait; 0.5 by default.
		 * @param jitter the factor, from 0 (none) to below 1
		 * @return this builder
		 */
		public Builder jitter(double jitter) {
			this.jitter = jitter;
			return this;
		}

		/**
		 * Set whether a {@code Retry-After} header sets the least wait; {@code true} by default.
		 * @param respectRetryAfter whether it does
		 * @return this builder
		 */
		public Builder respectRetryAfter(boolean respectRetryAfter) {
			this.respectRetryAfter = respectRetryAfter;
			return this;
		}

		/**
		 * Set the longest {@code Retry-After} that is waited for; 60s by default.
		 * @param maxRetryAfter the wait, 0 or more
		 * @return this builder
		 */
		public Builder maxRetryAfter(@Nullable Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
			return this;
		}

		/**
		 * Set the HTTP statuses retried whatever the application code; 429 and 500 by default.
		 * @param retryableStatuses the statuses, from 100 to 599
		 * @return this builder
		 */
		public Builder retryableStatuses(@Nullable Set<Integer> retryableStatuses) {
			this.retryableStatuses = retryableStatuses;
			return this;
		}

		/**
		 * Set which of the retryable statuses a request that starts a run is retried on; 429 and
		 * 500 by default.
		 * @param runStartRetryableStatuses the statuses, from 100 to 599
		 * @return this builder
		 */
		public Builder runStartRetryableStatuses(@Nullable Set<Integer> runStartRetryableStatuses) {
			this.runStartRetryableStatuses = runStartRetryableStatuses;
			return this;
		}

		/**
		 * Set the application codes retried whatever the HTTP status; 13000&ndash;13999 by default.
		 * @param retryableCodes the code ranges
		 * @return this builder
		 */
		public Builder retryableCodes(@Nullable List<CodeRange> retryableCodes) {
			this.retryableCodes = retryableCodes;
			return this;
		}

		/**
		 * Check the values and build the settings.
		 * @return the settings
		 * @throws InvalidSettingException naming the setting that is missing or out of range
		 */
		public CoreClawRetrySettings build() {
			return new CoreClawRetrySettings(this);
		}

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
