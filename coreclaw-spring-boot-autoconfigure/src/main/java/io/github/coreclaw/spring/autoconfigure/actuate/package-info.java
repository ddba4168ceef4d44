/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Auto-configuration of the CoreClaw health indicator and info contributor, for applications
 * with Spring Boot Actuator.
 */
@NullMarked
package io.github.coreclaw.spring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
