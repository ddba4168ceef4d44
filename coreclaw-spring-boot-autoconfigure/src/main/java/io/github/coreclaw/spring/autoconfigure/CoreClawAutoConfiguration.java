/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.WorkerTaskOperations;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the CoreClaw client: a {@link CoreClawClient} on Boot's
 * {@link WebClient.Builder}, and the {@link WorkerTaskOperations} it serves.
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
public final class CoreClawAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(CoreClawConnectionDetails.class)
	PropertiesCoreClawConnectionDetails coreClawConnectionDetails(CoreClawProperties properties) {
		return new PropertiesCoreClawConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	CoreClawClient coreClawClient(CoreClawProperties properties, CoreClawConnectionDetails connectionDetails,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<CoreClawWebClientCustomizer> customizers, ObjectProvider<RetryRegistry> retryRegistry) {
		CoreClawClientSettings settings = CoreClawClientSettingsMapper.map(properties, connectionDetails);
		// Boot's connector builder keeps SSL bundles and redirects; the CoreClaw client sets its
		// own connect timeout and applies response timeouts per call.
		HttpClientSettings connectorSettings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(settings.connectTimeout(), null);
		ClientHttpConnector connector = connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect)
			.build(connectorSettings);
		CoreClawClient.Builder builder = CoreClawClient.builder(settings)
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.connector(connector);
		jsonMapper.ifAvailable(builder::rowMapper);
		if (properties.getRetry().isEnabled()) {
			builder.retry(CoreClawClientSettingsMapper.mapRetry(properties.getRetry()), retryRegistry.getIfAvailable());
		}
		customizers.orderedStream().forEach((customizer) -> builder.webClientCustomizer(customizer::customize));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	WorkerTaskOperations workerTaskOperations(CoreClawClient coreClawClient) {
		return coreClawClient.workerTasks();
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
