/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * Operations on CoreClaw's run queue: list the queued runs, activate them or release them.
 * <p>
 * Every method is lazy and checks its arguments before anything is sent
 * ({@link IllegalArgumentException} naming the argument); every other failure is a
 * {@link CoreClawException}. Activating and releasing are never repeated once they may have
 * reached CoreClaw.
 *
 * @since 0.2.0
 */
public interface RunQueueOperations {

}
