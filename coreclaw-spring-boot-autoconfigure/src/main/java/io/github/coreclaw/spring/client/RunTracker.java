/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import reactor.core.publisher.Mono;

/**
 * Records a run started with {@link RunOptions.Builder#track(String)} durably before its start
 * completes to the caller.
 * <p>
 * The client calls it once CoreClaw has answered the start with the run's slug; the start
 * completes only when the returned {@link Mono} does. An implementation must not block the
 * subscribing thread (which may be an event loop): blocking work belongs on
 * {@code Schedulers.boundedElastic()}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RunTracker {

	/**
	 * Record a tracked run.
	 * @param run the run CoreClaw started
	 * @param label the label the run was started with
	 * @param startedBy what started it, such as {@code worker-task nightly-berlin}
	 * @return a {@link Mono} that completes once the run is recorded durably, or fails
	 */
	Mono<Void> record(RunSlug run, String label, String startedBy);

}
