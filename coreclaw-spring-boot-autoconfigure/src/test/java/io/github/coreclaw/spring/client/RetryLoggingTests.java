/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.coreclaw.spring.client.CoreClawStubs.API_KEY;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.RUN_OK;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static io.github.coreclaw.spring.client.CoreClawStubs.stubSequence;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each retry logs one WARN line that says what failed and when the next attempt comes.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(ClosesClients.class)
class RetryLoggingTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs();

	@Test
	void oneWarnLinePerRetryWithAttemptStatusCodeRequestIdAndDelay() {
		stubSequence(wireMock, envelope(429, 13000, "too many requests").withHeader("Retry-After", "1"),
				envelope(500, 10000, "internal server error"), json(200, RUN_OK));
		ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.retry(CoreClawRetrySettings.defaults().withBackoff(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(50), 0.0))
			.build())
			.workerTasks()
			.runAsync("t1")
			.block(Duration.ofSeconds(5));
		List<ILoggingEvent> warnings = this.logs.events().stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.filter((event) -> event.getLoggerName().startsWith("io.github.coreclaw"))
			.toList();
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(0).getFormattedMessage()).isEqualTo("CoreClaw attempt 1/4 failed, retrying in 1s: "
				+ "CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 429, code 13000 \"too many requests\" "
				+ "(request_id req-123). CoreClaw asked to wait 1s before the next request.");
		assertThat(warnings.get(1).getFormattedMessage()).isEqualTo("CoreClaw attempt 2/4 failed, retrying in 10ms: "
				+ "CoreClaw rejected POST /api/v2/worker-tasks/t1/runs: HTTP 500, code 10000 \"internal server error\" "
				+ "(request_id req-123)");
		assertThat(this.logs.events()).allSatisfy((event) -> assertThat(event.getFormattedMessage()).doesNotContain(API_KEY));
	}


	@Test
	void clientsSharingAnApplicationRetryLogEachRetryOnce() {
		io.github.resilience4j.retry.RetryRegistry registry = io.github.resilience4j.retry.RetryRegistry.ofDefaults();
		CoreClawRetrySettings fast = CoreClawRetrySettings.defaults()
			.withBackoff(4, Duration.ofMillis(5), 2.0, Duration.ofMillis(50), 0.0);
		ClosesClients.track(CoreClawClient.builder(settings(wireMock)).retry(fast, registry).build());
		CoreClawClient second = ClosesClients.track(CoreClawClient.builder(settings(wireMock)).retry(fast, registry).build());
		stubSequence(wireMock, envelope(429, 13000, "too many requests"), json(200, RUN_OK));
		assertThat(second.workerTasks().runAsync("t1").block(Duration.ofSeconds(5))).isEqualTo(new RunSlug("r-ok"));
		assertThat(this.logs.events().stream()
			.filter((event) -> event.getLevel() == Level.WARN && event.getLoggerName().startsWith("io.github.coreclaw")))
			.hasSize(1);
	}

}
