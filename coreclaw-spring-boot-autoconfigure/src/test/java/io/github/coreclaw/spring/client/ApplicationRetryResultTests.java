/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own {@code coreclaw} Retry with a result predicate: reads are repeated as it
 * asks, but a run start or any other action that succeeded is never repeated because of its
 * result.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class ApplicationRetryResultTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private static final String RUNNING = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\","
			+ "\"data\":{\"slug\":\"r1\",\"status\":\"running\",\"results\":0}}";

	@Test
	void aRunStartThatSucceededIsNotRepeatedForItsResult() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, CoreClawStubs.RUN_OK)));
		CoreClawClient client = client();

		assertThat(client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));

		wireMock.verify(1, postRequestedFor(anyUrl()));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void anActionThatSucceededIsNotRepeatedForItsResult() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, "{\"code\":0,\"message\":\"success\","
				+ "\"request_id\":\"req-1\",\"data\":{\"slug\":\"coffee-shops\"}}")));
		CoreClawClient client = client();

		client.workerTasks()
			.create(WorkerTaskDefinition.builder("demo-worker", "Coffee shops", java.util.Map.of("parameters", java.util.Map.of())).build())
			.block(Duration.ofSeconds(5));

		wireMock.verify(1, postRequestedFor(anyUrl()));
	}

	@Test
	void aReadIsRepeatedAsTheApplicationsResultPredicateAsks() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, RUNNING)));
		CoreClawClient client = client();

		assertThat(client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)).status())
			.isEqualTo(RunStatus.RUNNING);

		wireMock.verify(3, getRequestedFor(anyUrl()));
	}

	/** A client whose registry holds an application's Retry that repeats every result. */
	private static CoreClawClient client() {
		RetryConfig repeatResults = RetryConfig.custom()
			.maxAttempts(3)
			.waitDuration(Duration.ofMillis(1))
			.retryOnResult((result) -> true)
			.build();
		RetryRegistry registry = RetryRegistry.ofDefaults();
		registry.retry(CoreClawClient.RETRY_NAME, repeatResults);
		return ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.retry(RetryFaultTests.FAST, registry)
			.build());
	}

}
