/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coreclaw.spring.OutputOnFailure;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.RUN_OK;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static io.github.coreclaw.spring.client.CoreClawStubs.stubSequence;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * One observation per operation call: its key values for each way a call ends, one observation
 * whatever the number of attempts, parent of the HTTP exchanges' observations.
 */
@ExtendWith(OutputOnFailure.class)
class ClientObservationTests {

	private static final String NAME = "coreclaw.client.operation";

	private static final String HTTP = "http.client.requests";

	private static final String RUN_DETAIL = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-1\","
			+ "\"data\":{\"slug\":\"r-last\",\"status\":\"running\",\"results\":0}}";

	private static final CoreClawRetrySettings FAST = CoreClawRetrySettings.defaults()
		.withBackoff(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(50), 0.0);

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void aSuccessIsOneStoppedObservationWithItsKeyValues() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, RUN_OK)));
		try (CoreClawClient client = client(FAST)) {
			assertThat(client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		}
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasContextualNameEqualTo("coreclaw worker-task.run")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError()
			.doesNotHaveParentObservation()
			.hasLowCardinalityKeyValue("coreclaw.operation", "worker-task.run")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("coreclaw.code", "none")
			.hasLowCardinalityKeyValue("coreclaw.attempts", "1")
			.hasHighCardinalityKeyValue("coreclaw.worker-task.id", "t1")
			.hasHighCardinalityKeyValue("coreclaw.run.slug", "r-ok")
			.hasOnlyKeys("coreclaw.operation", "outcome", "coreclaw.code", "coreclaw.attempts",
					"coreclaw.worker-task.id", "coreclaw.run.slug");
	}

	@Test
	void aRetried429IsOneSuccessfulObservationWithTwoAttemptsParentOfBothExchanges() {
		stubSequence(wireMock, envelope(429, 13000, "too many requests"), json(200, RUN_OK));
		try (CoreClawClient client = client(FAST)) {
			client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5));
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		Observation.Context operation = single(NAME);
		assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("coreclaw.code", "none")
			.hasLowCardinalityKeyValue("coreclaw.attempts", "2")
			.doesNotHaveError();
		// The second exchange runs after the retry's wait, on another thread: the observation
		// travels in the Reactor context, not in a thread local.
		assertThat(handled(HTTP)).hasSize(2)
			.allSatisfy((exchange) -> assertThat(exchange.getParentObservation()).isNotNull()
				.satisfies((parent) -> assertThat(parent.getContextView()).isSameAs(operation)));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 3 })
	void aCallIsOneObservationWhateverTheNumberOfAttempts(int failures) {
		List<ResponseDefinitionBuilder> replies = new ArrayList<>();
		for (int i = 0; i < failures; i++) {
			replies.add(envelope(500, 10000, "internal server error"));
		}
		replies.add(json(200, RUN_DETAIL));
		stubGetSequence(replies);
		try (CoreClawClient client = client(FAST)) {
			client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5));
		}
		wireMock.verify(failures + 1, anyRequestedFor(anyUrl()));
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
			.hasNumberOfObservationsWithNameEqualTo(HTTP, failures + 1)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("coreclaw.operation", "worker-run.get")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("coreclaw.attempts", Integer.toString(failures + 1))
			.hasHighCardinalityKeyValue("coreclaw.run.slug", "r1");
	}

	@Test
	void aNotFoundIsAClientErrorWithItsCode() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(404, 60001, "task does not exist")));
		try (CoreClawClient client = client(FAST)) {
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> client.workerTasks().runAsync("missing").block(Duration.ofSeconds(5)));
		}
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "client-error")
			.hasLowCardinalityKeyValue("coreclaw.code", "60001")
			.hasLowCardinalityKeyValue("coreclaw.attempts", "1")
			.hasHighCardinalityKeyValue("coreclaw.worker-task.id", "missing")
			.doesNotHaveHighCardinalityKeyValueWithKey("coreclaw.run.slug")
			.assertThatError()
			.isInstanceOf(CoreClawNotFoundException.class);
	}

	@Test
	void attemptsThatRunOutAreRateLimitedWithTheCodeAndEveryAttempt() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(429, 13000, "too many requests")));
		try (CoreClawClient client = client(FAST)) {
			assertThatExceptionOfType(CoreClawRateLimitedException.class)
				.isThrownBy(() -> client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		}
		assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("outcome", "rate-limited")
			.hasLowCardinalityKeyValue("coreclaw.code", "13000")
			.hasLowCardinalityKeyValue("coreclaw.attempts", "4");
	}

	@Test
	void aServerFailureIsAServerError() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(502, 10000, "bad gateway")));
		try (CoreClawClient client = client(FAST)) {
			assertThatExceptionOfType(CoreClawApiException.class)
				.isThrownBy(() -> client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		}
		assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("outcome", "server-error")
			.hasLowCardinalityKeyValue("coreclaw.code", "10000")
			.hasLowCardinalityKeyValue("coreclaw.attempts", "1");
	}

	@Test
	void aRefusedConnectionIsAConnectionErrorWithoutCode() {
		CoreClawClientSettings settings = CoreClawClientSettings.of(API_KEY).withBaseUrl(CoreClawStubs.closedPortUrl());
		try (CoreClawClient client = CoreClawClient.builder(settings).observationRegistry(this.registry).build()) {
			assertThatExceptionOfType(CoreClawConnectionException.class)
				.isThrownBy(() -> client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)));
		}
		assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("outcome", "connection-error")
			.hasLowCardinalityKeyValue("coreclaw.code", "none")
			.hasLowCardinalityKeyValue("coreclaw.attempts", "1");
	}

	@Test
	void aTimeoutIsATimeoutWithoutCode() {
		AtomicInteger requests = new AtomicInteger();
		ClientHttpConnector silent = (method, uri, callback) -> callback
			.apply(new MockClientHttpRequest(method, uri))
			.then(Mono.fromRunnable(requests::incrementAndGet))
			.then(Mono.never());
		try (CoreClawClient client = inMemory(silent)) {
			StepVerifier.withVirtualTime(() -> client.workerTasks().runAsync("t1"))
				.expectSubscription()
				.thenAwait(CoreClawClientSettings.DEFAULT_RESPONSE_TIMEOUT)
				.expectError(CoreClawTimeoutException.class)
				.verify(Duration.ofSeconds(5));
		}
		assertThat(requests).hasValue(1);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "timeout")
			.hasLowCardinalityKeyValue("coreclaw.code", "none")
			.hasLowCardinalityKeyValue("coreclaw.attempts", "1")
			.assertThatError()
			.isInstanceOf(CoreClawTimeoutException.class);
	}

	@Test
	void aCancellationStopsTheObservationAsCancelled() {
		AtomicInteger requests = new AtomicInteger();
		ClientHttpConnector silent = (method, uri, callback) -> callback
			.apply(new MockClientHttpRequest(method, uri))
			.then(Mono.fromRunnable(requests::incrementAndGet))
			.then(Mono.never());
		try (CoreClawClient client = inMemory(silent)) {
			Disposable call = client.workerRuns().getRun(new RunSlug("r1")).subscribe();
			await().atMost(Duration.ofSeconds(5)).untilAtomic(requests, equalTo(1));
			assertThat(this.registry).hasObservationWithNameEqualTo(NAME).that().isNotStopped();
			call.dispose();
		}
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("outcome", "cancelled")
			.hasLowCardinalityKeyValue("coreclaw.code", "none")
			.hasLowCardinalityKeyValue("coreclaw.attempts", "1")
			.hasHighCardinalityKeyValue("coreclaw.run.slug", "r1");
	}

	@Test
	void aCallMadeWithinAnObservationIsItsChild() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, RUN_OK)));
		Observation outer = Observation.start("application.job", this.registry);
		try (CoreClawClient client = client(FAST)) {
			client.workerTasks()
				.runAsync("t1")
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, outer))
				.block(Duration.ofSeconds(5));
		}
		outer.stop();
		assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
			.that()
			.hasParentObservationEqualTo(outer);
	}

	@Test
	void theLastRunOfAWorkerNamesTheWorkerAndTheRunItRead() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/workers/acme~maps/runs/last")).willReturn(json(200, RUN_DETAIL)));
		try (CoreClawClient client = client(FAST)) {
			client.workerRuns().getRun(RunRef.lastOf("acme~maps")).block(Duration.ofSeconds(5));
		}
		assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
			.that()
			.hasHighCardinalityKeyValue("coreclaw.worker.id", "acme~maps")
			.hasHighCardinalityKeyValue("coreclaw.run.slug", "r-last")
			.doesNotHaveHighCardinalityKeyValueWithKey("coreclaw.worker-task.id");
	}

	@Test
	void neitherTheKeyNorTheCallbackUrlIsAKeyValue() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, RUN_OK)));
		URI callback = URI.create("https://app.example.com/hooks/coreclaw/s3cr3t-callback-path?sig=abc");
		try (CoreClawClient client = client(FAST)) {
			client.workerTasks()
				.runAsync("t1", RunOptions.builder().callbackUrl(callback).build())
				.block(Duration.ofSeconds(5));
		}
		Observation.Context operation = single(NAME);
		List<KeyValue> all = new ArrayList<>();
		operation.getAllKeyValues().forEach(all::add);
		assertThat(all).isNotEmpty()
			.allSatisfy((keyValue) -> assertThat(keyValue.getValue()).doesNotContain(API_KEY)
				.doesNotContain("s3cr3t")
				.doesNotContain("app.example.com"));
		assertThat(operation.getContextualName()).doesNotContain(API_KEY).doesNotContain("s3cr3t");
	}

	@Test
	void aMeterRegistryGetsATimerTaggedWithTheLowCardinalityKeys() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		stubSequence(wireMock, envelope(429, 13000, "too many requests"), json(200, RUN_OK));
		try (CoreClawClient client = CoreClawClient.builder(settings(wireMock))
			.retry(FAST)
			.observationRegistry(observations)
			.build()) {
			client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5));
		}
		assertThat(meters.get(NAME)
			.tags(Tags.of("coreclaw.operation", "worker-task.run", "outcome", "success", "coreclaw.code", "none",
					"coreclaw.attempts", "2", "error", "none"))
			.timer()
			.count()).isOne();
		assertThat(meters.get(NAME + ".active").longTaskTimer().getId().getTags())
			.containsExactly(Tag.of("coreclaw.operation", "worker-task.run"));
	}

	@Test
	void aConventionOfTheApplicationNamesTheObservation() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, RUN_OK)));
		CoreClawObservationConvention convention = new DefaultCoreClawObservationConvention() {

			@Override
			public String getName() {
				return "scraping.calls";
			}

		};
		try (CoreClawClient client = CoreClawClient.builder(settings(wireMock))
			.observationRegistry(this.registry)
			.observationConvention(convention)
			.build()) {
			client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5));
		}
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 0)
			.hasObservationWithNameEqualTo("scraping.calls")
			.that()
			.hasLowCardinalityKeyValue("outcome", "success");
	}

	@Test
	void withoutARegistryNothingIsObservedAndCallsWork() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, RUN_OK)));
		try (CoreClawClient client = CoreClawClient.builder(settings(wireMock)).build()) {
			assertThat(client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		}
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	@Test
	void aNullRegistryOrConventionIsRefused() {
		CoreClawClient.Builder builder = CoreClawClient.builder(settings(wireMock));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> builder.observationRegistry(null))
			.withMessage("observationRegistry must not be null");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> builder.observationConvention(null))
			.withMessage("observationConvention must not be null");
	}

	private CoreClawClient client(CoreClawRetrySettings retry) {
		return CoreClawClient.builder(settings(wireMock)).retry(retry).observationRegistry(this.registry).build();
	}

	private CoreClawClient inMemory(ClientHttpConnector connector) {
		return CoreClawClient.builder(CoreClawClientSettings.of(API_KEY).withBaseUrl(URI.create("http://localhost:9")))
			.connector(connector)
			.retry(FAST)
			.observationRegistry(this.registry)
			.build();
	}

	private Observation.Context single(String name) {
		List<Observation.Context> contexts = handled(name);
		assertThat(contexts).hasSize(1);
		return contexts.get(0);
	}

	private List<Observation.Context> handled(String name) {
		List<Observation.Context> result = new ArrayList<>();
		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> contexts.stream()
			.filter((context) -> name.equals(context.getName()))
			.forEach(result::add));
		return result;
	}

	private static void stubGetSequence(List<ResponseDefinitionBuilder> replies) {
		String state = Scenario.STARTED;
		for (int i = 0; i < replies.size(); i++) {
			String next = (i == replies.size() - 1) ? state : "get-" + (i + 1);
			wireMock.stubFor(get(anyUrl()).inScenario("gets")
				.whenScenarioStateIs(state)
				.willReturn(replies.get(i))
				.willSetStateTo(next));
			state = next;
		}
	}

}
