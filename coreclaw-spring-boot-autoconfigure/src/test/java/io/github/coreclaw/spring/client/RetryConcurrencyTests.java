/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many callers rate-limited at once all get through, with one retry each and no threads left behind.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class RetryConcurrencyTests {

	private static final int CALLERS = 200;

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(64).jettyAcceptQueueSize(1000))
		.build();

	@Test
	void twoHundredRateLimitedCallersAllSucceedWithOneRetryEach() {
		for (int i = 0; i < CALLERS; i++) {
			String task = "caller-" + i;
			String url = "/api/v2/worker-tasks/" + task + "/runs";
			wireMock.stubFor(post(urlEqualTo(url)).inScenario(task)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(envelope(429, 13000, "too many requests").withHeader("Retry-After", "1"))
				.willSetStateTo("admitted"));
			wireMock.stubFor(post(urlEqualTo(url)).inScenario(task)
				.whenScenarioStateIs("admitted")
				.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"run-of-" + task + "\"}}")));
		}
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.retry(CoreClawRetrySettings.defaults().withBackoff(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(50), 0.0))
			.build());
		// Warm up the shared Reactor Netty and Reactor schedulers, so that the baseline counts them.
		wireMock.stubFor(post(urlEqualTo("/api/v2/worker-tasks/warm-up/runs"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"w\"}}")));
		client.workerTasks().runAsync("warm-up").block(Duration.ofSeconds(5));
		reactor.core.publisher.Mono.delay(Duration.ofMillis(1)).block();
		List<String> baseline = clientSideThreads();
		wireMock.resetRequests();

		List<RunSlug> slugs = Flux.fromStream(IntStream.range(0, CALLERS).mapToObj((i) -> "caller-" + i))
			.flatMap((task) -> client.workerTasks().runAsync(task), CALLERS)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(slugs).hasSize(CALLERS)
			.containsExactlyInAnyOrderElementsOf(
					IntStream.range(0, CALLERS).mapToObj((i) -> new RunSlug("run-of-caller-" + i)).toList());
		wireMock.verify(2 * CALLERS, anyRequestedFor(anyUrl()));
		await().pollInSameThread()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(clientSideThreads()).as("threads beyond %s", baseline)
				.hasSizeLessThanOrEqualTo(baseline.size()));
	}

	/**
	 * Live threads other than the stub server's, whose Jetty pool grows under the burst and
	 * shrinks only after a minute of idling.
	 */
	private static List<String> clientSideThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> !name.startsWith("qtp"))
			.sorted()
			.toList();
	}

}
