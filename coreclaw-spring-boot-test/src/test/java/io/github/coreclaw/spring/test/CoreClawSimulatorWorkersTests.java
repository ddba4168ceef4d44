/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.coreclaw.spring.client.CompletedRun;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawNotFoundException;
import io.github.coreclaw.spring.client.CoreClawPollingSettings;
import io.github.coreclaw.spring.client.CoreClawValidationException;
import io.github.coreclaw.spring.client.ProxyRegion;
import io.github.coreclaw.spring.client.QueueStatus;
import io.github.coreclaw.spring.client.QueuedRun;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.SyncRunResult;
import io.github.coreclaw.spring.client.Worker;
import io.github.coreclaw.spring.client.WorkerInput;
import io.github.coreclaw.spring.client.WorkerOperations;
import io.github.coreclaw.spring.client.WorkerSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulator's Worker {@code demo-worker}, its store and proxy regions, through the real
 * client.
 */
class CoreClawSimulatorWorkersTests {

	private static final WorkerInput COFFEE = WorkerInput.builder()
		.custom("keywords", List.of("coffee"))
		.system("proxy_region", "US")
		.build();

	private static CoreClawSimulator simulator;

	private CoreClawClient client;

	private WorkerOperations workers;

	@BeforeAll
	static void startSimulator() {
		simulator = CoreClawSimulator.start();
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@BeforeEach
	void createClient() {
		simulator.reset();
		this.client = CoreClawClient
			.builder(CoreClawClientSettings.of(simulator.apiKey()).withBaseUrl(simulator.baseUrl()))
			.polling(CoreClawPollingSettings.defaults().withIntervals(Duration.ofMillis(20), Duration.ofMillis(50), 2.0, 0.0))
			.build();
		this.workers = this.client.workers();
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void demoWorkerHasDetailsAndAnInputSchema() {
		Worker worker = this.workers.get("demo-worker").block(Duration.ofSeconds(5));
		assertThat(worker.name()).isEqualTo("demo-worker");
		assertThat(worker.username()).isEqualTo("coreclaw");
		assertThat(worker.version()).isEqualTo("v1.2.0");
		assertThat(worker.readme()).startsWith("# Demo Worker");
		assertThat(worker.parameters()).containsEntry("system", Map.of("proxy_region", "US"));
		assertThat(this.workers.get("coreclaw~demo-worker").block(Duration.ofSeconds(5))).isEqualTo(worker);
		Map<String, Object> schema = this.workers.inputSchema("demo-worker").block(Duration.ofSeconds(5));
		assertThat(schema).containsEntry("required", List.of("keywords"));
		assertThat(schema.get("properties")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsOnlyKeys("keywords", "base_location", "max_results");
	}

	@Test
	void unknownWorkersAreNotFound() {
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> this.workers.get("no-such-worker").block(Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(50001));
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> this.workers.runAsync("no-such-worker", COFFEE).block(Duration.ofSeconds(5)));
		assertThatExceptionOfType(CoreClawNotFoundException.class)
			.isThrownBy(() -> this.workers.inputSchema("no-such-worker").block(Duration.ofSeconds(5)));
	}

	@Test
	void asyncRunsGetAFreshRunSlug() {
		RunSlug first = this.workers.runAsync("demo-worker", COFFEE).block(Duration.ofSeconds(5));
		RunSlug second = this.workers.runAsync("coreclaw~demo-worker", COFFEE, RunOptions.builder().version("v1.2.0").build())
			.block(Duration.ofSeconds(5));
		assertThat(first.value()).startsWith("01SIM").hasSize(26);
		assertThat(second).isNotEqualTo(first);
		simulator.server()
			.verify(1, postRequestedFor(urlEqualTo("/api/v2/workers/coreclaw~demo-worker/runs")).withRequestBody(equalToJson(
					"{\"is_async\":true,\"version\":\"v1.2.0\",\"input\":{\"parameters\":{\"custom\":{\"keywords\":[\"coffee\"]},"
							+ "\"system\":{\"proxy_region\":\"US\"}}}}",
					false, false)));
	}

	@Test
	void syncRunsAnswerRowsLikeTaskRunsHonouringLimit() {
		SyncRunResult result = this.workers.runSync("demo-worker", COFFEE, RunOptions.builder().limit(2).build())
			.block(Duration.ofSeconds(5));
		assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(result.total()).isEqualTo(5);
		assertThat(result.headers()).extracting("key").containsExactly("title", "city", "rating");
		assertThat(result.rows()).containsExactly(Map.of("title", "Blue Bottle Coffee", "city", "Oakland", "rating", 4.6),
				Map.of("title", "Tartine Bakery", "city", "San Francisco", "rating", 4.7));
		assertThat(this.workers.runSync("demo-worker", COFFEE).block(Duration.ofSeconds(5)).rows()).hasSize(5);
	}

	@Test
	void runsWithoutKeywordsAreInvalid() {
		assertThatExceptionOfType(CoreClawValidationException.class)
			.isThrownBy(() -> this.workers.runSync("demo-worker", null).block(Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.getDetails()).containsExactly("input.parameters.custom.keywords is required"));
		assertThatExceptionOfType(CoreClawValidationException.class).isThrownBy(
				() -> this.workers.queueRun("demo-worker", WorkerInput.builder().build()).block(Duration.ofSeconds(5)));
	}

	@Test
	void runAndAwaitFollowsTheRunToItsResults() {
		CompletedRun completed = this.workers
			.runAndAwait("demo-worker", COFFEE, RunOptions.builder().limit(3).build(), Duration.ofSeconds(10))
			.block(Duration.ofSeconds(15));
		assertThat(completed.run().status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(completed.firstPage().rows()).hasSize(3);
		simulator.server().verify(1, postRequestedFor(urlEqualTo("/api/v2/workers/demo-worker/runs")));
		simulator.server().verify(3, getRequestedFor(urlPathMatching("/api/v2/worker-runs/01SIM[A-Z0-9]+")));
	}

	@Test
	void queuedRunsWait() {
		QueuedRun queued = this.workers.queueRun("demo-worker", COFFEE).block(Duration.ofSeconds(5));
		assertThat(queued.queueRef()).matches("[0-9]{6}");
		assertThat(queued.status()).isEqualTo(QueueStatus.WAITING);
		assertThat(queued.queued()).isTrue();
	}

	@Test
	void theAccountHasTheDemoWorker() {
		List<WorkerSummary> all = this.workers.list().collectList().block(Duration.ofSeconds(5));
		assertThat(all).containsExactly(WorkerSummary.builder()
			.slug("demo-worker")
			.name("demo-worker")
			.path("coreclaw~demo-worker")
			.title("Demo Worker")
			.username("coreclaw")
			.description("Finds places for a keyword: title, city and rating of each")
			.build());
		assertThat(this.workers.list("DEMO").collectList().block(Duration.ofSeconds(5))).isEqualTo(all);
		assertThat(this.workers.list("maps").collectList().block(Duration.ofSeconds(5))).isEmpty();
		simulator.server().verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void theStoreIsSearchedByKeyword() {
		assertThat(this.workers.store(null).map(WorkerSummary::slug).collectList().block(Duration.ofSeconds(5)))
			.containsExactly("demo-worker", "google-maps-scraper", "coffee-shops");
		assertThat(this.workers.store("coffee").map(WorkerSummary::slug).collectList().block(Duration.ofSeconds(5)))
			.containsExactly("coffee-shops");
		assertThat(this.workers.store("coreclaw~").map(WorkerSummary::slug).collectList().block(Duration.ofSeconds(5)))
			.containsExactly("demo-worker", "google-maps-scraper");
		assertThat(this.workers.store("Maps Scraper").map(WorkerSummary::path).collectList().block(Duration.ofSeconds(5)))
			.containsExactly("coreclaw~google-maps-scraper");
		assertThat(this.workers.store("nothing like it").collectList().block(Duration.ofSeconds(5))).isEmpty();
	}

	@Test
	void proxyRegionsInEnglishAndChinese() {
		assertThat(this.workers.proxyRegions().block(Duration.ofSeconds(5))).startsWith(new ProxyRegion("US", "United States"))
			.extracting(ProxyRegion::code)
			.containsExactly("US", "GB", "DE", "JP");
		assertThat(this.workers.proxyRegions("zh").block(Duration.ofSeconds(5))).startsWith(new ProxyRegion("US", "美国"))
			.hasSize(4);
	}

}
