/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Test support for applications that use the CoreClaw starter: a CoreClaw simulator, a Spring test
 * annotation and a test configuration that start it, and a Testcontainers service connection.
 */
@NullMarked
package io.github.coreclaw.spring.test;

import org.jspecify.annotations.NullMarked;
