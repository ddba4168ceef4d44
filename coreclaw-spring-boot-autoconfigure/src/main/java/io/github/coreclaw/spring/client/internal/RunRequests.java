/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.net.URI;

import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.RunOptions;
import org.jspecify.annotations.Nullable;

/**
 * Builds what run requests send: the body of run and rerun requests, and the page parameter of
 * result requests.
 */
public final class RunRequests {

	private RunRequests() {
	}

	/**
	 * The {@code offset} that asks for the given page of a run's results.
	 * <p>
	 * CoreClaw has changed what {@code offset} means more than once in 2026 (a row offset, a
	 * zero-based and a one-based page number); since 2026-08-06 it is the one-based page number.
	 * This is the one place that rule lives.
	 * @param page the page number, from 1
	 * @return the offset to send
	 */
	public static int offsetOfPage(int page) {
		return page;
	}

	/**
	 * The body of a run or rerun request, holding only the fields that are set.
	 * @param settings the client settings, for the default callback URL and result limit
	 * @param receiverUrl the callback receiver's own URL, if the application has one
	 * @param options the run options
	 * @param async whether the run is asynchronous
	 * @return the body
	 * @throws IllegalArgumentException if the options are {@code null}, ask for a receiver the
	 * application does not have, or name a callback URL holding the API key
	 */
	public static RunRequest body(CoreClawClientSettings settings, @Nullable URI receiverUrl,
			@Nullable RunOptions options, boolean async) {
		if (options == null) {
			throw new IllegalArgumentException("options must not be null; use RunOptions.defaults()");
		}
		URI callbackUrl = options.callbackUrl();
		if (options.callbackToReceiver()) {
			if (receiverUrl == null) {
				throw new IllegalArgumentException("callbackToReceiver() needs the callback receiver: set "
						+ "coreclaw.callback.enabled=true and coreclaw.callback.public-base-url");
			}
			callbackUrl = receiverUrl;
		}
		if (callbackUrl == null) {
			callbackUrl = settings.defaultCallbackUrl();
		}
		if (callbackUrl != null && Identifiers.containsApiKey(callbackUrl, settings.apiKey())) {
			throw new IllegalArgumentException("callbackUrl must not contain the CoreClaw API key: CoreClaw would "
					+ "send it to the callback receiver; authenticate callbacks with a secret path or parameter of "
					+ "your own");
		}
		Integer limit = (options.limit() != null || async) ? options.limit()
				: Integer.valueOf(settings.defaultResultLimit());
		return new RunRequest((callbackUrl != null) ? callbackUrl.toString() : null, async, limit, options.offset());
	}


}
