/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.broadcast;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver;
import io.github.coreclaw.spring.callback.CoreClawRunCallbackEvent;
import io.github.coreclaw.spring.callback.RunCallback;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Broadcasts the run callbacks this instance receives on the Redis channel {@value #CHANNEL},
 * and wakes this instance's waits ({@code awaitCompletion}) on the runs named by the messages
 * of that channel, so that a callback reaching any instance wakes the waits of all of them.
 * <p>
 * A message carries the run slug and the status, nothing else (no secret, no result):
 * {@code {"run_slug":"01KKDXV2G26BT7NH4ZQR2R4NPZ","run_status":"succeeded"}}. Only the
 * {@link CoreClawRunCallbackEvent}s of a {@link CoreClawCallbackReceiver} are broadcast, once
 * each (the receiver drops repeats within its dedupe window), and a message from the channel only
 * wakes waits: it is never broadcast again nor published as an event, so no message goes round in
 * a loop. An instance also receives its own messages and wakes its waits a second time; that is
 * harmless: a wait whose run has finished has ended already, and a wait on a run that goes on
 * reads it at most once more.
 * <p>
 * The send is handed off to {@link Schedulers#boundedElastic()}, so a slow or absent Redis
 * delays neither the application's other listeners nor the callback; a failed send is logged
 * and the waits of the other instances read the run at their next poll, as without the
 * broadcast. A callback that names its run only by the older integer {@code run_id} is not
 * broadcast: waits follow run slugs.
 *
 * @since 0.1.0
 */
public final class RedisCallbackBroadcast implements ApplicationListener<CoreClawRunCallbackEvent>, MessageListener,
		Ordered {

	/** The Redis pub/sub channel of the broadcast. */
	public static final String CHANNEL = "coreclaw:run-callbacks";

	/** Largest message taken from the channel; the broadcast's own are under 100 bytes. */
	static final int MAX_MESSAGE_BYTES = 1024;

	private static final Log logger = LogFactory.getLog(RedisCallbackBroadcast.class);

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final Consumer<String> send;

	private final Consumer<RunSlug> runChanged;

	private final AtomicBoolean warnedOfForeignMessage = new AtomicBoolean();

	/**
	 * Create a broadcast over the given Redis.
	 * @param connectionFactory the application's Redis
	 * @param runChanged wakes this instance's waits on a run (for example
	 * {@code coreClawClient::runChanged})
	 */
	public RedisCallbackBroadcast(RedisConnectionFactory connectionFactory, Consumer<RunSlug> runChanged) {
		this(sender(connectionFactory), runChanged);
	}

	/**
	 * Create a broadcast that sends its messages with the given (blocking) sender.
	 */
	RedisCallbackBroadcast(Consumer<String> send, Consumer<RunSlug> runChanged) {
		this.send = send;
		this.runChanged = runChanged;
	}

	private static Consumer<String> sender(RedisConnectionFactory connectionFactory) {
		if (connectionFactory == null) {
			throw new IllegalArgumentException("connectionFactory must not be null");
		}
		StringRedisTemplate template = new StringRedisTemplate(connectionFactory);
		return (message) -> template.convertAndSend(CHANNEL, message);
	}

	/**
	 * Runs before the application's own listeners, so that one of them that throws does not keep
	 * the callback from the other instances.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Broadcast a callback this instance's receiver got.
	 * @param event the event of the callback
	 */
	@Override
	public void onApplicationEvent(CoreClawRunCallbackEvent event) {
		if (!(event.getSource() instanceof CoreClawCallbackReceiver)) {
			return;
		}
		RunCallback callback = event.getCallback();
		RunSlug run = callback.runSlug();
		if (run == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("The callback for run " + callback.runKey()
						+ " names no run slug; it is not broadcast over Redis");
			}
			return;
		}
		String message = message(run, callback.status());
		Mono.fromRunnable(() -> this.send.accept(message))
			.subscribeOn(Schedulers.boundedElastic())
			.subscribe(null, (failure) -> logger.warn("Broadcasting the callback for run " + run
					+ " over Redis failed; the other instances read the run at their next poll: " + failure.getMessage()));
	}

	/**
	 * Wake this instance's waits on the run a message of the channel names; a message that is
	 * not one of the broadcast's is ignored.
	 * @param message the message
	 * @param pattern the pattern subscribed to, {@code null} for a channel subscription
	 */
	@Override
	public void onMessage(Message message, byte @Nullable [] pattern) {
		RunSlug run = runOf(message.getBody());
		if (run == null) {
			String refused = "A message on Redis channel " + CHANNEL
					+ " is not a CoreClaw run callback broadcast (a JSON object with a run_slug); ignored";
			if (this.warnedOfForeignMessage.compareAndSet(false, true)) {
				logger.warn(refused + " (further ones are logged at debug level)");
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(refused);
			}
			return;
		}
		this.runChanged.accept(run);
	}

	/**
	 * The message of a callback: its run slug and status as CoreClaw names them.
	 * @param run the run
	 * @param status its status
	 * @return the JSON message
	 */
	static String message(RunSlug run, RunStatus status) {
		return mapper.writeValueAsString(mapper.createObjectNode()
			.put("run_slug", run.value())
			.put("run_status", status.name().toLowerCase(Locale.ROOT)));
	}

	/**
	 * The run a message names.
	 * @param body the message body
	 * @return the run, {@code null} for a message that is not one of the broadcast's
	 */
	static @Nullable RunSlug runOf(byte @Nullable [] body) {
		if (body == null || body.length == 0 || body.length > MAX_MESSAGE_BYTES) {
			return null;
		}
		try {
			JsonNode json = mapper.readTree(body);
			JsonNode slug = (json != null && json.isObject()) ? json.get("run_slug") : null;
			return (slug != null && slug.isString()) ? new RunSlug(slug.asString()) : null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

}
