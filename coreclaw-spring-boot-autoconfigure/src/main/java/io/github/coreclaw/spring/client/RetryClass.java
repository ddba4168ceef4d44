/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * How an operation may be repeated after a failure: a property of the operation, never of the
 * caller's retry configuration.
 */
enum RetryClass {

	/** A read: retried on retryable statuses and codes, timeouts and broken connections. */
	READ,

	/**
	 * A change that may be applied twice with the same effect (a PUT, an abort): retried like a
	 * read.
	 */
	IDEMPOTENT,

	/**
	 * A request that starts a run (task and worker runs, reruns): retried on retryable statuses and
	 * codes, never after a timeout or a connection that broke once the request was written.
	 */
	STARTS_RUN,

	/**
	 * Any other change (create, delete, queue, activate, release): retried only when CoreClaw
	 * certainly did not carry it out (never sent, rate limited, plan concurrency limit).
	 */
	NON_IDEMPOTENT;

	/**
	 * Whether a failure after the request was written may mean that CoreClaw carried it out.
	 * @return {@code true} unless the operation is a read or idempotent
	 */
	boolean sideEffects() {
		return this == STARTS_RUN || this == NON_IDEMPOTENT;
	}

}
