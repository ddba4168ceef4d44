/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of an asynchronous run reply.
 *
 * @param runSlug the new run's slug
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AsyncRunData(@JsonProperty("run_slug") @Nullable String runSlug) {

}
