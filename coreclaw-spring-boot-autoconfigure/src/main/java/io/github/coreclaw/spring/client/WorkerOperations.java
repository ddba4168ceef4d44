/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * Operations on CoreClaw Workers: run one with an input of your own, queue a run, and read a
 * Worker's details, input schema and the Workers of the account or the store.
 * <p>
 * Every method is lazy and checks its arguments before anything is sent
 * ({@link IllegalArgumentException} naming the argument); every other failure is a
 * {@link CoreClawException}. A request that starts or queues a run is never repeated once it may
 * have reached CoreClaw.
 *
 * @since 0.2.0
 */
public interface WorkerOperations {

}
