/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Internal support of the CoreClaw client: wire formats, error mapping and argument checks; not a public API.
 */
@NullMarked
package io.github.coreclaw.spring.client.internal;

import org.jspecify.annotations.NullMarked;
