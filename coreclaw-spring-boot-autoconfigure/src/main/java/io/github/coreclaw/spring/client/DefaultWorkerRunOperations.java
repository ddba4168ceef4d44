/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.coreclaw.spring.client.internal.AsyncRunData;
import io.github.coreclaw.spring.client.internal.ExportData;
import io.github.coreclaw.spring.client.internal.Identifiers;
import io.github.coreclaw.spring.client.internal.LogData;
import io.github.coreclaw.spring.client.internal.ResultsData;
import io.github.coreclaw.spring.client.internal.RunDetailData;
import io.github.coreclaw.spring.client.internal.RunListData;
import io.github.coreclaw.spring.client.internal.RunRequests;
import io.github.coreclaw.spring.client.internal.SyncRunData;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;

/**
 * {@link WorkerRunOperations} over {@code /api/v2/worker-runs}, {@code /api/v2/worker-runs/{runId}}
 * and CoreClaw's "last run" paths.
 */
final class DefaultWorkerRunOperations implements WorkerRunOperations {

	static final Endpoint<RunListData, Pager.Page<WorkerRun>> LIST = Endpoint
		.get("worker-run.list", "/api/v2/worker-runs")
		.reply(RunListData.class, "data.list of runs, each with its slug",
				(data, call) -> (data != null) ? runPage(data) : null);

	static final RunEndpoint<RunDetailData, WorkerRun> GET = RunEndpoint.of(
			Endpoint.get("worker-run.get", RunEndpoint.BY_ID)
				.reply(RunDetailData.class, "the run detail",
						(data, call) -> (data != null) ? data.toWorkerRun(runSlugOf(call)) : null),
			"");

	static final RunEndpoint<ResultsData, ResultsData> RESULTS = RunEndpoint.of(
			Endpoint.get("worker-run.results", RunEndpoint.BY_ID + "/result")
				.reply(ResultsData.class, "data.list", (data, call) -> data),
			"/result");

	static final RunEndpoint<LogData, RunLog> LOG = RunEndpoint.of(
			Endpoint.get("worker-run.log", RunEndpoint.BY_ID + "/log")
				.reply(LogData.class, "the run log", (data, call) -> (data != null) ? data.toRunLog() : null),
			"/log");

	/**
	 * Abort: idempotent on a run id, but not on a shortcut, whose repeat could abort a run started
	 * in between.
	 */
	static final RunEndpoint<Object, Boolean> ABORT = abortEndpoint(
			Endpoint.post("worker-run.abort", RunEndpoint.BY_ID + "/abort", RetryClass.IDEMPOTENT).noReply());

	static final RunEndpoint<AsyncRunData, RunSlug> RERUN = RunEndpoint.of(
			Endpoint.post("worker-run.rerun", RunEndpoint.BY_ID + "/rerun", RetryClass.STARTS_RUN)
				.reply(AsyncRunData.class, "data.run_slug", (data, call) -> AsyncRunData.toRunSlug(data)),
			"/rerun");

	static final RunEndpoint<SyncRunData, SyncRunData> RERUN_SYNC = RunEndpoint.of(
			Endpoint.post("worker-run.rerun", RunEndpoint.BY_ID + "/rerun", RetryClass.STARTS_RUN)
				.syncRun()
				.reply(SyncRunData.class, "data.run_slug", (data, call) -> SyncRunData.namingRun(data)),
			"/rerun");

	static final RunEndpoint<ExportData, URI> EXPORT = RunEndpoint.of(
			Endpoint.get("worker-run.export", RunEndpoint.BY_ID + "/result/export")
				.reply(ExportData.class, "data.download_url", (data, call) -> ExportData.toUri(data)),
			"/export");

	private final CoreClawClient client;

	private final RunPoller poller;

	DefaultWorkerRunOperations(CoreClawClient client) {
		this.client = client;
		// An abort on timeout gets at most one response timeout, its retries included.
		this.poller = new RunPoller(this::getRun, this::abort, client.runChanges(), client.pollingSettings(),
				client.settings().responseTimeout());
	}

	@Override
	public Flux<WorkerRun> list(RunQuery query) {
		checkQuery(query);
		LocalDate from = query.createdFrom();
		LocalDate to = query.createdTo();
		if (from == null || to == null) {
			return listRuns(query, null).all();
		}
		return RunListMonth.latestFirst(from, to).concatMap((month) -> listRuns(query, month).all(), 0);
	}

	/**
	 * The pages of the runs a query matches, one source per month of its dates, each made as it is
	 * reached: the blocking twin of {@link #list(RunQuery)}.
	 */
	Iterator<Pager.Source<WorkerRun>> listSources(RunQuery query) {
		checkQuery(query);
		LocalDate from = query.createdFrom();
		LocalDate to = query.createdTo();
		if (from == null || to == null) {
			return List.of(listRuns(query, null)).iterator();
		}
		return RunListMonth.stream(from, to).map((month) -> listRuns(query, month)).iterator();
	}

	private static void checkQuery(@Nullable RunQuery query) {
		if (query == null) {
			throw new IllegalArgumentException("query must not be null; use RunQuery.currentMonth()");
		}
	}

	private Pager.Source<WorkerRun> listRuns(RunQuery query, @Nullable RunListMonth month) {
		String workerId = query.workerId();
		RunStatus status = query.status();
		String what = "the runs " + ((month != null) ? "created from " + month + " (UTC+8)" : "of the current month")
				+ ((workerId != null) ? " of Worker " + workerId : "") + ((status != null) ? " in status " + status : "");
		return new Pager.Source<>(what, (page) -> {
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("offset", Integer.toString(RunRequests.offsetOfPage(page)));
			parameters.put("limit", Integer.toString(Pager.PAGE_SIZE));
			if (workerId != null) {
				parameters.put("worker_id", workerId);
			}
			if (status != null) {
				// RunQuery admits only the statuses CoreClaw filters by, spelled as their names.
				parameters.put("status", status.name().toLowerCase(Locale.ROOT));
			}
			if (month != null) {
				parameters.put("start_time", Long.toString(month.startTime()));
				parameters.put("end_time", Long.toString(month.endTime()));
			}
			return this.client.execute(new Call<>(LIST, Map.of(), parameters, null));
		});
	}

	private static Pager.@Nullable Page<WorkerRun> runPage(RunListData data) {
		List<WorkerRun> runs = data.runs();
		return (runs != null) ? new Pager.Page<>(data.pageIndex(), data.count(), runs) : null;
	}

	@Override
	public Mono<WorkerRun> getRun(RunRef run) {
		return this.client.execute(GET.call(run));
	}

	@Override
	public Mono<WorkerRun> awaitCompletion(RunRef run) {
		return awaitCompletion(run, this.client.pollingSettings().defaultTimeout());
	}

	@Override
	public Mono<WorkerRun> awaitCompletion(RunRef run, Duration timeout) {
		checkRun(run);
		Identifiers.checkPositive("timeout", timeout);
		if (run instanceof RunSlug slug) {
			return this.poller.await(slug, timeout);
		}
		// A shortcut may name another run later: follow the run it names now.
		return Mono.defer(() -> {
			Scheduler clock = Schedulers.parallel();
			long start = clock.now(TimeUnit.NANOSECONDS);
			// Detached once read: the wait must not hold the first read's exchange.
			return getRun(run).onTerminateDetach().flatMap((first) -> {
				Duration left = timeout.minusNanos(clock.now(TimeUnit.NANOSECONDS) - start);
				return first.finished() ? Mono.just(first)
						: this.poller.await(first.runSlug(), left.isNegative() ? Duration.ofMillis(1) : left);
			});
		});
	}

	@Override
	public Flux<Map<String, Object>> results(RunRef run) {
		checkRun(run);
		if (!(run instanceof RunSlug slug)) {
			// A shortcut may name another run between two pages: read the pages of the run it names now.
			return getRun(run).flatMapMany((state) -> results(state.runSlug()));
		}
		return resultsSource(slug).all();
	}

	/**
	 * The pages of a run's result rows: {@link #results(RunRef)} and its blocking twin.
	 */
	Pager.Source<Map<String, Object>> resultsSource(RunSlug run) {
		return new Pager.Source<>("the results of " + describe(run),
				(page) -> resultsData(run, page, Pager.PAGE_SIZE)
					.map((data) -> new Pager.Page<>(data.pageIndex(), data.count(), data.rows())));
	}

	@Override
	public <T> Flux<T> results(RunRef run, Class<T> rowType) {
		if (rowType == null) {
			throw new IllegalArgumentException("rowType must not be null");
		}
		return results(run).map((row) -> convertRow(run, row, rowType));
	}

	<T> T convertRow(RunRef run, Map<String, Object> row, Class<T> rowType) {
		try {
			return this.client.rowMapper().convertValue(row, rowType);
		}
		catch (JacksonException ex) {
			throw new CoreClawException("Could not convert a result row of " + describe(run) + " to "
					+ rowType.getName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public Mono<ResultPage> resultPage(RunRef run, int page, int pageSize) {
		checkRun(run);
		if (page < 1) {
			throw new IllegalArgumentException("page must be 1 or more but was " + page);
		}
		if (pageSize < RunOptions.MIN_LIMIT || pageSize > RunOptions.MAX_LIMIT) {
			throw new IllegalArgumentException("pageSize must be between " + RunOptions.MIN_LIMIT + " and "
					+ RunOptions.MAX_LIMIT + " but was " + pageSize);
		}
		return resultsData(run, page, pageSize).map((data) -> {
			Pager.checkEcho("the results of " + describe(run), page, pageSize, data.pageIndex());
			return data.toPage(page, pageSize, this.client.rowMapper());
		});
	}

	private Mono<ResultsData> resultsData(RunRef run, int page, int pageSize) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("offset", Integer.toString(RunRequests.offsetOfPage(page)));
		query.put("limit", Integer.toString(pageSize));
		return this.client.execute(RESULTS.call(run, query, null));
	}

	@Override
	public Mono<RunLog> log(RunRef run) {
		return this.client.execute(LOG.call(run));
	}

	@Override
	public Mono<Void> abort(RunRef run) {
		return this.client.execute(ABORT.call(run)).then();
	}

	@Override
	public Mono<RunSlug> rerunAsync(RunRef run, RunOptions options) {
		Call<AsyncRunData, RunSlug> call = RERUN.call(checkRun(run), Map.of(), rerunBody(options, true));
		return TrackedStart.start(this.client, options, "rerun of " + describe(run), this.client.execute(call));
	}

	@Override
	public Mono<SyncRunResult> rerunSync(RunRef run, RunOptions options) {
		Call<SyncRunData, SyncRunData> call = RERUN_SYNC.call(checkRun(run), Map.of(), rerunBody(options, false));
		TrackedStart.refuse(options, "rerunSync");
		return this.client.execute(call).map((data) -> data.toResult(this.client.rowMapper()));
	}

	private Object rerunBody(@Nullable RunOptions options, boolean async) {
		return RunRequests.body(this.client.settings(), this.client.callbackReceiverUrl(), options, async);
	}

	@Override
	public Mono<URI> export(RunRef run, ExportFormat format, List<String> keys) {
		checkRun(run);
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
		return this.client.execute(EXPORT.call(run, query, null));
	}

	/**
	 * The run a call by run id asked for, to name the run when the reply does not.
	 */
	private static @Nullable RunSlug runSlugOf(Call<?, ?> call) {
		String runId = call.variable("runId");
		return (runId != null) ? new RunSlug(runId) : null;
	}

	private static String describe(RunRef run) {
		return (run instanceof RunSlug) ? "run " + run : run.toString();
	}

	private static RunEndpoint<Object, Boolean> abortEndpoint(Endpoint<Object, Boolean> byId) {
		RunEndpoint<Object, Boolean> paths = RunEndpoint.of(byId, "/abort");
		return new RunEndpoint<>(paths.byId(), paths.last().withRetryClass(RetryClass.NON_IDEMPOTENT),
				paths.lastOfWorker().withRetryClass(RetryClass.NON_IDEMPOTENT));
	}

	static RunRef checkRun(@Nullable RunRef run) {
		if (run == null) {
			throw new IllegalArgumentException("run must not be null");
		}
		return run;
	}

	@Override
	public Mono<RunVerdict> verify(RunRef run) {
		checkRun(run);
		return getRun(run).flatMap(this::verdict);
	}

	/**
	 * The verdict on a run whose state was just read: a succeeded run's first page of results
	 * decides it.
	 */
	Mono<RunVerdict> verdict(WorkerRun run) {
		if (run.status() == RunStatus.SUCCEEDED) {
			return resultPage(run.runSlug(), 1, RunVerdict.SAMPLED_ROWS).map((page) -> RunVerdict.ofRows(page.rows()));
		}
		if (run.status().isTerminal()) {
			return Mono.just(RunVerdict.FAILED);
		}
		return Mono.error(new CoreClawException("Run " + run.runSlug() + " has not finished (status "
				+ run.status().name().toLowerCase(Locale.ROOT) + "); a verdict needs a finished run: wait for it "
				+ "with awaitCompletion first"));
	}

}
