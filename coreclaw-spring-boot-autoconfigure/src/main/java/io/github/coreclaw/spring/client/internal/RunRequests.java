/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.RunOptions;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds what run requests send: the body of run, queued run and rerun requests, and the page
 * parameter of result requests.
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
	 * The body of a run request of a worker task or of a rerun, holding only the fields that are
	 * set; neither takes a version (the task's or the run's applies).
	 * @param settings the client settings, for the default callback URL and result limit
	 * @param receiverUrl the callback receiver's own URL for one more run (with a fresh token), if
	 * the application has a receiver; asked only when the options want it
	 * @param options the run options
	 * @param async whether the run is asynchronous
	 * @return the body
	 * @throws IllegalArgumentException if the options are {@code null}, set a version, ask for a
	 * receiver the application does not have, or name a callback URL holding the API key
	 */
	public static RunRequest body(CoreClawClientSettings settings, @Nullable Supplier<URI> receiverUrl,
			@Nullable RunOptions options, boolean async) {
		RunOptions checked = checkOptions(options);
		if (checked.version() != null) {
			throw new IllegalArgumentException("options must not set a version: a worker task runs the version "
					+ "saved with it and a rerun the version of its run; only runs of a Worker take one");
		}
		return new RunRequest(callbackUrl(settings, receiverUrl, checked), async, limit(settings, checked, async),
				checked.offset(), null, null);
	}

	/**
	 * The body of a run request of a Worker: that of {@link #body} with the version and input.
	 * @param settings the client settings, for the default callback URL and result limit
	 * @param receiverUrl the callback receiver's own URL for one more run (with a fresh token), if
	 * the application has a receiver; asked only when the options want it
	 * @param options the run options
	 * @param async whether the run is asynchronous
	 * @param input the input from {@link #input}, {@code null} for none
	 * @return the body
	 * @throws IllegalArgumentException if the options are {@code null}, ask for a receiver the
	 * application does not have, or name a callback URL holding the API key
	 */
	public static RunRequest workerRunBody(CoreClawClientSettings settings, @Nullable Supplier<URI> receiverUrl,
			@Nullable RunOptions options, boolean async, @Nullable JsonNode input) {
		RunOptions checked = checkOptions(options);
		return new RunRequest(callbackUrl(settings, receiverUrl, checked), async, limit(settings, checked, async),
				checked.offset(), checked.version(), input);
	}

	/**
	 * The body of a queued run request of a Worker: only the callback URL, version and input, as
	 * CoreClaw ignores {@code is_async}, {@code limit} and {@code offset} there.
	 * @param settings the client settings, for the default callback URL
	 * @param receiverUrl the callback receiver's own URL for one more run (with a fresh token), if
	 * the application has a receiver; asked only when the options want it
	 * @param options the run options
	 * @param input the input from {@link #input}, {@code null} for none
	 * @return the body
	 * @throws IllegalArgumentException if the options are {@code null}, set a limit or offset, ask
	 * for a receiver the application does not have, or name a callback URL holding the API key
	 */
	public static RunRequest queuedRunBody(CoreClawClientSettings settings, @Nullable Supplier<URI> receiverUrl,
			@Nullable RunOptions options, @Nullable JsonNode input) {
		RunOptions checked = checkOptions(options);
		if (checked.limit() != null || checked.offset() != null) {
			throw new IllegalArgumentException("options must not set a limit or offset: a queued run returns no "
					+ "result rows (CoreClaw ignores both there)");
		}
		return new RunRequest(callbackUrl(settings, receiverUrl, checked), null, null, null, checked.version(), input);
	}

	/**
	 * The input of a Worker run as a JSON object, written by the application's mapper.
	 * @param mapper the application's mapper
	 * @param input a value the mapper writes as a JSON object (a {@code Map}, a record, an
	 * {@code ObjectNode}, a {@code WorkerInput}), or {@code null} for none
	 * @return the JSON object, {@code null} for none
	 * @throws IllegalArgumentException if the mapper cannot write the value or writes it as
	 * something else than a JSON object
	 */
	public static @Nullable JsonNode input(ObjectMapper mapper, @Nullable Object input) {
		if (input == null) {
			return null;
		}
		JsonNode node;
		try {
			node = mapper.valueToTree(input);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("input of type " + input.getClass().getName()
					+ " could not be written as JSON: " + ex.getOriginalMessage(), ex);
		}
		if (node == null || !node.isObject()) {
			String written = (node != null) ? node.getNodeType().name().toLowerCase(Locale.ROOT) : "nothing";
			throw new IllegalArgumentException("input must be written as a JSON object (a Map, a record, an "
					+ "ObjectNode or a WorkerInput) but " + input.getClass().getName() + " was written as a JSON "
					+ written);
		}
		return node;
	}

	private static RunOptions checkOptions(@Nullable RunOptions options) {
		if (options == null) {
			throw new IllegalArgumentException("options must not be null; use RunOptions.defaults()");
		}
		return options;
	}

	private static @Nullable String callbackUrl(CoreClawClientSettings settings, @Nullable Supplier<URI> receiverUrl,
			RunOptions options) {
		URI callbackUrl = options.callbackUrl();
		if (options.callbackToReceiver()) {
			if (receiverUrl == null) {
				throw new IllegalArgumentException("callbackToReceiver() needs the callback receiver: set "
						+ "coreclaw.callback.enabled=true and coreclaw.callback.public-base-url");
			}
			callbackUrl = receiverUrl.get();
		}
		if (callbackUrl == null) {
			callbackUrl = settings.defaultCallbackUrl();
		}
		if (callbackUrl != null && Identifiers.containsApiKey(callbackUrl, settings.apiKey())) {
			throw new IllegalArgumentException("callbackUrl must not contain the CoreClaw API key: CoreClaw would "
					+ "send it to the callback receiver; authenticate callbacks with a secret path or parameter of "
					+ "your own");
		}
		return (callbackUrl != null) ? callbackUrl.toString() : null;
	}

	private static @Nullable Integer limit(CoreClawClientSettings settings, RunOptions options, boolean async) {
		return (options.limit() != null || async) ? options.limit() : Integer.valueOf(settings.defaultResultLimit());
	}

}
