/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.coreclaw.spring.client.RunSlug;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of an asynchronous run reply.
 *
 * @param runSlug the new run's slug
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AsyncRunData(@JsonProperty("run_slug") @Nullable String runSlug) {

	/**
	 * The run slug of a reply's {@code data}.
	 * @param data the {@code data}, may be {@code null}
	 * @return the run slug, or {@code null} if the reply named no run
	 */
	public static @Nullable RunSlug toRunSlug(@Nullable AsyncRunData data) {
		return (data != null && data.runSlug() != null && !data.runSlug().isBlank()) ? new RunSlug(data.runSlug())
				: null;
	}

}
