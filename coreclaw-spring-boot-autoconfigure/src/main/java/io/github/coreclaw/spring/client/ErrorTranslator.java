/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.coreclaw.spring.client.internal.Durations;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Turns what went wrong on the way to CoreClaw and back (timeouts, refused or broken
 * connections, redirects) into {@link CoreClawException}s that say whether the request was sent
 * and what that means for the operation; error replies are mapped by
 * {@link io.github.coreclaw.spring.client.internal.ApiErrorMapper}.
 */
final class ErrorTranslator {

	private final String baseUrl;

	ErrorTranslator(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * The exception for a call whose response timeout fired.
	 * @param call the call
	 * @param timeout the timeout that fired
	 * @param written whether the request had been written
	 * @return the exception
	 */
	CoreClawTimeoutException timeout(Call<?, ?> call, Duration timeout, boolean written) {
		String property = call.endpoint().syncRun() ? "coreclaw.sync-response-timeout" : "coreclaw.response-timeout";
		if (!written) {
			return new CoreClawTimeoutException("No connection to CoreClaw for " + call.operation() + " within "
					+ Durations.format(timeout) + " (" + property + "). The request was not sent.", timeout, false,
					false);
		}
		RetryClass retryClass = call.endpoint().retryClass();
		return new CoreClawTimeoutException("No response from CoreClaw to " + call.operation() + " within "
				+ Durations.format(timeout) + " (" + property + ")." + consequence(retryClass), timeout, true,
				retryClass == RetryClass.STARTS_RUN);
	}

	/**
	 * The exception for any other failure of the exchange.
	 * @param call the call
	 * @param ex the failure
	 * @param written whether the request had been written
	 * @return the exception
	 */
	CoreClawException translate(Call<?, ?> call, Throwable ex, boolean written) {
		Throwable cause = rootCause(ex);
		if (ex instanceof WebClientRequestException && cause instanceof IllegalArgumentException
				&& !(ex.getCause() instanceof IOException)) {
			// The connector refused the request as it was being prepared (a header value with a
			// line break, which Netty refuses as the headers are set): nothing reached the network.
			// Only a request-phase failure with no I/O on its way counts, so that nothing that may
			// have reached CoreClaw is ever called unsent.
			return new CoreClawConnectionException("The request for " + call.operation() + " was refused before it "
					+ "was sent: " + cause.getMessage() + ". The request was not sent; check the headers that the "
					+ "client's settings (coreclaw.api-key) and the application's exchange filters add.", false, false,
					ex);
		}
		if (ex instanceof WebClientRequestException && isPoolExhausted(cause)) {
			return new CoreClawConnectionException("No connection to CoreClaw became free for " + call.operation()
					+ " (" + cause.getMessage() + "). The request was not sent and is safe to retry; for large "
					+ "fan-outs raise coreclaw.pool.max-connections or coreclaw.pool.pending-acquire-timeout, or "
					+ "limit the concurrency of your own calls.", false, false, ex);
		}
		if ((ex instanceof WebClientRequestException || cause instanceof IOException) && !written) {
			return new CoreClawConnectionException("Could not connect to CoreClaw at " + this.baseUrl + " for "
					+ call.operation() + ": " + cause.getMessage() + ". The request was not sent.", false, false, ex);
		}
		if (ex instanceof WebClientRequestException || cause instanceof IOException) {
			RetryClass retryClass = call.endpoint().retryClass();
			return new CoreClawConnectionException("The connection to CoreClaw at " + this.baseUrl + " failed during "
					+ call.operation() + " before a complete response arrived: " + cause + "."
					+ consequence(retryClass), true, retryClass == RetryClass.STARTS_RUN, ex);
		}
		return new CoreClawException("Could not complete " + call.operation() + ": " + ex, ex);
	}

	/**
	 * The exception for a reply larger than the WebClient's codecs may buffer.
	 * @param call the call
	 * @param status the HTTP status of the reply
	 * @param ex the codecs' failure
	 * @return the exception
	 */
	CoreClawResponseTooLargeException tooLarge(Call<?, ?> call, int status, DataBufferLimitException ex) {
		boolean runCreated = call.endpoint().retryClass() == RetryClass.STARTS_RUN && status >= 200 && status < 300;
		String consequence = runCreated ? " CoreClaw answered HTTP " + status + ", so the run was created: look at "
				+ "the recent runs rather than starting it again."
				: (status >= 200 && status < 300) ? consequence(call.endpoint().retryClass()) : "";
		return new CoreClawResponseTooLargeException("CoreClaw's reply to " + call.operation() + " (HTTP " + status
				+ ") is larger than the WebClient's codecs may buffer (" + ex.getMessage() + "). Raise "
				+ "spring.http.codecs.max-in-memory-size (or set the codecs' limit in a CoreClawWebClientCustomizer), "
				+ "or ask for smaller pages." + consequence, status,
				(status >= 200 && status < 300) && call.endpoint().retryClass() != RetryClass.READ, runCreated, ex);
	}

	/**
	 * The exception for a redirect, which the client never follows: the API key must not travel
	 * to wherever CoreClaw (or something in between) points.
	 * @param call the call
	 * @param status the 3xx status
	 * @param location the {@code Location} header, {@code null} if none
	 * @return the exception
	 */
	CoreClawApiException redirect(Call<?, ?> call, int status, @Nullable String location) {
		String target;
		try {
			URI uri = (location != null) ? URI.create(location.trim()) : null;
			target = (uri == null) ? "nowhere (no Location header)"
					: (uri.getHost() != null) ? "host " + uri.getHost() : "another path on the same host";
		}
		catch (IllegalArgumentException ex) {
			target = "an unreadable Location";
		}
		return new CoreClawApiException("CoreClaw answered " + call.operation() + " with a redirect (HTTP " + status
				+ ") to " + target + ". The client never follows redirects, so that the API key is not sent to "
				+ "another address: check coreclaw.base-url (it must be the API's own URL, " + this.baseUrl
				+ " now).", status, CoreClawApiException.NO_CODE, null, null, List.of());
	}

	private static String consequence(RetryClass retryClass) {
		return switch (retryClass) {
			case STARTS_RUN -> " The run may have been created: look at the recent runs before starting it again.";
			case NON_IDEMPOTENT -> " CoreClaw may have carried it out: check before repeating it.";
			case READ, IDEMPOTENT -> "";
		};
	}

	/** Reactor Netty's pool (a shaded reactor-pool) gave up waiting for a connection. */
	private static boolean isPoolExhausted(Throwable cause) {
		String name = cause.getClass().getSimpleName();
		return name.equals("PoolAcquireTimeoutException") || name.equals("PoolAcquirePendingLimitException");
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
