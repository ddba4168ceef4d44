/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.coreclaw.spring.client.internal.Identifiers;

/**
 * Identifier of one CoreClaw worker run, as returned when a run is started.
 * <p>
 * Jackson writes it as its value, a JSON string, and reads it back from one.
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
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static RunSlug of(String value) {
		return new RunSlug(value);
	}

	/**
	 * The run slug, which is also how Jackson writes a run slug.
	 * @return the run slug
	 */
	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
