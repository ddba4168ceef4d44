/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.coreclaw.spring.client.Worker;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of a Worker detail reply; every field may be missing.
 *
 * @param name the Worker's name
 * @param username the owner's user name
 * @param version the current version
 * @param readme the readme, in Markdown
 * @param parameters the parameters ({@code custom}, {@code system})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerDetailData(@Nullable String name, @Nullable String username, @Nullable String version,
		@Nullable String readme, @Nullable Map<String, Object> parameters) {

	/**
	 * Convert to the public type.
	 * @param data the {@code data}, may be {@code null}
	 * @return the Worker, {@code null} if the reply had no data
	 */
	public static @Nullable Worker toWorker(@Nullable WorkerDetailData data) {
		if (data == null) {
			return null;
		}
		return Worker.builder()
			.name(WireValues.text(data.name()))
			.username(WireValues.text(data.username()))
			.version(WireValues.text(data.version()))
			.readme(WireValues.text(data.readme()))
			.parameters((data.parameters() != null) ? data.parameters() : Map.of())
			.build();
	}

}
