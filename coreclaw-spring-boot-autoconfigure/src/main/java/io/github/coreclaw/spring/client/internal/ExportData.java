/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of the export reply.
 *
 * @param downloadUrl the temporary download URL of the exported file
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportData(@JsonProperty("download_url") @Nullable String downloadUrl) {

	/**
	 * The download URL of a reply's {@code data}.
	 * @param data the {@code data}, may be {@code null}
	 * @return the URL, or {@code null} if the reply has none
	 */
	public static @Nullable URI toUri(@Nullable ExportData data) {
		return (data != null) ? LogData.uri(data.downloadUrl()) : null;
	}

}
