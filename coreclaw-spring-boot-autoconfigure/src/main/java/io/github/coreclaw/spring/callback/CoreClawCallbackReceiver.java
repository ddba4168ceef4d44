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
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.github.coreclaw.spring.client.InvalidSettingException;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import io.github.coreclaw.spring.client.internal.Durations;
import io.github.coreclaw.spring.client.internal.Identifiers;
import io.github.coreclaw.spring.client.internal.WireValues;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;

/**
 * Receiver of CoreClaw's run status callbacks, whatever the web stack: checks the secret in
 * constant time, reads the JSON payload, drops repeats within the dedupe window, wakes the
 * calls waiting for the run and publishes a {@link CoreClawRunCallbackEvent} off the request
 * thread.
 * <p>
 * {@link CoreClawCallbackHandler} (WebFlux) and {@link CoreClawServletCallbackHandler} (Spring
 * MVC) adapt it to their stack; they only read the request and write the {@link Reply}.
 *
 * @since 0.1.0
 */
public final class CoreClawCallbackReceiver {

	/** Largest callback body accepted; CoreClaw's payload is a few hundred bytes. */
	public static final int MAX_BODY_BYTES = 64 * 1024;

	/** Name of the path variable holding the secret. */
	public static final String SECRET_VARIABLE = "secret";

	/** Fewest characters of a secret. */
	public static final int MIN_SECRET_LENGTH = 16;

	private static final int MAX_REMEMBERED = 10_000;

	private static final Log logger = LogFactory.getLog(CoreClawCallbackReceiver.class);

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final byte[] secret;

	private final Duration dedupeWindow;

	private final ApplicationEventPublisher publisher;

	private final Consumer<RunSlug> runChanged;

	private final Executor publishing;

	private final LongSupplier nanoTime;

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	/**
	 * Create a receiver.
	 * @param secret the secret the callback path must carry (see {@link #checkSecret})
	 * @param dedupeWindow how long a (run, status) pair is remembered to drop repeats
	 * @param publisher where events are published
	 * @param runChanged told of each new callback that names a run slug, so that waiting calls
	 * re-read the run (for example {@code coreClawClient::runChanged})
	 * @throws InvalidSettingException naming {@code secret} or {@code dedupeWindow} if one is wrong
	 */
	public CoreClawCallbackReceiver(String secret, Duration dedupeWindow, ApplicationEventPublisher publisher,
			Consumer<RunSlug> runChanged) {
		this(secret, dedupeWindow, publisher, runChanged, (task) -> Schedulers.boundedElastic().schedule(task),
				System::nanoTime);
	}

	/**
	 * Create a receiver that publishes on the given executor and reads the given clock.
	 */
	CoreClawCallbackReceiver(String secret, Duration dedupeWindow, ApplicationEventPublisher publisher,
			Consumer<RunSlug> runChanged, Executor publishing, LongSupplier nanoTime) {
		this.secret = checkSecret(secret).getBytes(StandardCharsets.UTF_8);
		if (dedupeWindow == null || dedupeWindow.isZero() || dedupeWindow.isNegative()) {
			throw new InvalidSettingException("dedupeWindow", "a positive duration",
					(dedupeWindow != null) ? "was " + Durations.format(dedupeWindow) : "is not set");
		}
		if (publisher == null || runChanged == null) {
			throw new IllegalArgumentException("publisher and runChanged must not be null");
		}
		this.dedupeWindow = dedupeWindow;
		this.publisher = publisher;
		this.runChanged = runChanged;
		this.publishing = publishing;
		this.nanoTime = nanoTime;
	}

	/**
	 * Check that a secret is fit to authenticate callbacks: at least
	 * {@value #MIN_SECRET_LENGTH} characters, all of them allowed in a URL path segment.
	 * @param secret the secret
	 * @return the secret
	 * @throws InvalidSettingException naming {@code secret}, without echoing it, if it is not
	 */
	public static String checkSecret(@Nullable String secret) {
		String requirement = "at least " + MIN_SECRET_LENGTH + " letters, digits, '_', '~', '.' or '-' (for "
				+ "example the output of 'openssl rand -hex 24')";
		if (secret == null || secret.isBlank()) {
			throw new InvalidSettingException("secret", requirement, "is not set");
		}
		if (secret.length() < MIN_SECRET_LENGTH) {
			throw new InvalidSettingException("secret", requirement, "it has only " + secret.length() + " characters");
		}
		if (!Identifiers.isSlug(secret)) {
			throw new InvalidSettingException("secret", requirement,
					"it has characters that do not belong in a URL path segment");
		}
		return secret;
	}

	/**
	 * Whether the secret a request carries is this receiver's, compared in constant time.
	 * @param given the path segment of the request, {@code null} if there was none
	 * @return whether it matches
	 */
	boolean isSecret(@Nullable String given) {
		return MessageDigest.isEqual(this.secret, (given != null) ? given.getBytes(StandardCharsets.UTF_8) : new byte[0]);
	}

	/**
	 * Take in a callback body of at most {@value #MAX_BODY_BYTES} bytes: check it, and if it is
	 * a new (run, status) pair, wake the waiting calls and publish it.
	 * @param body the request body
	 * @return the reply to send
	 */
	Reply receive(byte[] body) {
		JsonNode json;
		try {
			json = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return Reply.badRequest("the body is not JSON");
		}
		if (json == null || !json.isObject()) {
			return Reply.badRequest("the body is not a JSON object");
		}
		RunCallback callback = toCallback(json);
		if (callback == null) {
			return Reply.badRequest("the body names no run (run_slug or run_id)");
		}
		if (callback.rawStatus().isEmpty()) {
			return Reply.badRequest("the body has no run_status");
		}
		if (firstTime(callback.runKey() + "|" + callback.rawStatus())) {
			callback.findRunSlug().ifPresent(this.runChanged);
			this.publishing.execute(() -> publish(callback));
		}
		return Reply.ACCEPTED;
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
		long now = this.nanoTime.getAsLong();
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
				WireValues.text(text(json.get("error_message"))),
				WireValues.instant(number(json.get("execution_start_timestamp"))),
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

	/**
	 * What to answer a callback request: a status and, for a refusal, a JSON body saying why.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body, {@code null} for none
	 */
	record Reply(HttpStatus status, byte @Nullable [] body) {

		/** A new or repeated callback: 204 without a body. */
		static final Reply ACCEPTED = new Reply(HttpStatus.NO_CONTENT, null);

		/** A request without the right secret: 404, as if nothing were there. */
		static final Reply NOT_FOUND = new Reply(HttpStatus.NOT_FOUND, null);

		/** A body over {@value CoreClawCallbackReceiver#MAX_BODY_BYTES} bytes. */
		static final Reply TOO_LARGE = error(HttpStatus.CONTENT_TOO_LARGE,
				"CoreClaw run callbacks are at most " + MAX_BODY_BYTES + " bytes");

		static Reply badRequest(String reason) {
			return error(HttpStatus.BAD_REQUEST, "Not a CoreClaw run callback: " + reason);
		}

		/**
		 * The reply to a request whose headers announce a body, before the body is read.
		 * @param contentLength the announced length, -1 if none was announced
		 * @return {@link #TOO_LARGE} or {@code null} to go on reading
		 */
		static @Nullable Reply beforeReading(long contentLength) {
			return (contentLength > MAX_BODY_BYTES) ? TOO_LARGE : null;
		}

		private static Reply error(HttpStatus status, String message) {
			return new Reply(status, mapper.writeValueAsBytes(Map.of("error", message)));
		}

	}

}
