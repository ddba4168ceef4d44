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
 * Blocking twin of {@link WorkerOperations}, for Spring MVC and virtual-thread applications: the
 * same operations, models and exceptions, returning values instead of publishers.
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
 * {@link WorkerOperations} there.
 *
 * @since 0.1.0
 */
public interface BlockingWorkerOperations {

	/**
	 * Start a run of the given Worker and return as soon as CoreClaw has accepted it; blocks for
	 * one request, bounded by the response timeout.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @return the slug of the new run
	 * @see WorkerOperations#runAsync(String, Object)
	 */
	default RunSlug runAsync(String workerId, @Nullable Object input) {
		return runAsync(workerId, input, RunOptions.defaults());
	}

	/**
	 * Start a run of the given Worker with options and return as soon as CoreClaw has accepted
	 * it; blocks for one request, bounded by the response timeout.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @param options the run options, {@code version} included
	 * @return the slug of the new run
	 * @see WorkerOperations#runAsync(String, Object, RunOptions)
	 */
	RunSlug runAsync(String workerId, @Nullable Object input, RunOptions options);

	/**
	 * Run the given Worker and wait for its result; blocks for one request, bounded by the sync
	 * response timeout ({@code coreclaw.sync-response-timeout}).
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @return the run and the first window of its results
	 * @see WorkerOperations#runSync(String, Object)
	 */
	default SyncRunResult runSync(String workerId, @Nullable Object input) {
		return runSync(workerId, input, RunOptions.defaults());
	}

	/**
	 * Run the given Worker with options and wait for its result; blocks for one request, bounded
	 * by the sync response timeout.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @param options the run options
	 * @return the run and the requested window of its results
	 * @see WorkerOperations#runSync(String, Object, RunOptions)
	 */
	SyncRunResult runSync(String workerId, @Nullable Object input, RunOptions options);

	/**
	 * Start a run of the given Worker, wait for it to finish by polling, then read the first page
	 * of its results; blocks for the start (response timeout), the wait (at most {@code timeout})
	 * and the read of the page (response timeout).
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @param options the run options; {@code limit} sizes the first page
	 * @param timeout how long to wait for the run at most
	 * @return the finished run and its first page
	 * @throws CoreClawRunTimeoutException if the run did not finish in time
	 * @see WorkerOperations#runAndAwait(String, Object, RunOptions, Duration)
	 */
	CompletedRun runAndAwait(String workerId, @Nullable Object input, RunOptions options, Duration timeout);

	/**
	 * Start a run of the given Worker with default options, wait for it to finish and read the
	 * first page of its results; bounded as
	 * {@link #runAndAwait(String, Object, RunOptions, Duration)} is.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @param timeout how long to wait for the run at most
	 * @return the finished run and its first page
	 * @throws CoreClawRunTimeoutException if the run did not finish in time
	 * @see WorkerOperations#runAndAwait(String, Object, Duration)
	 */
	default CompletedRun runAndAwait(String workerId, @Nullable Object input, Duration timeout) {
		return runAndAwait(workerId, input, RunOptions.defaults(), timeout);
	}

	/**
	 * Put a run of the given Worker in CoreClaw's run queue; blocks for one request, bounded by
	 * the response timeout.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @return the queue item
	 * @see WorkerOperations#queueRun(String, Object)
	 */
	default QueuedRun queueRun(String workerId, @Nullable Object input) {
		return queueRun(workerId, input, RunOptions.defaults());
	}

	/**
	 * Put a run of the given Worker in CoreClaw's run queue with options; blocks for one request,
	 * bounded by the response timeout.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @param options the run options: callback URL and version
	 * @return the queue item
	 * @see WorkerOperations#queueRun(String, Object, RunOptions)
	 */
	QueuedRun queueRun(String workerId, @Nullable Object input, RunOptions options);

	/**
	 * Read a Worker's details; blocks for one request, bounded by the response timeout.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @return the Worker
	 * @throws CoreClawNotFoundException if there is no such Worker
	 * @see WorkerOperations#get(String)
	 */
	Worker get(String workerId);

	/**
	 * Read the schema of a Worker's input; blocks for one request, bounded by the response
	 * timeout.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @return the JSON-schema-like description, as nested maps and lists
	 * @see WorkerOperations#inputSchema(String)
	 */
	Map<String, Object> inputSchema(String workerId);

	/**
	 * Every Worker of the account, read 100 a page when the consumer reaches the page; each page
	 * read is bounded by the response timeout. Close the stream when leaving it early.
	 * @return the Workers, lazily
	 * @see WorkerOperations#list()
	 */
	default Stream<WorkerSummary> list() {
		return list(null);
	}

	/**
	 * The Workers of the account matching a keyword, read 100 a page when the consumer reaches the
	 * page; each page read is bounded by the response timeout. Close the stream when leaving it
	 * early.
	 * @param keyword the keyword, {@code null} for every Worker
	 * @return the Workers, lazily
	 * @see WorkerOperations#list(String)
	 */
	Stream<WorkerSummary> list(@Nullable String keyword);

	/**
	 * The Workers of CoreClaw's store matching a keyword, read 100 a page when the consumer
	 * reaches the page; each page read is bounded by the response timeout. Close the stream when
	 * leaving it early.
	 * @param keyword the keyword, {@code null} for the whole store
	 * @return the Workers, lazily
	 * @see WorkerOperations#store(String)
	 */
	Stream<WorkerSummary> store(@Nullable String keyword);

	/**
	 * The proxy regions a run can use, named in English; blocks for one request, bounded by the
	 * response timeout.
	 * @return the regions
	 * @see WorkerOperations#proxyRegions()
	 */
	List<ProxyRegion> proxyRegions();

	/**
	 * The proxy regions a run can use, named in the given language; blocks for one request,
	 * bounded by the response timeout.
	 * @param language a language code such as {@code en}, {@code zh} or {@code de}
	 * @return the regions
	 * @see WorkerOperations#proxyRegions(String)
	 */
	List<ProxyRegion> proxyRegions(String language);

	/**
	 * Start one run of a Worker per input, as fast as the plan allows, as
	 * {@link WorkerOperations#runBatch} does; the stream gives the outcomes as they come, and
	 * closing it before its end cancels the batch.
	 * @param workerId the Worker's id (slug or {@code owner~name})
	 * @param inputs the inputs, one run each
	 * @param options the batch options
	 * @return the outcomes, in completion order; close the stream
	 * @throws IllegalArgumentException if an argument is missing or invalid; nothing is sent
	 * @since 0.1.0
	 */
	Stream<BatchOutcome> runBatch(String workerId, List<?> inputs, BatchOptions options);

}
