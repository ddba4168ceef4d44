/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.github.coreclaw.spring.client.CoreClawApiException;
import io.github.coreclaw.spring.client.CoreClawConnectionException;
import io.github.coreclaw.spring.client.CoreClawRateLimitedException;
import io.github.coreclaw.spring.client.CoreClawRetrySettings;
import io.github.coreclaw.spring.client.CoreClawTimeoutException;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.jspecify.annotations.Nullable;

/**
 * Which CoreClaw failures are retried and how long to wait before the next attempt: the
 * exception predicate and interval function of the client's Resilience4j
 * {@link RetryConfig}, and the narrower filter of requests that start a run
 * ({@link #runStartFilter}).
 */
public final class RetryPolicy implements Predicate<Throwable> {

	/** Configurations built here, whose predicate is known to keep run requests safe, with their policy. */
	private static final Map<RetryConfig, RetryPolicy> OWN_CONFIGS = Collections.synchronizedMap(new WeakHashMap<>());

	private final CoreClawRetrySettings settings;

	private RetryPolicy(CoreClawRetrySettings settings) {
		this.settings = settings;
	}

	/**
	 * Create the Resilience4j configuration of the given settings.
	 * @param settings the retry settings
	 * @return the configuration
	 */
	public static RetryConfig toRetryConfig(CoreClawRetrySettings settings) {
		RetryPolicy policy = new RetryPolicy(settings);
		RetryConfig config = RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.retryOnException(policy)
			.intervalBiFunction(policy::waitMillis)
			.build();
		OWN_CONFIGS.put(config, policy);
		return config;
	}

	/**
	 * Whether a configuration was built by {@link #toRetryConfig}, so that its predicate never
	 * repeats a run request that may have started a run.
	 * @param config the configuration of a Retry
	 * @return whether it is one of the client's own
	 */
	public static boolean isOwn(RetryConfig config) {
		return OWN_CONFIGS.containsKey(config);
	}

	/**
	 * Which failures of a request that starts a run the client's own retry may see, on top of
	 * its predicate: an error reply only when its status is one of the settings'
	 * {@link CoreClawRetrySettings#runStartRetryableStatuses() run-start statuses} (or its code a
	 * retryable code), so that a status added to the retryable statuses alone (a gateway's 502,
	 * 503 or 504, which may come after CoreClaw started the run) is retried on reads and
	 * idempotent calls only. Timeouts and broken connections are left to the predicate, which
	 * never repeats one that may have started a run.
	 * @param retry the client's retry, {@code null} for none
	 * @return the filter, {@code null} when the retry is not one built by {@link #toRetryConfig}
	 */
	public static @Nullable Predicate<Throwable> runStartFilter(@Nullable Retry retry) {
		RetryPolicy policy = (retry != null) ? OWN_CONFIGS.get(retry.getRetryConfig()) : null;
		return (policy != null) ? policy::mayRetryRunStart : null;
	}

	/**
	 * Whether a failure leaves open whether CoreClaw started a run, so that repeating the
	 * request could start a second one.
	 * @param failure the failure
	 * @return {@code true} for a timeout or broken connection of a request that starts a run
	 */
	public static boolean runMayExist(Throwable failure) {
		return (failure instanceof CoreClawTimeoutException timeout && timeout.isRunMayExist())
				|| (failure instanceof CoreClawConnectionException connection && connection.isRunMayExist());
	}

	/**
	 * Whether a failure of a request that starts a run shows that no run was started: the
	 * request was never sent, or CoreClaw refused it for rate limiting or the plan's concurrency
	 * limit (code 30003, documented as creating no run).
	 * @param failure the failure
	 * @return {@code true} if repeating the request cannot start a second run
	 */
	public static boolean runCertainlyNotStarted(Throwable failure) {
		return certainlyNotExecuted(failure);
	}

	/**
	 * Whether a failure shows that CoreClaw certainly did not carry out the request: it was never
	 * sent, or CoreClaw refused it before acting (rate limited, plan concurrency limit).
	 * @param failure the failure
	 * @return {@code true} if repeating the request cannot do anything twice
	 */
	public static boolean certainlyNotExecuted(Throwable failure) {
		if (failure instanceof CoreClawConnectionException connection) {
			return !connection.isRequestSent();
		}
		if (failure instanceof CoreClawTimeoutException timeout) {
			return !timeout.isRequestSent();
		}
		if (failure instanceof CoreClawApiException api) {
			ApiErrorMapper.Kind kind = ApiErrorMapper.classify(api.getHttpStatus(), api.getCode());
			return kind == ApiErrorMapper.Kind.RATE_LIMITED || kind == ApiErrorMapper.Kind.CONCURRENCY_LIMITED;
		}
		return false;
	}

	/**
	 * Whether a failure may pass off by itself, so that repeating a read can help: anything but
	 * CoreClaw's refusals that hold however often the request is repeated (authentication, not
	 * found, invalid argument, insufficient balance).
	 * @param failure the failure
	 * @return {@code false} for such a refusal
	 */
	public static boolean mayPassOff(Throwable failure) {
		if (failure instanceof CoreClawApiException api) {
			ApiErrorMapper.Kind kind = ApiErrorMapper.classify(api.getHttpStatus(), api.getCode());
			return kind != ApiErrorMapper.Kind.AUTHENTICATION && kind != ApiErrorMapper.Kind.NOT_FOUND
					&& kind != ApiErrorMapper.Kind.VALIDATION && kind != ApiErrorMapper.Kind.INSUFFICIENT_BALANCE;
		}
		return true;
	}

	@Override
	public boolean test(Throwable failure) {
		if (failure instanceof CoreClawApiException api) {
			return isRetryable(api);
		}
		if (failure instanceof CoreClawConnectionException || failure instanceof CoreClawTimeoutException) {
			return !runMayExist(failure);
		}
		return false;
	}

	private boolean mayRetryRunStart(Throwable failure) {
		if (!(failure instanceof CoreClawApiException api)) {
			return true;
		}
		return isRetryableCode(api.getCode()) || this.settings.runStartRetryableStatuses().contains(api.getHttpStatus());
	}

	private boolean isRetryableCode(long code) {
		return code != CoreClawApiException.NO_CODE && code != 0 && this.settings.isRetryableCode(code);
	}

	private boolean isRetryable(CoreClawApiException failure) {
		if (failure instanceof CoreClawRateLimitedException rateLimited && this.settings.respectRetryAfter()
				&& rateLimited.getRetryAfter().filter((wait) -> wait.compareTo(this.settings.maxRetryAfter()) > 0).isPresent()) {
			return false;
		}
		int status = failure.getHttpStatus();
		long code = failure.getCode();
		// A configured code is retried whatever the HTTP status carrying it (30003 comes with 4xx).
		if (isRetryableCode(code)) {
			return true;
		}
		ApiErrorMapper.Kind kind = ApiErrorMapper.classify(status, code);
		if (kind == ApiErrorMapper.Kind.AUTHENTICATION || kind == ApiErrorMapper.Kind.NOT_FOUND
				|| kind == ApiErrorMapper.Kind.VALIDATION || kind == ApiErrorMapper.Kind.INSUFFICIENT_BALANCE) {
			return false;
		}
		boolean success = status >= 200 && status < 300;
		return !success && this.settings.retryableStatuses().contains(status);
	}

	/**
	 * Wait before the given retry: exponential backoff with jitter, capped, and never
	 * shorter than a respected {@code Retry-After}.
	 * @param attempt the number of the attempt that failed, from 1
	 * @param outcome the failure (left) or result (right) of that attempt
	 * @return the wait in milliseconds
	 */
	long waitMillis(Integer attempt, Either<Throwable, Object> outcome) {
		double exponential = this.settings.initialBackoff().toMillis()
				* Math.pow(this.settings.multiplier(), Math.max(0, attempt - 1));
		double capped = Math.min(exponential, this.settings.maxBackoff().toMillis());
		double jitter = this.settings.jitter();
		double randomized = (jitter > 0) ? capped * (1 - jitter + 2 * jitter * ThreadLocalRandom.current().nextDouble())
				: capped;
		long wait = Math.max(1, Math.min(Math.round(randomized), this.settings.maxBackoff().toMillis()));
		if (this.settings.respectRetryAfter() && outcome.isLeft()
				&& outcome.getLeft() instanceof CoreClawRateLimitedException rateLimited) {
			long retryAfter = rateLimited.getRetryAfter().map(Duration::toMillis).orElse(0L);
			wait = Math.max(wait, retryAfter);
		}
		return wait;
	}

}
