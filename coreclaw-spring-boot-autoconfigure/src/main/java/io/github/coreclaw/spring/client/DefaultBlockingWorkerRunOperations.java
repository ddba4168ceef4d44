/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link BlockingWorkerRunOperations} over the client's reactive {@link WorkerRunOperations}.
 */
final class DefaultBlockingWorkerRunOperations implements BlockingWorkerRunOperations {

	static final String REACTIVE = "WorkerRunOperations (CoreClawClient.workerRuns())";

	private final DefaultWorkerRunOperations reactive;

	DefaultBlockingWorkerRunOperations(DefaultWorkerRunOperations reactive) {
		this.reactive = reactive;
	}

	@Override
	public Stream<WorkerRun> list(RunQuery query) {
		Blocking.checkThread(REACTIVE);
		Iterator<Pager.Source<WorkerRun>> sources = this.reactive.listSources(query);
		return Blocking.stream(() -> sources, REACTIVE);
	}

	@Override
	public WorkerRun getRun(RunRef run) {
		return Blocking.await(() -> this.reactive.getRun(run), REACTIVE);
	}

	@Override
	public WorkerRun awaitCompletion(RunRef run, Duration timeout) {
		return Blocking.await(() -> this.reactive.awaitCompletion(run, timeout), REACTIVE);
	}

	@Override
	public WorkerRun awaitCompletion(RunRef run) {
		return Blocking.await(() -> this.reactive.awaitCompletion(run), REACTIVE);
	}

	@Override
	public Stream<Map<String, Object>> results(RunRef run) {
		Blocking.checkThread(REACTIVE);
		DefaultWorkerRunOperations.checkRun(run);
		return Blocking.stream(() -> {
			// A shortcut may name another run between two pages: read the pages of the run it
			// names when the first row is asked for.
			RunSlug slug = (run instanceof RunSlug named) ? named
					: Blocking.await(this.reactive.getRun(run), REACTIVE, null).runSlug();
			return List.of(this.reactive.resultsSource(slug)).iterator();
		}, REACTIVE);
	}

	@Override
	public <T> Stream<T> results(RunRef run, Class<T> rowType) {
		Blocking.checkThread(REACTIVE);
		if (rowType == null) {
			throw new IllegalArgumentException("rowType must not be null");
		}
		return results(run).map((row) -> this.reactive.convertRow(run, row, rowType));
	}

	@Override
	public ResultPage resultPage(RunRef run, int page, int pageSize) {
		return Blocking.await(() -> this.reactive.resultPage(run, page, pageSize), REACTIVE);
	}

	@Override
	public RunLog log(RunRef run) {
		return Blocking.await(() -> this.reactive.log(run), REACTIVE);
	}

	@Override
	public void abort(RunRef run) {
		Blocking.await(() -> this.reactive.abort(run), REACTIVE);
	}

	@Override
	public RunSlug rerunAsync(RunRef run, RunOptions options) {
		return Blocking.await(() -> this.reactive.rerunAsync(run, options), REACTIVE);
	}

	@Override
	public SyncRunResult rerunSync(RunRef run, RunOptions options) {
		return Blocking.await(() -> this.reactive.rerunSync(run, options), REACTIVE);
	}

	@Override
	public URI export(RunRef run, ExportFormat format, List<String> keys) {
		return Blocking.await(() -> this.reactive.export(run, format, keys), REACTIVE);
	}

	@Override
	public RunVerdict verify(RunRef run) {
		return Blocking.await(() -> this.reactive.verify(run), REACTIVE);
	}

}
