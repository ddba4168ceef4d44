/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.github.coreclaw.spring.client.internal.AsyncRunData;
import io.github.coreclaw.spring.client.internal.Identifiers;
import io.github.coreclaw.spring.client.internal.RunRequest;
import io.github.coreclaw.spring.client.internal.SyncRunData;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;

import org.springframework.http.HttpMethod;

/**
 * {@link WorkerTaskOperations} over {@code POST /api/v2/worker-tasks/{workerTaskId}/runs}.
 */
final class DefaultWorkerTaskOperations implements WorkerTaskOperations {

	static final String RUNS_PATH = "/api/v2/worker-tasks/{id}/runs";

	private final CoreClawClient client;

	private final JavaType asyncDataType;

	private final JavaType syncDataType;

	DefaultWorkerTaskOperations(CoreClawClient client) {
		this.client = client;
		this.asyncDataType = client.rowMapper().constructType(AsyncRunData.class);
		this.syncDataType = client.rowMapper().constructType(SyncRunData.class);
	}

	@Override
	public Mono<RunSlug> runAsync(String workerTaskId, RunOptions options) {
		RunRequest body = request(workerTaskId, options, true);
		CoreClawClient.Call call = new CoreClawClient.Call(HttpMethod.POST, RUNS_PATH, workerTaskId, body,
				this.client.settings().responseTimeout(), true, false, "data.run_slug");
		return this.client.<AsyncRunData, RunSlug>exchange(call, this.asyncDataType,
				(data) -> (data.runSlug() != null && !data.runSlug().isBlank()) ? new RunSlug(data.runSlug()) : null);
	}

	@Override
	public Mono<SyncRunResult> runSync(String workerTaskId, RunOptions options) {
		RunRequest body = request(workerTaskId, options, false);
		CoreClawClient.Call call = new CoreClawClient.Call(HttpMethod.POST, RUNS_PATH, workerTaskId, body,
				this.client.settings().syncResponseTimeout(), true, true, "data.run_slug");
		return this.client.<SyncRunData, SyncRunResult>exchange(call, this.syncDataType,
				(data) -> data.toResult(this.client.rowMapper()));
	}

	private RunRequest request(@Nullable String workerTaskId, @Nullable RunOptions options, boolean async) {
		Identifiers.checkSlug("workerTaskId", workerTaskId);
		if (options == null) {
			throw new IllegalArgumentException("options must not be null; use RunOptions.defaults()");
		}
		CoreClawClientSettings settings = this.client.settings();
		URI callbackUrl = (options.callbackUrl() != null) ? options.callbackUrl() : settings.defaultCallbackUrl();
		if (callbackUrl != null && containsApiKey(callbackUrl, settings.apiKey())) {
			throw new IllegalArgumentException("callbackUrl must not contain the CoreClaw API key: CoreClaw would "
					+ "send it to the callback receiver; authenticate callbacks with a secret path or parameter of "
					+ "your own");
		}
		Integer limit = (options.limit() != null || async) ? options.limit()
				: Integer.valueOf(settings.defaultResultLimit());
		return new RunRequest((callbackUrl != null) ? callbackUrl.toString() : null, async, limit, options.offset());
	}

	private static boolean containsApiKey(URI url, String apiKey) {
		String text = url.toString();
		return text.contains(apiKey) || text.contains(URLEncoder.encode(apiKey, StandardCharsets.UTF_8))
				|| url.getSchemeSpecificPart().contains(apiKey);
	}

}
