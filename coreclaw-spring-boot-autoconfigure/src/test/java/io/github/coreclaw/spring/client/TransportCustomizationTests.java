/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;

import static io.github.coreclaw.spring.client.InMemoryConnector.runDetail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application's customization of the client's WebClient meets: a default request that
 * throws makes the call fail with an error signal (nothing sent, nothing thrown from
 * {@code subscribe}), also when it throws from the start, and a run request goes out through
 * the application's exchange filters with its content type and length.
 */
class TransportCustomizationTests {

	private static final String RUN_OK = "{\"code\":0,\"data\":{\"run_slug\":\"r-ok\"}}";

	@Test
	void aDefaultRequestThatThrowsFailsTheCallWithAnErrorSignal() {
		AtomicInteger requests = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			requests.incrementAndGet();
			return runDetail("r1", "running");
		});
		boolean[] armed = new boolean[1];
		try (CoreClawClient client = client(connector, (spec) -> {
			if (armed[0]) {
				throw new IllegalStateException("no tenant bound to this thread");
			}
		})) {
			armed[0] = true;
			List<String> signals = subscribe(client.workerRuns().getRun(new RunSlug("r1")));
			assertThat(signals).containsExactly("onSubscribe",
					"onError io.github.coreclaw.spring.client.CoreClawException: Could not complete GET "
							+ "/api/v2/worker-runs/r1: java.lang.IllegalStateException: no tenant bound to this thread");
		}
		assertThat(requests).hasValue(0);
	}

	@Test
	void aDefaultRequestThatAlwaysThrowsDoesNotStopTheClientFromBeingBuilt() {
		AtomicInteger requests = new AtomicInteger();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			requests.incrementAndGet();
			return runDetail("r1", "running");
		});
		try (CoreClawClient client = client(connector, (spec) -> {
			throw new IllegalStateException("no tenant bound to this thread");
		})) {
			List<String> signals = subscribe(client.workerTasks().runAsync("t1"));
			assertThat(signals).containsExactly("onSubscribe",
					"onError io.github.coreclaw.spring.client.CoreClawException: Could not complete POST "
							+ "/api/v2/worker-tasks/t1/runs: java.lang.IllegalStateException: no tenant bound to this thread");
		}
		assertThat(requests).hasValue(0);
	}

	@Test
	void aRunRequestGoesOutWithItsContentTypeAndLengthThroughTheApplicationsFilters() {
		List<String> filtered = new CopyOnWriteArrayList<>();
		List<String> sent = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			sent.add(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE) + " "
					+ request.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) + " "
					+ request.getHeaders().getFirst("X-Tenant"));
			return new InMemoryConnector.Reply(200, RUN_OK);
		});
		try (CoreClawClient client = CoreClawClient.builder(settings())
			.connector(connector)
			.webClientCustomizer((builder) -> builder.filter((request, next) -> {
				filtered.add(request.method() + " " + request.url().getPath());
				return next.exchange(ClientRequest.from(request).header("X-Tenant", "t-7").build());
			}))
			.build()) {
			assertThat(client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		}
		assertThat(filtered).containsExactly("POST /api/v2/worker-tasks/t1/runs");
		assertThat(sent).containsExactly(MediaType.APPLICATION_JSON_VALUE + " 17 t-7");
	}

	private static CoreClawClient client(InMemoryConnector connector,
			java.util.function.Consumer<org.springframework.web.reactive.function.client.WebClient.RequestHeadersSpec<?>> defaultRequest) {
		return CoreClawClient.builder(settings())
			.connector(connector)
			.webClientCustomizer((builder) -> builder.defaultRequest(defaultRequest))
			.build();
	}

	private static CoreClawClientSettings settings() {
		return CoreClawClientSettings.of("k-custom").withBaseUrl(URI.create("http://localhost:9"));
	}

	/** Subscribe with a plain subscriber, recording its signals and anything thrown from subscribe. */
	private static List<String> subscribe(Mono<?> call) {
		List<String> signals = new CopyOnWriteArrayList<>();
		try {
			call.subscribe(new CoreSubscriber<Object>() {

				@Override
				public void onSubscribe(Subscription subscription) {
					signals.add("onSubscribe");
					subscription.request(1);
				}

				@Override
				public void onNext(Object value) {
					signals.add("onNext " + value);
				}

				@Override
				public void onError(Throwable failure) {
					signals.add("onError " + failure);
				}

				@Override
				public void onComplete() {
					signals.add("onComplete");
				}

			});
		}
		catch (Throwable ex) {
			signals.add("thrown from subscribe: " + ex);
		}
		return signals;
	}

}
