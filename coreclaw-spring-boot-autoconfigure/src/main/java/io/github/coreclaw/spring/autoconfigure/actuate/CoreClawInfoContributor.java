/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.github.coreclaw.spring.autoconfigure.CoreClawProperties;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.CoreClawValues;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.core.io.ClassPathResource;

/**
 * Contributes {@code coreclaw} to the info endpoint: the starter's version, where the client
 * connects and how (base URL, authentication scheme, timeouts), and its retry, pool and polling
 * settings. Never the API key, the callback secret or a callback URL.
 */
class CoreClawInfoContributor implements InfoContributor {

	/** Resource holding the starter's version, written by the build. */
	static final String VERSION_RESOURCE = "io/github/coreclaw/spring/autoconfigure/actuate/"
			+ "coreclaw-version.properties";

	private final Map<String, Object> details;

	CoreClawInfoContributor(CoreClawClientSettings settings, CoreClawProperties properties) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", version());
		details.put("baseUrl", CoreClawValues.origin(settings.baseUrl()));
		details.put("authScheme", settings.authScheme().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		details.put("timeouts", timeouts(settings));
		details.put("retry", retry(properties.getRetry()));
		details.put("pool", pool(properties.getPool()));
		details.put("polling", polling(properties.getPolling()));
		this.details = Map.copyOf(details);
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("coreclaw", this.details);
	}

	private static Map<String, Object> timeouts(CoreClawClientSettings settings) {
		Map<String, Object> timeouts = new LinkedHashMap<>();
		timeouts.put("connect", text(settings.connectTimeout()));
		timeouts.put("response", text(settings.responseTimeout()));
		timeouts.put("syncResponse", text(settings.syncResponseTimeout()));
		return timeouts;
	}

	private static Map<String, Object> retry(CoreClawProperties.Retry retry) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("enabled", retry.isEnabled());
		if (retry.isEnabled()) {
			details.put("maxAttempts", retry.getMaxAttempts());
			details.put("initialBackoff", text(retry.getInitialBackoff()));
			details.put("multiplier", retry.getMultiplier());
			details.put("maxBackoff", text(retry.getMaxBackoff()));
			details.put("jitter", retry.getJitter());
			details.put("respectRetryAfter", retry.isRespectRetryAfter());
			details.put("maxRetryAfter", text(retry.getMaxRetryAfter()));
			details.put("retryableStatuses", retry.getRetryableStatuses());
			details.put("retryableCodes", retry.getRetryableCodes());
		}
		return details;
	}

	private static Map<String, Object> pool(CoreClawProperties.Pool pool) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("maxConnections", pool.getMaxConnections());
		details.put("maxPendingAcquires", pool.getMaxPendingAcquires());
		details.put("pendingAcquireTimeout", text(pool.getPendingAcquireTimeout()));
		details.put("maxIdleTime", text(pool.getMaxIdleTime()));
		details.put("maxLifeTime", text(pool.getMaxLifeTime()));
		details.put("evictInBackground", text(pool.getEvictInBackground()));
		return details;
	}

	private static Map<String, Object> polling(CoreClawProperties.Polling polling) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("initialInterval", text(polling.getInitialInterval()));
		details.put("maxInterval", text(polling.getMaxInterval()));
		details.put("multiplier", polling.getMultiplier());
		details.put("jitter", polling.getJitter());
		details.put("abortingGrace", text(polling.getAbortingGrace()));
		details.put("abortOnTimeout", polling.isAbortOnTimeout());
		return details;
	}

	private static String text(Duration duration) {
		return CoreClawValues.formatDuration(duration);
	}

	private static String version() {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(VERSION_RESOURCE).getInputStream()) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + VERSION_RESOURCE, ex);
		}
		return properties.getProperty("version", "unknown");
	}

}
