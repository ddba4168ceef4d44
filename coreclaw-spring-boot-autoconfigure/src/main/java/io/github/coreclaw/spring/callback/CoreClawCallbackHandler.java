/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver.Reply;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

/**
 * WebFlux handler of CoreClaw's run status callbacks: reads at most
 * {@value CoreClawCallbackReceiver#MAX_BODY_BYTES} bytes without blocking and leaves the rest
 * to a {@link CoreClawCallbackReceiver}; route it with a {@code POST} predicate on a path that
 * holds the {@value CoreClawCallbackReceiver#SECRET_VARIABLE} variable, and with
 * {@link #secretPredicate()}, so that a request without a valid token is not routed at all and the
 * application answers it as any path it does not map:
 * {@code RouterFunctions.route(RequestPredicates.POST(path).and(handler.secretPredicate()), handler)}.
 *
 * @since 0.1.0
 */
public final class CoreClawCallbackHandler implements HandlerFunction<ServerResponse> {

	private final CoreClawCallbackReceiver receiver;

	/**
	 * Create a handler.
	 * @param receiver the receiver that checks and publishes the callbacks
	 */
	public CoreClawCallbackHandler(CoreClawCallbackReceiver receiver) {
		this.receiver = receiver;
	}

	/**
	 * A predicate that matches only the requests whose
	 * {@value CoreClawCallbackReceiver#SECRET_VARIABLE} path variable is a valid token signed with
	 * the receiver's secret, its signature compared in constant time; combine it after the path
	 * predicate that extracts the variable.
	 * @return the predicate
	 * @since 0.1.0
	 */
	public RequestPredicate secretPredicate() {
		CoreClawCallbackReceiver receiver = this.receiver;
		return new RequestPredicate() {

			@Override
			public boolean test(ServerRequest request) {
				return receiver.accepts(request.pathVariables().get(CoreClawCallbackReceiver.SECRET_VARIABLE));
			}

			@Override
			public String toString() {
				// What Actuator's mappings endpoint shows, never the secret
				return "{" + CoreClawCallbackReceiver.SECRET_VARIABLE
						+ "} is a callback token signed with the callback secret";
			}

		};
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		String token = request.pathVariables().get(CoreClawCallbackReceiver.SECRET_VARIABLE);
		if (token == null || !this.receiver.accepts(token)) {
			// Reached only when routed without secretPredicate(): not found, as WebFlux reports it.
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		Reply early = Reply.beforeReading(request.headers().contentLength().orElse(-1));
		if (early != null) {
			return respond(early);
		}
		return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), CoreClawCallbackReceiver.MAX_BODY_BYTES)
			.map(CoreClawCallbackHandler::bytes)
			.defaultIfEmpty(new byte[0])
			.map((body) -> this.receiver.receive(token, body))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(Reply.TOO_LARGE))
			.flatMap(CoreClawCallbackHandler::respond);
	}

	private static Mono<ServerResponse> respond(Reply reply) {
		byte[] body = reply.body();
		return (body != null) ? ServerResponse.status(reply.status()).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
				: ServerResponse.status(reply.status()).build();
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
