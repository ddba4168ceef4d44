/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.io.IOException;

import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver.Reply;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring MVC (WebMvc.fn) handler of CoreClaw's run status callbacks: reads at most
 * {@value CoreClawCallbackReceiver#MAX_BODY_BYTES} bytes, whether or not the request announces
 * its length, and leaves the rest to a {@link CoreClawCallbackReceiver}; route it with a
 * {@code POST} predicate on a path that holds the
 * {@value CoreClawCallbackReceiver#SECRET_VARIABLE} variable.
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

	@Override
	public ServerResponse handle(ServerRequest request) throws IOException {
		if (!this.receiver.isSecret(request.pathVariables().get(CoreClawCallbackReceiver.SECRET_VARIABLE))) {
			return respond(Reply.NOT_FOUND);
		}
		Reply early = Reply.beforeReading(request.servletRequest().getContentLengthLong());
		if (early != null) {
			return respond(early);
		}
		// One byte more than allowed tells a body that is too large from one that fits exactly.
		byte[] body = request.servletRequest().getInputStream().readNBytes(CoreClawCallbackReceiver.MAX_BODY_BYTES + 1);
		return respond((body.length > CoreClawCallbackReceiver.MAX_BODY_BYTES) ? Reply.TOO_LARGE
				: this.receiver.receive(body));
	}

	private static ServerResponse respond(Reply reply) {
		byte[] body = reply.body();
		return (body != null) ? ServerResponse.status(reply.status()).contentType(MediaType.APPLICATION_JSON).body(body)
				: ServerResponse.status(reply.status()).build();
	}

}
