/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link BlockingWorkerTaskOperations} over the client's reactive {@link WorkerTaskOperations}.
 */
final class DefaultBlockingWorkerTaskOperations implements BlockingWorkerTaskOperations {

	static final String REACTIVE = "WorkerTaskOperations (CoreClawClient.workerTasks())";

	private final DefaultWorkerTaskOperations reactive;

	DefaultBlockingWorkerTaskOperations(DefaultWorkerTaskOperations reactive) {
		this.reactive = reactive;
	}

	@Override
	public RunSlug runAsync(String workerTaskId, RunOptions options) {
		return Blocking.await(() -> this.reactive.runAsync(workerTaskId, options), REACTIVE);
	}

	@Override
	public SyncRunResult runSync(String workerTaskId, RunOptions options) {
		return Blocking.await(() -> this.reactive.runSync(workerTaskId, options), REACTIVE);
	}

	@Override
	public CompletedRun runAndAwait(String workerTaskId, RunOptions options, Duration timeout) {
		return Blocking.await(() -> this.reactive.runAndAwait(workerTaskId, options, timeout), REACTIVE);
	}

	@Override
	public Stream<WorkerTask> list(TaskQuery query) {
		Blocking.checkThread(REACTIVE);
		Pager.Source<WorkerTask> source = this.reactive.listSource(query);
		return Blocking.stream(() -> List.of(source).iterator(), REACTIVE);
	}

	@Override
	public WorkerTask get(String workerTaskId) {
		return Blocking.await(() -> this.reactive.get(workerTaskId), REACTIVE);
	}

	@Override
	public String create(WorkerTaskDefinition definition) {
		return Blocking.await(() -> this.reactive.create(definition), REACTIVE);
	}

	@Override
	public void update(String workerTaskId, WorkerTaskUpdate update) {
		Blocking.await(() -> this.reactive.update(workerTaskId, update), REACTIVE);
	}

	@Override
	public void delete(String workerTaskId) {
		Blocking.await(() -> this.reactive.delete(workerTaskId), REACTIVE);
	}

	@Override
	public TaskInput getInput(String workerTaskId) {
		return Blocking.await(() -> this.reactive.getInput(workerTaskId), REACTIVE);
	}

	@Override
	public void updateInput(String workerTaskId, Object input) {
		Blocking.await(() -> this.reactive.updateInput(workerTaskId, input), REACTIVE);
	}

	@Override
	public void updateInput(String workerTaskId, Object input, String version) {
		Blocking.await(() -> this.reactive.updateInput(workerTaskId, input, version), REACTIVE);
	}

	@Override
	public Stream<BatchOutcome> runBatch(List<String> workerTaskIds, BatchOptions options) {
		Blocking.checkThread(REACTIVE);
		return this.reactive.runBatch(workerTaskIds, options).toStream();
	}

}
