/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Blocking twin of {@link WorkerTaskOperations}, for Spring MVC and virtual-thread applications:
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
 * {@link WorkerTaskOperations} there.
 *
 * @since 0.1.0
 */
public interface BlockingWorkerTaskOperations {

	/**
	 * Start a run of the given worker task and return as soon as CoreClaw has accepted it;
	 * blocks for one request, bounded by the response timeout.
	 * @param workerTaskId the worker task slug, for example {@code demo-task}
	 * @return the slug of the new run
	 * @see WorkerTaskOperations#runAsync(String)
	 */
	default RunSlug runAsync(String workerTaskId) {
		return runAsync(workerTaskId, RunOptions.defaults());
	}

	/**
	 * Start a run of the given worker task with options and return as soon as CoreClaw has
	 * accepted it; blocks for one request, bounded by the response timeout.
	 * @param workerTaskId the worker task slug
	 * @param options the run options
	 * @return the slug of the new run
	 * @see WorkerTaskOperations#runAsync(String, RunOptions)
	 */
	RunSlug runAsync(String workerTaskId, RunOptions options);

	/**
	 * Run the given worker task and wait for its result; blocks for one request, bounded by the
	 * sync response timeout ({@code coreclaw.sync-response-timeout}), longer than CoreClaw's own
	 * five-minute wait.
	 * @param workerTaskId the worker task slug
	 * @return the run and the first window of its results
	 * @see WorkerTaskOperations#runSync(String)
	 */
	default SyncRunResult runSync(String workerTaskId) {
		return runSync(workerTaskId, RunOptions.defaults());
	}

	/**
	 * Run the given worker task with options and wait for its result; blocks for one request,
	 * bounded by the sync response timeout.
	 * @param workerTaskId the worker task slug
	 * @param options the run options
	 * @return the run and the requested window of its results
	 * @see WorkerTaskOperations#runSync(String, RunOptions)
	 */
	SyncRunResult runSync(String workerTaskId, RunOptions options);

	/**
	 * Start a run of the given worker task, wait for it to finish by polling, then read the first
	 * page of its results; blocks for the start (response timeout), the wait (at most
	 * {@code timeout}) and the read of the page (response timeout).
	 * @param workerTaskId the worker task slug
	 * @param options the run options; {@code limit} sizes the first page
	 * @param timeout how long to wait for the run at most
	 * @return the finished run and its first page
	 * @throws CoreClawRunTimeoutException if the run did not finish in time
	 * @see WorkerTaskOperations#runAndAwait(String, RunOptions, Duration)
	 */
	CompletedRun runAndAwait(String workerTaskId, RunOptions options, Duration timeout);

	/**
	 * Start a run of the given worker task with default options, wait for it to finish by polling
	 * and read the first page of its results; bounded as
	 * {@link #runAndAwait(String, RunOptions, Duration)} is.
	 * @param workerTaskId the worker task slug
	 * @param timeout how long to wait for the run at most
	 * @return the finished run and its first page
	 * @throws CoreClawRunTimeoutException if the run did not finish in time
	 * @see WorkerTaskOperations#runAndAwait(String, Duration)
	 */
	default CompletedRun runAndAwait(String workerTaskId, Duration timeout) {
		return runAndAwait(workerTaskId, RunOptions.defaults(), timeout);
	}

	/**
	 * Every worker task of the account, read 100 a page when the consumer reaches the page; each
	 * page read is bounded by the response timeout. Close the stream (try-with-resources) when
	 * leaving it early.
	 * @return the tasks, lazily
	 * @see WorkerTaskOperations#list()
	 */
	default Stream<WorkerTask> list() {
		return list(TaskQuery.all());
	}

	/**
	 * The worker tasks a query finds, read 100 a page when the consumer reaches the page; each
	 * page read is bounded by the response timeout. Close the stream (try-with-resources) when
	 * leaving it early.
	 * @param query which tasks to list, {@link TaskQuery#all()} for every one
	 * @return the tasks, lazily
	 * @see WorkerTaskOperations#list(TaskQuery)
	 */
	Stream<WorkerTask> list(TaskQuery query);

	/**
	 * Read one worker task; blocks for one request, bounded by the response timeout.
	 * @param workerTaskId the worker task slug
	 * @return the task
	 * @throws CoreClawNotFoundException if there is none
	 * @see WorkerTaskOperations#get(String)
	 */
	WorkerTask get(String workerTaskId);

	/**
	 * Save a new worker task, sent once; blocks for one request, bounded by the response timeout.
	 * @param definition the task
	 * @return the new task's slug
	 * @see WorkerTaskOperations#create(WorkerTaskDefinition)
	 */
	String create(WorkerTaskDefinition definition);

	/**
	 * Change a worker task's title, description or schedule; blocks for one request, bounded by
	 * the response timeout.
	 * @param workerTaskId the worker task slug
	 * @param update what changes
	 * @see WorkerTaskOperations#update(String, WorkerTaskUpdate)
	 */
	void update(String workerTaskId, WorkerTaskUpdate update);

	/**
	 * Delete a worker task, sent once; blocks for one request, bounded by the response timeout.
	 * @param workerTaskId the worker task slug
	 * @see WorkerTaskOperations#delete(String)
	 */
	void delete(String workerTaskId);

	/**
	 * Read a worker task's saved input and Worker version; blocks for one request, bounded by the
	 * response timeout.
	 * @param workerTaskId the worker task slug
	 * @return the input and version
	 * @see WorkerTaskOperations#getInput(String)
	 */
	TaskInput getInput(String workerTaskId);

	/**
	 * Replace a worker task's input, keeping its Worker version; blocks for one request, bounded
	 * by the response timeout.
	 * @param workerTaskId the worker task slug
	 * @param input the new input, which must come out as a JSON object
	 * @see WorkerTaskOperations#updateInput(String, Object)
	 */
	void updateInput(String workerTaskId, Object input);

	/**
	 * Replace a worker task's input and the Worker version it runs; blocks for one request,
	 * bounded by the response timeout.
	 * @param workerTaskId the worker task slug
	 * @param input the new input, which must come out as a JSON object
	 * @param version the Worker version, for example {@code v1.2.8}
	 * @see WorkerTaskOperations#updateInput(String, Object, String)
	 */
	void updateInput(String workerTaskId, Object input, String version);

	/**
	 * Run each of the worker tasks once, as fast as the plan allows, as
	 * {@link WorkerTaskOperations#runBatch} does; the stream gives the outcomes as they come, and
	 * closing it before its end cancels the batch.
	 * @param workerTaskIds the tasks, one run each
	 * @param options the batch options
	 * @return the outcomes, in completion order; close the stream
	 * @throws IllegalArgumentException if an argument is missing or invalid; nothing is sent
	 * @since 0.1.0
	 */
	Stream<BatchOutcome> runBatch(List<String> workerTaskIds, BatchOptions options);

}
