/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.nio.charset.StandardCharsets;

import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;

/**
 * {@link CoreClawCallbackHandler}: the receiver in WebFlux applications, behind a router as the
 * auto-configuration sets it up.
 */
@ExtendWith(OutputOnFailure.class)
class CoreClawCallbackHandlerTests extends CallbackReceiverContractTests {

	@Override
	protected Answer post(CoreClawCallbackReceiver receiver, String path, String body, boolean announceLength) {
		WebTestClient client = WebTestClient
			.bindToRouterFunction(RouterFunctions.route(RequestPredicates.POST("/coreclaw/callback/{secret}"),
					new CoreClawCallbackHandler(receiver)))
			.build();
		WebTestClient.RequestBodySpec request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
		int half = body.length() / 2;
		// A Flux of parts has no length known in advance, so no Content-Length is sent.
		WebTestClient.RequestHeadersSpec<?> withBody = announceLength ? request.bodyValue(body)
				: request.body(Flux.just(body.substring(0, half), body.substring(half)), String.class);
		EntityExchangeResult<byte[]> result = withBody.exchange().expectBody().returnResult();
		MediaType contentType = result.getResponseHeaders().getContentType();
		byte[] responseBody = result.getResponseBody();
		return new Answer(result.getStatus().value(), (contentType != null) ? contentType.toString() : null,
				(responseBody != null) ? new String(responseBody, StandardCharsets.UTF_8) : "");
	}

}
