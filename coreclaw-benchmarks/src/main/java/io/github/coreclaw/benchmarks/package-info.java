/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Benchmarks of the CoreClaw starter against a raw WebClient and plain Jackson.
 */
@NullMarked
package io.github.coreclaw.benchmarks;

import org.jspecify.annotations.NullMarked;
