/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * The blocking view of a {@link CoreClawClient}, from {@link CoreClawClient#blocking()}: the
 * blocking twins of its operations, over the same transport, retries and settings, for
 * applications without the starter's auto-configuration (which makes the twins beans).
 * <p>
 * It holds nothing of its own: closing the {@link CoreClawClient} is all there is to close.
 *
 * @since 0.1.0
 */
public final class BlockingCoreClawClient {

	private final BlockingWorkerTaskOperations workerTasks;

	private final BlockingWorkerRunOperations workerRuns;

	private final BlockingWorkerOperations workers;

	private final BlockingRunQueueOperations runQueue;

	private final CoreClawClient client;

	BlockingCoreClawClient(CoreClawClient client, DefaultWorkerTaskOperations workerTasks,
			DefaultWorkerRunOperations workerRuns, DefaultWorkerOperations workers, DefaultRunQueueOperations runQueue) {
		this.client = client;
		this.workerTasks = new DefaultBlockingWorkerTaskOperations(workerTasks);
		this.workerRuns = new DefaultBlockingWorkerRunOperations(workerRuns);
		this.workers = new DefaultBlockingWorkerOperations(workers);
		this.runQueue = new DefaultBlockingRunQueueOperations(runQueue);
	}

	/**
	 * Blocking operations on saved worker tasks, the twin of {@link CoreClawClient#workerTasks()}.
	 * @return the blocking worker task operations
	 */
	public BlockingWorkerTaskOperations workerTasks() {
		return this.workerTasks;
	}

	/**
	 * Blocking operations on runs that have started, the twin of {@link CoreClawClient#workerRuns()}.
	 * @return the blocking worker run operations
	 */
	public BlockingWorkerRunOperations workerRuns() {
		return this.workerRuns;
	}

	/**
	 * Blocking operations on Workers, the twin of {@link CoreClawClient#workers()}.
	 * @return the blocking worker operations
	 */
	public BlockingWorkerOperations workers() {
		return this.workers;
	}

	/**
	 * Blocking operations on the run queue, the twin of {@link CoreClawClient#runQueue()}.
	 * @return the blocking run queue operations
	 */
	public BlockingRunQueueOperations runQueue() {
		return this.runQueue;
	}

	/**
	 * Read the account the API key belongs to, the twin of {@link CoreClawClient#account()};
	 * blocks for one request, bounded by the response timeout ({@code coreclaw.response-timeout}),
	 * each attempt when it is retried. Refused, with nothing sent, on a thread that must not
	 * block.
	 * @return the account
	 * @throws IllegalStateException on a thread that must not block (a Reactor Netty event loop,
	 * a {@code parallel} scheduler worker): use {@link CoreClawClient#account()} there
	 */
	public Account account() {
		return Blocking.await(this.client::account, "CoreClawClient.account()");
	}

	@Override
	public String toString() {
		return "BlockingCoreClawClient[" + this.client.settings() + "]";
	}

}
