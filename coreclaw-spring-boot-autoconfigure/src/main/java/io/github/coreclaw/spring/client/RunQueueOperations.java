/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Operations on CoreClaw's run queue: list the queued runs, activate them or release them.
 * <p>
 * Every method is lazy and checks its arguments before anything is sent
 * ({@link IllegalArgumentException} naming the argument); every other failure is a
 * {@link CoreClawException}. Listing is retried on transient failures; activating and releasing
 * are never repeated once they may have reached CoreClaw.
 * <p>
 * Activating and releasing succeed or fail item by item: the reply says what happened to each
 * item ({@link QueueItemResult}), and an item that could not be activated or released is no
 * error of the call. A reply with code 0 never fails the call: when it carries no per-item
 * results (CoreClaw's own OpenAPI examples answer with an empty {@code data}), CoreClaw accepted
 * the request, and the result holds every item asked for, in the order asked, as a success
 * without per-item detail ({@link QueueItemResult#reported()} is {@code false}).
 *
 * @since 0.1.0
 */
public interface RunQueueOperations {

	/**
	 * Every item of the run queue ({@code GET /api/v2/run-queue/items}), read page by page
	 * (100 items a page) as the subscriber asks for them, never more than one page ahead.
	 * @return the items, in CoreClaw's order
	 */
	Flux<QueueItem> list();

	/**
	 * Every item of the run queue in the given status ({@code status=waiting} or
	 * {@code status=inactive}).
	 * @param status {@link QueueStatus#WAITING} or {@link QueueStatus#INACTIVE}
	 * @return the items, in CoreClaw's order
	 * @throws IllegalArgumentException if the status is {@code null} or {@link QueueStatus#UNKNOWN}
	 */
	Flux<QueueItem> list(QueueStatus status);

	/**
	 * Start waiting items ({@code POST /api/v2/run-queue/items/activate}). An item that is not
	 * waiting fails on its own; activation is subject to the plan's concurrency limit
	 * ({@link CoreClawConcurrencyLimitException}).
	 * @param queueRefs the items, at least one, each at most once
	 * @return what happened to each item, in CoreClaw's order; every item, in the order given,
	 * as accepted without detail if CoreClaw's code-0 reply has no per-item results
	 */
	Mono<List<QueueItemResult>> activate(List<String> queueRefs);

	/**
	 * Release items for good, so that they never run
	 * ({@code POST /api/v2/run-queue/items/release}).
	 * @param queueRefs the items, at least one, each at most once
	 * @param reason why, recorded by CoreClaw; {@code null} for none
	 * @return what happened to each item, in CoreClaw's order; every item, in the order given,
	 * as accepted without detail if CoreClaw's code-0 reply has no per-item results
	 */
	Mono<List<QueueItemResult>> release(List<String> queueRefs, @Nullable String reason);

	/**
	 * Release one item for good, so that it never runs
	 * ({@code POST /api/v2/run-queue/items/{queueId}/release}).
	 * @param queueRef the item
	 * @param reason why, recorded by CoreClaw; {@code null} for none
	 * @return what happened to the item; the item as accepted without detail if CoreClaw's
	 * code-0 reply has no per-item results
	 */
	Mono<QueueItemResult> release(String queueRef, @Nullable String reason);

}
