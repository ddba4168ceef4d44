/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

/**
 * A connector that answers in memory, without sockets or threads of its own, so that long waits
 * can run under virtual time: each request is answered by a function of the request.
 */
final class InMemoryConnector implements ClientHttpConnector {

	private final Function<MockClientHttpRequest, Reply> responder;

	private final List<String> threads = new CopyOnWriteArrayList<>();

	InMemoryConnector(Function<MockClientHttpRequest, Reply> responder) {
		this.responder = responder;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
		return requestCallback.apply(request).then(Mono.defer(() -> {
			this.threads.add(Thread.currentThread().getName());
			Reply reply = this.responder.apply(request);
			MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.valueOf(reply.status()));
			response.getHeaders().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
			reply.headers().forEach(response.getHeaders()::set);
			response.setBody(reply.body());
			Mono<ClientHttpResponse> answer = Mono.just(response);
			// Delayed on the parallel scheduler, which virtual time replaces.
			return reply.delay().isZero() ? answer : answer.delayElement(reply.delay());
		}));
	}

	/**
	 * The page a paged request asks for: its {@code offset} query parameter.
	 * @param request the request
	 * @return the page number
	 */
	static int page(MockClientHttpRequest request) {
		return Integer.parseInt(request.getURI().getRawQuery().replaceAll("(?:.*&)?offset=(\\d+).*", "$1"));
	}

	/**
	 * The path and query of a request, as sent.
	 * @param request the request
	 * @return for example {@code /api/v2/store?offset=1&limit=100}
	 */
	static String pathAndQuery(MockClientHttpRequest request) {
		return request.getURI().getRawPath() + "?" + request.getURI().getRawQuery();
	}

	/**
	 * The names of the threads the requests were sent on, in order.
	 * @return the thread names
	 */
	List<String> threads() {
		return this.threads;
	}

	static Reply runDetail(String slug, String status) {
		return new Reply(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\",\"data\":{\"slug\":\""
				+ slug + "\",\"status\":\"" + status + "\",\"results\":0}}");
	}

	static Reply error(int status, long code, String message) {
		return new Reply(status, "{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"req-e\"}");
	}

	/**
	 * One reply.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body
	 * @param headers more response headers
	 * @param delay how long the reply takes
	 */
	record Reply(int status, String body, Map<String, String> headers, Duration delay) {

		Reply(int status, String body) {
			this(status, body, Map.of(), Duration.ZERO);
		}

		Reply withHeader(String name, String value) {
			Map<String, String> more = new LinkedHashMap<>(this.headers);
			more.put(name, value);
			return new Reply(this.status, this.body, more, this.delay);
		}

		Reply after(Duration wait) {
			return new Reply(this.status, this.body, this.headers, wait);
		}

	}

}
