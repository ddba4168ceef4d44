/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * CoreClaw refused to start a run because the plan's limit of runs at once is reached (code 30003);
 * CoreClaw documents that no run was created, so the request is safe to repeat later.
 *
 * @since 0.1.0
 */
public class CoreClawConcurrencyLimitException extends CoreClawApiException {

	/**
	 * Create an exception.
	 * @param message the full message
	 * @param httpStatus the HTTP status of the response
	 * @param code the application code of the envelope, {@link #NO_CODE} if there was none
	 * @param apiMessage the {@code message} of the envelope, if any
	 * @param requestId the {@code request_id} of the envelope, if any
	 * @param details the {@code details} of the envelope, empty if none
	 */
	public CoreClawConcurrencyLimitException(String message, int httpStatus, long code, @Nullable String apiMessage,
			@Nullable String requestId, List<String> details) {
		super(message, httpStatus, code, apiMessage, requestId, details);
	}

}
