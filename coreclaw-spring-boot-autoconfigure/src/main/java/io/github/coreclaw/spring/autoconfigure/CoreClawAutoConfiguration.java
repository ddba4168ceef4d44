/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.coreclaw.spring.client.BlockingRunQueueOperations;
import io.github.coreclaw.spring.client.BlockingWorkerOperations;
import io.github.coreclaw.spring.client.BlockingWorkerRunOperations;
import io.github.coreclaw.spring.client.BlockingWorkerTaskOperations;
import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawObservationConvention;
import io.github.coreclaw.spring.client.CoreClawRuntimeHints;
import io.github.coreclaw.spring.client.RunQueueOperations;
import io.github.coreclaw.spring.client.RunTracker;
import io.github.coreclaw.spring.client.WorkerOperations;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the CoreClaw client: a {@link CoreClawClient} on Boot's
 * {@link WebClient.Builder}, the {@link WorkerTaskOperations}, {@link WorkerRunOperations},
 * {@link WorkerOperations} and {@link RunQueueOperations} it serves, their blocking twins for Spring
 * MVC and virtual-thread applications ({@link BlockingWorkerTaskOperations},
 * {@link BlockingWorkerRunOperations}, {@link BlockingWorkerOperations},
 * {@link BlockingRunQueueOperations}, over the client's own reactive operations), and, where
 * enabled, the receiver of CoreClaw's run callbacks.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, ClientHttpConnectorBuilder.class })
@ConditionalOnBooleanProperty(name = "coreclaw.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CoreClawProperties.class)
@Import(CoreClawCallbackConfiguration.class)
@ImportRuntimeHints(CoreClawRuntimeHints.class)
public final class CoreClawAutoConfiguration {

	private static final String CODECS_MAX_IN_MEMORY_SIZE = "spring.http.codecs.max-in-memory-size";

	@Bean
	@ConditionalOnMissingBean(CoreClawConnectionDetails.class)
	PropertiesCoreClawConnectionDetails coreClawConnectionDetails(CoreClawProperties properties) {
		return new PropertiesCoreClawConnectionDetails(properties);
	}

	/**
	 * The client's own connection pool, closed with the context; lazy, so that it is created only
	 * when the client's connector is Reactor Netty's, the only one that can use it.
	 */
	@Bean(destroyMethod = "dispose")
	@Lazy
	@ConditionalOnMissingBean(name = "coreClawConnectionProvider")
	ConnectionProvider coreClawConnectionProvider(CoreClawProperties properties) {
		return CoreClawClientSettingsMapper.mapPool(properties.getPool()).createConnectionProvider();
	}

	@Bean
	@ConditionalOnMissingBean
	CoreClawClient coreClawClient(CoreClawProperties properties, CoreClawConnectionDetails connectionDetails,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<CoreClawWebClientCustomizer> customizers, ObjectProvider<RetryRegistry> retryRegistry,
			@Qualifier("coreClawConnectionProvider") ObjectProvider<ConnectionProvider> connectionProvider,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<CoreClawObservationConvention> observationConvention, ObjectProvider<RunTracker> runTracker,
			Environment environment) {
		CoreClawClientSettings settings = CoreClawClientSettingsMapper.map(properties, connectionDetails);
		// Boot's connector builder keeps SSL bundles; the CoreClaw client sets its own connect
		// timeout, applies response timeouts per call and never follows a redirect (the API key
		// would go along to wherever it points).
		HttpClientSettings connectorSettings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(settings.connectTimeout(), null)
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		ClientHttpConnectorBuilder<?> builderOfConnector = connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect);
		if (builderOfConnector instanceof ReactorClientHttpConnectorBuilder reactor) {
			// A pool of its own: a fan-out of runs neither starves nor is starved by other clients.
			ConnectionProvider pool = connectionProvider.getObject();
			builderOfConnector = reactor.withHttpClientFactory(() -> HttpClient.create(pool));
		}
		else {
			refusePoolProperties(environment, builderOfConnector);
		}
		ClientHttpConnector connector = builderOfConnector.build(connectorSettings);
		CoreClawClient.Builder builder = CoreClawClient.builder(settings)
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.connector(connector);
		if (environment.containsProperty(CODECS_MAX_IN_MEMORY_SIZE)) {
			// The application chose the codecs' limit for every WebClient: the client keeps it.
			builder.maxInMemorySize(null);
		}
		jsonMapper.ifAvailable(builder::rowMapper);
		builder.polling(CoreClawClientSettingsMapper.mapPolling(properties.getPolling()));
		String receiverUrl = CoreClawClientSettingsMapper.callbackReceiverUrl(properties.getCallback(),
				properties.isAllowInsecureHttp());
		if (receiverUrl != null) {
			builder.callbackReceiverUrl(receiverUrl,
					CoreClawClientSettingsMapper.mapCallbackTokens(properties.getCallback()));
		}
		Integer batchMaxRunning = properties.getBatch().getMaxRunning();
		if (batchMaxRunning != null && batchMaxRunning < 1) {
			throw new InvalidCoreClawConfigurationException("coreclaw.batch.max-running",
					"coreclaw.batch.max-running is " + batchMaxRunning + ", but a batch needs room for at least 1 run.",
					"Set coreclaw.batch.max-running to your plan's limit of runs at once (Free 2, Starter 5, Pro 10, "
							+ "Business 50), or remove it to let each batch learn the limit.");
		}
		builder.batchMaxRunning(batchMaxRunning);
		if (properties.getRetry().isEnabled()) {
			builder.retry(CoreClawClientSettingsMapper.mapRetry(properties.getRetry()), retryRegistry.getIfAvailable());
		}
		customizers.orderedStream().forEach((customizer) -> builder.webClientCustomizer(customizer::customize));
		observationRegistry.ifAvailable(builder::observationRegistry);
		observationConvention.ifAvailable(builder::observationConvention);
		runTracker.ifUnique(builder::runTracker);
		return builder.build();
	}

	/**
	 * Stop startup when {@code coreclaw.pool.*} is set but the connector is not Reactor Netty's,
	 * which has no use for the client's pool: the limits would be silently ignored.
	 */
	private static void refusePoolProperties(Environment environment, ClientHttpConnectorBuilder<?> connectorBuilder) {
		List<String> set = poolProperties(environment);
		if (set.isEmpty()) {
			return;
		}
		String keys = String.join(", ", set);
		throw new InvalidCoreClawConfigurationException(set.get(0), keys + ((set.size() > 1) ? " are" : " is")
				+ " set, but the CoreClaw client's HTTP connector comes from "
				+ connectorBuilder.getClass().getSimpleName() + ", not from Reactor Netty: only a Reactor Netty "
				+ "connector has the client's own connection pool, so coreclaw.pool.* would be ignored.",
				"Remove " + keys + " (the connector then pools connections its own way), or use Reactor Netty: "
						+ "put reactor-netty-http on the classpath and set spring.http.clients.reactive.connector=reactor "
						+ "(or remove the ClientHttpConnectorBuilder bean that chooses another connector).");
	}

	/**
	 * The {@code coreclaw.pool.*} keys the environment sets, whatever their value.
	 */
	private static List<String> poolProperties(Environment environment) {
		ConfigurationPropertyName pool = ConfigurationPropertyName.of("coreclaw.pool");
		List<String> keys = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(pool::isAncestorOf)
					.stream()
					.map(ConfigurationPropertyName::toString)
					.filter((key) -> !keys.contains(key))
					.forEach(keys::add);
			}
		}
		keys.sort(null);
		return keys;
	}

	@Bean
	@ConditionalOnMissingBean
	WorkerTaskOperations workerTaskOperations(CoreClawClient coreClawClient) {
		return coreClawClient.workerTasks();
	}

	@Bean
	@ConditionalOnMissingBean
	WorkerRunOperations workerRunOperations(CoreClawClient coreClawClient) {
		return coreClawClient.workerRuns();
	}

	@Bean
	@ConditionalOnMissingBean
	WorkerOperations workerOperations(CoreClawClient coreClawClient) {
		return coreClawClient.workers();
	}

	@Bean
	@ConditionalOnMissingBean
	RunQueueOperations runQueueOperations(CoreClawClient coreClawClient) {
		return coreClawClient.runQueue();
	}

	@Bean
	@ConditionalOnMissingBean
	BlockingWorkerTaskOperations blockingWorkerTaskOperations(CoreClawClient coreClawClient) {
		return coreClawClient.blocking().workerTasks();
	}

	@Bean
	@ConditionalOnMissingBean
	BlockingWorkerRunOperations blockingWorkerRunOperations(CoreClawClient coreClawClient) {
		return coreClawClient.blocking().workerRuns();
	}

	@Bean
	@ConditionalOnMissingBean
	BlockingWorkerOperations blockingWorkerOperations(CoreClawClient coreClawClient) {
		return coreClawClient.blocking().workers();
	}

	@Bean
	@ConditionalOnMissingBean
	BlockingRunQueueOperations blockingRunQueueOperations(CoreClawClient coreClawClient) {
		return coreClawClient.blocking().runQueue();
	}

	/**
	 * Binds the metrics of the client's own retry registry; a registry the application
	 * defined is left to whoever defined it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MeterBinder.class, TaggedRetryMetrics.class })
	static class RetryMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coreClawRetryMetrics")
		MeterBinder coreClawRetryMetrics(CoreClawClient coreClawClient) {
			return (meterRegistry) -> coreClawClient.ownRetryRegistry()
				.ifPresent((registry) -> TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meterRegistry));
		}

	}

}
