/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Body of a request that starts a run; fields left {@code null} are not sent.
 *
 * @param callbackUrl the callback URL
 * @param isAsync whether to return before the run finishes
 * @param limit the size of the synchronous result window
 * @param offset the position of the synchronous result window
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRequest(@JsonProperty("callback_url") @Nullable String callbackUrl,
		@JsonProperty("is_async") boolean isAsync, @JsonProperty("limit") @Nullable Integer limit,
		@JsonProperty("offset") @Nullable Integer offset) {

}
