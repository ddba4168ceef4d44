/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Body of a request that starts or queues a run (CoreClaw's {@code RunWorkerRequest}, of which
 * {@code RunTaskRequest} and {@code RerunRequest} are the part without {@code version} and
 * {@code input}); fields left {@code null} are not sent.
 *
 * @param callbackUrl the callback URL
 * @param isAsync whether to return before the run finishes, {@code null} for a queued run
 * @param limit the size of the synchronous result window
 * @param offset the position of the synchronous result window
 * @param version the Worker version (Worker runs only)
 * @param input the Worker input, a JSON object (Worker runs only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRequest(@JsonProperty("callback_url") @Nullable String callbackUrl,
		@JsonProperty("is_async") @Nullable Boolean isAsync, @JsonProperty("limit") @Nullable Integer limit,
		@JsonProperty("offset") @Nullable Integer offset, @JsonProperty("version") @Nullable String version,
		@JsonProperty("input") @Nullable JsonNode input) {

}
