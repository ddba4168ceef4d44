/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Receiver of CoreClaw's run status callbacks for WebFlux and Spring MVC applications, and the event it
 * publishes: at most once for each run and status, after CoreClaw's request has been answered.
 */
@NullMarked
package io.github.coreclaw.spring.callback;

import org.jspecify.annotations.NullMarked;
