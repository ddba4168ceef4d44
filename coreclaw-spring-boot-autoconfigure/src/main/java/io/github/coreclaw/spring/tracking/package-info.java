/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Tracked runs: runs started with {@code RunOptions.builder().track(label)}, recorded in the
 * application's database before their start completes and handed to the application's
 * {@link io.github.coreclaw.spring.tracking.TrackedRunHandler}s once they finish, exactly once per
 * successful handling, across restarts and application instances.
 * <p>
 * This package depends on Spring Framework (JDBC and transactions), Reactor and the client, never
 * on Spring Boot.
 */
@NullMarked
package io.github.coreclaw.spring.tracking;

import org.jspecify.annotations.NullMarked;
