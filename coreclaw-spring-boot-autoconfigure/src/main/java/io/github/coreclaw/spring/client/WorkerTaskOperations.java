/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Operations that start runs of saved CoreClaw worker tasks.
 * <p>
 * Every method is lazy: nothing is sent until the returned {@link Mono} is subscribed,
 * and each subscription sends one request. Bad arguments are reported as an
 * {@link IllegalArgumentException} naming the argument before anything is sent; every
 * other failure is a {@link CoreClawException}.
 *
 * @since 0.1.0
 */
public interface WorkerTaskOperations {

	/**
	 * Start a run of the given worker task and return as soon as CoreClaw has accepted it.
	 * @param workerTaskId the worker task slug, for example {@code demo-task}
	 * @return the slug of the new run
	 */
	default Mono<RunSlug> runAsync(String workerTaskId) {
		return runAsync(workerTaskId, RunOptions.defaults());
	}

	/**
	 * Start a run of the given worker task with options and return as soon as CoreClaw has
	 * accepted it.
	 * @param workerTaskId the worker task slug
	 * @param options the run options; {@code limit} and {@code offset} are sent only when set
	 * @return the slug of the new run
	 */
	Mono<RunSlug> runAsync(String workerTaskId, RunOptions options);

	/**
	 * Run the given worker task and wait for its result; CoreClaw waits at most five minutes
	 * and then answers with a run that is not finished yet (see {@link SyncRunResult#finished()}).
	 * @param workerTaskId the worker task slug
	 * @return the run and the first window of its results
	 */
	default Mono<SyncRunResult> runSync(String workerTaskId) {
		return runSync(workerTaskId, RunOptions.defaults());
	}

	/**
	 * Run the given worker task with options and wait for its result.
	 * @param workerTaskId the worker task slug
	 * @param options the run options; {@code limit} sizes the window of result rows returned
	 * @return the run and the requested window of its results
	 */
	Mono<SyncRunResult> runSync(String workerTaskId, RunOptions options);

	/**
	 * Start a run of the given worker task, wait for it to finish by polling (no five-minute
	 * limit), then read the first page of its results; nothing is ever sent twice. Every failure
	 * after the run started carries the run ({@link CoreClawException#getRunSlug()}), so that the
	 * caller can follow it instead of starting another one.
	 * @param workerTaskId the worker task slug
	 * @param options the run options; {@code limit} sizes the first page
	 * @param timeout how long to wait for the run at most
	 * @return the finished run and its first page, or {@link CoreClawRunTimeoutException}
	 */
	Mono<CompletedRun> runAndAwait(String workerTaskId, RunOptions options, Duration timeout);

	/**
	 * Start a run of the given worker task with default options, wait for it to finish by polling
	 * and read the first page of its results.
	 * @param workerTaskId the worker task slug
	 * @param timeout how long to wait for the run at most
	 * @return the finished run and its first page, or {@link CoreClawRunTimeoutException}
	 */
	default Mono<CompletedRun> runAndAwait(String workerTaskId, Duration timeout) {
		return runAndAwait(workerTaskId, RunOptions.defaults(), timeout);
	}

}
