/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.coreclaw.spring.client.internal.AsyncRunData;
import io.github.coreclaw.spring.client.internal.Durations;
import io.github.coreclaw.spring.client.internal.ExportData;
import io.github.coreclaw.spring.client.internal.Identifiers;
import io.github.coreclaw.spring.client.internal.LogData;
import io.github.coreclaw.spring.client.internal.ResultsData;
import io.github.coreclaw.spring.client.internal.RunDetailData;
import io.github.coreclaw.spring.client.internal.RunRequests;
import io.github.coreclaw.spring.client.internal.SyncRunData;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

import org.springframework.http.HttpMethod;

/**
 * {@link WorkerRunOperations} over {@code /api/v2/worker-runs/{runId}}.
 */
final class DefaultWorkerRunOperations implements WorkerRunOperations {

	private static final Log logger = LogFactory.getLog(DefaultWorkerRunOperations.class);

	static final String RUN_PATH = "/api/v2/worker-runs/{id}";

	/** Rows per page when all results are streamed: the API's maximum. */
	static final int STREAM_PAGE_SIZE = 100;

	private final CoreClawClient client;

	private final JavaType detailType;

	private final JavaType resultsType;

	private final JavaType logType;

	private final JavaType exportType;

	private final JavaType anyType;

	private final JavaType asyncType;

	private final JavaType syncType;

	DefaultWorkerRunOperations(CoreClawClient client) {
		this.client = client;
		this.detailType = client.envelopeType(RunDetailData.class);
		this.resultsType = client.envelopeType(ResultsData.class);
		this.logType = client.envelopeType(LogData.class);
		this.exportType = client.envelopeType(ExportData.class);
		this.anyType = client.envelopeType(Object.class);
		this.asyncType = client.envelopeType(AsyncRunData.class);
		this.syncType = client.envelopeType(SyncRunData.class);
	}

	@Override
	public Mono<WorkerRun> getRun(RunSlug run) {
		RunSlug slug = checkRun(run);
		return this.client.<RunDetailData, WorkerRun>exchange(get(RUN_PATH, slug, Map.of(), "the run detail"),
				this.detailType, (data) -> (data != null) ? data.toWorkerRun(slug) : null);
	}

	@Override
	public Mono<WorkerRun> awaitCompletion(RunSlug run, Duration timeout) {
		RunSlug slug = checkRun(run);
		Identifiers.checkPositive("timeout", timeout);
		CoreClawPollingSettings polling = this.client.pollingSettings();
		return Mono.defer(() -> {
			AtomicReference<@Nullable WorkerRun> last = new AtomicReference<>();
			// Listen for callbacks during the whole wait, so that one arriving while a read is in
			// flight is not lost: each change bumps a counter that the next wait compares with.
			AtomicLong changes = new AtomicLong();
			Sinks.Many<Long> changed = Sinks.many().replay().latest();
			Disposable listener = this.client.runChanges(slug).subscribe((changedRun) -> {
				synchronized (changed) {
					changed.tryEmitNext(changes.incrementAndGet());
				}
			});
			return poll(slug, 1, polling, last, null, changes, changed.asFlux())
				.timeout(timeout, Mono.defer(() -> runTimeout(slug, last.get(), timeout, polling)))
				.doFinally((signal) -> listener.dispose());
		});
	}

	private Mono<WorkerRun> poll(RunSlug run, int read, CoreClawPollingSettings polling,
			AtomicReference<@Nullable WorkerRun> last, @Nullable Long abortingSince, AtomicLong changes,
			Flux<Long> changed) {
		long seenBeforeRead = changes.get();
		return getRun(run).flatMap((state) -> {
			last.set(state);
			if (state.status().isTerminal()) {
				return Mono.just(state);
			}
			Long since = abortingSince;
			if (state.status() == RunStatus.ABORTING) {
				long now = System.nanoTime();
				since = (since != null) ? since : now;
				if (Duration.ofNanos(now - since).compareTo(polling.abortingGrace()) >= 0) {
					return Mono.just(state);
				}
			}
			Duration wait = jittered(polling.intervalAfter(read), polling.jitter(), polling.maxInterval());
			if (logger.isDebugEnabled()) {
				logger.debug("Run " + run + " is " + state.status() + "; reading it again in " + Durations.format(wait));
			}
			Long abortingStart = (state.status() == RunStatus.ABORTING) ? since : null;
			Mono<Long> callback = changed.filter((count) -> count > seenBeforeRead).next();
			return Mono.firstWithSignal(Mono.delay(wait), callback)
				.then(Mono.defer(() -> poll(run, read + 1, polling, last, abortingStart, changes, changed)));
		});
	}

	private Mono<WorkerRun> runTimeout(RunSlug run, @Nullable WorkerRun last, Duration timeout,
			CoreClawPollingSettings polling) {
		RunStatus status = (last != null) ? last.status() : RunStatus.UNKNOWN;
		String aborted = polling.abortOnTimeout() ? "; it was asked to abort (coreclaw.polling.abort-on-timeout)"
				: "; it goes on at CoreClaw (set coreclaw.polling.abort-on-timeout=true to abort such runs)";
		CoreClawRunTimeoutException ex = new CoreClawRunTimeoutException("Run " + run + " did not finish within "
				+ Durations.format(timeout) + ": its last status was " + status + aborted, run, status, timeout);
		Mono<Void> abort = polling.abortOnTimeout() ? abort(run).onErrorResume((failure) -> {
			ex.addSuppressed(failure);
			return Mono.empty();
		}) : Mono.empty();
		return abort.then(Mono.error(ex));
	}

	private static Duration jittered(Duration interval, double jitter, Duration max) {
		if (jitter <= 0) {
			return interval;
		}
		double factor = 1 - jitter + 2 * jitter * ThreadLocalRandom.current().nextDouble();
		return Duration.ofMillis(Math.max(1, Math.min(max.toMillis(), Math.round(interval.toMillis() * factor))));
	}

	@Override
	public Flux<Map<String, Object>> results(RunSlug run) {
		RunSlug slug = checkRun(run);
		// Pages are asked for one at a time, only when the subscriber wants more rows.
		return Flux.range(1, Integer.MAX_VALUE)
			.concatMap((page) -> resultPage(slug, page, STREAM_PAGE_SIZE), 0)
			.takeUntil(ResultPage::isLast)
			.concatMapIterable(ResultPage::rows, 1);
	}

	@Override
	public <T> Flux<T> results(RunSlug run, Class<T> rowType) {
		if (rowType == null) {
			throw new IllegalArgumentException("rowType must not be null");
		}
		return results(run).map((row) -> {
			try {
				return this.client.rowMapper().convertValue(row, rowType);
			}
			catch (JacksonException ex) {
				throw new CoreClawException("Could not convert a result row of run " + run + " to " + rowType.getName()
						+ ": " + ex.getOriginalMessage(), ex);
			}
		});
	}

	@Override
	public Mono<ResultPage> resultPage(RunSlug run, int page, int pageSize) {
		RunSlug slug = checkRun(run);
		if (page < 1) {
			throw new IllegalArgumentException("page must be 1 or more but was " + page);
		}
		if (pageSize < RunOptions.MIN_LIMIT || pageSize > RunOptions.MAX_LIMIT) {
			throw new IllegalArgumentException("pageSize must be between " + RunOptions.MIN_LIMIT + " and "
					+ RunOptions.MAX_LIMIT + " but was " + pageSize);
		}
		Map<String, String> query = new LinkedHashMap<>();
		query.put("offset", Integer.toString(RunRequests.offsetOfPage(page)));
		query.put("limit", Integer.toString(pageSize));
		return this.client.<ResultsData, ResultPage>exchange(get(RUN_PATH + "/result", slug, query, "data.list"),
				this.resultsType, (data) -> (data != null) ? data.toPage(page, pageSize) : null);
	}

	@Override
	public Mono<RunLog> log(RunSlug run) {
		RunSlug slug = checkRun(run);
		return this.client.<LogData, RunLog>exchange(get(RUN_PATH + "/log", slug, Map.of(), "the run log"),
				this.logType, (data) -> (data != null) ? data.toRunLog() : null);
	}

	@Override
	public Mono<Void> abort(RunSlug run) {
		RunSlug slug = checkRun(run);
		CoreClawClient.Call call = new CoreClawClient.Call(HttpMethod.POST, RUN_PATH + "/abort", slug.value(), Map.of(),
				null, this.client.settings().responseTimeout(), false, false, "nothing");
		return this.client.<Object, Boolean>exchange(call, this.anyType, (data) -> Boolean.TRUE).then();
	}

	@Override
	public Mono<RunSlug> rerunAsync(RunSlug run, RunOptions options) {
		RunSlug slug = checkRun(run);
		CoreClawClient.Call call = CoreClawClient.Call.post(RUN_PATH + "/rerun", slug.value(),
				RunRequests.body(this.client.settings(), this.client.callbackReceiverUrl(), options, true), this.client.settings().responseTimeout(), true,
				false, "data.run_slug");
		return this.client.<AsyncRunData, RunSlug>exchange(call, this.asyncType, AsyncRunData::toRunSlug);
	}

	@Override
	public Mono<SyncRunResult> rerunSync(RunSlug run, RunOptions options) {
		RunSlug slug = checkRun(run);
		CoreClawClient.Call call = CoreClawClient.Call.post(RUN_PATH + "/rerun", slug.value(),
				RunRequests.body(this.client.settings(), this.client.callbackReceiverUrl(), options, false), this.client.settings().syncResponseTimeout(),
				true, true, "data.run_slug");
		return this.client.<SyncRunData, SyncRunResult>exchange(call, this.syncType,
				(data) -> (data != null) ? data.toResult(this.client.rowMapper()) : null);
	}

	@Override
	public Mono<URI> export(RunSlug run, ExportFormat format, List<String> keys) {
		RunSlug slug = checkRun(run);
		if (format == null) {
			throw new IllegalArgumentException("format must not be null");
		}
		if (keys == null) {
			throw new IllegalArgumentException("keys must not be null; pass an empty list to export every column");
		}
		for (String key : keys) {
			if (key == null || key.isBlank() || key.indexOf(',') >= 0) {
				throw new IllegalArgumentException("keys must be column keys without ',' but has \"" + key + "\"");
			}
		}
		Map<String, String> query = new LinkedHashMap<>();
		query.put("format", format.value());
		if (!keys.isEmpty()) {
			query.put("filter_keys", String.join(",", keys));
		}
		return this.client.<ExportData, URI>exchange(get(RUN_PATH + "/result/export", slug, query, "data.download_url"),
				this.exportType, ExportData::toUri);
	}

	private CoreClawClient.Call get(String path, RunSlug run, Map<String, String> query, String expected) {
		return CoreClawClient.Call.get(path, run.value(), query, this.client.settings().responseTimeout(), expected);
	}

	private static RunSlug checkRun(@Nullable RunSlug run) {
		if (run == null) {
			throw new IllegalArgumentException("run must not be null");
		}
		return run;
	}


}
