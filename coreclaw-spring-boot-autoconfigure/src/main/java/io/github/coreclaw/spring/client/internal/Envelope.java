/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * CoreClaw's response envelope {@code {code, message, request_id, details, data}}.
 *
 * @param <D> the type of {@code data}
 * @param code the application code, 0 on success
 * @param message the human-readable message
 * @param requestId the request id for troubleshooting
 * @param details validation or diagnostic details
 * @param data the payload
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Envelope<D>(@Nullable Long code, @Nullable String message,
		@JsonProperty("request_id") @Nullable String requestId, @Nullable List<Object> details, @Nullable D data) {

	/**
	 * The details as text.
	 * @return the details, empty if none
	 */
	public List<String> detailTexts() {
		if (this.details == null) {
			return List.of();
		}
		List<String> texts = new ArrayList<>(this.details.size());
		for (Object detail : this.details) {
			texts.add(String.valueOf(detail));
		}
		return texts;
	}

}
