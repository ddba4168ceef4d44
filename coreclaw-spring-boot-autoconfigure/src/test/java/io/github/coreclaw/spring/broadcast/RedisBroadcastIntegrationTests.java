/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.broadcast;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coreclaw.spring.callback.CallbackReceiverContractTests;
import io.github.coreclaw.spring.autoconfigure.CallbackPosts;
import io.github.coreclaw.spring.client.CoreClawStubs;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.WorkerRun;
import io.github.coreclaw.spring.client.WorkerRunOperations;
import io.github.coreclaw.spring.servers.LocalServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of an application on one Redis ({@code coreclaw.tracking.broadcast=redis}): a
 * callback CoreClaw posts to instance A wakes an {@code awaitCompletion} on instance B at once,
 * though B polls only every ten minutes. Skipped, with the reason, where no Redis answers at
 * 127.0.0.1:6379 ({@code .ci/servers.sh} starts one).
 */
class RedisBroadcastIntegrationTests {

	private static final String SECRET = CallbackReceiverContractTests.SECRET;

	private static final String KEY_A = "ck-test-key-of-instance-a";

	private static final String KEY_B = "ck-test-key-of-instance-b";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private static ConfigurableApplicationContext instanceA;

	private static ConfigurableApplicationContext instanceB;

	private static RedisClient redis;

	private static StatefulRedisPubSubConnection<String, String> listening;

	/** What the channel carried during the test, as the test's own Redis client saw it. */
	private static final List<String> channel = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startTwoInstancesOnOneRedis() {
		if (!LocalServers.isRedisAnswering()) {
			return;
		}
		redis = RedisClient.create("redis://" + LocalServers.HOST + ":" + LocalServers.REDIS_PORT);
		listening = redis.connectPubSub();
		listening.addListener(new RedisPubSubAdapter<>() {

			@Override
			public void message(String name, String message) {
				channel.add(message);
			}

		});
		listening.sync().subscribe(RedisCallbackBroadcast.CHANNEL);
		instanceA = start(WebApplicationType.SERVLET, KEY_A);
		instanceB = start(WebApplicationType.NONE, KEY_B);
	}

	private static ConfigurableApplicationContext start(WebApplicationType type, String apiKey) {
		return new SpringApplicationBuilder(Instance.class).web(type)
			.properties("server.port=0", "server.address=127.0.0.1", "coreclaw.api-key=" + apiKey,
					"coreclaw.base-url=" + wireMock.baseUrl(), "coreclaw.callback.enabled=" + (type != WebApplicationType.NONE),
					"coreclaw.callback.secret=" + SECRET, "coreclaw.polling.initial-interval=10m",
					"coreclaw.polling.max-interval=10m", "coreclaw.tracking.broadcast=redis",
					"spring.data.redis.host=" + LocalServers.HOST, "spring.data.redis.port=" + LocalServers.REDIS_PORT)
			.run();
	}

	@BeforeEach
	void needsRedis() {
		LocalServers.assumeRedis();
	}

	@AfterAll
	static void stopEverything() {
		for (AutoCloseable closeable : new AutoCloseable[] { instanceA, instanceB, listening }) {
			if (closeable != null) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		if (redis != null) {
			redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	@Test
	void aCallbackPostedToOneInstanceWakesTheWaitOnTheOtherBeforeItsNextPoll() throws IOException {
		// A run of its own, so that other tests on the same Redis cannot wake this one.
		String run = "01" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
		String detail = "/api/v2/worker-runs/" + run;
		CoreClawStubs.stubRunningThenSucceeded(wireMock, run);
		List<WorkerRun> done = new CopyOnWriteArrayList<>();
		Disposable waiting = instanceB.getBean(WorkerRunOperations.class)
			.awaitCompletion(new RunSlug(run), Duration.ofMinutes(1))
			.subscribe(done::add);
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> wireMock.getAllServeEvents().size() == 1);
			String callback = CallbackReceiverContractTests.SUCCEEDED.replace("01KKDXV2G26BT7NH4ZQR2R4NPZ", run);
			assertThat(postToInstanceA(CallbackPosts.callbackPath(SECRET), callback)).isEqualTo(204);
			// B's next poll is ten minutes away: only the broadcast can end its wait now.
			await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 1);
			assertThat(done.get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
			List<ServeEvent> requests = wireMock.getAllServeEvents();
			assertThat(requests).hasSize(2).allSatisfy((request) -> {
				assertThat(request.getRequest().getMethod().getName()).isEqualTo("GET");
				assertThat(request.getRequest().getUrl()).isEqualTo(detail);
				assertThat(request.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY_B);
			});
			await().atMost(Duration.ofSeconds(5)).until(() -> messagesFor(run).size() == 1);
			assertThat(messagesFor(run))
				.containsExactly("{\"run_slug\":\"" + run + "\",\"run_status\":\"succeeded\"}");
		}
		finally {
			waiting.dispose();
		}
	}

	private static List<String> messagesFor(String run) {
		return channel.stream().filter((message) -> message.contains(run)).toList();
	}

	private static int postToInstanceA(String path, String body) throws IOException {
		return CallbackPosts.post(instanceA, path, body, false).status();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ io.github.coreclaw.spring.autoconfigure.CoreClawAutoConfiguration.class,
			io.github.coreclaw.spring.autoconfigure.CoreClawBroadcastAutoConfiguration.class,
			DataRedisAutoConfiguration.class, WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			HttpClientAutoConfiguration.class, JacksonAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class })
	static class Instance {

	}

}
