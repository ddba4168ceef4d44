/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawRetrySettings;
import io.github.coreclaw.spring.client.CoreClawStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests of {@link CoreClawHealthIndicator} against WireMock: up, down, cached.
 */
class CoreClawHealthIndicatorTests {

	private static final String ACCOUNT = "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-a\","
			+ "\"data\":{\"balance\":\"12.50\",\"balance_expiration_at\":1798761600}}";

	private static final CoreClawRetrySettings FAST = CoreClawRetrySettings.defaults()
		.withBackoff(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(50), 0.0);

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final CoreClawClient client = CoreClawClient.builder(CoreClawStubs.settings(wireMock)).retry(FAST).build();

	@AfterEach
	void close() {
		this.client.close();
		this.time.dispose();
	}

	@Test
	void upWithTheBalanceAndItsExpiry() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account")).willReturn(json(200, ACCOUNT)));
		Health health = check(indicator(this.client));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnlyKeys("balance", "balanceExpiresAt")
			.containsEntry("balance", new BigDecimal("12.50"))
			.containsEntry("balanceExpiresAt", Instant.ofEpochSecond(1798761600));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v2/users/account")).withHeader("Authorization",
				equalTo("Bearer " + CoreClawStubs.API_KEY)));
	}

	@Test
	void downWithStatusCodeAndRequestIdWhenTheKeyIsRefused() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account"))
			.willReturn(envelope(401, 12001, "authentication required")));
		Health health = check(indicator(this.client));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("httpStatus", 401)
			.containsEntry("code", 12001L)
			.containsEntry("requestId", "req-123")
			.containsOnlyKeys("httpStatus", "code", "requestId", "error");
		assertThat((String) health.getDetails().get("error"))
			.startsWith("io.github.coreclaw.spring.client.CoreClawAuthenticationException: ")
			.contains("HTTP 401, code 12001")
			.doesNotContain(CoreClawStubs.API_KEY);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void downWithTheErrorWhenCoreClawCannotBeReached() {
		CoreClawClientSettings unreachable = CoreClawClientSettings.of(CoreClawStubs.API_KEY)
			.withBaseUrl(CoreClawStubs.closedPortUrl());
		try (CoreClawClient client = CoreClawClient.builder(unreachable).build()) {
			Health health = check(indicator(client));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsOnlyKeys("error");
			assertThat((String) health.getDetails().get("error"))
				.startsWith("io.github.coreclaw.spring.client.CoreClawConnectionException: ")
				.contains("Could not connect to CoreClaw");
		}
	}

	@Test
	void downWhenCoreClawDoesNotAnswerInTime() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account")).willReturn(json(200, ACCOUNT).withFixedDelay(5_000)));
		Mono<Health> health = indicator(this.client).health();
		Health[] result = new Health[1];
		health.subscribe((value) -> result[0] = value);
		this.time.advanceTimeBy(Duration.ofSeconds(10));
		assertThat(result[0]).isNotNull();
		assertThat(result[0].getStatus()).isEqualTo(Status.DOWN);
		assertThat(result[0].getDetails())
			.containsExactly(entry("error", "No answer from CoreClaw within 10s (coreclaw.health.timeout)"));
	}

	@Test
	void aResultIsReusedUntilItsTimeToLiveHasPassed() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account")).willReturn(json(200, ACCOUNT)));
		CoreClawHealthIndicator indicator = indicator(this.client);
		for (int i = 0; i < 5; i++) {
			assertThat(check(indicator).getStatus()).isEqualTo(Status.UP);
			this.time.advanceTimeBy(Duration.ofSeconds(5));
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		this.time.advanceTimeBy(Duration.ofSeconds(6));
		assertThat(check(indicator).getStatus()).isEqualTo(Status.UP);
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void aDownResultIsReusedToo() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account")).willReturn(envelope(401, 12002, "invalid token")));
		CoreClawHealthIndicator indicator = indicator(this.client);
		assertThat(check(indicator).getStatus()).isEqualTo(Status.DOWN);
		this.time.advanceTimeBy(Duration.ofSeconds(29));
		assertThat(check(indicator).getStatus()).isEqualTo(Status.DOWN);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void concurrentChecksShareOneCall() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account")).willReturn(json(200, ACCOUNT).withFixedDelay(300)));
		CoreClawHealthIndicator indicator = indicator(this.client);
		Health[] results = Mono.zip(indicator.health(), indicator.health(), indicator.health())
			.map((all) -> new Health[] { all.getT1(), all.getT2(), all.getT3() })
			.block(Duration.ofSeconds(5));
		assertThat(results).extracting(Health::getStatus).containsOnly(Status.UP);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void withoutATimeToLiveEveryCheckAsks() {
		wireMock.stubFor(get(urlEqualTo("/api/v2/users/account")).willReturn(json(200, ACCOUNT)));
		CoreClawHealthIndicator indicator = new CoreClawHealthIndicator(this.client, Duration.ofSeconds(10),
				Duration.ZERO, this.time);
		check(indicator);
		check(indicator);
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	private CoreClawHealthIndicator indicator(CoreClawClient client) {
		return new CoreClawHealthIndicator(client, Duration.ofSeconds(10), Duration.ofSeconds(30), this.time);
	}

	private static Health check(CoreClawHealthIndicator indicator) {
		Health health = indicator.health().block(Duration.ofSeconds(10));
		assertThat(health).isNotNull();
		return health;
	}

}
