/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the CoreClaw client throws, apart from
 * {@link IllegalArgumentException} for bad arguments.
 *
 * @since 0.1.0
 */
public class CoreClawException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what happened and, where known, what to do
	 */
	public CoreClawException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message what happened and, where known, what to do
	 * @param cause the cause
	 */
	public CoreClawException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
