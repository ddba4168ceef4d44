/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Operations on CoreClaw Workers: run one with an input of your own, queue a run, and read a
 * Worker's details, input schema and the Workers of the account or the store.
 * <p>
 * Every method is lazy and checks its arguments before anything is sent
 * ({@link IllegalArgumentException} naming the argument); every other failure is a
 * {@link CoreClawException}. A request that starts or queues a run is never repeated once it may
 * have reached CoreClaw.
 * <p>
 * A {@code workerId} is a Worker's slug ({@code demo-worker}) or its path written as
 * {@code owner~name}. An {@code input} is any value the application's Jackson mapper writes as a
 * JSON object: a {@link WorkerInput}, a {@code Map}, a record or an {@code ObjectNode}; or
 * {@code null} to send none. Anything else fails with an {@link IllegalArgumentException} before
 * anything is sent.
 *
 * @since 0.1.0
 */
public interface WorkerOperations {

	/**
	 * Start a run of the given Worker and return as soon as CoreClaw has accepted it.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @return the slug of the new run
	 */
	default Mono<RunSlug> runAsync(String workerId, @Nullable Object input) {
		return runAsync(workerId, input, RunOptions.defaults());
	}

	/**
	 * Start a run of the given Worker with options and return as soon as CoreClaw has accepted it.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @param options the run options, {@code version} included
	 * @return the slug of the new run
	 */
	Mono<RunSlug> runAsync(String workerId, @Nullable Object input, RunOptions options);

	/**
	 * Run the given Worker and wait for its result; CoreClaw waits at most five minutes and then
	 * answers with a run that is not finished yet (see {@link SyncRunResult#finished()}).
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @return the run and the first window of its results
	 */
	default Mono<SyncRunResult> runSync(String workerId, @Nullable Object input) {
		return runSync(workerId, input, RunOptions.defaults());
	}

	/**
	 * Run the given Worker with options and wait for its result.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @param options the run options; {@code limit} sizes the window of result rows returned
	 * @return the run and the requested window of its results
	 */
	Mono<SyncRunResult> runSync(String workerId, @Nullable Object input, RunOptions options);

	/**
	 * Start a run of the given Worker, wait for it to finish by polling (no five-minute limit),
	 * then read the first page of its results; nothing is ever sent twice. Every failure after
	 * the run started carries the run ({@link CoreClawException#getRunSlug()}).
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @param options the run options; {@code limit} sizes the first page
	 * @param timeout how long to wait for the run at most
	 * @return the finished run and its first page, or {@link CoreClawRunTimeoutException}
	 */
	Mono<CompletedRun> runAndAwait(String workerId, @Nullable Object input, RunOptions options, Duration timeout);

	/**
	 * Start a run of the given Worker with default options, wait for it to finish by polling and
	 * read the first page of its results.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @param timeout how long to wait for the run at most
	 * @return the finished run and its first page, or {@link CoreClawRunTimeoutException}
	 */
	default Mono<CompletedRun> runAndAwait(String workerId, @Nullable Object input, Duration timeout) {
		return runAndAwait(workerId, input, RunOptions.defaults(), timeout);
	}

	/**
	 * Put a run of the given Worker in CoreClaw's run queue instead of starting it; a
	 * {@link QueueStatus#WAITING waiting} item starts only once activated through the run queue.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @return the queue item
	 */
	default Mono<QueuedRun> queueRun(String workerId, @Nullable Object input) {
		return queueRun(workerId, input, RunOptions.defaults());
	}

	/**
	 * Put a run of the given Worker in CoreClaw's run queue with options. Only the callback URL
	 * and the version are sent: CoreClaw ignores the result window of queued runs, so options that
	 * set a {@code limit} or {@code offset} are refused.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @param input the input, {@code null} for none
	 * @param options the run options: callback URL and version
	 * @return the queue item
	 */
	Mono<QueuedRun> queueRun(String workerId, @Nullable Object input, RunOptions options);

	/**
	 * Read a Worker's details.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @return the Worker, or {@link CoreClawNotFoundException} if there is no such Worker
	 */
	Mono<Worker> get(String workerId);

	/**
	 * Read the schema of a Worker's input, to build an input it accepts.
	 * @param workerId the Worker's slug or {@code owner~name} path
	 * @return the JSON-schema-like description, as nested maps and lists
	 */
	Mono<Map<String, Object>> inputSchema(String workerId);

	/**
	 * Every Worker of the account, read 100 a page as the subscriber asks for more.
	 * @return the Workers
	 */
	default Flux<WorkerSummary> list() {
		return list(null);
	}

	/**
	 * The Workers of the account whose title, slug or path match a keyword, read 100 a page as the
	 * subscriber asks for more.
	 * @param keyword the keyword, {@code null} for every Worker
	 * @return the Workers
	 */
	Flux<WorkerSummary> list(@Nullable String keyword);

	/**
	 * The Workers of CoreClaw's store whose title, slug or path match a keyword, read 100 a page
	 * as the subscriber asks for more.
	 * @param keyword the keyword, {@code null} for the whole store
	 * @return the Workers
	 */
	Flux<WorkerSummary> store(@Nullable String keyword);

	/**
	 * The proxy regions a run can use, named in CoreClaw's default language (English).
	 * @return the regions
	 */
	Mono<List<ProxyRegion>> proxyRegions();

	/**
	 * The proxy regions a run can use, named in the given language where CoreClaw knows it.
	 * @param language a language code such as {@code en}, {@code zh} or {@code de}
	 * @return the regions
	 */
	Mono<List<ProxyRegion>> proxyRegions(String language);

	/**
	 * Start one run of a Worker per input, as fast as the plan allows, and tell what became of
	 * each: one {@link BatchOutcome} per input, in completion order, its
	 * {@link BatchOutcome#index()} the input's position.
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
	 * @param workerId the Worker's id (slug or {@code owner~name})
	 * @param inputs the inputs, one run each (a {@link WorkerInput}, a map, or any object the row
	 * mapper writes as the run's {@code input})
	 * @param options the batch options
	 * @return the outcomes; nothing happens until subscribed, each subscription runs the batch anew
	 * @throws IllegalArgumentException if an argument is missing or invalid; nothing is sent
	 * @since 0.1.0
	 */
	Flux<BatchOutcome> runBatch(String workerId, List<?> inputs, BatchOptions options);

}
