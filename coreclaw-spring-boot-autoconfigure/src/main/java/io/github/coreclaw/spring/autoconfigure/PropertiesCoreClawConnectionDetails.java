/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.net.URI;

import io.github.coreclaw.spring.client.CoreClawValues;
import org.jspecify.annotations.Nullable;

/**
 * {@link CoreClawConnectionDetails} read from {@link CoreClawProperties}.
 */
final class PropertiesCoreClawConnectionDetails implements CoreClawConnectionDetails {

	private final CoreClawProperties properties;

	PropertiesCoreClawConnectionDetails(CoreClawProperties properties) {
		this.properties = properties;
	}

	@Override
	public URI getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public @Nullable String getApiKey() {
		return this.properties.getApiKey();
	}

	@Override
	public String toString() {
		return "PropertiesCoreClawConnectionDetails[baseUrl=" + CoreClawValues.origin(getBaseUrl()) + "]";
	}

}
