/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.github.coreclaw.spring.client.Account;
import io.github.coreclaw.spring.client.CoreClawAuthenticationException;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawNotFoundException;
import io.github.coreclaw.spring.client.QueueItem;
import io.github.coreclaw.spring.client.QueueItemResult;
import io.github.coreclaw.spring.client.QueueStatus;
import io.github.coreclaw.spring.client.RunQuery;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.WorkerRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulator answers the run list, the run queue and the account through the real client.
 */
class SimulatorRunsQueueAccountTests {

	private static CoreClawSimulator simulator;

	@BeforeAll
	static void startSimulator() {
		simulator = CoreClawSimulator.start();
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
	}

	@Test
	void theRunListHasTwoPagesNewestFirstWithTheFailedRunsErrors() {
		try (CoreClawClient client = client(simulator.apiKey())) {
			List<WorkerRun> runs = client.workerRuns().list().collectList().block(Duration.ofSeconds(10));
			assertThat(runs).hasSize(130);
			assertThat(runs.get(0).runSlug().value()).isEqualTo("01SIMRUN1");
			assertThat(runs.get(129).runSlug().value()).isEqualTo("01SIMRUN130");
			assertThat(runs.get(0).startedAt()).isAfter(runs.get(1).startedAt());
			assertThat(runs.get(9).status()).isEqualTo(RunStatus.FAILED);
			assertThat(runs.get(9).errorMessage()).isEqualTo("proxy blocked");
			assertThat(runs.get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
			assertThat(runs.get(0).errorMessage()).isNull();
			assertThat(runs.get(0).workerSlug()).isEqualTo("coffee-shops");
		}
		simulator.server().verify(2, anyRequestedFor(anyUrl()));
		simulator.server().verify(getRequestedFor(urlEqualTo("/api/v2/worker-runs?offset=1&limit=100")));
		simulator.server().verify(getRequestedFor(urlEqualTo("/api/v2/worker-runs?offset=2&limit=100")));
	}

	@Test
	void aQueryOverTwoMonthsGetsEachMonthsRunsWithinThatMonth() {
		RunQuery query = RunQuery.builder()
			.workerId("coreclaw~coffee-shops")
			.status(RunStatus.RUNNING)
			.createdBetween(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 5))
			.build();
		try (CoreClawClient client = client(simulator.apiKey())) {
			List<WorkerRun> runs = client.workerRuns().list(query).collectList().block(Duration.ofSeconds(10));
			assertThat(runs).hasSize(260);
			assertThat(runs).allSatisfy((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
				assertThat(run.workerSlug()).isEqualTo("coreclaw~coffee-shops");
			});
			// the April query first: its runs end before 2026-04-06T00:00+08:00
			assertThat(runs.get(0).startedAt()).isBefore(Instant.parse("2026-04-05T16:00:00Z"))
				.isAfter(Instant.parse("2026-04-04T16:00:00Z"));
			assertThat(runs.get(130).startedAt()).isBefore(Instant.parse("2026-03-31T16:00:00Z"))
				.isAfter(Instant.parse("2026-03-30T16:00:00Z"));
		}
		simulator.server().verify(4, anyRequestedFor(anyUrl()));
		simulator.server().verify(getRequestedFor(urlEqualTo("/api/v2/worker-runs?offset=1&limit=100"
				+ "&worker_id=coreclaw~coffee-shops&status=running&start_time=1774972800&end_time=1775318400")));
		simulator.server().verify(getRequestedFor(urlEqualTo("/api/v2/worker-runs?offset=1&limit=100"
				+ "&worker_id=coreclaw~coffee-shops&status=running&start_time=1773936000&end_time=1774886400")));
	}

	@Test
	void theQueueListsTwoWaitingItemsAndOneInactiveOne() {
		try (CoreClawClient client = client(simulator.apiKey())) {
			List<QueueItem> items = client.runQueue().list().collectList().block(Duration.ofSeconds(5));
			assertThat(items).extracting(QueueItem::queueRef).containsExactly("100001", "100002", "100003");
			assertThat(items).extracting(QueueItem::status)
				.containsExactly(QueueStatus.WAITING, QueueStatus.WAITING, QueueStatus.INACTIVE);
			assertThat(items.get(0).attributes()).containsEntry("worker_id", "coffee-shops")
				.containsEntry("created_at", 1786001000);
			assertThat(client.runQueue().list(QueueStatus.WAITING).map(QueueItem::queueRef).collectList()
				.block(Duration.ofSeconds(5))).containsExactly("100001", "100002");
			assertThat(client.runQueue().list(QueueStatus.INACTIVE).map(QueueItem::queueRef).collectList()
				.block(Duration.ofSeconds(5))).containsExactly("100003");
		}
		simulator.server().verify(getRequestedFor(urlEqualTo("/api/v2/run-queue/items?offset=1&limit=100&status=waiting")));
	}

	@Test
	void onlyWaitingItemsCanBeActivated() {
		try (CoreClawClient client = client(simulator.apiKey())) {
			assertThat(client.runQueue().activate(List.of("100001", "100003", "42")).block(Duration.ofSeconds(5)))
				.containsExactly(new QueueItemResult("100001", true, null),
						new QueueItemResult("100003", false, "queue item is not waiting"),
						new QueueItemResult("42", false, "queue item not found"));
		}
	}

	@Test
	void knownItemsCanBeReleasedAndUnknownOnesAreNotFound() {
		try (CoreClawClient client = client(simulator.apiKey())) {
			assertThat(client.runQueue().release(List.of("100002", "42"), "no longer needed").block(Duration.ofSeconds(5)))
				.containsExactly(new QueueItemResult("100002", true, null),
						new QueueItemResult("42", false, "queue item not found"));
			assertThat(client.runQueue().release("100003", null).block(Duration.ofSeconds(5)))
				.isEqualTo(new QueueItemResult("100003", true, null));
			assertThatExceptionOfType(CoreClawNotFoundException.class)
				.isThrownBy(() -> client.runQueue().release("42", null).block(Duration.ofSeconds(5)));
		}
	}

	@Test
	void theAccountHasABalanceAndAnExpiry() {
		try (CoreClawClient client = client(simulator.apiKey())) {
			assertThat(client.account().block(Duration.ofSeconds(5))).isEqualTo(Account.builder(new BigDecimal("100.00"))
				.balanceExpiresAt(Instant.parse("2026-12-31T16:00:00Z"))
				.build());
		}
		try (CoreClawClient client = client("not-the-simulator-key")) {
			assertThatExceptionOfType(CoreClawAuthenticationException.class)
				.isThrownBy(() -> client.account().block(Duration.ofSeconds(5)));
		}
	}

	private static CoreClawClient client(String apiKey) {
		return CoreClawClient.builder(CoreClawClientSettings.of(apiKey).withBaseUrl(simulator.baseUrl())).build();
	}

}
