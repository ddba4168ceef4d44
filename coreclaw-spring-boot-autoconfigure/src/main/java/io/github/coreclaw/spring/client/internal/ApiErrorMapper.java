/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.coreclaw.spring.client.CoreClawApiException;
import io.github.coreclaw.spring.client.CoreClawAuthenticationException;
import io.github.coreclaw.spring.client.CoreClawConcurrencyLimitException;
import io.github.coreclaw.spring.client.CoreClawInsufficientBalanceException;
import io.github.coreclaw.spring.client.CoreClawNotFoundException;
import io.github.coreclaw.spring.client.CoreClawRateLimitedException;
import io.github.coreclaw.spring.client.CoreClawValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Maps a CoreClaw error reply (HTTP status, application code, envelope) to the exception
 * callers branch on; the one place where status codes and application codes get a meaning.
 */
public final class ApiErrorMapper {

	private static final int EXCERPT_LENGTH = 200;

	private static final int VALUE_LENGTH = 200;

	private ApiErrorMapper() {
	}

	/**
	 * The kinds of error callers branch on.
	 */
	public enum Kind {

		/** HTTP 429 or a code from 13000 to 13999. */
		RATE_LIMITED,

		/** HTTP 401 or 403, or code 12001 or 12002. */
		AUTHENTICATION,

		/** HTTP 404, or code 11004, 50001, 50003, 60001 or 70001. */
		NOT_FOUND,

		/** HTTP 400 or 422, or code 11000. */
		VALIDATION,

		/** Code 30003: the plan's limit of runs at once is reached; no run was created. */
		CONCURRENCY_LIMITED,

		/** Code 30001: the account balance is insufficient. */
		INSUFFICIENT_BALANCE,

		/** Anything else. */
		OTHER

	}

	/**
	 * Classify an error, by its application code first and by its HTTP status when the code
	 * says nothing more specific.
	 * @param httpStatus the HTTP status
	 * @param code the application code, {@link CoreClawApiException#NO_CODE} if none
	 * @return the kind of error
	 */
	public static Kind classify(int httpStatus, long code) {
		if (code >= 13000 && code <= 13999) {
			return Kind.RATE_LIMITED;
		}
		if (code == 12001 || code == 12002) {
			return Kind.AUTHENTICATION;
		}
		if (code == 11004 || code == 50001 || code == 50003 || code == 60001 || code == 70001) {
			return Kind.NOT_FOUND;
		}
		if (code == 11000) {
			return Kind.VALIDATION;
		}
		if (code == 30003) {
			return Kind.CONCURRENCY_LIMITED;
		}
		if (code == 30001) {
			return Kind.INSUFFICIENT_BALANCE;
		}
		return switch (httpStatus) {
			case 429 -> Kind.RATE_LIMITED;
			case 401, 403 -> Kind.AUTHENTICATION;
			case 404 -> Kind.NOT_FOUND;
			case 400, 422 -> Kind.VALIDATION;
			default -> Kind.OTHER;
		};
	}

	/**
	 * Create the exception for an error envelope.
	 * @param operation the request, for example {@code POST /api/v2/worker-tasks/t1/runs}
	 * @param httpStatus the HTTP status
	 * @param envelope the decoded envelope
	 * @param retryAfter the {@code Retry-After} wait, if the response had one
	 * @return the exception
	 */
	public static CoreClawApiException fromEnvelope(String operation, int httpStatus, Envelope<?> envelope,
			@Nullable Duration retryAfter) {
		long code = (envelope.code() != null) ? envelope.code() : CoreClawApiException.NO_CODE;
		List<String> details = envelope.detailTexts();
		StringBuilder message = new StringBuilder("CoreClaw rejected ").append(operation)
			.append(": HTTP ")
			.append(httpStatus);
		if (code != CoreClawApiException.NO_CODE) {
			message.append(", code ").append(code);
		}
		if (envelope.message() != null && !envelope.message().isEmpty()) {
			message.append(' ').append(Identifiers.quote(envelope.message()));
		}
		if (envelope.requestId() != null) {
			message.append(" (request_id ").append(escape(envelope.requestId())).append(')');
		}
		if (!details.isEmpty()) {
			message.append(", details ").append(details.stream().map(ApiErrorMapper::escape).toList());
		}
		return create(message, httpStatus, code, envelope.message(), envelope.requestId(), details, retryAfter);
	}

	/**
	 * Create the exception for a reply whose body is not a CoreClaw envelope, such as a
	 * proxy's HTML error page or an empty body. CoreClaw answers an unknown identifier with an
	 * envelope, so a 404 without one says the request did not reach CoreClaw's API, not that
	 * an identifier is wrong.
	 * @param operation the request, for example {@code POST /api/v2/worker-tasks/t1/runs}
	 * @param httpStatus the HTTP status
	 * @param body the raw body
	 * @param retryAfter the {@code Retry-After} wait, if the response had one
	 * @return the exception
	 */
	public static CoreClawApiException fromUnreadableBody(String operation, int httpStatus, byte[] body,
			@Nullable Duration retryAfter) {
		if (httpStatus == 404) {
			String message = operation + " was answered with HTTP 404 and a body that is not a CoreClaw JSON envelope: "
					+ excerpt(body) + ". The reply is not CoreClaw's, which answers an unknown identifier with a JSON "
					+ "error: check coreclaw.base-url and any proxy in between or, against a simulator or stub server, "
					+ "that it stubs this request.";
			return new CoreClawNotFoundException(message, httpStatus, CoreClawApiException.NO_CODE, null, null,
					List.of());
		}
		StringBuilder message = new StringBuilder();
		if (httpStatus >= 200 && httpStatus < 300) {
			message.append("CoreClaw answered ").append(operation).append(" with HTTP ").append(httpStatus);
		}
		else {
			message.append("CoreClaw rejected ").append(operation).append(": HTTP ").append(httpStatus);
		}
		message.append(" and a body that is not a CoreClaw JSON envelope: ").append(excerpt(body));
		return create(message, httpStatus, CoreClawApiException.NO_CODE, null, null, List.of(), retryAfter);
	}

	/**
	 * Escape a value read from a reply (a {@code request_id}, a detail) for an exception message
	 * or a log line: control characters and line separators are escaped as {@link Identifiers#quote}
	 * escapes them, and the value is cut after 200 characters.
	 * @param value the value, may be {@code null}
	 * @return the escaped value, {@code "null"} for {@code null}
	 */
	public static String escape(@Nullable String value) {
		return (value != null) ? Identifiers.escape(value, VALUE_LENGTH) : "null";
	}

	private static CoreClawApiException create(StringBuilder message, int httpStatus, long code,
			@Nullable String apiMessage, @Nullable String requestId, List<String> details,
			@Nullable Duration retryAfter) {
		return switch (classify(httpStatus, code)) {
			case RATE_LIMITED -> {
				message.append((retryAfter != null)
						? ". CoreClaw asked to wait " + Durations.format(retryAfter) + " before the next request."
						: ". Slow down and retry later with backoff.");
				yield new CoreClawRateLimitedException(message.toString(), httpStatus, code, apiMessage, requestId,
						details, retryAfter);
			}
			case AUTHENTICATION -> new CoreClawAuthenticationException(
					message.append(". Check the API key (coreclaw.api-key) and how it is sent (coreclaw.auth-scheme).")
						.toString(),
					httpStatus, code, apiMessage, requestId, details);
			case NOT_FOUND -> new CoreClawNotFoundException(
					message.append(". Check the identifier in the request path.").toString(), httpStatus, code,
					apiMessage, requestId, details);
			case VALIDATION -> new CoreClawValidationException(message.toString(), httpStatus, code, apiMessage,
					requestId, details);
			case CONCURRENCY_LIMITED -> new CoreClawConcurrencyLimitException(message.append(
					". No run was started: wait for running runs to finish, use the run queue, or retry code 30003 "
							+ "(coreclaw.retry.retryable-codes).")
				.toString(), httpStatus, code, apiMessage, requestId, details);
			case INSUFFICIENT_BALANCE -> new CoreClawInsufficientBalanceException(
					message.append(". Top up the CoreClaw account's balance.").toString(), httpStatus, code, apiMessage,
					requestId, details);
			case OTHER -> new CoreClawApiException(message.toString(), httpStatus, code, apiMessage, requestId, details);
		};
	}

	private static String excerpt(byte[] body) {
		if (body.length == 0) {
			return "(empty body)";
		}
		int length = Math.min(body.length, EXCERPT_LENGTH * 4);
		String text = new String(body, 0, length, StandardCharsets.UTF_8).strip();
		StringBuilder result = new StringBuilder("\"");
		int count = 0;
		for (int i = 0; i < text.length() && count < EXCERPT_LENGTH; i++, count++) {
			char c = text.charAt(i);
			result.append(Character.isISOControl(c) ? ' ' : c);
		}
		if (count < text.length() || length < body.length) {
			result.append("...");
		}
		return result.append('"').toString();
	}

}
