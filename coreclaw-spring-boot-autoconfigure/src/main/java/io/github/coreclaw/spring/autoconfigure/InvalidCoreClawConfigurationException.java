/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

/**
 * Thrown at startup when the CoreClaw configuration is missing or wrong; the failure analyzer
 * turns it into a description and an action naming the property to set.
 */
class InvalidCoreClawConfigurationException extends RuntimeException {

	private final String property;

	private final String action;

	InvalidCoreClawConfigurationException(String property, String description, String action) {
		super(description);
		this.property = property;
		this.action = action;
	}

	String getProperty() {
		return this.property;
	}

	String getAction() {
		return this.action;
	}

}
