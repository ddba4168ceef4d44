/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver.Reply;
import io.github.coreclaw.spring.client.InvalidSettingException;
import io.github.coreclaw.spring.client.RunSlug;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of {@link CoreClawCallbackReceiver} itself: its checks of its settings, where it
 * publishes, and which repeats it drops within its dedupe window and bound.
 */
@ExtendWith(OutputOnFailure.class)
@ExtendWith(OutputCaptureExtension.class)
class CoreClawCallbackReceiverTests {

	private static final String SECRET = CallbackReceiverContractTests.SECRET;

	private final AtomicLong nanoTime = new AtomicLong();

	@Test
	void secretMustBeLongAndFitForAPathSegmentAndIsNeverEchoed() {
		assertThat(CoreClawCallbackReceiver.checkSecret(SECRET)).isEqualTo(SECRET);
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(() -> CoreClawCallbackReceiver.checkSecret(null))
			.withMessage("secret must be at least 16 letters, digits, '_', '~', '.' or '-' (for example the output of "
					+ "'openssl rand -hex 24') but is not set")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("secret"));
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> CoreClawCallbackReceiver.checkSecret("s3cr3t-tooshort"))
			.withMessageEndingWith("but it has only 15 characters")
			.withMessageNotContaining("s3cr3t");
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> CoreClawCallbackReceiver.checkSecret("s3cr3t/0123456789abcdef"))
			.withMessageEndingWith("but it has characters that do not belong in a URL path segment")
			.withMessageNotContaining("s3cr3t");
	}

	@Test
	void dedupeWindowMustBePositive() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new CoreClawCallbackReceiver(SECRET, Duration.ZERO, (event) -> {
			}, (run) -> {
			}))
			.withMessage("dedupeWindow must be a positive duration but was 0ms")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("dedupeWindow"));
	}

	@Test
	void dedupeMaxKeysMustBePositive() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new CoreClawCallbackReceiver(CallbackReceiverContractTests.TOKENS, Duration.ofMinutes(1), 0, (event) -> {
			}, (run) -> {
			}))
			.withMessage("dedupeMaxKeys must be at least 1 but was 0")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("dedupeMaxKeys"));
	}

	@Test
	void eventsArePublishedOffTheRequestThread() throws Exception {
		CompletableFuture<Thread> publishedOn = new CompletableFuture<>();
		CoreClawCallbackReceiver receiver = new CoreClawCallbackReceiver(SECRET, Duration.ofMinutes(1),
				(event) -> publishedOn.complete(Thread.currentThread()), (run) -> {
				});
		assertThat(receiver.receive(CallbackReceiverContractTests.TOKEN, CallbackReceiverContractTests.SUCCEEDED.getBytes(StandardCharsets.UTF_8)))
			.isSameAs(CoreClawCallbackReceiver.Reply.ACCEPTED);
		assertThat(publishedOn.get(5, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
	}

	@Test
	void aFailingListenerDoesNotFailTheCallback() {
		StringBuilder woken = new StringBuilder();
		CoreClawCallbackReceiver receiver = new CoreClawCallbackReceiver(CallbackReceiverContractTests.TOKENS, Duration.ofMinutes(1),
				CoreClawCallbackReceiver.DEFAULT_DEDUPE_MAX_KEYS, (event) -> {
					throw new IllegalStateException("listener broke");
				}, (RunSlug run) -> woken.append(run.value()), Runnable::run, System::nanoTime);
		assertThat(receiver.receive(CallbackReceiverContractTests.TOKEN, CallbackReceiverContractTests.SUCCEEDED.getBytes(StandardCharsets.UTF_8)))
			.isSameAs(CoreClawCallbackReceiver.Reply.ACCEPTED);
		assertThat(woken).hasToString("01KKDXV2G26BT7NH4ZQR2R4NPZ");
	}

	@Test
	void aChangeWhosePublishingThrewIsPublishedAgainWhenCoreClawSendsItAgain() {
		AtomicInteger deliveries = new AtomicInteger();
		List<RunCallback> received = new ArrayList<>();
		CoreClawCallbackReceiver receiver = receiver(Duration.ofMinutes(10), 100, (event) -> {
			if (deliveries.incrementAndGet() == 1) {
				throw new IllegalStateException("listener broke");
			}
			received.add(((CoreClawRunCallbackEvent) event).getCallback());
		});
		assertThat(receive(receiver, "01KKDXV2G26BT7NH4ZQR2R4NPZ", "succeeded")).isSameAs(Reply.ACCEPTED);
		assertThat(receive(receiver, "01KKDXV2G26BT7NH4ZQR2R4NPZ", "succeeded")).isSameAs(Reply.ACCEPTED);
		assertThat(receive(receiver, "01KKDXV2G26BT7NH4ZQR2R4NPZ", "succeeded")).isSameAs(Reply.ACCEPTED);
		assertThat(deliveries).hasValue(2);
		assertThat(received).extracting(RunCallback::runKey).containsExactly("01KKDXV2G26BT7NH4ZQR2R4NPZ");
	}

	@Test
	void everyPairWithinTheWindowIsRememberedUpToTheBound() {
		// 3,400 runs in three statuses each: 10,200 pairs, fewer than the default bound.
		List<RunCallback> published = new ArrayList<>();
		CoreClawCallbackReceiver receiver = receiver(Duration.ofMinutes(10),
				CoreClawCallbackReceiver.DEFAULT_DEDUPE_MAX_KEYS,
				(event) -> published.add(((CoreClawRunCallbackEvent) event).getCallback()));
		List<String> statuses = List.of("running", "succeeded", "failed");
		for (String status : statuses) {
			for (int run = 0; run < 3400; run++) {
				assertThat(receive(receiver, slug(run), status)).isSameAs(Reply.ACCEPTED);
			}
		}
		assertThat(published.size()).isEqualTo(10_200);
		this.nanoTime.addAndGet(Duration.ofMinutes(10).toNanos() - 1);
		for (String status : statuses) {
			for (int run = 0; run < 3400; run++) {
				assertThat(receive(receiver, slug(run), status)).isSameAs(Reply.ACCEPTED);
			}
		}
		assertThat(published.size()).isEqualTo(10_200);
		assertThat(published.get(0).runKey()).isEqualTo(slug(0));
		assertThat(published.get(10_199).runKey()).isEqualTo(slug(3399));
	}

	@Test
	void pairsAreForgottenWhenTheirWindowEnds() {
		List<String> published = new ArrayList<>();
		CoreClawCallbackReceiver receiver = receiver(Duration.ofMinutes(10), 100,
				(event) -> published.add(((CoreClawRunCallbackEvent) event).getCallback().runKey()));
		receive(receiver, slug(1), "running");
		receive(receiver, slug(2), "running");
		this.nanoTime.addAndGet(Duration.ofMinutes(5).toNanos());
		receive(receiver, slug(3), "running");
		this.nanoTime.addAndGet(Duration.ofMinutes(5).toNanos());
		receive(receiver, slug(1), "running");
		receive(receiver, slug(2), "running");
		receive(receiver, slug(3), "running");
		assertThat(published).containsExactly(slug(1), slug(2), slug(3), slug(1), slug(2));
	}

	@Test
	void beyondTheBoundTheOldestPairsAreForgottenFirstAndThatIsLoggedOnce(CapturedOutput output) {
		List<String> published = new ArrayList<>();
		CoreClawCallbackReceiver receiver = receiver(Duration.ofMinutes(10), 3,
				(event) -> published.add(((CoreClawRunCallbackEvent) event).getCallback().runKey()));
		for (int run = 1; run <= 4; run++) {
			receive(receiver, slug(run), "running");
		}
		// Run 1 was forgotten to make room for run 4; taking it in again forgets run 2, and no other.
		for (int run : new int[] { 4, 3, 1, 4, 3 }) {
			receive(receiver, slug(run), "running");
		}
		assertThat(published).containsExactly(slug(1), slug(2), slug(3), slug(4), slug(1));
		assertThat(output).containsOnlyOnce("More than 3 CoreClaw run callbacks (run and status pairs) arrived within "
				+ "the dedupe window of 10m: the oldest are forgotten before their window ends, so a repeat of one "
				+ "of them is published again. Raise coreclaw.callback.dedupe-max-keys to remember more (logged "
				+ "once).");
	}

	@Test
	void aStatusWithALineBreakCannotForgeALogLine(CapturedOutput output) {
		CoreClawCallbackReceiver receiver = receiver(Duration.ofMinutes(10), 100, (event) -> {
			throw new IllegalStateException("listener broke");
		});
		assertThat(receive(receiver, "01KKDXV2G26BT7NH4ZQR2R4NPZ", "failed\\n2026-01-01 ERROR forged"))
			.isSameAs(Reply.ACCEPTED);
		assertThat(output).contains("Publishing the CoreClaw callback for run 01KKDXV2G26BT7NH4ZQR2R4NPZ "
				+ "(failed\\u000a2026-01-01 ERROR forged) failed")
			.doesNotContain("\n2026-01-01 ERROR forged");
	}

	@Test
	void aReceiverMadeWithTheSecretAcceptsTokensSignedWithItButNotTheSecret() {
		CoreClawCallbackReceiver receiver = new CoreClawCallbackReceiver(SECRET, Duration.ofMinutes(1), (event) -> {
		}, (run) -> {
		});
		assertThat(receiver.accepts(CallbackReceiverContractTests.TOKENS.mint())).isTrue();
		assertThat(receiver.accepts(SECRET)).isFalse();
		assertThat(receiver.accepts("")).isFalse();
		assertThat(receiver.accepts(null)).isFalse();
	}

	private CoreClawCallbackReceiver receiver(Duration dedupeWindow, int dedupeMaxKeys,
			ApplicationEventPublisher publisher) {
		return new CoreClawCallbackReceiver(CallbackReceiverContractTests.TOKENS, dedupeWindow, dedupeMaxKeys, publisher, (run) -> {
		}, Runnable::run, this.nanoTime::get);
	}

	private static Reply receive(CoreClawCallbackReceiver receiver, String runSlug, String status) {
		String body = "{\"run_slug\":\"" + runSlug + "\",\"run_status\":\"" + status + "\"}";
		return receiver.receive(CallbackReceiverContractTests.TOKEN, body.getBytes(StandardCharsets.UTF_8));
	}

	private static String slug(int run) {
		return String.format("01RUN%021d", run);
	}

}
