/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Spring Boot auto-configuration of the CoreClaw client.
 */
@NullMarked
package io.github.coreclaw.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
