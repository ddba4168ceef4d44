/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * A minimal application that runs a CoreClaw worker task through the starter.
 */
@NullMarked
package io.github.coreclaw.samples;

import org.jspecify.annotations.NullMarked;
