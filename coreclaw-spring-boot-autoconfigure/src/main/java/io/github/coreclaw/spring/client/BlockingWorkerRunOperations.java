/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Blocking twin of {@link WorkerRunOperations}, for Spring MVC and virtual-thread applications:
 * the same operations, models and exceptions, returning values instead of publishers.
 * <p>
 * Each method makes the call of its reactive twin, with the same client, transport and retries,
 * and waits for it on the caller's thread. What bounds the wait is said on each method: a request
 * is bounded by the client's response timeout ({@code coreclaw.response-timeout}, 30 seconds by
 * default, or {@code coreclaw.sync-response-timeout}, 6 minutes, for a request that waits for a
 * run), each attempt when the request is retried ({@code coreclaw.retry.*}); a wait for a run is
 * bounded by its timeout.
 * <p>
 * Failures are thrown as the reactive twin signals them: the same {@link CoreClawException}s,
 * never wrapped, and an {@link IllegalArgumentException} naming a bad argument before anything
 * is sent. An interrupt of the waiting thread cancels the call and throws a
 * {@link CoreClawInterruptedException}, the thread's interrupt flag set again. Called on a thread
 * that must not block (a Reactor Netty event loop, a {@code parallel} scheduler worker), every
 * method fails at once with an {@link IllegalStateException} and sends nothing: use
 * {@link WorkerRunOperations} there.
 * <p>
 * A {@link Stream} this returns reads a page of 100 items only when the consumer reaches it, on
 * the consumer's thread, and holds nothing but the current page: closing it (try-with-resources)
 * or reading it to its end releases the page and reads nothing more.
 *
 * @since 0.1.0
 */
public interface BlockingWorkerRunOperations {

	/**
	 * Every run of CoreClaw's current calendar month (UTC+8), read 100 a page when the consumer
	 * reaches the page; each page read is bounded by the response timeout.
	 * @return the runs, lazily
	 * @see WorkerRunOperations#list()
	 */
	default Stream<WorkerRun> list() {
		return list(RunQuery.currentMonth());
	}

	/**
	 * Every run the query matches, one calendar month after the other as
	 * {@link WorkerRunOperations#list(RunQuery)} reads them, 100 a page when the consumer reaches
	 * the page; each page read is bounded by the response timeout.
	 * @param query which runs to list
	 * @return the runs, lazily
	 * @see WorkerRunOperations#list(RunQuery)
	 */
	Stream<WorkerRun> list(RunQuery query);

	/**
	 * Read the run's current state; blocks for one request, bounded by the response timeout.
	 * @param run the run
	 * @return the run's state
	 * @see WorkerRunOperations#getRun(RunRef)
	 */
	WorkerRun getRun(RunRef run);

	/**
	 * Poll the run until it is done; blocks for at most {@code timeout} (with
	 * {@code coreclaw.polling.abort-on-timeout}, the abort then goes on in the background).
	 * @param run the run
	 * @param timeout how long to wait at most
	 * @return the run's final state
	 * @throws CoreClawRunTimeoutException after the timeout
	 * @see WorkerRunOperations#awaitCompletion(RunRef, Duration)
	 */
	WorkerRun awaitCompletion(RunRef run, Duration timeout);

	/**
	 * Poll the run until it is done; blocks for at most the configured default
	 * ({@code coreclaw.polling.default-timeout}, 30 minutes unless set).
	 * @param run the run
	 * @return the run's final state
	 * @throws CoreClawRunTimeoutException after the timeout
	 * @see WorkerRunOperations#awaitCompletion(RunRef)
	 */
	WorkerRun awaitCompletion(RunRef run);

	/**
	 * Every result row of the run, read 100 a page when the consumer reaches the page (a shortcut
	 * such as {@link RunRef#last()} is first read to name its run); each read is bounded by the
	 * response timeout.
	 * @param run the run
	 * @return the rows, each a map from column key to value, lazily
	 * @see WorkerRunOperations#results(RunRef)
	 */
	Stream<Map<String, Object>> results(RunRef run);

	/**
	 * Every result row of the run, each converted to the given type with the application's
	 * Jackson mapper, read as {@link #results(RunRef)} reads them.
	 * @param <T> the row type
	 * @param run the run
	 * @param rowType the row type
	 * @return the converted rows, lazily
	 * @see WorkerRunOperations#results(RunRef, Class)
	 */
	<T> Stream<T> results(RunRef run, Class<T> rowType);

	/**
	 * Read one page of the run's result rows; blocks for one request, bounded by the response
	 * timeout.
	 * @param run the run
	 * @param page the page number, from 1
	 * @param pageSize the rows per page, from 1 to 100
	 * @return the page
	 * @see WorkerRunOperations#resultPage(RunRef, int, int)
	 */
	ResultPage resultPage(RunRef run, int page, int pageSize);

	/**
	 * Read the run's log; blocks for one request, bounded by the response timeout.
	 * @param run the run
	 * @return the log
	 * @see WorkerRunOperations#log(RunRef)
	 */
	RunLog log(RunRef run);

	/**
	 * Ask CoreClaw to abort the run; blocks for one request, bounded by the response timeout.
	 * @param run the run
	 * @see WorkerRunOperations#abort(RunRef)
	 */
	void abort(RunRef run);

	/**
	 * Start a new run with the same input and return at once; blocks for one request, bounded by
	 * the response timeout.
	 * @param run the run to repeat
	 * @param options the run options
	 * @return the slug of the new run
	 * @see WorkerRunOperations#rerunAsync(RunRef, RunOptions)
	 */
	RunSlug rerunAsync(RunRef run, RunOptions options);

	/**
	 * Start a new run with the same input and default options and return at once; blocks for one
	 * request, bounded by the response timeout.
	 * @param run the run to repeat
	 * @return the slug of the new run
	 * @see WorkerRunOperations#rerunAsync(RunRef)
	 */
	default RunSlug rerunAsync(RunRef run) {
		return rerunAsync(run, RunOptions.defaults());
	}

	/**
	 * Start a new run with the same input and wait for its result; blocks for one request, bounded
	 * by the sync response timeout ({@code coreclaw.sync-response-timeout}).
	 * @param run the run to repeat
	 * @param options the run options
	 * @return the new run and the first window of its results
	 * @see WorkerRunOperations#rerunSync(RunRef, RunOptions)
	 */
	SyncRunResult rerunSync(RunRef run, RunOptions options);

	/**
	 * Export the run's results to a file and return its temporary download URL; blocks for one
	 * request, bounded by the response timeout.
	 * @param run the run
	 * @param format the file format
	 * @param keys the columns to export, empty for all
	 * @return the download URL
	 * @see WorkerRunOperations#export(RunRef, ExportFormat, List)
	 */
	URI export(RunRef run, ExportFormat format, List<String> keys);

	/**
	 * Export every column of the run's results to a file and return its temporary download URL;
	 * blocks for one request, bounded by the response timeout.
	 * @param run the run
	 * @param format the file format
	 * @return the download URL
	 * @see WorkerRunOperations#export(RunRef, ExportFormat)
	 */
	default URI export(RunRef run, ExportFormat format) {
		return export(run, format, List.of());
	}

	/**
	 * Judge whether a finished run really produced data, as {@link WorkerRunOperations#verify}
	 * does.
	 * @param run the run
	 * @return the verdict
	 * @throws CoreClawException naming the status for a run that has not finished
	 * @since 0.1.0
	 */
	RunVerdict verify(RunRef run);

}
