/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Operations on runs once they have started: find them, read a run's state, wait for it, read
 * its results and log, abort, rerun or export it.
 * <p>
 * Every method takes a {@link RunRef}: a {@link RunSlug}, or one of CoreClaw's shortcuts
 * {@link RunRef#last()} (the account's latest run) and {@link RunRef#lastOf(String)} (a Worker's
 * latest run).
 * <p>
 * Every method is lazy and checks its arguments before anything is sent
 * ({@link IllegalArgumentException} naming the argument); every other failure is a
 * {@link CoreClawException}. Reads and aborts are retried on transient failures; a rerun starts a
 * run and is never repeated once it may have reached CoreClaw.
 *
 * @since 0.1.0
 */
public interface WorkerRunOperations {

	/**
	 * Every run of CoreClaw's current calendar month (UTC+8), of every Worker and status
	 * ({@code GET /api/v2/worker-runs} without filters: CoreClaw lists only the current month
	 * then), read page by page (100 runs a page) as the subscriber asks for them, never more
	 * than one page ahead.
	 * @return the runs, in CoreClaw's order
	 * @since 0.1.0
	 */
	default Flux<WorkerRun> list() {
		return list(RunQuery.currentMonth());
	}

	/**
	 * Every run the query matches ({@code GET /api/v2/worker-runs}), read page by page (100
	 * runs a page) as the subscriber asks for them, never more than one page ahead.
	 * <p>
	 * Without {@link RunQuery.Builder#createdBetween dates}, CoreClaw lists only the runs of its
	 * current calendar month (UTC+8). With dates, which are days of CoreClaw's calendar (UTC+8),
	 * the client sends {@code start_time} as the first day's start and {@code end_time} as the
	 * last day's start (CoreClaw includes the whole of that day); since CoreClaw answers only
	 * ranges within one calendar month, a range over several months is read as one query per
	 * month, the latest month first, each read to its end before the next starts. Within a
	 * month, the runs come in CoreClaw's order, which it does not document. A status filter is
	 * sent as CoreClaw spells it ({@code ready}, {@code running}, {@code succeeded},
	 * {@code failed}, {@code aborting}).
	 * <p>
	 * CoreClaw filters runs by Worker only, not by worker task: for the runs of a task's
	 * Worker, which include those of the task, query by the task's
	 * {@link WorkerTask#workerPath() workerPath} ({@link RunQuery} shows how); to follow the
	 * runs of one task, keep the run slug each of its runs returns.
	 * @param query which runs to list
	 * @return the runs
	 * @throws IllegalArgumentException if the query is {@code null}
	 * @since 0.1.0
	 */
	Flux<WorkerRun> list(RunQuery query);

	/**
	 * Read the run's current state ({@code GET /api/v2/worker-runs/{runId}}).
	 * @param run the run
	 * @return the run's state
	 */
	Mono<WorkerRun> getRun(RunRef run);

	/**
	 * Poll the run until it succeeds, fails or is aborted, or has been {@code aborting} for the
	 * configured grace; a failed run completes normally with status {@link RunStatus#FAILED}.
	 * Lazy: nothing is read before subscription.
	 * <p>
	 * A callback for the run ({@link CoreClawClient#runChanged}) makes the wait read the run at
	 * once, on the polling scheduler; one that arrives while a read is under way or between two
	 * reads makes the next read follow at once. Transient read failures (rate limits, timeouts,
	 * broken connections, server errors) are tolerated until the deadline; others end the wait.
	 * Cancelling stops the polling; from its subscription until it ends, however it ends
	 * (cancelled at subscription included), the wait is listened to for callbacks, and not after.
	 * <p>
	 * The caller gets {@link CoreClawRunTimeoutException} at its deadline, naming the run's last
	 * status and the last read failure, if any, whatever else is under way: a read in flight is
	 * cancelled (for a shortcut such as {@link RunRef#last}, once its first read has named the
	 * run). With {@code coreclaw.polling.abort-on-timeout} the run is also asked to abort
	 * ({@link #abort}) at that moment, in the background: the caller does not wait for the
	 * answer, cancelling does not stop it, and it is given up after the client's response
	 * timeout ({@code coreclaw.response-timeout}), its retries included; an abort that fails or
	 * is given up is logged as a warning, since the run may go on at CoreClaw.
	 * @param run the run
	 * @param timeout how long to wait at most
	 * @return the run's final state, or {@link CoreClawRunTimeoutException} after the timeout
	 */
	Mono<WorkerRun> awaitCompletion(RunRef run, Duration timeout);

	/**
	 * Poll the run until it is done, as {@link #awaitCompletion(RunRef, Duration)} does, for at
	 * most the configured default ({@code coreclaw.polling.default-timeout}, 30 minutes unless
	 * set).
	 * @param run the run
	 * @return the run's final state, or {@link CoreClawRunTimeoutException} after the timeout
	 */
	Mono<WorkerRun> awaitCompletion(RunRef run);

	/**
	 * Every result row of the run, read page by page (100 rows a page) as the subscriber asks
	 * for them, never more than one page ahead.
	 * @param run the run
	 * @return the rows, each a map from column key to value
	 */
	Flux<Map<String, Object>> results(RunRef run);

	/**
	 * Every result row of the run, each converted to the given type with the application's
	 * Jackson mapper.
	 * @param <T> the row type
	 * @param run the run
	 * @param rowType the row type
	 * @return the converted rows
	 */
	<T> Flux<T> results(RunRef run, Class<T> rowType);

	/**
	 * Read one page of the run's result rows ({@code GET …/{runId}/result}).
	 * @param run the run
	 * @param page the page number, from 1
	 * @param pageSize the rows per page, from 1 to 100
	 * @return the page
	 */
	Mono<ResultPage> resultPage(RunRef run, int page, int pageSize);

	/**
	 * Read the run's log ({@code GET …/{runId}/log}).
	 * @param run the run
	 * @return the log
	 */
	Mono<RunLog> log(RunRef run);

	/**
	 * Ask CoreClaw to abort the run ({@code POST …/{runId}/abort}); the run then goes through
	 * {@code aborting}, which {@link #getRun} shows.
	 * @param run the run
	 * @return completion once CoreClaw has accepted the request
	 */
	Mono<Void> abort(RunRef run);

	/**
	 * Start a new run with the same input ({@code POST …/{runId}/rerun}) and return at once.
	 * @param run the run to repeat
	 * @param options the run options
	 * @return the slug of the new run
	 */
	Mono<RunSlug> rerunAsync(RunRef run, RunOptions options);

	/**
	 * Start a new run with the same input and default options, and return at once.
	 * @param run the run to repeat
	 * @return the slug of the new run
	 */
	default Mono<RunSlug> rerunAsync(RunRef run) {
		return rerunAsync(run, RunOptions.defaults());
	}

	/**
	 * Start a new run with the same input and wait for its result (at most five minutes at
	 * CoreClaw).
	 * @param run the run to repeat
	 * @param options the run options
	 * @return the new run and the first window of its results
	 */
	Mono<SyncRunResult> rerunSync(RunRef run, RunOptions options);

	/**
	 * Export the run's results to a file and return its temporary download URL
	 * ({@code GET …/{runId}/result/export}, {@code …/last/export} for the shortcuts).
	 * @param run the run
	 * @param format the file format
	 * @param keys the columns to export, empty for all
	 * @return the download URL
	 */
	Mono<URI> export(RunRef run, ExportFormat format, List<String> keys);

	/**
	 * Export every column of the run's results to a file and return its temporary download URL.
	 * @param run the run
	 * @param format the file format
	 * @return the download URL
	 */
	default Mono<URI> export(RunRef run, ExportFormat format) {
		return export(run, format, List.of());
	}

	/**
	 * Judge whether a finished run really produced data: {@link RunVerdict#FAILED} for a run that
	 * ended {@code failed} or {@code aborted}; for a run that succeeded, the first page of its
	 * results (at most {@link RunVerdict#SAMPLED_ROWS} rows) gives {@link RunVerdict#NO_DATA}
	 * (no rows), {@link RunVerdict#ERROR_ROWS} (every row an error row, see
	 * {@link RunVerdict#isErrorRow}) or {@link RunVerdict#PASS}.
	 * @param run the run
	 * @return the verdict; a {@link CoreClawException} naming the status for a run that has not
	 * finished
	 * @since 0.1.0
	 */
	Mono<RunVerdict> verify(RunRef run);

}
