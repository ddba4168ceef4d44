/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.coreclaw.spring.autoconfigure.CoreClawProperties.Tracking;
import io.github.coreclaw.spring.callback.CoreClawRunCallbackEvent;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.tracking.JdbcTrackedRunStore;
import io.github.coreclaw.spring.tracking.TrackedRunHandler;
import io.github.coreclaw.spring.tracking.TrackedRunProcessor;
import io.github.coreclaw.spring.tracking.TrackedRunReconciler;
import io.github.coreclaw.spring.tracking.TrackedRunState;
import io.github.coreclaw.spring.tracking.TrackedRuns;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of tracked runs ({@code coreclaw.tracking.enabled=true}): the tracking
 * tables on the application's {@link DataSource}, the {@link JdbcTrackedRunStore} that records
 * tracked runs for the client, the {@link TrackedRunProcessor} that hands finished runs to the
 * {@link TrackedRunHandler} beans (on callbacks and on a reconciliation timer), {@link TrackedRuns},
 * and, with Actuator and Micrometer, a health indicator and metrics.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CoreClawAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "coreclaw.tracking.enabled")
@ConditionalOnBean(CoreClawClient.class)
public final class CoreClawTrackingAutoConfiguration {

	static final String ENABLED = "coreclaw.tracking.enabled";

	static final String SCHEMA_LOCATION = "classpath:io/github/coreclaw/spring/tracking/schema-@@platform@@.sql";

	/** Reads of one reconciliation pass, at most. */
	static final int RECONCILE_BATCH = 100;

	/** Shortest time between two reads of a reconciliation pass: at most 5 requests a second. */
	static final Duration RECONCILE_REQUEST_INTERVAL = Duration.ofMillis(200);

	/**
	 * Refuses to start when tracking is enabled but there is nothing to track runs in: no unique
	 * {@link DataSource}, or no Spring JDBC.
	 */
	@Bean
	static TrackingDataSourceCheck coreClawTrackingDataSourceCheck(ObjectProvider<DataSource> dataSource) {
		return new TrackingDataSourceCheck(dataSource);
	}

	static final class TrackingDataSourceCheck {

		TrackingDataSourceCheck(ObjectProvider<DataSource> dataSource) {
			boolean jdbc = isPresent("org.springframework.jdbc.core.simple.JdbcClient")
					&& isPresent("org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer");
			if (!jdbc || dataSource.getIfUnique() == null) {
				throw new InvalidCoreClawConfigurationException(ENABLED,
						ENABLED + " is true, but tracked runs are stored in the application's relational database and "
								+ (jdbc ? "the application has no single DataSource bean"
										: "Spring JDBC (spring-boot-jdbc) is not on the classpath")
								+ ".",
						"Add spring-boot-starter-jdbc and a database (configure spring.datasource.*, or put an embedded "
								+ "database such as H2 on the classpath), or set " + ENABLED + "=false.");
			}
		}

		private static boolean isPresent(String className) {
			try {
				Class.forName(className, false, TrackingDataSourceCheck.class.getClassLoader());
				return true;
			}
			catch (ClassNotFoundException | LinkageError ex) {
				return false;
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcClient.class, DataSourceScriptDatabaseInitializer.class })
	@ConditionalOnSingleCandidate(DataSource.class)
	static class JdbcTrackingConfiguration {

		private static final Log logger = LogFactory.getLog(CoreClawTrackingAutoConfiguration.class);

		private static final String JPA_TRANSACTION_MANAGER = "org.springframework.orm.jpa.JpaTransactionManager";

		@Bean
		@ConditionalOnMissingBean(name = "coreClawTrackingSchemaInitializer")
		DataSourceScriptDatabaseInitializer coreClawTrackingSchemaInitializer(DataSource dataSource,
				CoreClawProperties properties) {
			DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
			settings.setSchemaLocations(new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource,
					SCHEMA_LOCATION));
			settings.setMode(switch (properties.getTracking().getInitializeSchema()) {
				case ALWAYS -> DatabaseInitializationMode.ALWAYS;
				case NEVER -> DatabaseInitializationMode.NEVER;
				case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
			});
			return new DataSourceScriptDatabaseInitializer(dataSource, settings);
		}

		@Bean
		@DependsOnDatabaseInitialization
		@ConditionalOnMissingBean
		JdbcTrackedRunStore coreClawTrackedRunStore(DataSource dataSource,
				@Qualifier("coreClawTrackingClock") ObjectProvider<Clock> clock) {
			return new JdbcTrackedRunStore(dataSource, clock.getIfAvailable(Clock::systemUTC));
		}

		@Bean
		@ConditionalOnMissingBean
		TrackedRunProcessor coreClawTrackedRunProcessor(JdbcTrackedRunStore store, CoreClawClient coreClawClient,
				ObjectProvider<TrackedRunHandler> handlers, DataSource dataSource,
				ObjectProvider<PlatformTransactionManager> transactionManagers, CoreClawProperties properties,
				ApplicationContext context) {
			Tracking tracking = checked(properties.getTracking());
			TrackedRunProcessor.Settings settings = new TrackedRunProcessor.Settings(tracking.getLease(),
					tracking.getHandlerAttempts(), tracking.getHandlerBackoff(), tracking.getReconcileInterval(),
					RECONCILE_BATCH, RECONCILE_REQUEST_INTERVAL);
			List<TrackedRunHandler> ordered = handlers.orderedStream().toList();
			return new TrackedRunProcessor(store, coreClawClient.workerRuns(), ordered,
					transaction(dataSource, transactionManagers, context.getClassLoader()), settings);
		}

		/**
		 * A transaction on the tracking {@link DataSource}, when a transaction manager manages it,
		 * so that the handlers' writes and the "handled" update commit together: the one
		 * {@code JpaTransactionManager} (when Spring ORM is on the classpath) whose DataSource it is,
		 * which exposes its transaction's connection to JDBC and so serves JPA and JDBC handlers
		 * alike; else the one JDBC transaction manager whose resource it is.
		 */
		private static @Nullable TransactionTemplate transaction(DataSource dataSource,
				ObjectProvider<PlatformTransactionManager> transactionManagers, @Nullable ClassLoader classLoader) {
			boolean jpa = ClassUtils.isPresent(JPA_TRANSACTION_MANAGER, classLoader);
			List<PlatformTransactionManager> all = transactionManagers.orderedStream().toList();
			List<PlatformTransactionManager> jpaOnDataSource = all.stream()
				.filter((manager) -> jpa && JpaTransactions.manages(manager, dataSource))
				.toList();
			List<PlatformTransactionManager> jdbcOnDataSource = all.stream()
				.filter((manager) -> manager instanceof ResourceTransactionManager resource
						&& resource.getResourceFactory() == dataSource)
				.toList();
			List<PlatformTransactionManager> onDataSource = jpaOnDataSource.isEmpty() ? jdbcOnDataSource
					: jpaOnDataSource;
			if (onDataSource.size() != 1) {
				logger.info("Tracked runs are handled without a transaction: " + onDataSource.size() + " transaction "
						+ "managers manage the tracking DataSource; a handler and the update that marks its run "
						+ "handled do not commit together");
				return null;
			}
			return new TransactionTemplate(onDataSource.get(0));
		}

		/**
		 * The check of a {@link JpaTransactionManager}, loaded only when Spring ORM is on the
		 * classpath.
		 */
		private static final class JpaTransactions {

			private JpaTransactions() {
			}

			static boolean manages(PlatformTransactionManager manager, DataSource dataSource) {
				return manager instanceof JpaTransactionManager jpa && jpa.getDataSource() == dataSource;
			}

		}

		private static Tracking checked(Tracking tracking) {
			positive("coreclaw.tracking.reconcile-interval", tracking.getReconcileInterval());
			positive("coreclaw.tracking.lease", tracking.getLease());
			positive("coreclaw.tracking.handler-backoff", tracking.getHandlerBackoff());
			if (tracking.getHandlerAttempts() < 1) {
				throw InvalidCoreClawConfigurationException.invalid("coreclaw.tracking.handler-attempts", "at least 1",
						"was " + tracking.getHandlerAttempts());
			}
			return tracking;
		}

		private static void positive(String property, @Nullable Duration value) {
			if (value == null || value.isNegative() || value.isZero()) {
				throw InvalidCoreClawConfigurationException.invalid(property, "a positive duration", "was " + value);
			}
		}

		@Bean
		@ConditionalOnMissingBean
		TrackedRuns coreClawTrackedRuns(JdbcTrackedRunStore store) {
			return new TrackedRuns(store);
		}

		@Bean
		@ConditionalOnMissingBean
		TrackedRunReconciler coreClawTrackedRunReconciler(TrackedRunProcessor processor, CoreClawProperties properties) {
			return new TrackedRunReconciler(processor, properties.getTracking().getReconcileInterval(),
					Schedulers.parallel());
		}

		/**
		 * A callback, on whichever instance it reaches, triggers the handling of its run; the run
		 * is read from CoreClaw, which stays the source of truth.
		 */
		@Bean
		ApplicationListener<CoreClawRunCallbackEvent> coreClawTrackedRunCallbackListener(TrackedRunProcessor processor) {
			return (event) -> {
				RunSlug run = event.getCallback().runSlug();
				if (run != null) {
					processor.process(run)
						.subscribe(null, (ex) -> logger.warn("Handling tracked run " + run + " after its callback failed; "
								+ "reconciliation tries again", ex));
				}
			};
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(HealthIndicator.class)
		static class TrackingHealthConfiguration {

			/**
			 * Down while tracked runs are failed-to-handle, with their number and the oldest of them.
			 */
			@Bean
			@ConditionalOnEnabledHealthIndicator("coreclaw-tracking")
			@ConditionalOnMissingBean(name = "coreclawTrackingHealthIndicator")
			HealthIndicator coreclawTrackingHealthIndicator(TrackedRuns trackedRuns) {
				return () -> {
					long failed = trackedRuns.count(TrackedRunState.FAILED_TO_HANDLE);
					Health.Builder health = (failed > 0) ? Health.down() : Health.up();
					health.withDetail("open", trackedRuns.count(TrackedRunState.OPEN))
						.withDetail("failedToHandle", failed);
					if (failed > 0) {
						health.withDetail("oldestFailedToHandle",
								trackedRuns.failedToHandle().stream().limit(10).map((run) -> run.runSlug().value()).toList());
					}
					return health.build();
				};
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterBinder.class)
		static class TrackingMetricsConfiguration {

			/**
			 * {@code coreclaw.tracking.handlings}: this instance's handlings, by outcome.
			 */
			@Bean
			@ConditionalOnMissingBean(name = "coreClawTrackingMetrics")
			MeterBinder coreClawTrackingMetrics(TrackedRunProcessor processor) {
				return (registry) -> {
					FunctionCounter.builder("coreclaw.tracking.handlings", processor, TrackedRunProcessor::handledCount)
						.tag("outcome", "handled")
						.description("Handlings of tracked runs, by outcome")
						.register(registry);
					FunctionCounter
						.builder("coreclaw.tracking.handlings", processor, TrackedRunProcessor::failedAttemptCount)
						.tag("outcome", "failed_attempt")
						.description("Handlings of tracked runs, by outcome")
						.register(registry);
					FunctionCounter
						.builder("coreclaw.tracking.handlings", processor, TrackedRunProcessor::failedToHandleCount)
						.tag("outcome", "failed_to_handle")
						.description("Handlings of tracked runs, by outcome")
						.register(registry);
				};
			}

		}

	}

}
