/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.web.util.UriUtils;

/**
 * Connector that adds {@code token=<key>} to the query of every request on its way to the wire.
 * <p>
 * The token is added below {@code WebClient}, so the URLs that Spring's request logging
 * and error messages show never contain it.
 */
public final class QueryTokenConnector implements ClientHttpConnector {

	private final ClientHttpConnector delegate;

	private final String tokenParameter;

	/**
	 * Wrap a connector.
	 * @param delegate the connector that sends the requests
	 * @param apiKey the API key to send as the {@code token} query parameter
	 */
	public QueryTokenConnector(ClientHttpConnector delegate, String apiKey) {
		this.delegate = delegate;
		this.tokenParameter = "token=" + UriUtils.encode(apiKey, StandardCharsets.UTF_8);
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return this.delegate.connect(method, withToken(uri), requestCallback);
	}

	private URI withToken(URI uri) {
		String query = uri.getRawQuery();
		StringBuilder result = new StringBuilder(uri.toString().length() + this.tokenParameter.length() + 1);
		result.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
		if (uri.getRawPath() != null) {
			result.append(uri.getRawPath());
		}
		result.append('?');
		if (query != null && !query.isEmpty()) {
			result.append(query).append('&');
		}
		result.append(this.tokenParameter);
		return URI.create(result.toString());
	}

	@Override
	public String toString() {
		return "QueryTokenConnector[delegate=" + this.delegate + "]";
	}

}
