/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.util.UriUtils;

/**
 * Connector that adds {@code token=<key>} to the query of every request on its way to the wire.
 * <p>
 * The token is added below {@code WebClient}, so the URLs that Spring's request logging
 * and error messages show never contain it. On Reactor Netty's connector it is added later
 * still, by a Netty handler of the request's connection that puts it into the request line
 * just before the HTTP codec encodes it, so that neither Reactor Netty's connection log (which
 * prints the request URI at DEBUG) nor any other logger sees it; Reactor Netty removes the
 * handler when the request ends, before the connection goes back to the pool. On any other
 * connector the URI handed to the connector carries the token.
 */
public final class QueryTokenConnector implements ClientHttpConnector {

	/** The name of the handler in the connection's pipeline: one per connection at most. */
	static final String HANDLER_NAME = "coreclaw.queryToken";

	private final ClientHttpConnector delegate;

	private final String tokenParameter;

	private final boolean onTheWire;

	/**
	 * Wrap a connector.
	 * @param delegate the connector that sends the requests
	 * @param apiKey the API key to send as the {@code token} query parameter
	 */
	public QueryTokenConnector(ClientHttpConnector delegate, String apiKey) {
		this.delegate = delegate;
		this.tokenParameter = "token=" + UriUtils.encode(apiKey, StandardCharsets.UTF_8);
		this.onTheWire = delegate instanceof ReactorClientHttpConnector;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		if (this.onTheWire) {
			return this.delegate.connect(method, uri, (request) -> {
				addTokenOnTheWire(request);
				return requestCallback.apply(request);
			});
		}
		return this.delegate.connect(method, withToken(uri), requestCallback);
	}

	/**
	 * Give the connection of a Reactor Netty request the handler that adds the token to it as it
	 * is encoded. The callback runs once per request that Reactor Netty sends (a request it sends
	 * again on another connection included), before anything of the request is written.
	 */
	private void addTokenOnTheWire(ClientHttpRequest request) {
		Object nativeRequest = request.getNativeRequest();
		if (!(nativeRequest instanceof HttpClientRequest nettyRequest)
				|| !(nativeRequest instanceof NettyOutbound outbound)) {
			throw new IllegalStateException("Not sent: Reactor Netty's connector gave a request ("
					+ nativeRequest.getClass().getName() + ") that does not expose its connection, so the "
					+ "query-token scheme cannot add the token to it");
		}
		if (nettyRequest.redirectedFrom().length > 0) {
			// A redirect that a connector of the application's follows: the token stays with the
			// address it was meant for, as it would with a token in the URI.
			return;
		}
		outbound.withConnection((connection) -> {
			// Reactor Netty removes the handler when its request ends, before the connection goes
			// back to the pool; one still there would be replaced, never doubled: a pipeline holds
			// one handler of a name at most.
			if (connection.channel().pipeline().get(HANDLER_NAME) != null) {
				connection.removeHandler(HANDLER_NAME);
			}
			connection.addHandlerFirst(HANDLER_NAME, new WireToken(this.tokenParameter));
		});
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

	/**
	 * Add the token parameter to a request target: a path with an optional query (or an absolute
	 * URI, through an HTTP proxy), without a fragment.
	 * @param target the request target
	 * @param tokenParameter {@code token=} and the encoded key
	 * @return the target with the token parameter last
	 */
	static String withToken(String target, String tokenParameter) {
		int fragment = target.indexOf('#');
		String withoutFragment = (fragment >= 0) ? target.substring(0, fragment) : target;
		int query = withoutFragment.indexOf('?');
		String separator = (query < 0) ? "?" : (query == withoutFragment.length() - 1) ? "" : "&";
		return withoutFragment + separator + tokenParameter;
	}

	@Override
	public String toString() {
		return "QueryTokenConnector[delegate=" + this.delegate + "]";
	}

	/**
	 * Netty handler that sends the first HTTP request written on its connection with the token in
	 * its request line. Reactor Netty places it after its own handlers (the HTTP/1.1 codec, or the
	 * HTTP/2 stream's conversion codec, and those of decompression, timeouts and metrics), so that
	 * only they see the request with the token, and none of them logs its request line or reads
	 * it for metrics; the request is a copy, so that Reactor Netty's own request object, which its
	 * logs, metrics and traces read, never holds the token. Reactor Netty's wiretap
	 * ({@code HttpClient.wiretap}), off unless an application turns it on, logs the encoded bytes,
	 * and so the token, as it logs the headers of the other schemes.
	 */
	static final class WireToken extends ChannelOutboundHandlerAdapter {

		private final String tokenParameter;

		private boolean added;

		WireToken(String tokenParameter) {
			this.tokenParameter = tokenParameter;
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			if (msg instanceof HttpRequest request && !this.added) {
				this.added = true;
				ctx.write(withTokenParameter(request), promise);
				return;
			}
			ctx.write(msg, promise);
		}

		private HttpRequest withTokenParameter(HttpRequest request) {
			String target = withToken(request.uri(), this.tokenParameter);
			if (request instanceof FullHttpRequest full) {
				// The same content, handed on with the copy, which the codec releases once.
				return full.replace(full.content()).setUri(target);
			}
			if (request instanceof HttpContent) {
				// No request type of Netty's or Reactor Netty's: one that carries content is not copied.
				return request.setUri(target);
			}
			return new DefaultHttpRequest(request.protocolVersion(), request.method(), target, request.headers());
		}

	}

}
