/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Operations on saved CoreClaw worker tasks: start their runs, and list, read, create, change and
 * delete them.
 * <p>
 * Every method is lazy: nothing is sent until the returned {@link Mono} is subscribed,
 * and each subscription sends one request. Bad arguments are reported as an
 * {@link IllegalArgumentException} naming the argument before anything is sent; every
 * other failure is a {@link CoreClawException}, an unknown task a
 * {@link CoreClawNotFoundException} and a request CoreClaw finds invalid a
 * {@link CoreClawValidationException} with CoreClaw's details. Reads and changes by {@code PUT}
 * are retried on transient failures; a create or a delete is never repeated once it may have
 * reached CoreClaw.
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

	/**
	 * Every worker task of the account, read 100 a page as the subscriber asks for them.
	 * @return the tasks, lazily
	 * @since 0.1.0
	 */
	default Flux<WorkerTask> list() {
		return list(TaskQuery.all());
	}

	/**
	 * The worker tasks a query finds, read 100 a page as the subscriber asks for them (never more
	 * than one page ahead); each page is checked to be the one asked for.
	 * @param query which tasks to list, {@link TaskQuery#all()} for every one
	 * @return the tasks, lazily
	 * @since 0.1.0
	 */
	Flux<WorkerTask> list(TaskQuery query);

	/**
	 * Read one worker task.
	 * @param workerTaskId the worker task slug
	 * @return the task, or {@link CoreClawNotFoundException} if there is none
	 * @since 0.1.0
	 */
	Mono<WorkerTask> get(String workerTaskId);

	/**
	 * Save a new worker task. The request is sent once: it is never repeated once it may have
	 * reached CoreClaw, since a repeat could save the task twice.
	 * @param definition the task: Worker, title, input and optional description, version and
	 * schedule; the input is written by the application's Jackson mapper and must come out as a
	 * JSON object
	 * @return the new task's slug
	 * @since 0.1.0
	 */
	Mono<String> create(WorkerTaskDefinition definition);

	/**
	 * Change a worker task's title, description or schedule; only what the update sets is sent.
	 * @param workerTaskId the worker task slug
	 * @param update what changes; an update that changes nothing is refused
	 * @return completes when CoreClaw has saved the change
	 * @since 0.1.0
	 */
	Mono<Void> update(String workerTaskId, WorkerTaskUpdate update);

	/**
	 * Delete a worker task. The request is never repeated once it may have reached CoreClaw (a
	 * repeat would fail with {@link CoreClawNotFoundException}).
	 * @param workerTaskId the worker task slug
	 * @return completes when CoreClaw has deleted the task
	 * @since 0.1.0
	 */
	Mono<Void> delete(String workerTaskId);

	/**
	 * Read a worker task's saved input and Worker version.
	 * @param workerTaskId the worker task slug
	 * @return the input and version
	 * @since 0.1.0
	 */
	Mono<TaskInput> getInput(String workerTaskId);

	/**
	 * Replace a worker task's input, keeping its Worker version.
	 * @param workerTaskId the worker task slug
	 * @param input the new input, written by the application's Jackson mapper, which must come out
	 * as a JSON object (the Worker's fields usually go under {@code parameters.custom})
	 * @return completes when CoreClaw has saved the input
	 * @since 0.1.0
	 */
	Mono<Void> updateInput(String workerTaskId, Object input);

	/**
	 * Replace a worker task's input and the Worker version it runs.
	 * @param workerTaskId the worker task slug
	 * @param input the new input, written by the application's Jackson mapper, which must come out
	 * as a JSON object
	 * @param version the Worker version, for example {@code v1.2.8}
	 * @return completes when CoreClaw has saved the input
	 * @since 0.1.0
	 */
	Mono<Void> updateInput(String workerTaskId, Object input, String version);

	/**
	 * Run each of the worker tasks once, as fast as the plan allows, and tell what became of
	 * each: one {@link BatchOutcome} per task, in completion order, its
	 * {@link BatchOutcome#index()} the task's position (a task listed twice runs twice).
	 * <p>
	 * At most {@link BatchOptions#maxRunning()} of the batch's runs are running at once (or
	 * {@code coreclaw.batch.max-running}; without either, the batch learns the limit: it grows while
	 * starts succeed and settles just under the first refusal with code 30003). A 30003 refusal is
	 * never a failure of the item: it waits for one of the batch's runs to finish and starts again;
	 * a rate-limit refusal (HTTP 429, code 13000) slows the starting, honouring
	 * {@code Retry-After}. An item is started again only after one of these two refusals, which
	 * certainly created no run, so no item ever gets two runs; any other failure of its start
	 * fails the item. Each run that succeeded is judged ({@link WorkerRunOperations#verify}).
	 * Cancelling stops starting runs and, with {@link BatchOptions#abortOnCancel()}, aborts the
	 * batch's runs under way. The batch is observed once, with its counts, besides its calls.
	 * @param workerTaskIds the tasks, one run each
	 * @param options the batch options
	 * @return the outcomes; nothing happens until subscribed, each subscription runs the batch anew
	 * @throws IllegalArgumentException if an argument is missing or invalid; nothing is sent
	 * @since 0.1.0
	 */
	Flux<BatchOutcome> runBatch(List<String> workerTaskIds, BatchOptions options);

}
