/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.Map;

import io.github.coreclaw.spring.client.internal.AsyncRunData;
import io.github.coreclaw.spring.client.internal.Identifiers;
import io.github.coreclaw.spring.client.internal.RunRequest;
import io.github.coreclaw.spring.client.internal.RunRequests;
import io.github.coreclaw.spring.client.internal.SyncRunData;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link WorkerTaskOperations} over {@code /api/v2/worker-tasks}.
 */
final class DefaultWorkerTaskOperations implements WorkerTaskOperations {

	static final String RUNS_PATH = "/api/v2/worker-tasks/{workerTaskId}/runs";

	static final Endpoint<AsyncRunData, RunSlug> RUN = Endpoint.post("worker-task.run", RUNS_PATH, RetryClass.STARTS_RUN)
		.reply(AsyncRunData.class, "data.run_slug", (data, call) -> AsyncRunData.toRunSlug(data));

	static final Endpoint<SyncRunData, SyncRunData> RUN_SYNC = Endpoint
		.post("worker-task.run", RUNS_PATH, RetryClass.STARTS_RUN)
		.syncRun()
		.reply(SyncRunData.class, "data.run_slug", (data, call) -> SyncRunData.namingRun(data));

	private final CoreClawClient client;

	DefaultWorkerTaskOperations(CoreClawClient client) {
		this.client = client;
	}

	@Override
	public Mono<RunSlug> runAsync(String workerTaskId, RunOptions options) {
		return start(workerTaskId, request(workerTaskId, options, true));
	}

	private Mono<RunSlug> start(String workerTaskId, RunRequest body) {
		return this.client.execute(new Call<>(RUN, Map.of("workerTaskId", workerTaskId), Map.of(), body));
	}

	@Override
	public Mono<SyncRunResult> runSync(String workerTaskId, RunOptions options) {
		RunRequest body = request(workerTaskId, options, false);
		return this.client.execute(new Call<>(RUN_SYNC, Map.of("workerTaskId", workerTaskId), Map.of(), body))
			.map((data) -> data.toResult(this.client.rowMapper()));
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
		return start(workerTaskId, body).flatMap((slug) -> this.client.awaitAndReadFirstPage(slug, options, timeout));
	}

}
