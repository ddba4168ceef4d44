/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * {@link BlockingRunQueueOperations} over the client's reactive {@link RunQueueOperations}.
 */
final class DefaultBlockingRunQueueOperations implements BlockingRunQueueOperations {

	static final String REACTIVE = "RunQueueOperations (CoreClawClient.runQueue())";

	private final DefaultRunQueueOperations reactive;

	DefaultBlockingRunQueueOperations(DefaultRunQueueOperations reactive) {
		this.reactive = reactive;
	}

	@Override
	public Stream<QueueItem> list() {
		Blocking.checkThread(REACTIVE);
		Pager.Source<QueueItem> source = this.reactive.listSource(null);
		return Blocking.stream(() -> List.of(source).iterator(), REACTIVE);
	}

	@Override
	public Stream<QueueItem> list(QueueStatus status) {
		Blocking.checkThread(REACTIVE);
		Pager.Source<QueueItem> source = this.reactive.listSource(DefaultRunQueueOperations.checkStatus(status));
		return Blocking.stream(() -> List.of(source).iterator(), REACTIVE);
	}

	@Override
	public List<QueueItemResult> activate(List<String> queueRefs) {
		return Blocking.await(() -> this.reactive.activate(queueRefs), REACTIVE);
	}

	@Override
	public List<QueueItemResult> release(List<String> queueRefs, @Nullable String reason) {
		return Blocking.await(() -> this.reactive.release(queueRefs, reason), REACTIVE);
	}

	@Override
	public QueueItemResult release(String queueRef, @Nullable String reason) {
		return Blocking.await(() -> this.reactive.release(queueRef, reason), REACTIVE);
	}

}
