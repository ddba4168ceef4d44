/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Blocking twin of {@link RunQueueOperations}, for Spring MVC and virtual-thread applications: the
 * same operations, models and exceptions, returning values instead of publishers.
 * <p>
 * Each method makes the call of its reactive twin, with the same client, transport and retries,
 * and waits for it on the caller's thread, each request bounded by the client's response timeout
 * ({@code coreclaw.response-timeout}), each attempt when it is retried ({@code coreclaw.retry.*}).
 * <p>
 * Failures are thrown as the reactive twin signals them: the same {@link CoreClawException}s,
 * never wrapped, and an {@link IllegalArgumentException} naming a bad argument before anything
 * is sent. An interrupt of the waiting thread cancels the call and throws a
 * {@link CoreClawInterruptedException}, the thread's interrupt flag set again. Called on a thread
 * that must not block (a Reactor Netty event loop, a {@code parallel} scheduler worker), every
 * method fails at once with an {@link IllegalStateException} and sends nothing: use
 * {@link RunQueueOperations} there.
 *
 * @since 0.1.0
 */
public interface BlockingRunQueueOperations {

	/**
	 * Every item of the run queue, read 100 a page when the consumer reaches the page; each page
	 * read is bounded by the response timeout. Close the stream when leaving it early.
	 * @return the items, lazily, in CoreClaw's order
	 * @see RunQueueOperations#list()
	 */
	Stream<QueueItem> list();

	/**
	 * Every item of the run queue in the given status, read 100 a page when the consumer reaches
	 * the page; each page read is bounded by the response timeout.
	 * @param status {@link QueueStatus#WAITING} or {@link QueueStatus#INACTIVE}
	 * @return the items, lazily, in CoreClaw's order
	 * @see RunQueueOperations#list(QueueStatus)
	 */
	Stream<QueueItem> list(QueueStatus status);

	/**
	 * Start waiting items; blocks for one request, bounded by the response timeout.
	 * @param queueRefs the items, at least one, each at most once
	 * @return what happened to each item
	 * @see RunQueueOperations#activate(List)
	 */
	List<QueueItemResult> activate(List<String> queueRefs);

	/**
	 * Release items for good; blocks for one request, bounded by the response timeout.
	 * @param queueRefs the items, at least one, each at most once
	 * @param reason why, recorded by CoreClaw; {@code null} for none
	 * @return what happened to each item
	 * @see RunQueueOperations#release(List, String)
	 */
	List<QueueItemResult> release(List<String> queueRefs, @Nullable String reason);

	/**
	 * Release one item for good; blocks for one request, bounded by the response timeout.
	 * @param queueRef the item
	 * @param reason why, recorded by CoreClaw; {@code null} for none
	 * @return what happened to the item
	 * @see RunQueueOperations#release(String, String)
	 */
	QueueItemResult release(String queueRef, @Nullable String reason);

}
