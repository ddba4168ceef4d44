/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * Proxy region a Worker run can use, set as the {@code proxy_region} system parameter of its
 * input (see {@link WorkerInput.Builder#system(String, Object)}).
 *
 * @param code the region code, an ISO 3166 alpha-2 country code such as {@code US}
 * @param name the region's display name, in the language asked for (the code when CoreClaw sends none)
 * @since 0.1.0
 */
public record ProxyRegion(String code, String name) {

}
