/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Callback that customizes the {@link WebClient.Builder} of the CoreClaw client only, after
 * the starter has configured it (for example to add a filter or a default header).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoreClawWebClientCustomizer {

	/**
	 * Customize the builder of the CoreClaw client's {@link WebClient}.
	 * @param builder the builder to customize
	 */
	void customize(WebClient.Builder builder);

}
