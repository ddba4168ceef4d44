/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.internal.WireValues;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Handles CoreClaw's run status callbacks: checks the secret path segment in constant time,
 * reads at most {@value #MAX_BODY_BYTES} bytes of JSON, answers 204 at once, and publishes each
 * new (run, status) pair as a {@link CoreClawRunCallbackEvent} off the event loop.
 *
 * @since 0.1.0
 */
public final class CoreClawCallbackHandler implements HandlerFunction<ServerResponse> {

	/** Largest callback body accepted; CoreClaw's payload is a few hundred bytes. */
	public static final int MAX_BODY_BYTES = 64 * 1024;

	/** Name of the path variable holding the secret. */
	public static final String SECRET_VARIABLE = "secret";

	private static final int MAX_REMEMBERED = 10_000;

	private static final Log logger = LogFactory.getLog(CoreClawCallbackHandler.class);

	private final byte[] secret;

	private final Duration dedupeWindow;

	private final ApplicationEventPublisher publisher;

	private final Consumer<RunSlug> runChanged;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	/**
	 * Create a handler.
	 * @param secret the secret the callback path must carry
	 * @param dedupeWindow how long a (run, status) pair is remembered to drop repeats
	 * @param publisher where events are published
	 * @param runChanged told of each new callback, so that waiting callers re-read the run
	 */
	public CoreClawCallbackHandler(String secret, Duration dedupeWindow, ApplicationEventPublisher publisher,
			Consumer<RunSlug> runChanged) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.dedupeWindow = dedupeWindow;
		this.publisher = publisher;
		this.runChanged = runChanged;
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		String given = request.pathVariables().getOrDefault(SECRET_VARIABLE, "");
		if (!MessageDigest.isEqual(this.secret, given.getBytes(StandardCharsets.UTF_8))) {
			return ServerResponse.notFound().build();
		}
		if (request.headers().contentLength().orElse(0) > MAX_BODY_BYTES) {
			return tooLarge();
		}
		return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), MAX_BODY_BYTES)
			.map(CoreClawCallbackHandler::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap(this::accept)
			.onErrorResume(DataBufferLimitException.class, (ex) -> tooLarge());
	}

	private Mono<ServerResponse> accept(byte[] body) {
		JsonNode json;
		try {
			json = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return badRequest("the body is not JSON");
		}
		if (json == null || !json.isObject()) {
			return badRequest("the body is not a JSON object");
		}
		RunCallback callback = toCallback(json);
		if (callback == null) {
			return badRequest("the body names no run (run_slug or run_id)");
		}
		if (callback.rawStatus().isEmpty()) {
			return badRequest("the body has no run_status");
		}
		if (firstTime(callback.runKey() + "|" + callback.rawStatus())) {
			if (callback.runSlug() != null) {
				this.runChanged.accept(callback.runSlug());
			}
			Schedulers.boundedElastic().schedule(() -> publish(callback));
		}
		return ServerResponse.noContent().build();
	}

	private void publish(RunCallback callback) {
		try {
			this.publisher.publishEvent(new CoreClawRunCallbackEvent(this, callback));
		}
		catch (RuntimeException ex) {
			logger.error("A listener of CoreClaw callbacks failed for run " + callback.runKey(), ex);
		}
	}

	private boolean firstTime(String key) {
		long now = System.nanoTime();
		if (this.seen.size() >= MAX_REMEMBERED) {
			forgetExpired(now);
		}
		boolean[] first = { false };
		// Decide and record in one step, so that two repeats on two threads cannot both pass.
		this.seen.compute(key, (ignored, previous) -> {
			if (previous != null && now - previous < this.dedupeWindow.toNanos()) {
				return previous;
			}
			first[0] = true;
			return now;
		});
		return first[0];
	}

	private void forgetExpired(long now) {
		for (Iterator<Long> times = this.seen.values().iterator(); times.hasNext();) {
			if (now - times.next() >= this.dedupeWindow.toNanos()) {
				times.remove();
			}
		}
		if (this.seen.size() >= MAX_REMEMBERED) {
			this.seen.clear();
		}
	}

	private static @Nullable RunCallback toCallback(JsonNode json) {
		String slug = text(json.get("run_slug"));
		Long runId = number(json.get("run_id"));
		RunSlug runSlug = null;
		if (slug != null && !slug.isEmpty()) {
			try {
				runSlug = new RunSlug(slug);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		if (runSlug == null && runId == null) {
			return null;
		}
		String status = text(json.get("run_status"));
		Long count = number(json.get("result_count"));
		Long duration = number(json.get("running_duration"));
		return new RunCallback(runSlug, runId, RunStatus.from(status), (status != null) ? status : "",
				WireValues.text(text(json.get("error_message"))), WireValues.instant(number(json.get("execution_start_timestamp"))),
				WireValues.instant(number(json.get("execution_end_timestamp"))),
				(duration != null && duration >= 0) ? Duration.ofSeconds(duration) : null, (count != null) ? count : 0,
				WireValues.text(text(json.get("result_message"))));
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isValueNode() && !node.isNull()) ? node.asString() : null;
	}

	private static @Nullable Long number(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return node.asLong();
		}
		String text = text(node);
		if (text != null && !text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 19) {
			return Long.parseLong(text);
		}
		return null;
	}



	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Mono<ServerResponse> badRequest(String reason) {
		return ServerResponse.badRequest().bodyValue(Map.of("error", "Not a CoreClaw run callback: " + reason));
	}

	private static Mono<ServerResponse> tooLarge() {
		return ServerResponse.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.bodyValue(Map.of("error", "CoreClaw run callbacks are at most " + MAX_BODY_BYTES + " bytes"));
	}

}
