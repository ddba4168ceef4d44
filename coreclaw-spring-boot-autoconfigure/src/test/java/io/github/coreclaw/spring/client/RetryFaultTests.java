/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.RUN_OK;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static io.github.coreclaw.spring.client.CoreClawStubs.stubSequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Retries: what is retried, how often, how long it waits, and what is never repeated.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class RetryFaultTests {

	static final CoreClawRetrySettings FAST = CoreClawRetrySettings.defaults()
		.withBackoff(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(50), 0.0);

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void rateLimitThenSuccessIsRiddenOut() {
		stubSequence(wireMock, envelope(429, 13000, "too many requests"), json(200, RUN_OK));
		assertThat(client(FAST).workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void persistentRateLimitFailsAfterExactlyMaxAttempts() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(429, 13000, "too many requests")));
		CoreClawRateLimitedException ex = catchThrowableOfType(CoreClawRateLimitedException.class,
				() -> client(FAST).workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		wireMock.verify(4, anyRequestedFor(anyUrl()));
		assertThat(ex.getAttempts()).isEqualTo(4);
		assertThat(earlierFailures(ex)).hasSize(3)
			.allSatisfy((earlier) -> assertThat(earlier).isInstanceOf(CoreClawRateLimitedException.class));
		assertThat(ex.getMessage()).startsWith("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 429, code 13000")
			.endsWith("(after 4 attempts)");
	}

	@Test
	void retryAfterHttpDateIsHonoured() {
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Clock clock = Clock.fixed(now, ZoneOffset.UTC);
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(1).atOffset(ZoneOffset.UTC));
		stubSequence(wireMock, envelope(429, 13000, "too many requests").withHeader("Retry-After", date), json(200, RUN_OK));
		ClosesClients.track(CoreClawClient.builder(settings(wireMock)).retry(FAST).clock(clock).build()).workerTasks().runAsync("t1")
			.block(Duration.ofSeconds(5));
		assertThat(gapsBetweenRequests()).singleElement().satisfies((gap) -> assertThat(gap).isGreaterThanOrEqualTo(1000));
	}

	@Test
	void retryAfterAboveTheMaximumFailsAtOnceCarryingIt() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(429, 13000, "too many requests").withHeader("Retry-After", "120")));
		CoreClawRateLimitedException ex = catchThrowableOfType(CoreClawRateLimitedException.class,
				() -> client(FAST.withRetryAfter(true, Duration.ofSeconds(60))).workerTasks().runAsync("t1")
					.block(Duration.ofSeconds(5)));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(120));
		assertThat(ex.getMessage()).contains("CoreClaw asked to wait 2m before the next request");
	}

	@Test
	void serverErrorThenSuccessIsRiddenOut() {
		stubSequence(wireMock, envelope(500, 10000, "internal server error"), json(200, RUN_OK));
		assertThat(client(FAST).workerTasks().runSync("t1").block(Duration.ofSeconds(5))).isNotNull();
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@CsvSource({ "502", "503" })
	void gatewayErrorsAreNotRetriedByDefault(int status) {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withBody("<html>bad gateway</html>")));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client(FAST).workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getHttpStatus()).isEqualTo(status);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@CsvSource({ "502", "503" })
	void gatewayErrorsAreRetriedOnARunStartWhenConfiguredForRunStarts(int status) {
		stubSequence(wireMock, aResponse().withStatus(status).withBody("<html>bad gateway</html>"), json(200, RUN_OK));
		CoreClawRetrySettings settings = FAST.toBuilder()
			.retryableStatuses(Set.of(429, 500, 502, 503))
			.runStartRetryableStatuses(Set.of(429, 500, 502, 503))
			.build();
		assertThat(client(settings).workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@CsvSource({ "502", "503" })
	void gatewayErrorsOnlyRetryableAreSentOnceOnARunStartAndRetriedOnARead(int status) {
		stubSequence(wireMock, aResponse().withStatus(status).withBody("<html>bad gateway</html>"), json(200, RUN_OK));
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account")).inScenario("read")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(status).withBody("<html>bad gateway</html>"))
			.willSetStateTo("answered"));
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account")).inScenario("read")
			.whenScenarioStateIs("answered")
			.willReturn(json(200, "{\"code\":0,\"data\":{\"balance\":\"3\"}}")));
		CoreClawClient client = client(FAST.withRetryable(Set.of(429, 500, 502, 503),
				CoreClawRetrySettings.DEFAULT_RETRYABLE_CODES));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getHttpStatus()).isEqualTo(status);
		assertThat(ex.getAttempts()).isEqualTo(1);
		wireMock.verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/t1/runs")));
		assertThat(client.account().block(Duration.ofSeconds(5)).balance()).isEqualByComparingTo("3");
		wireMock.verify(2, getRequestedFor(urlEqualTo("/api/v2/users/account")));
		wireMock.verify(3, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@CsvSource({ "200, 13000", "200, 13999", "429, 13000", "429, 13999" })
	void rateLimitCodesAreRetriedUnderAnyStatus(int status, long code) {
		stubSequence(wireMock, envelope(status, code, "too many requests"), json(200, RUN_OK));
		assertThat(client(FAST).workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void addedCodesAreRetried() {
		stubSequence(wireMock, envelope(200, 30003, "running tasks reached the plan limit"), json(200, RUN_OK));
		CoreClawRetrySettings settings = FAST.withRetryable(CoreClawRetrySettings.DEFAULT_RETRYABLE_STATUSES,
				List.of(CoreClawRetrySettings.CodeRange.parse("13000-13999"), CoreClawRetrySettings.CodeRange.parse("30003")));
		assertThat(client(settings).workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@CsvSource({ "400", "422", "200", "503" })
	void addedCodesAreRetriedWhateverTheHttpStatus(int status) {
		stubSequence(wireMock, envelope(status, 30003, "running tasks reached the plan limit"), json(200, RUN_OK));
		CoreClawRetrySettings settings = FAST.withRetryable(CoreClawRetrySettings.DEFAULT_RETRYABLE_STATUSES,
				List.of(CoreClawRetrySettings.CodeRange.parse("13000-13999"), CoreClawRetrySettings.CodeRange.parse("30003")));
		try (CoreClawClient client = client(settings)) {
			assertThat(client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		}
		wireMock.verify(2, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/t1/runs")));
	}

	@ParameterizedTest
	@CsvSource({ "401, 12001", "401, 12002", "400, 11000", "422, 11000", "404, 60001", "200, 30003", "500, 12001" })
	void clientErrorsAreNeverRetried(int status, long code) {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(status, code, "no")));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client(FAST).workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getCode()).isEqualTo(code);
		assertThat(ex.getAttempts()).isEqualTo(1);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void undecodableSuccessBodiesAreNotRetried() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("not json")));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client(FAST).workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex).isExactlyInstanceOf(CoreClawApiException.class)
			.hasMessage("CoreClaw answered POST /api/v2/worker-tasks/t1/runs with HTTP 200 and a body that is not a "
					+ "CoreClaw JSON envelope: \"not json\"");
		assertThat(ex.getAttempts()).isEqualTo(1);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
			"RANDOM_DATA_THEN_CLOSE" })
	void brokenResponsesToRunRequestsAreTypedAndNeverRepeated(Fault fault) {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withFault(fault)));
		CoreClawConnectionException ex = catchThrowableOfType(CoreClawConnectionException.class,
				() -> client(FAST).workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.isRequestSent()).isTrue();
		assertThat(ex.isRunMayExist()).isTrue();
		assertThat(ex.getMessage()).startsWith("The connection to CoreClaw at " + wireMock.baseUrl()
				+ " failed during POST /api/v2/worker-tasks/t1/runs before a complete response arrived: ")
			.endsWith("The run may have been created: look at the recent runs before starting it again.");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void refusedConnectionsAreRetriedThenReportedClearly() {
		URI nothingListening = CoreClawStubs.closedPortUrl();
		CoreClawClientSettings settings = settings(wireMock).withBaseUrl(nothingListening);
		int port = nothingListening.getPort();
		CoreClawConnectionException ex = catchThrowableOfType(CoreClawConnectionException.class,
				() -> ClosesClients.track(CoreClawClient.builder(settings).retry(FAST).build()).workerTasks().runAsync("t1")
					.block(Duration.ofSeconds(5)));
		assertThat(ex.isRequestSent()).isFalse();
		assertThat(ex.getAttempts()).isEqualTo(4);
		assertThat(earlierFailures(ex)).hasSize(3)
			.allSatisfy((earlier) -> assertThat(earlier).isInstanceOf(CoreClawConnectionException.class));
		assertThat(ex.getMessage()).startsWith("Could not connect to CoreClaw at http://127.0.0.1:" + port)
			.endsWith("The request was not sent. (after 4 attempts)");
	}

	@Test
	void failedResponsesAreReleasedBeforeTheNextAttempt() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(500, 10000, "internal server error")));
		ConnectionProvider oneConnection = ConnectionProvider.builder("one")
			.maxConnections(1)
			.pendingAcquireTimeout(Duration.ofMillis(500))
			.build();
		try {
			CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
					() -> ClosesClients.track(CoreClawClient.builder(settings(wireMock))
						.connector(new ReactorClientHttpConnector(HttpClient.create(oneConnection)))
						.retry(FAST)
						.build())
						.workerTasks()
						.runAsync("t1")
						.block(Duration.ofSeconds(5)));
			assertThat(ex.getHttpStatus()).isEqualTo(500);
			assertThat(ex.getAttempts()).isEqualTo(4);
			wireMock.verify(4, anyRequestedFor(anyUrl()));
		}
		finally {
			oneConnection.dispose();
		}
	}

	@Test
	void disabledRetriesSendOnce() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(429, 13000, "too many requests")));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock)).build());
		assertThat(client.retry()).isEmpty();
		CoreClawRateLimitedException ex = catchThrowableOfType(CoreClawRateLimitedException.class,
				() -> client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex).isExactlyInstanceOf(CoreClawRateLimitedException.class)
			.hasMessage("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 429, code 13000 \"too many requests\" "
					+ "(request_id req-123). Slow down and retry later with backoff.");
		assertThat(ex.getAttempts()).isEqualTo(1);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void retryOfTheApplicationRegistryIsUsedButNeverRepeatsARunThatMayHaveStarted() {
		RetryRegistry registry = RetryRegistry.ofDefaults();
		RetryConfig retryEverything = RetryConfig.custom()
			.maxAttempts(3)
			.waitDuration(Duration.ofMillis(5))
			.retryOnException((ex) -> true)
			.build();
		io.github.resilience4j.retry.Retry applicationRetry = registry.retry(CoreClawClient.RETRY_NAME, retryEverything);
		CoreClawClientSettings settings = settings(wireMock).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200),
				Duration.ofSeconds(1));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings).retry(FAST, registry).build());
		assertThat(client.retry()).containsSame(applicationRetry);
		assertThat(client.ownRetryRegistry()).isEmpty();

		// A rate-limit refusal started no run: the application's retry may repeat it.
		stubSequence(wireMock, envelope(429, 13000, "too many requests"), json(200, RUN_OK));
		assertThat(client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		wireMock.verify(2, anyRequestedFor(anyUrl()));

		// A server error may come after the run was created: never repeated, whatever the retry says.
		wireMock.resetAll();
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(500, 10000, "internal server error")));
		catchThrowableOfType(CoreClawApiException.class, () -> client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		wireMock.verify(1, anyRequestedFor(anyUrl()));

		// A read that failed for a passing reason is repeated by the application's retry.
		wireMock.resetAll();
		wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(anyUrl()).inScenario("read")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(envelope(500, 10000, "internal server error"))
			.willSetStateTo("ok"));
		wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(anyUrl()).inScenario("read")
			.whenScenarioStateIs("ok")
			.willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"r1\",\"status\":\"running\"}}")));
		assertThat(client.workerRuns().getRun(new RunSlug("r1")).block(Duration.ofSeconds(5)).status())
			.isEqualTo(RunStatus.RUNNING);
		wireMock.verify(2, anyRequestedFor(anyUrl()));

		wireMock.resetAll();
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, RUN_OK).withFixedDelay(1000)));
		catchThrowableOfType(CoreClawTimeoutException.class,
				() -> client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		// The call ends only after its last attempt has ended: a repeated request would already be here.
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void registryWithoutTheInstanceGetsOneWithTheClientSettings() {
		RetryRegistry registry = RetryRegistry.ofDefaults();
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings(wireMock)).retry(FAST, registry).build());
		assertThat(registry.find(CoreClawClient.RETRY_NAME)).isPresent();
		assertThat(client.retry()).containsSame(registry.find(CoreClawClient.RETRY_NAME).get());
		assertThat(client.retry().get().getRetryConfig().getMaxAttempts()).isEqualTo(4);
		// A second client on the same registry shares the instance and its rules: 500 is retried.
		CoreClawClient second = ClosesClients.track(CoreClawClient.builder(settings(wireMock)).retry(FAST, registry).build());
		assertThat(second.retry()).containsSame(client.retry().get());
		stubSequence(wireMock, envelope(500, 10000, "internal server error"), json(200, RUN_OK));
		assertThat(second.workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	/** The failures of earlier attempts, without the marker that {@code block()} adds. */
	static List<Throwable> earlierFailures(Throwable ex) {
		return java.util.Arrays.stream(ex.getSuppressed()).filter(CoreClawException.class::isInstance).toList();
	}

	static CoreClawClient client(CoreClawRetrySettings retry) {
		return ClosesClients.track(CoreClawClient.builder(settings(wireMock)).retry(retry).build());
	}

	static List<Long> gapsBetweenRequests() {
		List<Long> times = wireMock.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.map((request) -> request.getLoggedDate().getTime())
			.sorted(Comparator.naturalOrder())
			.toList();
		return java.util.stream.IntStream.range(1, times.size()).mapToObj((i) -> times.get(i) - times.get(i - 1)).toList();
	}

}
