/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.autoconfigure.TrackingTestSupport.RecordingHandler;
import io.github.coreclaw.spring.callback.CoreClawRunCallbackEvent;
import io.github.coreclaw.spring.callback.RunCallback;
import io.github.coreclaw.spring.client.ClosesClients;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawException;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.RunOptions;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.github.coreclaw.spring.tracking.JdbcTrackedRunStore;
import io.github.coreclaw.spring.tracking.TestClock;
import io.github.coreclaw.spring.tracking.TrackedRun;
import io.github.coreclaw.spring.tracking.TrackedRunHandler;
import io.github.coreclaw.spring.tracking.TrackedRunProcessor;
import io.github.coreclaw.spring.tracking.TrackedRunProcessor.Outcome;
import io.github.coreclaw.spring.tracking.TrackedRunRecord;
import io.github.coreclaw.spring.tracking.TrackedRunReconciler;
import io.github.coreclaw.spring.tracking.TrackedRunState;
import io.github.coreclaw.spring.tracking.TrackedRuns;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.transaction.PlatformTransactionManager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * The guarantees of tracked runs on an embedded H2 database: each test names the guarantee it
 * covers.
 */
@ExtendWith(OutputOnFailure.class)
class TrackedRunsTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private static final Instant START = Instant.parse("2026-12-07T01:00:00Z");

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final TestClock clock = new TestClock(START);

	private final RecordingHandler handler = new RecordingHandler();

	private ApplicationContextRunner runner() {
		return TrackingTestSupport.configure(new ApplicationContextRunner(), wireMock, this.clock)
			.withBean("recordingHandler", TrackedRunHandler.class, () -> this.handler);
	}

	/** Two instances on one H2 database of this test's own. */
	private ApplicationContextRunner sharedDatabase(ApplicationContextRunner runner, String database) {
		return runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
				"spring.datasource.type=org.springframework.jdbc.datasource.SimpleDriverDataSource");
	}

	// Guarantee 1: recorded durably before the start completes.

	@Test
	void aTrackedStartCompletesOnlyOnceTheRunIsRecorded() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		runner().run((context) -> {
			RunSlug run = context.getBean(WorkerTaskOperations.class)
				.runAsync(TrackingTestSupport.TASK, RunOptions.builder().track("import:2026-12-07:berlin").build())
				.block(BLOCK);
			assertThat(run).isEqualTo(new RunSlug("r1"));
			Map<String, Object> row = jdbc(context)
				.sql("SELECT label, started_by, started_at, state, attempts FROM coreclaw_tracked_run WHERE run_slug = 'r1'")
				.query()
				.singleRow();
			assertThat(row).containsEntry("LABEL", "import:2026-12-07:berlin")
				.containsEntry("STARTED_BY", "worker-task nightly-berlin")
				.containsEntry("STARTED_AT", START.toEpochMilli())
				.containsEntry("STATE", "OPEN")
				.containsEntry("ATTEMPTS", 0);
			wireMock.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/worker-tasks/nightly-berlin/runs")));
		});
	}

	@Test
	void aStartWhoseRunCannotBeRecordedFailsNamingTheRun() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		runner().run((context) -> {
			jdbc(context).sql("DROP TABLE coreclaw_tracked_run").update();
			assertThatExceptionOfType(CoreClawException.class)
				.isThrownBy(() -> context.getBean(WorkerTaskOperations.class)
					.runAsync(TrackingTestSupport.TASK, RunOptions.builder().track("import:berlin").build())
					.block(BLOCK))
				.withMessage("Run r1 (worker-task nightly-berlin) was started, but could not be recorded for tracking "
						+ "under label \"import:berlin\": it will not be handed to the tracked-run handlers; record it "
						+ "again or handle it yourself");
		});
	}

	@Test
	void aTrackedStartWithoutATrackerIsRefusedBeforeAnythingIsSent() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		try (CoreClawClient client = ClosesClients.track(CoreClawClient.builder(CoreClawStubs.settings(wireMock)).build())) {
			RunOptions tracked = RunOptions.builder().track("import:berlin").build();
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> client.workerTasks().runAsync(TrackingTestSupport.TASK, tracked))
				.withMessage("options track the run (label \"import:berlin\"), but the client has no RunTracker to "
						+ "record it: set coreclaw.tracking.enabled=true (with a DataSource), or give "
						+ "CoreClawClient.Builder.runTracker(...) one; nothing was sent");
			CoreClawClient trackingClient = ClosesClients.track(CoreClawClient.builder(CoreClawStubs.settings(wireMock))
				.runTracker((run, label, startedBy) -> reactor.core.publisher.Mono.empty())
				.build());
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> trackingClient.workerTasks().runSync(TrackingTestSupport.TASK, tracked))
				.withMessage("options track the run (label \"import:berlin\"), but runSync cannot track runs: use "
						+ "runAsync, runAndAwait or rerunAsync; nothing was sent");
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> trackingClient.workers().queueRun("w1", null, tracked));
			wireMock.verify(0, anyRequestedFor(anyUrl()));
		}
	}

	@Test
	void badTrackLabelsAreRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> RunOptions.builder().track(" "))
			.withMessage("track label must not be blank");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> RunOptions.builder().track("x".repeat(201)))
			.withMessage("track label must have at most 200 characters but has 201");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> RunOptions.builder().track("a\nb"))
			.withMessage("track label must not hold control characters");
		assertThat(RunOptions.builder().track("a").build().trackLabel()).isEqualTo("a");
	}

	// Guarantee 2: every finished run handed out at least once, and never again once handled.

	@Test
	void aFinishedRunIsHandedToTheHandlersOnceAndNeverAgain() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		runner().run((context) -> {
			TrackedRunProcessor processor = context.getBean(TrackedRunProcessor.class);
			start(context, "import:berlin");
			TrackingTestSupport.stubRun(wireMock, "r1", "running");
			assertThat(processor.process(new RunSlug("r1")).block(BLOCK)).isEqualTo(Outcome.NOT_FINISHED);
			assertThat(this.handler.runs).isEmpty();
			this.clock.advance(Duration.ofSeconds(5));
			TrackingTestSupport.stubRun(wireMock, "r1", "failed");
			context.publishEvent(callback("r1"));
			await().atMost(BLOCK).until(() -> this.handler.runs.size() == 1);
			TrackedRun handled = this.handler.runs.get(0);
			assertThat(handled.runSlug()).isEqualTo(new RunSlug("r1"));
			assertThat(handled.label()).isEqualTo("import:berlin");
			assertThat(handled.startedBy()).isEqualTo("worker-task nightly-berlin");
			assertThat(handled.startedAt()).isEqualTo(START);
			assertThat(handled.run().status()).isEqualTo(RunStatus.FAILED);
			await().atMost(BLOCK).until(() -> state(context, "r1").equals("HANDLED"));
			// A repeated callback, another processing and a reconciliation hours later: never again.
			assertThat(processor.process(new RunSlug("r1")).block(BLOCK)).isEqualTo(Outcome.NOT_CLAIMED);
			this.clock.advance(Duration.ofHours(5));
			assertThat(processor.reconcile().block(BLOCK)).isZero();
			assertThat(this.handler.runs).hasSize(1);
			assertThat(processor.handledCount()).isOne();
		});
	}

	@Test
	void aThrowingHandlerIsRetriedWithBackoffThenTheRunIsFailedToHandle() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		TrackingTestSupport.stubRun(wireMock, "r1", "succeeded");
		List<Instant> attempts = new CopyOnWriteArrayList<>();
		runner().withPropertyValues("coreclaw.tracking.handler-attempts=3", "coreclaw.tracking.handler-backoff=10s")
			.withBean("failingHandler", TrackedRunHandler.class, () -> (run) -> {
				attempts.add(this.clock.instant());
				throw new IllegalStateException("no rows table");
			})
			.run((context) -> {
				TrackedRunProcessor processor = context.getBean(TrackedRunProcessor.class);
				RunSlug r1 = start(context, "import:berlin");
				assertThat(processor.process(r1).block(BLOCK)).isEqualTo(Outcome.HANDLER_FAILED);
				// Waiting for its backoff: neither a callback nor reconciliation hands it out.
				assertThat(processor.process(r1).block(BLOCK)).isEqualTo(Outcome.NOT_CLAIMED);
				this.clock.advance(Duration.ofSeconds(9));
				assertThat(processor.reconcile().block(BLOCK)).isZero();
				this.clock.advance(Duration.ofSeconds(1));
				assertThat(processor.reconcile().block(BLOCK)).isOne();
				// The backoff doubles: 20s after the second failure.
				this.clock.advance(Duration.ofSeconds(19));
				assertThat(processor.process(r1).block(BLOCK)).isEqualTo(Outcome.NOT_CLAIMED);
				this.clock.advance(Duration.ofSeconds(1));
				assertThat(processor.process(r1).block(BLOCK)).isEqualTo(Outcome.FAILED_TO_HANDLE);
				assertThat(attempts).containsExactly(START, START.plusSeconds(10), START.plusSeconds(30));
				this.clock.advance(Duration.ofHours(1));
				assertThat(processor.process(r1).block(BLOCK)).isEqualTo(Outcome.NOT_CLAIMED);
				assertThat(processor.reconcile().block(BLOCK)).isZero();
				assertThat(attempts).hasSize(3);
				// Visible through the API, the health indicator and the metric.
				TrackedRuns trackedRuns = context.getBean(TrackedRuns.class);
				assertThat(trackedRuns.failedToHandle()).singleElement().satisfies((record) -> {
					assertThat(record.runSlug()).isEqualTo(r1);
					assertThat(record.state()).isEqualTo(TrackedRunState.FAILED_TO_HANDLE);
					assertThat(record.attempts()).isEqualTo(3);
					assertThat(record.lastError()).isEqualTo("java.lang.IllegalStateException: no rows table");
				});
				Health health = context.getBean("coreclawTrackingHealthIndicator", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("failedToHandle", 1L)
					.containsEntry("open", 0L)
					.containsEntry("oldestFailedToHandle", List.of("r1"));
				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean("coreClawTrackingMetrics", MeterBinder.class).bindTo(registry);
				assertThat(registry.get("coreclaw.tracking.handlings").tag("outcome", "failed_to_handle").functionCounter()
					.count()).isEqualTo(1.0);
				assertThat(registry.get("coreclaw.tracking.handlings").tag("outcome", "failed_attempt").functionCounter()
					.count()).isEqualTo(3.0);
				// Reopened, it is handed out again.
				assertThat(trackedRuns.reopen(r1)).isTrue();
				assertThat(trackedRuns.count(TrackedRunState.OPEN)).isOne();
				assertThat(processor.process(r1).block(BLOCK)).isEqualTo(Outcome.HANDLER_FAILED);
				assertThat(attempts).hasSize(4);
			});
	}

	@Test
	void healthIsUpWithoutRunsFailedToHandle() {
		runner().run((context) -> {
			Health health = context.getBean("coreclawTrackingHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("failedToHandle", 0L).containsEntry("open", 0L);
		});
	}

	// Guarantee 3: one instance at a time, with a lease.

	@Test
	void aClaimKeepsARunFromOtherInstancesUntilItsLeaseEnds() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		TrackingTestSupport.stubRun(wireMock, "r1", "succeeded");
		String database = "claims-" + UUID.randomUUID();
		ApplicationContextRunner instance = sharedDatabase(runner(), database);
		instance.run((first) -> instance.run((second) -> {
			RunSlug r1 = start(first, "import:berlin");
			JdbcTrackedRunStore firstStore = first.getBean(JdbcTrackedRunStore.class);
			JdbcTrackedRunStore.Claim claim = firstStore.claim(r1, Duration.ofMinutes(1), false).orElseThrow();
			TrackedRunProcessor other = second.getBean(TrackedRunProcessor.class);
			assertThat(other.process(r1).block(BLOCK)).isEqualTo(Outcome.NOT_CLAIMED);
			this.clock.advance(Duration.ofSeconds(59));
			assertThat(other.reconcile().block(BLOCK)).isZero();
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(other.process(r1).block(BLOCK)).isEqualTo(Outcome.HANDLED);
			// The first instance's claim ended: it can no longer mark the run.
			assertThat(firstStore.markHandled(claim)).isFalse();
			assertThat(this.handler.runs).extracting(TrackedRun::runSlug).containsExactly(r1);
			wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/worker-runs/r1")));
		}));
	}

	// Guarantee 4: reconciliation, one instance at a time, oldest first, at a bounded rate.

	@Test
	void reconciliationReadsTheOldestOpenRunsFirstOnOneInstanceAtATime() {
		String database = "reconcile-" + UUID.randomUUID();
		ApplicationContextRunner instance = sharedDatabase(runner(), database);
		instance.run((first) -> instance.run((second) -> {
			JdbcTrackedRunStore store = first.getBean(JdbcTrackedRunStore.class);
			for (String run : List.of("r3", "r1", "r2")) {
				store.insert(new RunSlug(run), "import:" + run, "worker-task nightly-berlin");
				TrackingTestSupport.stubRun(wireMock, run, "succeeded");
				this.clock.advance(Duration.ofSeconds(1));
			}
			// Another instance reconciles: this one reads nothing.
			assertThat(store.tryLock(TrackedRunProcessor.RECONCILE_LOCK, "other-instance", Duration.ofMinutes(1)))
				.isTrue();
			TrackedRunProcessor processor = second.getBean(TrackedRunProcessor.class);
			assertThat(processor.reconcile().block(BLOCK)).isZero();
			wireMock.verify(0, anyRequestedFor(anyUrl()));
			this.clock.advance(Duration.ofMinutes(1).plusMillis(1));
			assertThat(processor.reconcile().block(BLOCK)).isEqualTo(3);
			assertThat(readRuns()).containsExactly("r3", "r1", "r2");
			assertThat(this.handler.runs).extracting((run) -> run.runSlug().value()).containsExactly("r3", "r1", "r2");
			assertThat(processor.reconcile().block(BLOCK)).isZero();
		}));
	}

	@Test
	void aRunCoreClawDoesNotKnowIsFailedToHandleInsteadOfReadForever() {
		runner().run((context) -> {
			JdbcTrackedRunStore store = context.getBean(JdbcTrackedRunStore.class);
			store.insert(new RunSlug("gone"), "import:gone", "worker-task nightly-berlin");
			wireMock.stubFor(get(urlPathEqualTo("/api/v2/worker-runs/gone")).willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":70001,\"message\":\"run not found\",\"request_id\":\"r\"}")));
			TrackedRunProcessor processor = context.getBean(TrackedRunProcessor.class);
			assertThat(processor.reconcile().block(BLOCK)).isOne();
			TrackedRuns trackedRuns = context.getBean(TrackedRuns.class);
			assertThat(trackedRuns.count(TrackedRunState.FAILED_TO_HANDLE)).isOne();
			assertThat(trackedRuns.failedToHandle()).singleElement()
				.satisfies((record) -> assertThat(record.runSlug()).isEqualTo(new RunSlug("gone")));
			assertThat(this.handler.runs).isEmpty();
			this.clock.advance(Duration.ofHours(1));
			assertThat(processor.reconcile().block(BLOCK)).isZero();
			wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/worker-runs/gone")));
		});
	}

	@Test
	void aReconciliationWhoseLockWasTakenOverStopsBeforeItsNextRead() {
		runner().run((context) -> {
			JdbcTrackedRunStore store = context.getBean(JdbcTrackedRunStore.class);
			for (String run : List.of("r1", "r2", "r3")) {
				store.insert(new RunSlug(run), "import:" + run, "worker-task nightly-berlin");
				TrackingTestSupport.stubRun(wireMock, run, "succeeded");
				this.clock.advance(Duration.ofSeconds(1));
			}
			List<String> handled = new CopyOnWriteArrayList<>();
			TrackedRunHandler slow = (run) -> {
				handled.add(run.runSlug().value());
				// The handling outlasts the reconciliation's lease, and another instance takes the lock.
				this.clock.advance(Duration.ofMinutes(1).plusMillis(1));
				assertThat(store.tryLock(TrackedRunProcessor.RECONCILE_LOCK, "other-instance", Duration.ofMinutes(1)))
					.isTrue();
			};
			TrackedRunProcessor processor = new TrackedRunProcessor(store,
					context.getBean(CoreClawClient.class).workerRuns(), List.of(slow), null,
					new TrackedRunProcessor.Settings(Duration.ofMinutes(1), 3, Duration.ofSeconds(10),
							Duration.ofMinutes(1), 100, Duration.ZERO));
			assertThat(processor.reconcile().block(BLOCK)).isOne();
			assertThat(handled).containsExactly("r1");
			assertThat(readRuns()).containsExactly("r1");
		});
	}

	@Test
	void reconciliationReadsAtMostOneRunPerRequestInterval() {
		runner().run((context) -> {
			JdbcTrackedRunStore store = context.getBean(JdbcTrackedRunStore.class);
			for (String run : List.of("r1", "r2", "r3")) {
				store.insert(new RunSlug(run), "import:" + run, "worker-task nightly-berlin");
				TrackingTestSupport.stubRun(wireMock, run, "succeeded");
			}
			VirtualTimeScheduler timer = VirtualTimeScheduler.create();
			TrackedRunProcessor processor = new TrackedRunProcessor(store,
					context.getBean(CoreClawClient.class).workerRuns(), List.of(this.handler), null,
					new TrackedRunProcessor.Settings(Duration.ofMinutes(1), 3, Duration.ofSeconds(10),
							Duration.ofMinutes(1), 100, Duration.ofMillis(200)),
					timer);
			List<Integer> reads = new CopyOnWriteArrayList<>();
			processor.reconcile().subscribe(reads::add);
			try {
				for (int read = 1; read <= 3; read++) {
					int expected = read;
					// Each read parks the reconciliation on the timer: the next one waits for it.
					await().atMost(BLOCK)
						.until(() -> this.handler.runs.size() == expected && timer.getScheduledTaskCount() == expected);
					timer.advanceTimeBy(Duration.ofMillis(199));
					assertThat(this.handler.runs).hasSize(expected);
					timer.advanceTimeBy(Duration.ofMillis(1));
				}
				await().atMost(BLOCK).until(() -> reads.equals(List.of(3)));
				assertThat(readRuns()).containsExactly("r1", "r2", "r3");
			}
			finally {
				timer.dispose();
			}
		});
	}

	@Test
	void reconciliationRunsOnTheTimerOfItsInterval() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		TrackingTestSupport.stubRun(wireMock, "r1", "succeeded");
		runner().run((context) -> {
			start(context, "import:berlin");
			VirtualTimeScheduler timer = VirtualTimeScheduler.create();
			TrackedRunReconciler reconciler = new TrackedRunReconciler(context.getBean(TrackedRunProcessor.class),
					Duration.ofMinutes(10), timer);
			reconciler.start();
			try {
				timer.advanceTimeBy(Duration.ofMinutes(9));
				assertThat(this.handler.runs).isEmpty();
				timer.advanceTimeBy(Duration.ofMinutes(1));
				await().atMost(BLOCK).until(() -> this.handler.runs.size() == 1);
			}
			finally {
				reconciler.stop();
				timer.dispose();
			}
		});
	}

	// Guarantee 5: the handler's writes and the "handled" update commit together.

	@Test
	void aHandlingWhoseClaimWasTakenOverIsRolledBackSoItsRowsAreStoredOnce() {
		StoringHandler storing = new StoringHandler(true);
		List<Outcome> outcomes = handleTwiceWithATakeover(runner(), storing);
		assertThat(outcomes).containsExactly(Outcome.LOST_CLAIM, Outcome.HANDLED);
		assertThat(storing.rows).isEqualTo(List.of(1L));
	}

	@Test
	void withoutATransactionManagerATakenOverHandlingStaysSoItsRowsAreStoredTwice() {
		StoringHandler storing = new StoringHandler(true);
		ApplicationContextRunner withoutTransactions = TrackingTestSupport
			.configure(new ApplicationContextRunner(), wireMock, this.clock, false)
			.withBean("recordingHandler", TrackedRunHandler.class, () -> this.handler);
		List<Outcome> outcomes = handleTwiceWithATakeover(withoutTransactions, storing);
		assertThat(outcomes).containsExactly(Outcome.LOST_CLAIM, Outcome.HANDLED);
		assertThat(storing.rows).isEqualTo(List.of(2L));
	}

	@Test
	void withAJpaTransactionManagerATakenOverHandlingIsRolledBackSoItsRowsAreStoredOnce() {
		StoringHandler storing = new StoringHandler(true);
		List<Outcome> outcomes = handleTwiceWithATakeover(jpa(), storing);
		assertThat(outcomes).containsExactly(Outcome.LOST_CLAIM, Outcome.HANDLED);
		assertThat(storing.rows).isEqualTo(List.of(1L));
	}

	@Test
	void aHandlersWriteThroughJpaCommitsWithTheHandledUpdate() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		TrackingTestSupport.stubRun(wireMock, "r1", "succeeded");
		List<EntityManager> entityManager = new CopyOnWriteArrayList<>();
		jpa().withBean("persistingHandler", TrackedRunHandler.class,
				() -> (run) -> entityManager.get(0).persist(new ImportedRow(run.runSlug().value())))
			.run((context) -> {
				assertThat(context).hasSingleBean(PlatformTransactionManager.class)
					.getBean(PlatformTransactionManager.class)
					.isInstanceOf(JpaTransactionManager.class);
				entityManager.add(SharedEntityManagerCreator
					.createSharedEntityManager(context.getBean(EntityManagerFactory.class)));
				RunSlug r1 = start(context, "import:berlin");
				assertThat(context.getBean(TrackedRunProcessor.class).process(r1).block(BLOCK))
					.isEqualTo(Outcome.HANDLED);
				assertThat(jpaRows(context)).containsExactly("r1");
				assertThat(state(context, "r1")).isEqualTo("HANDLED");
			});
	}

	@Test
	void withoutSpringOrmTheTrackingAutoConfigurationStartsAndLooksAtJdbcTransactionManagersOnly() {
		StoringHandler storing = new StoringHandler(true);
		// Spring ORM hidden: the JpaTransactionManager does not count, the JDBC one alone manages the
		// DataSource (with both counted, there would be no transaction and two rows).
		ApplicationContextRunner withoutOrm = runner().withClassLoader(new FilteredClassLoader("org.springframework.orm"))
			.withUserConfiguration(TwoTransactionManagers.class);
		List<Outcome> outcomes = handleTwiceWithATakeover(withoutOrm, storing);
		assertThat(outcomes).containsExactly(Outcome.LOST_CLAIM, Outcome.HANDLED);
		assertThat(storing.rows).isEqualTo(List.of(1L));
	}

	@Test
	void withBothAJdbcAndAJpaTransactionManagerOnTheDataSourceTheHandlingKeepsItsTransaction() {
		StoringHandler storing = new StoringHandler(true);
		List<Outcome> outcomes = handleTwiceWithATakeover(jpa().withUserConfiguration(JdbcAndJpaTransactionManagers.class),
				storing);
		assertThat(outcomes).containsExactly(Outcome.LOST_CLAIM, Outcome.HANDLED);
		assertThat(storing.rows).isEqualTo(List.of(1L));
	}

	/** Tracked runs in an application with Boot's JPA (Hibernate) and no JDBC transaction manager. */
	private ApplicationContextRunner jpa() {
		return TrackingTestSupport.configure(new ApplicationContextRunner(), wireMock, this.clock, false)
			.withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class))
			.withBean(PersistenceManagedTypes.class, () -> PersistenceManagedTypes.of(ImportedRow.class.getName()))
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop")
			.withBean("recordingHandler", TrackedRunHandler.class, () -> this.handler);
	}

	private static List<String> jpaRows(ConfigurableApplicationContext context) {
		return jdbc(context).sql("SELECT run_slug FROM jpa_imported_row").query(String.class).list();
	}

	/**
	 * A row a handler stores through JPA.
	 */
	@Entity
	@Table(name = "jpa_imported_row")
	static class ImportedRow {

		@Id
		@GeneratedValue
		@Nullable Long id;

		@Nullable String runSlug;

		ImportedRow() {
		}

		ImportedRow(String runSlug) {
			this.runSlug = runSlug;
		}

	}

	/**
	 * A JDBC and a JPA transaction manager, both on the application's DataSource.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TwoTransactionManagers {

		@Bean
		DataSourceTransactionManager jdbcTransactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		JpaTransactionManager jpaTransactionManager(DataSource dataSource) {
			JpaTransactionManager manager = new JpaTransactionManager(mock(EntityManagerFactory.class));
			manager.setDataSource(dataSource);
			return manager;
		}

	}

	/**
	 * Both kinds of transaction manager on the DataSource, the JPA one on Boot's entity manager
	 * factory.
	 */
	@Configuration(proxyBeanMethods = false)
	static class JdbcAndJpaTransactionManagers {

		@Bean
		DataSourceTransactionManager jdbcTransactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
			return new JpaTransactionManager(entityManagerFactory);
		}

	}

	@Test
	void aFailedAttemptWhoseClaimWasTakenOverIsNeitherCountedNorRetriedHere() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		TrackingTestSupport.stubRun(wireMock, "r1", "succeeded");
		StoringHandler takingOver = new StoringHandler(true);
		ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger(TrackedRunProcessor.class);
		ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
		lines.start();
		logger.addAppender(lines);
		try {
			runner().withBean("storingHandler", TrackedRunHandler.class, () -> takingOver)
				.withBean("failingHandler", TrackedRunHandler.class, () -> (run) -> {
					throw new IllegalStateException("disk full");
				})
				.run((context) -> {
					takingOver.prepare(context);
					TrackedRunProcessor processor = context.getBean(TrackedRunProcessor.class);
					RunSlug r1 = start(context, "import:berlin");
					assertThat(processor.process(r1).block(BLOCK)).isEqualTo(Outcome.LOST_CLAIM);
					assertThat(processor.failedAttemptCount()).isZero();
					assertThat(processor.failedToHandleCount()).isZero();
					// The other instance's claim stands: no attempt is recorded against it.
					TrackedRuns trackedRuns = context.getBean(TrackedRuns.class);
					assertThat(trackedRuns.count(TrackedRunState.OPEN)).isOne();
					assertThat(trackedRuns.failedToHandle()).isEmpty();
				});
		}
		finally {
			logger.detachAppender(lines);
		}
		assertThat(lines.list).singleElement().satisfies((line) -> {
			assertThat(line.getFormattedMessage()).isEqualTo(
					"Handling tracked run r1 (import:berlin) failed after its claim ended; whoever claimed it since handles it");
			assertThat(line.getThrowableProxy().getMessage()).isEqualTo("disk full");
		});
	}

	@Test
	void theWritesOfAFailedAttemptAreRolledBack() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		TrackingTestSupport.stubRun(wireMock, "r1", "succeeded");
		StoringHandler storing = new StoringHandler(false);
		runner().withBean("storingHandler", TrackedRunHandler.class, () -> storing)
			.withBean("failingHandler", TrackedRunHandler.class, () -> (run) -> {
				throw new IllegalStateException("disk full");
			})
			.run((context) -> {
				storing.prepare(context);
				RunSlug r1 = start(context, "import:berlin");
				assertThat(context.getBean(TrackedRunProcessor.class).process(r1).block(BLOCK))
					.isEqualTo(Outcome.HANDLER_FAILED);
				assertThat(storing.count()).isZero();
			});
	}

	/**
	 * Handle a run whose first handling outlives its lease while another instance claims it, then
	 * again once that other claim has ended; the rows stored after each handling.
	 */
	private List<Outcome> handleTwiceWithATakeover(ApplicationContextRunner runner, StoringHandler storing) {
		TrackingTestSupport.stubStart(wireMock, "r1");
		TrackingTestSupport.stubRun(wireMock, "r1", "succeeded");
		List<Outcome> outcomes = new ArrayList<>();
		runner.withBean("storingHandler", TrackedRunHandler.class, () -> storing).run((context) -> {
			storing.prepare(context);
			TrackedRunProcessor processor = context.getBean(TrackedRunProcessor.class);
			RunSlug r1 = start(context, "import:berlin");
			outcomes.add(processor.process(r1).block(BLOCK));
			storing.rows.add(storing.count());
			this.clock.advance(Duration.ofMinutes(1).plusMillis(1));
			outcomes.add(processor.process(r1).block(BLOCK));
			storing.rows.set(0, storing.count());
		});
		return outcomes;
	}

	/**
	 * A handler that stores a row per handling in the application's database and, the first time,
	 * outlives its lease while another instance claims the run.
	 */
	private final class StoringHandler implements TrackedRunHandler {

		private final boolean takeOver;

		private final List<Long> rows = new ArrayList<>();

		private volatile DataSource dataSource;

		private volatile boolean takenOver;

		StoringHandler(boolean takeOver) {
			this.takeOver = takeOver;
		}

		void prepare(ConfigurableApplicationContext context) {
			this.dataSource = context.getBean(DataSource.class);
			JdbcClient.create(this.dataSource).sql("CREATE TABLE imported_row (run_slug VARCHAR(200))").update();
		}

		long count() {
			return JdbcClient.create(this.dataSource).sql("SELECT COUNT(*) FROM imported_row").query(Long.class).single();
		}

		@Override
		public void handle(TrackedRun run) {
			JdbcClient.create(this.dataSource)
				.sql("INSERT INTO imported_row (run_slug) VALUES (?)")
				.param(run.runSlug().value())
				.update();
			if (this.takeOver && !this.takenOver) {
				this.takenOver = true;
				TrackedRunsTests.this.clock.advance(Duration.ofMinutes(2));
				// Another instance, on a connection of its own, claims the run whose lease ended.
				CompletableFuture
					.supplyAsync(() -> new JdbcTrackedRunStore(this.dataSource, TrackedRunsTests.this.clock)
						.claim(run.runSlug(), Duration.ofMinutes(1), false))
					.join()
					.orElseThrow();
			}
		}

	}

	// Configuration.

	@Test
	void trackingIsOffUnlessEnabled() {
		TrackingTestSupport.stubStart(wireMock, "r1");
		TrackingTestSupport.configure(new ApplicationContextRunner(), wireMock, this.clock)
			.withPropertyValues("coreclaw.tracking.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TrackedRunProcessor.class)
					.doesNotHaveBean(JdbcTrackedRunStore.class)
					.doesNotHaveBean(TrackedRunReconciler.class);
				assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> start(context, "x"));
			});
	}

	@Test
	void enabledWithoutADataSourceFailsNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(TrackingTestSupport.CLIENT)
			.withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations
				.of(CoreClawTrackingAutoConfiguration.class))
			.withPropertyValues("coreclaw.api-key=k", "coreclaw.tracking.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo("coreclaw.tracking.enabled is true, but tracked runs "
						+ "are stored in the application's relational database and the application has no single "
						+ "DataSource bean.");
				assertThat(analysis.getAction()).isEqualTo("Add spring-boot-starter-jdbc and a database (configure "
						+ "spring.datasource.*, or put an embedded database such as H2 on the classpath), or set "
						+ "coreclaw.tracking.enabled=false.");
			});
	}

	@Test
	void badTrackingPropertiesNameTheirKey() {
		runner().withPropertyValues("coreclaw.tracking.handler-attempts=0").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidCoreClawConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("coreclaw.tracking.handler-attempts must be at least 1 but was 0.");
		});
		runner().withPropertyValues("coreclaw.tracking.lease=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new InvalidCoreClawConfigurationFailureAnalyzer().analyze(context.getStartupFailure())
				.getDescription()).isEqualTo("coreclaw.tracking.lease must be a positive duration but was PT0S.");
		});
	}

	@Test
	void theSchemaIsCreatedOnAnEmbeddedDatabaseUnlessToldNever() {
		runner().run((context) -> assertThat(tables(context)).contains("COREC" + "LAW_TRACKED_RUN",
				"COREC" + "LAW_TRACKING_LOCK"));
		runner().withPropertyValues("coreclaw.tracking.initialize-schema=never")
			.run((context) -> assertThat(tables(context)).doesNotContain("COREC" + "LAW_TRACKED_RUN"));
		// always: run twice on one database, the scripts create only what is missing.
		ApplicationContextRunner always = sharedDatabase(runner(), "always-" + UUID.randomUUID())
			.withPropertyValues("coreclaw.tracking.initialize-schema=always");
		always.run((first) -> always.run((second) -> assertThat(tables(second)).contains("COREC" + "LAW_TRACKED_RUN")));
	}

	private static List<String> tables(ConfigurableApplicationContext context) {
		return jdbc(context).sql("SELECT table_name FROM information_schema.tables").query(String.class).list();
	}

	private static RunSlug start(AssertableApplicationContext context, String label) {
		return context.getBean(WorkerTaskOperations.class)
			.runAsync(TrackingTestSupport.TASK, RunOptions.builder().track(label).build())
			.block(BLOCK);
	}

	private static CoreClawRunCallbackEvent callback(String run) {
		return new CoreClawRunCallbackEvent("test",
				RunCallback.builder().runSlug(new RunSlug(run)).status(RunStatus.SUCCEEDED).build());
	}

	private static JdbcClient jdbc(ConfigurableApplicationContext context) {
		return JdbcClient.create(context.getBean(DataSource.class));
	}

	private static String state(ConfigurableApplicationContext context, String run) {
		return jdbc(context).sql("SELECT state FROM coreclaw_tracked_run WHERE run_slug = ?")
			.param(run)
			.query(String.class)
			.single();
	}

	private static List<String> readRuns() {
		List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
		java.util.Collections.reverse(events);
		return events.stream()
			.map((event) -> event.getRequest().getUrl())
			.filter((url) -> url.startsWith("/api/v2/worker-runs/"))
			.map((url) -> url.substring("/api/v2/worker-runs/".length()))
			.toList();
	}

}
