/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * CoreClaw answered, but with an error: an HTTP error status, a non-zero application
 * {@code code}, or a body that is not a CoreClaw JSON envelope.
 *
 * @since 0.1.0
 */
public class CoreClawApiException extends CoreClawException {

	/** Value of {@link #getCode()} when the response carried no application code. */
	public static final long NO_CODE = -1;

	private final int httpStatus;

	private final long code;

	private final @Nullable String apiMessage;

	private final @Nullable String requestId;

	private final List<String> details;

	/**
	 * Create an exception.
	 * @param message the full message
	 * @param httpStatus the HTTP status of the response
	 * @param code the application code of the envelope, {@link #NO_CODE} if there was none
	 * @param apiMessage the {@code message} of the envelope, if any
	 * @param requestId the {@code request_id} of the envelope, if any
	 * @param details the {@code details} of the envelope, empty if none
	 */
	public CoreClawApiException(String message, int httpStatus, long code, @Nullable String apiMessage,
			@Nullable String requestId, List<String> details) {
		super(message);
		this.httpStatus = httpStatus;
		this.code = code;
		this.apiMessage = apiMessage;
		this.requestId = requestId;
		this.details = List.copyOf(details);
	}

	/**
	 * HTTP status of the response.
	 * @return the status code, for example 404
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Application code of the response envelope (for example 60001 "task does not exist").
	 * @return the code, or {@link #NO_CODE} if the body was not an envelope
	 */
	public long getCode() {
		return this.code;
	}

	/**
	 * The {@code message} CoreClaw sent with the code.
	 * @return the message, or {@code null} if there was none
	 */
	public @Nullable String getApiMessage() {
		return this.apiMessage;
	}

	/**
	 * The {@code request_id} CoreClaw sent, to quote when asking CoreClaw support.
	 * @return the request id, or {@code null} if there was none
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * The {@code details} CoreClaw sent, for example the fields that failed validation.
	 * @return the details, empty if there were none
	 */
	public List<String> getDetails() {
		return this.details;
	}

}
