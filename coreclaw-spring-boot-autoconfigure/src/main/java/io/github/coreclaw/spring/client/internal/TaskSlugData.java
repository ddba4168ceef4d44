/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code data} of the task create reply.
 *
 * @param slug the new task's slug
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskSlugData(@Nullable String slug) {

	/**
	 * The new task's slug, if the reply has a usable one.
	 * @param data the reply's data, may be {@code null}
	 * @return the slug, {@code null} if missing or not a slug
	 */
	public static @Nullable String toSlug(@Nullable TaskSlugData data) {
		return (data != null && data.slug() != null && Identifiers.isSlug(data.slug())) ? data.slug() : null;
	}

}
