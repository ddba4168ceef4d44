/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import io.github.coreclaw.spring.client.internal.Identifiers;

/**
 * Identifier of one CoreClaw worker run, as returned when a run is started.
 *
 * @param value the run slug, for example {@code 01KKDXV2G26BT7NH4ZQR2R4NPZ}
 * @since 0.1.0
 */
public record RunSlug(String value) implements RunRef {

	/**
	 * Create a run slug, checking that it is a valid CoreClaw slug.
	 * @param value the run slug
	 * @throws IllegalArgumentException if the value is blank or has characters a slug cannot have
	 */
	public RunSlug {
		Identifiers.checkSlug("runSlug", value);
	}

	/**
	 * Create a run slug.
	 * @param value the run slug
	 * @return the run slug
	 */
	public static RunSlug of(String value) {
		return new RunSlug(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
