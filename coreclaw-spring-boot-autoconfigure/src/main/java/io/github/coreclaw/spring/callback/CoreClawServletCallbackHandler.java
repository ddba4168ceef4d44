/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.io.IOException;

import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver.Reply;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring MVC (WebMvc.fn) handler of CoreClaw's run status callbacks: reads at most
 * {@value CoreClawCallbackReceiver#MAX_BODY_BYTES} bytes, whether or not the request announces
 * its length, and leaves the rest to a {@link CoreClawCallbackReceiver}; route it with a
 * {@code POST} predicate on a path that holds the
 * {@value CoreClawCallbackReceiver#SECRET_VARIABLE} variable, and with {@link #secretPredicate()},
 * so that a request without a valid token is not routed at all and the application answers it as
 * any path it does not map:
 * {@code RouterFunctions.route(RequestPredicates.POST(path).and(handler.secretPredicate()), handler)}.
 *
 * @since 0.1.0
 */
public final class CoreClawServletCallbackHandler implements HandlerFunction<ServerResponse> {

	private final CoreClawCallbackReceiver receiver;

	/**
	 * Create a handler.
	 * @param receiver the receiver that checks and publishes the callbacks
	 */
	public CoreClawServletCallbackHandler(CoreClawCallbackReceiver receiver) {
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
	public ServerResponse handle(ServerRequest request) throws IOException {
		String token = request.pathVariables().get(CoreClawCallbackReceiver.SECRET_VARIABLE);
		if (token == null || !this.receiver.accepts(token)) {
			// Reached only when routed without secretPredicate(): not found, as Spring MVC reports it.
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Reply early = Reply.beforeReading(request.servletRequest().getContentLengthLong());
		if (early != null) {
			return respond(early);
		}
		// One byte more than allowed tells a body that is too large from one that fits exactly.
		byte[] body = request.servletRequest().getInputStream().readNBytes(CoreClawCallbackReceiver.MAX_BODY_BYTES + 1);
		return respond((body.length > CoreClawCallbackReceiver.MAX_BODY_BYTES) ? Reply.TOO_LARGE
				: this.receiver.receive(token, body));
	}

	private static ServerResponse respond(Reply reply) {
		byte[] body = reply.body();
		return (body != null) ? ServerResponse.status(reply.status()).contentType(MediaType.APPLICATION_JSON).body(body)
				: ServerResponse.status(reply.status()).build();
	}

}
