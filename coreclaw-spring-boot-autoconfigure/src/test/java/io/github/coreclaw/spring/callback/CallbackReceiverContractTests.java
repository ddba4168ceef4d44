/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.coreclaw.spring.client.CallbackTokens;
import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the callback receiver answers and publishes, whatever the web stack: each subclass
 * posts through one adapter of {@link CoreClawCallbackReceiver}.
 */
public abstract class CallbackReceiverContractTests {

	/** A valid secret. */
	public static final String SECRET = "0123456789abcdef-secret";

	/** The tokens of the receiver under test, signed with {@link #SECRET}. */
	public static final CallbackTokens TOKENS = new CallbackTokens(SECRET, CallbackTokens.DEFAULT_VALIDITY);

	/** A token the receiver under test accepts. */
	public static final String TOKEN = TOKENS.mint();

	/** The payload CoreClaw posts when a run succeeded. */
	public static final String SUCCEEDED = """
			{"error_message":"","execution_end_timestamp":1782091210,"execution_start_timestamp":1782091200,
			"result_count":1,"result_message":"done","run_slug":"01KKDXV2G26BT7NH4ZQR2R4NPZ","run_status":"succeeded",
			"running_duration":10}""";

	private static final String PATH = "/coreclaw/callback/";

	private final List<CoreClawRunCallbackEvent> events = new CopyOnWriteArrayList<>();

	private final List<RunSlug> changed = new CopyOnWriteArrayList<>();

	private final AtomicLong nanoTime = new AtomicLong();

	private final AtomicBoolean refuseNextHandOff = new AtomicBoolean();

	private final CoreClawCallbackReceiver receiver = new CoreClawCallbackReceiver(TOKENS, Duration.ofMinutes(10),
			CoreClawCallbackReceiver.DEFAULT_DEDUPE_MAX_KEYS,
			(event) -> this.events.add((CoreClawRunCallbackEvent) event), this.changed::add, (task) -> {
				if (this.refuseNextHandOff.getAndSet(false)) {
					throw new RejectedExecutionException("the publishing scheduler is full");
				}
				task.run();
			}, this.nanoTime::get);

	/**
	 * Post a body to the receiver through the adapter under test, routed at
	 * {@code POST /coreclaw/callback/{secret}}.
	 * @param receiver the receiver
	 * @param path the request path
	 * @param body the body
	 * @param announceLength whether the request has a Content-Length header; if not, the body
	 * arrives in parts of unknown total length
	 * @return the answer
	 */
	protected abstract Answer post(CoreClawCallbackReceiver receiver, String path, String body, boolean announceLength);

	@Test
	void validCallbackIsAnsweredWakesItsRunAndIsPublished() {
		assertThat(post(TOKEN, SUCCEEDED)).isEqualTo(new Answer(204, null, ""));
		assertThat(this.changed).containsExactly(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"));
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.getSource()).isSameAs(this.receiver);
			assertThat(event.getCallback()).isEqualTo(RunCallback.builder()
				.runSlug(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"))
				.status(RunStatus.SUCCEEDED)
				.startedAt(Instant.ofEpochSecond(1782091200))
				.finishedAt(Instant.ofEpochSecond(1782091210))
				.runningDuration(Duration.ofSeconds(10))
				.resultCount(1)
				.resultMessage("done")
				.build());
			assertThat(event.getCallback().findRunSlug()).contains(new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ"));
		});
	}

	@Test
	void aCallbackPostedWithAnotherRunsTokenDoesNotTakeThePlaceOfCoreClawsOwn() {
		// Someone who read another run's callback URL in a log posts this run's end first.
		String anotherRunsToken = TOKENS.mint();
		assertThat(post(anotherRunsToken, SUCCEEDED.replace("\"result_count\":1", "\"result_count\":0")).status())
			.isEqualTo(204);
		assertThat(post(TOKEN, SUCCEEDED).status()).isEqualTo(204);
		assertThat(this.events).hasSize(2);
		assertThat(this.events.get(1).getCallback().resultCount()).isOne();
		// CoreClaw's repeat of its own callback is dropped as before.
		assertThat(post(TOKEN, SUCCEEDED).status()).isEqualTo(204);
		assertThat(this.events).hasSize(2);
	}

	@Test
	void theSecretItselfIsNotATokenAndPublishesNothing() {
		assertThat(post(SECRET, SUCCEEDED).status()).isEqualTo(404);
		assertNothingPublished();
	}

	@Test
	void callbackWithOnlyTheOlderRunIdHasNoRunSlugAndWakesNothing() {
		assertThat(post(TOKEN, "{\"run_id\":123456,\"run_status\":\"failed\",\"error_message\":\"blocked\"}").status())
			.isEqualTo(204);
		assertThat(this.events).singleElement().satisfies((event) -> {
			RunCallback callback = event.getCallback();
			assertThat(callback.runSlug()).isNull();
			assertThat(callback.findRunSlug()).isEmpty();
			assertThat(callback.runId()).isEqualTo(123456L);
			assertThat(callback.runKey()).isEqualTo("id:123456");
			assertThat(callback.status()).isEqualTo(RunStatus.FAILED);
			assertThat(callback.errorMessage()).isEqualTo("blocked");
		});
		assertThat(this.changed).isEmpty();
	}

	@Test
	void wrongOrMissingTokenIsNotFoundAndPublishesNothing() {
		String otherSecretsToken = new CallbackTokens("0123456789abcdef-secreT", CallbackTokens.DEFAULT_VALIDITY).mint();
		assertThat(post(otherSecretsToken, SUCCEEDED).status()).isEqualTo(404);
		String signature = TOKEN.substring(TOKEN.lastIndexOf('.') + 1);
		String otherNonce = TOKEN.substring(0, TOKEN.indexOf('.')) + ".AAAAAAAAAAAAAAAA." + signature;
		assertThat(post(otherNonce, SUCCEEDED).status()).isEqualTo(404);
		assertThat(post(TOKEN.substring(0, TOKEN.length() - 1), SUCCEEDED).status()).isEqualTo(404);
		assertThat(post("short", SUCCEEDED).status()).isEqualTo(404);
		assertThat(post(this.receiver, PATH, SUCCEEDED, true).status()).isEqualTo(404);
		assertNothingPublished();
	}

	@Test
	void repeatsWithinTheWindowAreAcknowledgedButNotPublished() {
		assertThat(post(TOKEN, SUCCEEDED).status()).isEqualTo(204);
		this.nanoTime.addAndGet(Duration.ofMinutes(10).toNanos() - 1);
		assertThat(post(TOKEN, SUCCEEDED).status()).isEqualTo(204);
		assertThat(post(TOKEN, SUCCEEDED.replace("\"succeeded\"", "\"running\"")).status()).isEqualTo(204);
		assertThat(this.events).extracting((event) -> event.getCallback().status())
			.containsExactly(RunStatus.SUCCEEDED, RunStatus.RUNNING);
		assertThat(this.changed).hasSize(2);
	}

	@Test
	void repeatsAfterTheWindowArePublishedAgain() {
		assertThat(post(TOKEN, SUCCEEDED).status()).isEqualTo(204);
		this.nanoTime.addAndGet(Duration.ofMinutes(10).toNanos());
		assertThat(post(TOKEN, SUCCEEDED).status()).isEqualTo(204);
		assertThat(this.events).hasSize(2);
		assertThat(this.changed).hasSize(2);
	}

	@Test
	void callbackWhoseHandOffFailsIsAnswered503AndItsRedeliveryIsHandedOffAgain() {
		this.refuseNextHandOff.set(true);
		assertThat(post(TOKEN, SUCCEEDED)).isEqualTo(new Answer(503, "application/json",
				"{\"error\":\"The CoreClaw run callback could not be handed off to the application; send it again\"}"));
		assertThat(this.events).isEmpty();
		assertThat(post(TOKEN, SUCCEEDED)).isEqualTo(new Answer(204, null, ""));
		assertThat(post(TOKEN, SUCCEEDED)).isEqualTo(new Answer(204, null, ""));
		assertThat(this.events).singleElement()
			.satisfies((event) -> assertThat(event.getCallback().status()).isEqualTo(RunStatus.SUCCEEDED));
		// Waking the waiting calls is harmless to repeat: it was done before the hand-off failed, and again.
		assertThat(this.changed).hasSize(2);
	}

	@Test
	void payloadWithoutRunOrStatusIsABadRequest() {
		assertThat(post(TOKEN, "{\"run_status\":\"succeeded\"}")).isEqualTo(badRequest(
				"the body names no run (run_slug or run_id)"));
		assertThat(post(TOKEN, "{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"}"))
			.isEqualTo(badRequest("the body has no run_status"));
		assertThat(post(TOKEN, "{\"run_slug\":\"../../etc\",\"run_status\":\"succeeded\"}"))
			.isEqualTo(badRequest("the body names no run (run_slug or run_id)"));
		assertNothingPublished();
	}

	@Test
	void malformedJsonIsABadRequest() {
		assertThat(post(TOKEN, "{\"run_slug\":")).isEqualTo(badRequest("the body is not JSON"));
		assertThat(post(TOKEN, "[1,2]")).isEqualTo(badRequest("the body is not a JSON object"));
		assertThat(post(TOKEN, "").status()).isEqualTo(400);
		assertNothingPublished();
	}

	@Test
	void oversizeBodiesAreRefusedWithOrWithoutContentLength() {
		String oversize = padded(CoreClawCallbackReceiver.MAX_BODY_BYTES + 1);
		Answer tooLarge = new Answer(413, "application/json",
				"{\"error\":\"CoreClaw run callbacks are at most 65536 bytes\"}");
		assertThat(post(this.receiver, PATH + TOKEN, oversize, true)).isEqualTo(tooLarge);
		assertThat(post(this.receiver, PATH + TOKEN, oversize, false)).isEqualTo(tooLarge);
		assertNothingPublished();
	}

	@Test
	void bodyOfExactlyTheLimitIsAccepted() {
		String fits = padded(CoreClawCallbackReceiver.MAX_BODY_BYTES);
		assertThat(post(this.receiver, PATH + TOKEN, fits, false).status()).isEqualTo(204);
		assertThat(this.events).hasSize(1);
	}

	private Answer post(String secret, String body) {
		return post(this.receiver, PATH + secret, body, true);
	}

	/**
	 * A valid callback padded to the given length in bytes.
	 */
	private static String padded(int length) {
		String start = "{\"run_slug\":\"r1\",\"run_status\":\"succeeded\",\"pad\":\"";
		return start + "x".repeat(length - start.length() - 2) + "\"}";
	}

	private static Answer badRequest(String reason) {
		return new Answer(400, "application/json", "{\"error\":\"Not a CoreClaw run callback: " + reason + "\"}");
	}

	private void assertNothingPublished() {
		// Publishing runs on the calling thread in these tests, so nothing can arrive later.
		assertThat(this.events).isEmpty();
		assertThat(this.changed).isEmpty();
	}

	/**
	 * What the receiver answered.
	 *
	 * @param status the HTTP status
	 * @param contentType the content type without parameters, {@code null} if none
	 * @param body the body as text
	 */
	protected record Answer(int status, @Nullable String contentType, String body) {

	}

}
