/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

import io.github.coreclaw.spring.client.internal.AsyncRunData;
import io.github.coreclaw.spring.client.internal.Identifiers;
import io.github.coreclaw.spring.client.internal.RunRequest;
import io.github.coreclaw.spring.client.internal.RunRequests;
import io.github.coreclaw.spring.client.internal.SyncRunData;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;

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
		this.asyncDataType = client.envelopeType(AsyncRunData.class);
		this.syncDataType = client.envelopeType(SyncRunData.class);
	}

	@Override
	public Mono<RunSlug> runAsync(String workerTaskId, RunOptions options) {
		return start(workerTaskId, request(workerTaskId, options, true));
	}

	private Mono<RunSlug> start(String workerTaskId, RunRequest body) {
		CoreClawClient.Call call = CoreClawClient.Call.post(RUNS_PATH, workerTaskId, body,
				this.client.settings().responseTimeout(), true, false, "data.run_slug");
		return this.client.<AsyncRunData, RunSlug>exchange(call, this.asyncDataType, AsyncRunData::toRunSlug);
	}

	@Override
	public Mono<SyncRunResult> runSync(String workerTaskId, RunOptions options) {
		RunRequest body = request(workerTaskId, options, false);
		CoreClawClient.Call call = CoreClawClient.Call.post(RUNS_PATH, workerTaskId, body,
				this.client.settings().syncResponseTimeout(), true, true, "data.run_slug");
		return this.client.<SyncRunData, SyncRunResult>exchange(call, this.syncDataType,
				(data) -> (data != null) ? data.toResult(this.client.rowMapper()) : null);
	}

	private RunRequest request(@Nullable String workerTaskId, @Nullable RunOptions options, boolean async) {
		Identifiers.checkSlug("workerTaskId", workerTaskId);
		return RunRequests.body(this.client.settings(), this.client.callbackReceiverUrl(), options, async);
	}

	@Override
	public Mono<CompletedRun> runAndAwait(String workerTaskId, RunOptions options, Duration timeout) {
		RunRequest body = request(workerTaskId, options, true);
		// Checked before the run starts: awaitCompletion would refuse it only after the POST.
		Identifiers.checkPositive("timeout", timeout);
		int pageSize = (options.limit() != null) ? options.limit() : this.client.settings().defaultResultLimit();
		WorkerRunOperations runs = this.client.workerRuns();
		return start(workerTaskId, body).flatMap((slug) -> runs.awaitCompletion(slug, timeout)
			.flatMap((run) -> runs.resultPage(slug, 1, pageSize).map((page) -> new CompletedRun(run, page))));
	}

}
