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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How {@link WorkerTaskOperations} reports every documented error.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class WorkerTaskOperationsErrorTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@ParameterizedTest(name = "HTTP {0} code {1} -> {3}")
	@CsvSource({ "400, 11000, invalid argument, CoreClawValidationException",
			"401, 12001, authentication required, CoreClawAuthenticationException",
			"401, 12002, invalid token, CoreClawAuthenticationException",
			"403, 12002, invalid token, CoreClawAuthenticationException",
			"404, 11004, not found, CoreClawNotFoundException",
			"404, 60001, task does not exist, CoreClawNotFoundException",
			"422, 11000, invalid argument, CoreClawValidationException",
			"429, 13000, too many requests, CoreClawRateLimitedException",
			"500, 10000, internal server error, CoreClawApiException",
			"500, 14000, database error, CoreClawApiException",
			"200, 13000, too many requests, CoreClawRateLimitedException",
			"200, 13999, too many requests, CoreClawRateLimitedException",
			"200, 60001, task does not exist, CoreClawNotFoundException",
			"200, 12001, authentication required, CoreClawAuthenticationException",
			"200, 30001, account balance is insufficient, CoreClawInsufficientBalanceException",
			"200, 30003, running tasks reached the plan limit, CoreClawConcurrencyLimitException",
			"422, 30003, running tasks reached the plan limit, CoreClawConcurrencyLimitException" })
	void everyDocumentedErrorBecomesItsException(int status, long code, String message, String type) {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(status, code, message)));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client().workerTasks().runAsync("demo-task").block(Duration.ofSeconds(5)));
		assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
		assertThat(ex.getHttpStatus()).isEqualTo(status);
		assertThat(ex.getCode()).isEqualTo(code);
		assertThat(ex.getApiMessage()).isEqualTo(message);
		assertThat(ex.getRequestId()).isEqualTo("req-123");
		assertThat(ex.getMessage()).startsWith("CoreClaw rejected POST /api/v2/worker-tasks/demo-task/runs: HTTP "
				+ status + ", code " + code + " \"" + message + "\" (request_id req-123)");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void notFoundMessageNamesRequestCodeAndRequestId() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(404, 60001, "task does not exist")));
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> client().workerTasks().runAsync("t1").block(Duration.ofSeconds(5)))
			.withMessage("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 404, code 60001 "
					+ "\"task does not exist\" (request_id req-123). Check the identifier in the request path.");
	}

	@Test
	void authenticationFailureSaysWhatToCheckWithoutTheKey() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(401, 12001, "authentication required")));
		assertThatExceptionOfType(CoreClawAuthenticationException.class)
			.isThrownBy(() -> client().workerTasks().runSync("t1").block(Duration.ofSeconds(5)))
			.withMessage("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 401, code 12001 "
					+ "\"authentication required\" (request_id req-123). Check the API key (coreclaw.api-key) and "
					+ "how it is sent (coreclaw.auth-scheme).")
			.withMessageNotContaining(API_KEY);
	}

	@Test
	void validationDetailsAreKept() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(422, """
				{"code":11000,"message":"invalid argument","request_id":"req-4","details":["limit: must be <= 100"]}""")));
		CoreClawValidationException ex = catchThrowableOfType(CoreClawValidationException.class,
				() -> client().workerTasks().runSync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getDetails()).containsExactly("limit: must be <= 100");
		assertThat(ex.getMessage()).isEqualTo("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 422, code 11000 "
				+ "\"invalid argument\" (request_id req-4), details [limit: must be <= 100]");
	}

	@Test
	void nullDetailsAndMissingRequestIdAreAccepted() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(400, "{\"code\":11000,\"message\":\"invalid argument\",\"details\":null}")));
		CoreClawValidationException ex = catchThrowableOfType(CoreClawValidationException.class,
				() -> client().workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getDetails()).isEmpty();
		assertThat(ex.getRequestId()).isNull();
		assertThat(ex.getMessage())
			.isEqualTo("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 400, code 11000 \"invalid argument\"");
	}

	@Test
	void rateLimitCarriesRetryAfterSeconds() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(429, 13000, "too many requests").withHeader("Retry-After", "7")));
		CoreClawRateLimitedException ex = catchThrowableOfType(CoreClawRateLimitedException.class,
				() -> client().workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(7));
		assertThat(ex.getMessage()).endsWith(". CoreClaw asked to wait 7s before the next request.");
	}

	@Test
	void rateLimitCarriesRetryAfterHttpDate() {
		wireMock.stubFor(post(anyUrl()).willReturn(
				envelope(429, 13000, "too many requests").withHeader("Retry-After", "Sun, 29 Nov 2026 18:00:30 GMT")));
		Clock clock = Clock.fixed(Instant.parse("2026-11-29T18:00:00Z"), ZoneOffset.UTC);
		CoreClawRateLimitedException ex = catchThrowableOfType(CoreClawRateLimitedException.class,
				() -> ClosesClients.track(CoreClawClient.builder(settings(wireMock))
					.clock(clock)
					.build())
					.workerTasks()
					.runAsync("t1")
					.block(Duration.ofSeconds(5)));
		assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(30));
	}

	@Test
	void rateLimitWithoutRetryAfterHasNone() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(200, 13000, "too many requests")));
		CoreClawRateLimitedException ex = catchThrowableOfType(CoreClawRateLimitedException.class,
				() -> client().workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getRetryAfter()).isEmpty();
		assertThat(ex.getHttpStatus()).isEqualTo(200);
	}

	@Test
	void htmlErrorPageBecomesApiExceptionWithExcerpt() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1>\n</body></html>")));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client().workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex).isExactlyInstanceOf(CoreClawApiException.class);
		assertThat(ex.getHttpStatus()).isEqualTo(502);
		assertThat(ex.getCode()).isEqualTo(CoreClawApiException.NO_CODE);
		assertThat(ex.getRequestId()).isNull();
		assertThat(ex.getMessage()).isEqualTo("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 502 and a body "
				+ "that is not a CoreClaw JSON envelope: \"<html><body><h1>502 Bad Gateway</h1> </body></html>\"");
	}

	@Test
	void emptyErrorBodyBecomesApiException() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client().workerTasks().runSync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getHttpStatus()).isEqualTo(503);
		assertThat(ex.getMessage()).isEqualTo("CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 503 and a body "
				+ "that is not a CoreClaw JSON envelope: (empty body)");
	}

	@Test
	void emptyRateLimitBodyIsStillRateLimited() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
		CoreClawRateLimitedException ex = catchThrowableOfType(CoreClawRateLimitedException.class,
				() -> client().workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(2));
		assertThat(ex.getCode()).isEqualTo(CoreClawApiException.NO_CODE);
	}

	@Test
	void successStatusWithHtmlBodyIsAnApiException() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
		assertThatExceptionOfType(CoreClawApiException.class)
			.isThrownBy(() -> client().workerTasks().runAsync("t1").block(Duration.ofSeconds(5)))
			.withMessage("CoreClaw answered POST /api/v2/worker-tasks/t1/runs with HTTP 200 and a body that is not a "
					+ "CoreClaw JSON envelope: \"<html>maintenance</html>\"");
	}

	@Test
	void errorCodeWithUnexpectedDataShapeIsStillTheError() {
		wireMock.stubFor(post(anyUrl()).willReturn(
				json(200, "{\"code\":60001,\"message\":\"task does not exist\",\"request_id\":\"r\",\"data\":\"oops\"}")));
		CoreClawNotFoundException ex = catchThrowableOfType(CoreClawNotFoundException.class,
				() -> client().workerTasks().runSync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getCode()).isEqualTo(60001);
	}

	@Test
	void errorStatusWithUnexpectedDataShapeKeepsCodeAndRequestId() {
		wireMock.stubFor(post(anyUrl()).willReturn(
				json(503, "{\"code\":13000,\"message\":\"too many requests\",\"request_id\":\"r-503\",\"data\":\"\"}")));
		CoreClawRateLimitedException ex = catchThrowableOfType(CoreClawRateLimitedException.class,
				() -> client().workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getHttpStatus()).isEqualTo(503);
		assertThat(ex.getCode()).isEqualTo(13000);
		assertThat(ex.getRequestId()).isEqualTo("r-503");
	}

	@Test
	void longBodiesAreCutInTheMessage() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500).withBody("x".repeat(5000))));
		CoreClawApiException ex = catchThrowableOfType(CoreClawApiException.class,
				() -> client().workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getMessage()).endsWith("\"" + "x".repeat(200) + "...\"");
	}

	@Test
	void responseTimeoutSaysWhichTimeoutFiredAndThatTheRunMayExist() {
		wireMock.stubFor(post(anyUrl()).willReturn(envelope(200, 0, "success").withFixedDelay(2000)));
		CoreClawClientSettings settings = settings(wireMock).withTimeouts(Duration.ofSeconds(1),
				Duration.ofMillis(300), Duration.ofSeconds(5));
		CoreClawTimeoutException ex = catchThrowableOfType(CoreClawTimeoutException.class,
				() -> ClosesClients.track(CoreClawClient.builder(settings).build()).workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.getMessage()).isEqualTo("No response from CoreClaw to POST /api/v2/worker-tasks/t1/runs within "
				+ "300ms (coreclaw.response-timeout). The run may have been created: look at the recent runs before "
				+ "starting it again.");
		assertThat(ex.isRunMayExist()).isTrue();
		assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void syncRunsUseTheSyncResponseTimeout() {
		wireMock.stubFor(post(anyUrl()).willReturn(
				json(200, "{\"code\":0,\"data\":{\"run_slug\":\"r1\"}}").withFixedDelay(700)));
		CoreClawClientSettings settings = settings(wireMock).withTimeouts(Duration.ofSeconds(1),
				Duration.ofMillis(300), Duration.ofMillis(3000));
		CoreClawClient client = ClosesClients.track(CoreClawClient.builder(settings).build());
		assertThat(client.workerTasks().runSync("t1").block(Duration.ofSeconds(5))).isNotNull();
		assertThatExceptionOfType(CoreClawTimeoutException.class)
			.isThrownBy(() -> client.workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		CoreClawClientSettings shortSync = settings.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3),
				Duration.ofMillis(200));
		assertThatExceptionOfType(CoreClawTimeoutException.class)
			.isThrownBy(() -> ClosesClients.track(CoreClawClient.builder(shortSync).build()).workerTasks().runSync("t1").block(Duration.ofSeconds(5)))
			.withMessageContaining("within 200ms (coreclaw.sync-response-timeout)");
	}

	@Test
	void refusedConnectionSaysTheRequestWasNotSent() {
		URI nothingListening = CoreClawStubs.closedPortUrl();
		CoreClawClientSettings settings = settings(wireMock).withBaseUrl(nothingListening);
		int port = nothingListening.getPort();
		CoreClawConnectionException ex = catchThrowableOfType(CoreClawConnectionException.class,
				() -> ClosesClients.track(CoreClawClient.builder(settings).build()).workerTasks().runAsync("t1").block(Duration.ofSeconds(5)));
		assertThat(ex.isRequestSent()).isFalse();
		assertThat(ex.getMessage()).startsWith("Could not connect to CoreClaw at http://127.0.0.1:" + port
				+ " for POST /api/v2/worker-tasks/t1/runs: ")
			.endsWith(". The request was not sent.");
	}

	private static CoreClawClient client() {
		return ClosesClients.track(CoreClawClient.builder(settings(wireMock)).build());
	}

}
