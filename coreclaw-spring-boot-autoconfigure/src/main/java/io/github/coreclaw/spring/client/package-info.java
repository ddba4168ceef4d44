/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Reactive client for the CoreClaw API: start worker task runs and read their results.
 * <p>
 * This package depends on Spring Framework, Reactor and Jackson only, never on Spring Boot.
 */
@NullMarked
package io.github.coreclaw.spring.client;

import org.jspecify.annotations.NullMarked;
