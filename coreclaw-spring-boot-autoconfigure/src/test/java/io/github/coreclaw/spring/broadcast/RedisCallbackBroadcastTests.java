/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.broadcast;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.callback.CallbackReceiverContractTests;
import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver;
import io.github.coreclaw.spring.callback.CoreClawRunCallbackEvent;
import io.github.coreclaw.spring.callback.RunCallback;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.data.redis.connection.DefaultMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link RedisCallbackBroadcast} without Redis: what it sends for a callback, which
 * events it leaves alone, and which messages of the channel wake waits.
 */
@ExtendWith(OutputOnFailure.class)
class RedisCallbackBroadcastTests {

	private static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	private static final RunSlug OTHER_RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NQA");

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private final List<RunSlug> woken = new CopyOnWriteArrayList<>();

	private final RedisCallbackBroadcast broadcast = new RedisCallbackBroadcast(this.sent::add, this.woken::add);

	private final CoreClawCallbackReceiver receiver = new CoreClawCallbackReceiver(CallbackReceiverContractTests.SECRET,
			Duration.ofMinutes(1), new StaticApplicationContext(), (run) -> {
			});

	@BeforeEach
	void sendOnTheCallersThread() {
		// The broadcast hands each send off to boundedElastic, which is virtual and runs it at once here.
		VirtualTimeScheduler.getOrSet();
		this.logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		this.logs.start();
		logger().addAppender(this.logs);
	}

	@AfterEach
	void putTheSchedulersBack() {
		VirtualTimeScheduler.reset();
		logger().detachAppender(this.logs);
		this.logs.stop();
	}

	private static Logger logger() {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(RedisCallbackBroadcast.class);
	}

	@Test
	void aReceivedCallbackIsSentAsItsRunSlugAndStatusOnly() {
		RunCallback callback = RunCallback.builder()
			.runSlug(RUN)
			.status(RunStatus.SUCCEEDED)
			.errorMessage("not sent")
			.resultCount(5)
			.resultMessage("not sent either")
			.build();
		this.broadcast.onApplicationEvent(new CoreClawRunCallbackEvent(this.receiver, callback));
		assertThat(this.sent).containsExactly("{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"run_status\":\"succeeded\"}");
		assertThat(this.woken).isEmpty();
	}

	@Test
	void onlyCallbacksOfAReceiverThatNameARunSlugAreSent() {
		// Published by the application itself, not received from CoreClaw: left alone.
		this.broadcast.onApplicationEvent(new CoreClawRunCallbackEvent(this,
				RunCallback.builder().runSlug(OTHER_RUN).status(RunStatus.FAILED).build()));
		// Only the older integer run_id: waits follow run slugs, so there is nothing to wake.
		this.broadcast.onApplicationEvent(new CoreClawRunCallbackEvent(this.receiver,
				RunCallback.builder().runId(7L).status(RunStatus.FAILED).build()));
		this.broadcast.onApplicationEvent(new CoreClawRunCallbackEvent(this.receiver,
				RunCallback.builder().runSlug(RUN).rawStatus("paused-by-a-newer-coreclaw").build()));
		assertThat(this.sent).containsExactly("{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"run_status\":\"unknown\"}");
	}

	@Test
	void aFailedSendIsLoggedAndKeptFromTheCallerAndTheOtherListeners() {
		List<String> tried = new CopyOnWriteArrayList<>();
		RedisCallbackBroadcast failing = new RedisCallbackBroadcast((message) -> {
			tried.add(message);
			throw new IllegalStateException("Redis is down");
		}, this.woken::add);
		failing.onApplicationEvent(new CoreClawRunCallbackEvent(this.receiver,
				RunCallback.builder().runSlug(RUN).status(RunStatus.SUCCEEDED).build()));
		assertThat(tried).hasSize(1);
		assertThat(this.logs.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).isEqualTo("Broadcasting the callback for run "
					+ "01KKDXV2G26BT7NH4ZQR2R4NPZ over Redis failed; the other instances read the run at their next "
					+ "poll: Redis is down");
		});
		// Before the application's listeners, so that one of them that throws does not keep it from the others.
		assertThat(failing.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
	}

	@Test
	void aMessageOfTheChannelWakesTheWaitsOnItsRun() {
		this.broadcast.onMessage(message("{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"run_status\":\"succeeded\"}"),
				null);
		this.broadcast.onMessage(message("{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NQA\"}"), null);
		assertThat(this.woken).containsExactly(RUN, OTHER_RUN);
		assertThat(this.sent).isEmpty();
	}

	@Test
	void messagesThatAreNotTheBroadcastsWakeNothing() {
		for (String body : List.of("", "not json", "[\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"]", "{\"run_status\":\"succeeded\"}",
				"{\"run_slug\":42}", "{\"run_slug\":\"a/b\"}", "{\"run_slug\":\"\"}",
				"{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"pad\":\"" + "x".repeat(1024) + "\"}")) {
			this.broadcast.onMessage(message(body), null);
		}
		assertThat(this.woken).isEmpty();
		// Said once, then at debug level only: anyone who can publish on the channel could flood the log.
		assertThat(this.logs.list).singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).isEqualTo("A message on Redis channel "
					+ "coreclaw:run-callbacks is not a CoreClaw run callback broadcast (a JSON object with a run_slug); "
					+ "ignored (further ones are logged at debug level)"));
	}

	private static DefaultMessage message(String body) {
		return new DefaultMessage(RedisCallbackBroadcast.CHANNEL.getBytes(StandardCharsets.UTF_8),
				body.getBytes(StandardCharsets.UTF_8));
	}

}
