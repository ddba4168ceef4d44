/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.http.client.reactive.JdkClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The response timeout on Reactor Netty's connector, against a real server: a reply that keeps
 * arriving may take longer than the timeout as a whole, one that stops for longer fails the call,
 * a run request that timed out is not sent again, timeouts fire whatever became of Reactor's
 * schedulers, and a connector a customizer put in place keeps the whole timeout for its reply.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class ResponseTimeoutTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private static final String RUNNING = "{\"code\":0,\"data\":{\"slug\":\"r1\",\"status\":\"running\","
			+ "\"padding\":\"" + "x".repeat(4000) + "\"}}";

	@Test
	void aReplyThatKeepsArrivingMayTakeLongerThanTheTimeoutAsAWhole() {
		// Four parts 200 ms apart: 600 ms in all, never a pause of 400 ms.
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, RUNNING).withChunkedDribbleDelay(4, 600)));
		CoreClawClient client = client(Duration.ofMillis(400));
		assertThat(client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)).status())
			.isEqualTo(RunStatus.RUNNING);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aReplyThatStopsForLongerThanTheTimeoutFailsTheCall() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, RUNNING).withFixedDelay(3000)));
		// No retry: one attempt, timed on its own.
		CoreClawClient client = ClosesClients.track(CoreClawClient
			.builder(settings(wireMock).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(300)))
			.build());
		long start = System.nanoTime();
		assertThatExceptionOfType(CoreClawTimeoutException.class)
			.isThrownBy(() -> client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)))
			.withMessage("No response from CoreClaw to GET /api/v2/worker-runs/r1 within 300ms "
					+ "(coreclaw.response-timeout).")
			.satisfies((ex) -> assertThat(ex.isRequestSent()).isTrue());
		// Well before the reply (3 s), whatever the load of the machine.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void aRunRequestThatTimedOutIsNotSentAgain() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, CoreClawStubs.RUN_OK).withFixedDelay(1500)));
		CoreClawClient client = client(Duration.ofMillis(300));
		assertThatExceptionOfType(CoreClawTimeoutException.class)
			.isThrownBy(() -> client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.isRunMayExist()).isTrue());
		// The call ends only after its last attempt has ended: a repeated request would already be here.
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aTimeoutStillFiresAfterReactorsSchedulersWereReplaced() {
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, RUNNING).withFixedDelay(3000)));
		CoreClawClient client = ClosesClients.track(CoreClawClient
			.builder(settings(wireMock).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(300)))
			.build());
		// A test elsewhere in the JVM switches Reactor to virtual time while the client exists.
		VirtualTimeScheduler.getOrSet();
		try {
			assertThatExceptionOfType(CoreClawTimeoutException.class)
				.isThrownBy(() -> client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)))
				.withMessageStartingWith("No response from CoreClaw to GET /api/v2/worker-runs/r1 within 300ms");
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	@Test
	void aReplyKeepsItsWholeTimeoutOnAConnectorThatACustomizerPutInPlace() {
		// Four parts 200 ms apart through the JDK's client: nothing times out within the 2 s.
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, RUNNING).withChunkedDribbleDelay(4, 600)));
		CoreClawClient client = ClosesClients.track(CoreClawClient
			.builder(settings(wireMock).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)))
			.webClientCustomizer((builder) -> builder.clientConnector(new JdkClientHttpConnector()))
			.build());
		assertThat(client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)).status())
			.isEqualTo(RunStatus.RUNNING);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aConnectorThatACustomizerPutInPlaceTimesTheWholeReply() {
		// Four parts 200 ms apart under a 400 ms timeout: the reply as a whole is too slow, and the
		// timeout fires when it has passed, not at the first part.
		wireMock.stubFor(get(anyUrl()).willReturn(json(200, RUNNING).withChunkedDribbleDelay(4, 600)));
		CoreClawClient client = ClosesClients.track(CoreClawClient
			.builder(settings(wireMock).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofMillis(400)))
			.webClientCustomizer((builder) -> builder.clientConnector(new JdkClientHttpConnector()))
			.build());
		long start = System.nanoTime();
		assertThatExceptionOfType(CoreClawTimeoutException.class)
			.isThrownBy(() -> client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)))
			.withMessageStartingWith("No response from CoreClaw to GET /api/v2/worker-runs/r1 within 400ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
	}

	private static CoreClawClient client(Duration responseTimeout) {
		return ClosesClients.track(CoreClawClient
			.builder(settings(wireMock).withTimeouts(Duration.ofSeconds(2), responseTimeout, responseTimeout))
			.retry(RetryFaultTests.FAST)
			.build());
	}

}
