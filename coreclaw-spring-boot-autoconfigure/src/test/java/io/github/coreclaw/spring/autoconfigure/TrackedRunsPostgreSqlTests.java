/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.autoconfigure.TrackingTestSupport.RecordingHandler;
import io.github.coreclaw.spring.callback.CallbackReceiverContractTests;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.github.coreclaw.spring.tracking.JdbcTrackedRunStore;
import io.github.coreclaw.spring.tracking.TestClock;
import io.github.coreclaw.spring.tracking.TrackedRun;
import io.github.coreclaw.spring.tracking.TrackedRunHandler;
import io.github.coreclaw.spring.tracking.TrackedRunProcessor;
import io.github.coreclaw.spring.tracking.TrackedRunProcessor.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tracked runs on several application instances sharing one PostgreSQL database (the local
 * PostgreSQL of {@code .ci/run}); skipped when it cannot be reached.
 */
class TrackedRunsPostgreSqlTests {

	static final String URL = "jdbc:postgresql://127.0.0.1:5432/coreclaw_test";

	private static final Duration BLOCK = Duration.ofSeconds(20);

	private static final String RUN = "01KKDXV2G26BT7NH4ZQR2R4NPZ";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final TestClock clock = new TestClock(Instant.parse("2026-12-07T01:00:00Z"));

	@BeforeAll
	static void postgreSqlIsReachable() {
		String problem = null;
		try (Connection connection = DriverManager.getConnection(URL + "?connectTimeout=2", "coreclaw", "coreclaw")) {
			connection.isValid(2);
		}
		catch (SQLException ex) {
			problem = ex.getMessage();
		}
		assumeTrue(problem == null, "PostgreSQL is not reachable at " + URL + " as coreclaw: " + problem);
	}

	@BeforeEach
	void dropTables() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, "coreclaw", "coreclaw");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS coreclaw_tracked_run, coreclaw_tracking_lock, imported_row");
		}
	}

	private ReactiveWebApplicationContextRunner instance(TrackedRunHandler handler) {
		return TrackingTestSupport.configure(new ReactiveWebApplicationContextRunner(), wireMock, this.clock)
			.withPropertyValues("spring.datasource.url=" + URL, "spring.datasource.username=coreclaw",
					"spring.datasource.password=coreclaw",
					"spring.datasource.type=org.springframework.jdbc.datasource.SimpleDriverDataSource",
					"coreclaw.tracking.initialize-schema=always", "coreclaw.callback.enabled=true",
					"coreclaw.callback.secret=" + CallbackReceiverContractTests.SECRET,
					// Closing a context disposes Reactor Netty's global resources, which the other
					// instance of this JVM would need: each instance has a JDK connector instead.
					"spring.http.clients.reactive.connector=jdk")
			.withBean("handler", TrackedRunHandler.class, () -> handler);
	}

	@Test
	void aCallbackReachingTheInstanceThatDidNotStartTheRunTriggersItsHandling() {
		TrackingTestSupport.stubStart(wireMock, RUN);
		TrackingTestSupport.stubRun(wireMock, RUN, "succeeded");
		RecordingHandler starting = new RecordingHandler();
		RecordingHandler receiving = new RecordingHandler();
		instance(starting).run((first) -> instance(receiving).run((second) -> {
			RunSlug run = first.getBean(WorkerTaskOperations.class)
				.runAsync(TrackingTestSupport.TASK, RunOptions.builder().track("import:berlin").build())
				.block(BLOCK);
			assertThat(run).isEqualTo(new RunSlug(RUN));
			postCallback(second);
			await().atMost(BLOCK).until(() -> receiving.runs.size() == 1);
			assertThat(receiving.runs.get(0).label()).isEqualTo("import:berlin");
			assertThat(receiving.runs.get(0).startedBy()).isEqualTo("worker-task nightly-berlin");
			await().atMost(BLOCK).until(() -> "HANDLED".equals(state(second, RUN)));
			// The same callback reaching the first instance too hands the run out no more.
			postCallback(first);
			assertThat(first.getBean(TrackedRunProcessor.class).process(run).block(BLOCK))
				.isEqualTo(Outcome.NOT_CLAIMED);
			assertThat(starting.runs).isEmpty();
			assertThat(receiving.runs).hasSize(1);
			wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/worker-runs/" + RUN)));
		}));
	}

	@Test
	void anInstanceClosedWhileHoldingClaimsLosesThemWhenTheLeaseEnds() {
		RecordingHandler closing = new RecordingHandler();
		RecordingHandler remaining = new RecordingHandler();
		List<RunSlug> runs = List.of(new RunSlug("r-pg-1"), new RunSlug("r-pg-2"));
		runs.forEach((run) -> TrackingTestSupport.stubRun(wireMock, run.value(), "succeeded"));
		instance(remaining).run((second) -> {
			instance(closing).run((first) -> {
				JdbcTrackedRunStore store = first.getBean(JdbcTrackedRunStore.class);
				for (RunSlug run : runs) {
					store.insert(run, "import:" + run, "worker-task nightly-berlin");
					assertThat(store.claim(run, Duration.ofMinutes(1), false)).isPresent();
				}
			});
			// The first instance is gone, its claims are not: nobody handles the runs until they end.
			TrackedRunProcessor processor = second.getBean(TrackedRunProcessor.class);
			assertThat(processor.process(runs.get(0)).block(BLOCK)).isEqualTo(Outcome.NOT_CLAIMED);
			assertThat(processor.reconcile().block(BLOCK)).isZero();
			this.clock.advance(Duration.ofMinutes(1).plusMillis(1));
			assertThat(processor.reconcile().block(BLOCK)).isEqualTo(2);
			assertThat(remaining.runs).extracting(TrackedRun::runSlug).containsExactlyElementsOf(runs);
			assertThat(closing.runs).isEmpty();
		});
	}

	@Test
	void twoInstancesHandlingTheSameRunsAtOnceStoreEachRunsRowsOnce() {
		List<RunSlug> runs = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			runs.add(new RunSlug("r-pg-" + i));
			TrackingTestSupport.stubRun(wireMock, "r-pg-" + i, "succeeded");
		}
		StoringHandler firstHandler = new StoringHandler();
		StoringHandler secondHandler = new StoringHandler();
		instance(firstHandler).run((first) -> instance(secondHandler).run((second) -> {
			DataSource dataSource = first.getBean(DataSource.class);
			JdbcClient.create(dataSource).sql("CREATE TABLE imported_row (run_slug VARCHAR(200))").update();
			firstHandler.dataSource = dataSource;
			secondHandler.dataSource = second.getBean(DataSource.class);
			JdbcTrackedRunStore store = first.getBean(JdbcTrackedRunStore.class);
			runs.forEach((run) -> store.insert(run, "import:" + run, "worker-task nightly-berlin"));
			TrackedRunProcessor one = first.getBean(TrackedRunProcessor.class);
			TrackedRunProcessor other = second.getBean(TrackedRunProcessor.class);
			List<Outcome> outcomes = Flux.fromIterable(runs)
				.flatMap((run) -> Flux.merge(one.process(run), other.process(run), one.process(run), other.process(run)))
				.collectList()
				.block(BLOCK);
			assertThat(outcomes).filteredOn((outcome) -> outcome == Outcome.HANDLED).hasSize(runs.size());
			Map<String, Long> rows = JdbcClient.create(dataSource)
				.sql("SELECT run_slug FROM imported_row")
				.query(String.class)
				.list()
				.stream()
				.collect(Collectors.groupingBy((slug) -> slug, Collectors.counting()));
			assertThat(rows).hasSize(runs.size()).allSatisfy((slug, count) -> assertThat(count).as(slug).isOne());
			List<Integer> passes = Flux.merge(one.reconcile(), other.reconcile()).collectList().block(BLOCK);
			assertThat(passes).containsExactly(0, 0);
		}));
	}

	@Test
	void aClaimSkipsARowAnotherInstanceHoldsLockedInsteadOfWaitingForIt() throws Exception {
		TrackingTestSupport.stubStart(wireMock, RUN);
		instance(new RecordingHandler()).run((context) -> {
			context.getBean(WorkerTaskOperations.class)
				.runAsync(TrackingTestSupport.TASK, RunOptions.builder().track("import:berlin").build())
				.block(BLOCK);
			JdbcTrackedRunStore store = new JdbcTrackedRunStore(context.getBean(DataSource.class), this.clock);
			// Another instance is in the middle of a transaction on the run's row (its handling, say).
			try (Connection other = DriverManager.getConnection(URL, "coreclaw", "coreclaw")) {
				other.setAutoCommit(false);
				try (Statement statement = other.createStatement()) {
					statement.executeQuery("SELECT run_slug FROM coreclaw_tracked_run WHERE run_slug = '" + RUN
							+ "' FOR UPDATE");
					CompletableFuture<Optional<JdbcTrackedRunStore.Claim>> claim = CompletableFuture
						.supplyAsync(() -> store.claim(new RunSlug(RUN), Duration.ofMinutes(1), false));
					// Skipped at once: waiting would hold this instance until the other one commits.
					assertThat(claim.get(5, TimeUnit.SECONDS)).isEmpty();
				}
				finally {
					other.rollback();
				}
			}
			assertThat(store.claim(new RunSlug(RUN), Duration.ofMinutes(1), false)).isPresent();
		});
	}

	private static void postCallback(ApplicationContext context) {
		@SuppressWarnings("unchecked")
		RouterFunction<ServerResponse> router = context.getBean("coreClawCallbackRouter", RouterFunction.class);
		WebTestClient.bindToRouterFunction(router)
			.build()
			.post()
			.uri(CallbackPosts.callbackPath(CallbackReceiverContractTests.SECRET))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(CallbackReceiverContractTests.SUCCEEDED)
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	private static String state(ApplicationContext context, String run) {
		return JdbcClient.create(context.getBean(DataSource.class))
			.sql("SELECT state FROM coreclaw_tracked_run WHERE run_slug = ?")
			.param(run)
			.query(String.class)
			.single();
	}

	/**
	 * A handler that stores a row per handling, in the handling's transaction.
	 */
	private static final class StoringHandler implements TrackedRunHandler {

		private volatile DataSource dataSource;

		@Override
		public void handle(TrackedRun run) {
			JdbcClient.create(this.dataSource)
				.sql("INSERT INTO imported_row (run_slug) VALUES (?)")
				.param(run.runSlug().value())
				.update();
		}

	}

}
