/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * {@link BlockingWorkerOperations} over the client's reactive {@link WorkerOperations}.
 */
final class DefaultBlockingWorkerOperations implements BlockingWorkerOperations {

	static final String REACTIVE = "WorkerOperations (CoreClawClient.workers())";

	private final DefaultWorkerOperations reactive;

	DefaultBlockingWorkerOperations(DefaultWorkerOperations reactive) {
		this.reactive = reactive;
	}

	@Override
	public RunSlug runAsync(String workerId, @Nullable Object input, RunOptions options) {
		return Blocking.await(() -> this.reactive.runAsync(workerId, input, options), REACTIVE);
	}

	@Override
	public SyncRunResult runSync(String workerId, @Nullable Object input, RunOptions options) {
		return Blocking.await(() -> this.reactive.runSync(workerId, input, options), REACTIVE);
	}

	@Override
	public CompletedRun runAndAwait(String workerId, @Nullable Object input, RunOptions options, Duration timeout) {
		return Blocking.await(() -> this.reactive.runAndAwait(workerId, input, options, timeout), REACTIVE);
	}

	@Override
	public QueuedRun queueRun(String workerId, @Nullable Object input, RunOptions options) {
		return Blocking.await(() -> this.reactive.queueRun(workerId, input, options), REACTIVE);
	}

	@Override
	public Worker get(String workerId) {
		return Blocking.await(() -> this.reactive.get(workerId), REACTIVE);
	}

	@Override
	public Map<String, Object> inputSchema(String workerId) {
		return Blocking.await(() -> this.reactive.inputSchema(workerId), REACTIVE);
	}

	@Override
	public Stream<WorkerSummary> list(@Nullable String keyword) {
		Blocking.checkThread(REACTIVE);
		Pager.Source<WorkerSummary> source = this.reactive.listSource(keyword);
		return Blocking.stream(() -> List.of(source).iterator(), REACTIVE);
	}

	@Override
	public Stream<WorkerSummary> store(@Nullable String keyword) {
		Blocking.checkThread(REACTIVE);
		Pager.Source<WorkerSummary> source = this.reactive.storeSource(keyword);
		return Blocking.stream(() -> List.of(source).iterator(), REACTIVE);
	}

	@Override
	public List<ProxyRegion> proxyRegions() {
		return Blocking.await(this.reactive::proxyRegions, REACTIVE);
	}

	@Override
	public List<ProxyRegion> proxyRegions(String language) {
		return Blocking.await(() -> this.reactive.proxyRegions(language), REACTIVE);
	}

	@Override
	public Stream<BatchOutcome> runBatch(String workerId, List<?> inputs, BatchOptions options) {
		Blocking.checkThread(REACTIVE);
		return this.reactive.runBatch(workerId, inputs, options).toStream();
	}

}
