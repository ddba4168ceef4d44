/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Broadcast of CoreClaw's run callbacks to every instance of an application over Redis pub/sub
 * ({@code coreclaw.tracking.broadcast=redis}), so that the waits of every instance wake when one
 * instance receives a callback.
 */
@NullMarked
package io.github.coreclaw.spring.broadcast;

import org.jspecify.annotations.NullMarked;
