/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * CoreClaw asked the caller to slow down: HTTP 429, or an application code from 13000 to
 * 13999 whatever the HTTP status.
 *
 * @since 0.1.0
 */
public class CoreClawRateLimitedException extends CoreClawApiException {

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception.
	 * @param message the full message
	 * @param httpStatus the HTTP status of the response
	 * @param code the application code of the envelope, {@link #NO_CODE} if there was none
	 * @param apiMessage the {@code message} of the envelope, if any
	 * @param requestId the {@code request_id} of the envelope, if any
	 * @param details the {@code details} of the envelope, empty if none
	 * @param retryAfter how long CoreClaw asked to wait ({@code Retry-After}), if it said
	 */
	public CoreClawRateLimitedException(String message, int httpStatus, long code, @Nullable String apiMessage,
			@Nullable String requestId, List<String> details, @Nullable Duration retryAfter) {
		super(message, httpStatus, code, apiMessage, requestId, details);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long CoreClaw asked to wait before the next request, from its {@code Retry-After} header.
	 * @return the wait, empty if CoreClaw did not say
	 */
	public Optional<Duration> getRetryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
