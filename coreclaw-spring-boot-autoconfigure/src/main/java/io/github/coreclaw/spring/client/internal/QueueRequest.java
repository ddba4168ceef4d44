/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Body of the run queue's activate and release requests, holding only the fields that are set:
 * {@code {"queue_refs":[…]}} to activate, with {@code reason} to release several items, and
 * {@code {"reason":…}} or {@code {}} to release one.
 *
 * @param queueRefs the items, {@code null} when the path names the item
 * @param reason why the items are released, {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueRequest(@JsonProperty("queue_refs") @Nullable List<String> queueRefs,
		@JsonProperty("reason") @Nullable String reason) {

}
