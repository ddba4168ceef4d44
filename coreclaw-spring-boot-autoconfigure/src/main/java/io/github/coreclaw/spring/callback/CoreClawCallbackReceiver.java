/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.github.coreclaw.spring.client.CallbackTokens;
import io.github.coreclaw.spring.client.CoreClawValues;
import io.github.coreclaw.spring.client.InvalidSettingException;
import io.github.coreclaw.spring.client.RunSlug;
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
 * Receiver of CoreClaw's run status callbacks, whatever the web stack: checks the token in the
 * path ({@link CallbackTokens}, signed with the callback secret), reads the JSON payload, drops
 * repeats within the dedupe window, wakes the calls waiting for the run and publishes a
 * {@link CoreClawRunCallbackEvent} off the request thread.
 * <p>
 * A token is valid for any run, and whoever read one (in a request log, say) can post with it
 * until it expires: the values of a callback are hints, and {@code getRun} is authoritative.
 * <p>
 * Listeners get each change of a run at most once, after CoreClaw's request has been
 * answered: the receiver answers 204 as soon as it has handed the event off to be published,
 * does not publish repeats within the dedupe window, and never publishes an event again by
 * itself, so a listener that throws, or an application that stops before its listeners ran,
 * loses that change. One exception: when publishing throws, the (run, status) pair is
 * forgotten, so that a later delivery of the same change by CoreClaw is published again, and
 * listeners that ran before the failing one see it a second time. A hand-off that fails (the
 * publishing scheduler refuses the task) is answered 503 and the pair forgotten, so that
 * CoreClaw's next delivery is handed off again. {@code getRun} stays authoritative: an
 * application that must not miss a run's end also awaits or reads the run.
 * <p>
 * A (run, status) pair is remembered for the dedupe window, and at most
 * {@code dedupeMaxKeys} pairs are remembered at once. Within that bound no pair is forgotten
 * before its window ends; beyond it, the oldest pairs are forgotten first (a warning is logged
 * once), and a repeat of a forgotten pair is published again. Each remembered pair takes
 * about 200 bytes with its token (20 MB for the default bound when full).
 * <p>
 * {@link CoreClawCallbackHandler} (WebFlux) and {@link CoreClawServletCallbackHandler} (Spring
 * MVC) adapt it to their stack; they only read the request and write the {@link Reply}.
 *
 * @since 0.1.0
 */
public final class CoreClawCallbackReceiver {

	/** Largest callback body accepted; CoreClaw's payload is a few hundred bytes. */
	public static final int MAX_BODY_BYTES = 64 * 1024;

	/**
	 * Name of the path variable holding the callback token: a token signed with the secret
	 * ({@link CallbackTokens}), never the secret itself.
	 */
	public static final String SECRET_VARIABLE = "secret";

	/** Fewest characters of a secret. */
	public static final int MIN_SECRET_LENGTH = CallbackTokens.MIN_SECRET_LENGTH;

	/** Most (run, status) pairs remembered at once unless told otherwise. */
	public static final int DEFAULT_DEDUPE_MAX_KEYS = 100_000;

	private static final Log logger = LogFactory.getLog(CoreClawCallbackReceiver.class);

	private static final int PRINTED_LENGTH = 60;

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final CallbackTokens tokens;

	private final ApplicationEventPublisher publisher;

	private final Consumer<RunSlug> runChanged;

	private final Executor publishing;

	private final RecentKeys recent;

	/**
	 * Create a receiver that remembers at most {@value #DEFAULT_DEDUPE_MAX_KEYS} (run, status)
	 * pairs.
	 * @param secret the secret that signs the tokens the callback path must carry, accepted for
	 * {@link CallbackTokens#DEFAULT_VALIDITY} (see {@link #checkSecret})
	 * @param dedupeWindow how long a (run, status) pair is remembered to drop repeats
	 * @param publisher where events are published
	 * @param runChanged told of each new callback that names a run slug, so that waiting calls
	 * re-read the run (for example {@code coreClawClient::runChanged})
	 * @throws InvalidSettingException naming {@code secret} or {@code dedupeWindow} if one is wrong
	 */
	public CoreClawCallbackReceiver(String secret, Duration dedupeWindow, ApplicationEventPublisher publisher,
			Consumer<RunSlug> runChanged) {
		this(new CallbackTokens(secret, CallbackTokens.DEFAULT_VALIDITY), dedupeWindow, DEFAULT_DEDUPE_MAX_KEYS,
				publisher, runChanged);
	}

	/**
	 * Create a receiver.
	 * @param tokens the tokens the callback path must carry: those that the client's
	 * {@code callbackToReceiver()} runs send
	 * @param dedupeWindow how long a (run, status) pair is remembered to drop repeats
	 * @param dedupeMaxKeys most (run, status) pairs remembered at once; beyond it the oldest are
	 * forgotten before their window ends
	 * @param publisher where events are published
	 * @param runChanged told of each new callback that names a run slug, so that waiting calls
	 * re-read the run (for example {@code coreClawClient::runChanged})
	 * @throws InvalidSettingException naming {@code dedupeWindow} or {@code dedupeMaxKeys} if one
	 * is wrong
	 * @since 0.1.0
	 */
	public CoreClawCallbackReceiver(CallbackTokens tokens, Duration dedupeWindow, int dedupeMaxKeys,
			ApplicationEventPublisher publisher, Consumer<RunSlug> runChanged) {
		this(tokens, dedupeWindow, dedupeMaxKeys, publisher, runChanged,
				(task) -> Schedulers.boundedElastic().schedule(task), System::nanoTime);
	}

	/**
	 * Create a receiver that publishes on the given executor and reads the given clock.
	 */
	CoreClawCallbackReceiver(CallbackTokens tokens, Duration dedupeWindow, int dedupeMaxKeys,
			ApplicationEventPublisher publisher, Consumer<RunSlug> runChanged, Executor publishing,
			LongSupplier nanoTime) {
		if (tokens == null) {
			throw new IllegalArgumentException("tokens must not be null");
		}
		this.tokens = tokens;
		if (dedupeWindow == null || dedupeWindow.isZero() || dedupeWindow.isNegative()) {
			throw new InvalidSettingException("dedupeWindow", "a positive duration",
					(dedupeWindow != null) ? "was " + CoreClawValues.formatDuration(dedupeWindow) : "is not set");
		}
		if (dedupeMaxKeys < 1) {
			throw new InvalidSettingException("dedupeMaxKeys", "at least 1", "was " + dedupeMaxKeys);
		}
		if (publisher == null || runChanged == null) {
			throw new IllegalArgumentException("publisher and runChanged must not be null");
		}
		this.publisher = publisher;
		this.runChanged = runChanged;
		this.publishing = publishing;
		this.recent = new RecentKeys(dedupeWindow, dedupeMaxKeys, nanoTime);
	}

	/**
	 * Check that a secret is fit to authenticate callbacks: at least
	 * {@value #MIN_SECRET_LENGTH} characters, all of them allowed in a URL path segment.
	 * @param secret the secret
	 * @return the secret
	 * @throws InvalidSettingException naming {@code secret}, without echoing it, if it is not
	 */
	public static String checkSecret(@Nullable String secret) {
		return CallbackTokens.checkSecret(secret);
	}

	/**
	 * Whether the token a request carries was signed with this receiver's secret and is still
	 * valid.
	 * @param given the path segment of the request, {@code null} if there was none
	 * @return whether to accept the request
	 */
	boolean accepts(@Nullable String given) {
		return this.tokens.accepts(given);
	}

	/**
	 * Take in a callback body of at most {@value #MAX_BODY_BYTES} bytes: check it, and if it is
	 * a new (run, status) pair for its token, wake the waiting calls and publish it.
	 * <p>
	 * Pairs are remembered per token, that is per callback URL: CoreClaw sends each run's
	 * callbacks to the one URL it was given, so its repeats are dropped, while a callback posted
	 * with the token of another run (one read from a log) cannot take the place of CoreClaw's.
	 * @param token the accepted token the request's path holds
	 * @param body the request body
	 * @return the reply to send
	 */
	Reply receive(String token, byte[] body) {
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
		RunCallback.Builder withRun = withRun(json);
		if (withRun == null) {
			return Reply.badRequest("the body names no run (run_slug or run_id)");
		}
		String status = text(json.get("run_status"));
		if (status == null || status.isEmpty()) {
			return Reply.badRequest("the body has no run_status");
		}
		RunCallback callback = withRun.rawStatus(status).build();
		String key = token + "|" + callback.runKey() + "|" + callback.rawStatus();
		Long claim = this.recent.claim(key);
		if (claim == null) {
			return Reply.ACCEPTED;
		}
		try {
			callback.findRunSlug().ifPresent(this.runChanged);
			this.publishing.execute(() -> publish(callback, key, claim));
		}
		catch (RuntimeException ex) {
			// Not handed off: forget the pair, so that CoreClaw's next delivery is not taken for a repeat.
			this.recent.release(key, claim);
			logger.warn("A CoreClaw callback for run " + callback.runKey() + " (" + printable(callback.rawStatus())
					+ ") could not be handed off; answered 503 so that CoreClaw sends it again", ex);
			return Reply.UNAVAILABLE;
		}
		return Reply.ACCEPTED;
	}

	private void publish(RunCallback callback, String key, Long claim) {
		try {
			this.publisher.publishEvent(new CoreClawRunCallbackEvent(this, callback));
		}
		catch (RuntimeException ex) {
			// CoreClaw has its answer already; forgetting the pair lets a later delivery of it through.
			this.recent.release(key, claim);
			logger.error("Publishing the CoreClaw callback for run " + callback.runKey() + " ("
					+ printable(callback.rawStatus()) + ") failed; it is published again only if CoreClaw sends it again", ex);
		}
	}

	/**
	 * A value of the callback body fit for a log line: control characters and line separators
	 * escaped, cut after 60 characters.
	 */
	static String printable(String value) {
		StringBuilder result = new StringBuilder(Math.min(value.length(), PRINTED_LENGTH) + 6);
		for (int i = 0; i < value.length() && i < PRINTED_LENGTH; i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				result.append(String.format("\\u%04x", (int) c));
			}
			else {
				result.append(c);
			}
		}
		return (value.length() > PRINTED_LENGTH) ? result.append("...").toString() : result.toString();
	}

	/**
	 * Read a callback but for its status: {@code null} if it names no run.
	 */
	private static RunCallback.@Nullable Builder withRun(JsonNode json) {
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
		Long count = number(json.get("result_count"));
		Long duration = number(json.get("running_duration"));
		return RunCallback.builder()
			.runSlug(runSlug)
			.runId(runId)
			.errorMessage(text(json.get("error_message")))
			.startedAt(instant(number(json.get("execution_start_timestamp"))))
			.finishedAt(instant(number(json.get("execution_end_timestamp"))))
			.runningDuration((duration != null && duration >= 0) ? Duration.ofSeconds(duration) : null)
			.resultCount((count != null && count > 0) ? count : 0)
			.resultMessage(text(json.get("result_message")));
	}

	/**
	 * A Unix-seconds timestamp, where 0 (or less) means not set.
	 */
	private static @Nullable Instant instant(@Nullable Long epochSeconds) {
		return (epochSeconds != null && epochSeconds > 0) ? Instant.ofEpochSecond(epochSeconds) : null;
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

		/** A callback that could not be handed off: 503, so that CoreClaw sends it again. */
		static final Reply UNAVAILABLE = error(HttpStatus.SERVICE_UNAVAILABLE,
				"The CoreClaw run callback could not be handed off to the application; send it again");

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
