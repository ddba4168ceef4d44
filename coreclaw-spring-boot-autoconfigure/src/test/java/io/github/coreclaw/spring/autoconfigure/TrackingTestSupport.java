/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.coreclaw.spring.tracking.TestClock;
import io.github.coreclaw.spring.tracking.TrackedRun;
import io.github.coreclaw.spring.tracking.TrackedRunHandler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;

/**
 * What the tests of tracked runs share: the auto-configurations, the stubs of CoreClaw and a
 * handler that records what it is given.
 */
final class TrackingTestSupport {

	static final AutoConfigurations CLIENT = AutoConfigurations.of(CoreClawAutoConfiguration.class,
			WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
			JacksonAutoConfiguration.class);

	static final AutoConfigurations TRACKING = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			DataSourceTransactionManagerAutoConfiguration.class, CoreClawTrackingAutoConfiguration.class);

	static final String TASK = "nightly-berlin";

	private TrackingTestSupport() {
	}

	static final AutoConfigurations TRACKING_WITHOUT_TRANSACTIONS = AutoConfigurations
		.of(DataSourceAutoConfiguration.class, CoreClawTrackingAutoConfiguration.class);

	static <R extends AbstractApplicationContextRunner<R, ?, ?>> R configure(R runner, WireMockExtension wireMock,
			TestClock clock) {
		return configure(runner, wireMock, clock, true);
	}

	static <R extends AbstractApplicationContextRunner<R, ?, ?>> R configure(R runner, WireMockExtension wireMock,
			TestClock clock, boolean transactions) {
		return runner.withConfiguration(CLIENT)
			.withConfiguration(transactions ? TRACKING : TRACKING_WITHOUT_TRANSACTIONS)
			.withPropertyValues("coreclaw.api-key=ck-test-key-for-tracking", "coreclaw.base-url=" + wireMock.baseUrl(),
					"coreclaw.retry.enabled=false", "coreclaw.tracking.enabled=true",
					"coreclaw.tracking.reconcile-interval=1h", "coreclaw.tracking.lease=1m")
			.withBean("coreClawTrackingClock", Clock.class, () -> clock);
	}

	static void stubStart(WireMockExtension wireMock, String run) {
		wireMock.stubFor(post(urlPathEqualTo("/api/v2/worker-tasks/" + TASK + "/runs"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"" + run + "\"}}")));
	}

	static void stubRun(WireMockExtension wireMock, String run, String status) {
		wireMock.stubFor(get(urlPathEqualTo("/api/v2/worker-runs/" + run))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"" + run + "\",\"status\":\"" + status
					+ "\",\"results\":3}}")));
	}

	/**
	 * A handler that records each run it is given.
	 */
	static final class RecordingHandler implements TrackedRunHandler {

		final List<TrackedRun> runs = new CopyOnWriteArrayList<>();

		@Override
		public void handle(TrackedRun run) {
			this.runs.add(run);
		}

	}

}
