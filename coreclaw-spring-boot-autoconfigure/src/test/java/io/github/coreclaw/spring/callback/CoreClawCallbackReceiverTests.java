/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.coreclaw.spring.client.InvalidSettingException;
import io.github.coreclaw.spring.client.RunSlug;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of {@link CoreClawCallbackReceiver} itself: its checks of its settings and where it
 * publishes.
 */
class CoreClawCallbackReceiverTests {

	private static final String SECRET = CallbackReceiverContractTests.SECRET;

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
	void eventsArePublishedOffTheRequestThread() throws Exception {
		CompletableFuture<Thread> publishedOn = new CompletableFuture<>();
		CoreClawCallbackReceiver receiver = new CoreClawCallbackReceiver(SECRET, Duration.ofMinutes(1),
				(event) -> publishedOn.complete(Thread.currentThread()), (run) -> {
				});
		assertThat(receiver.receive(CallbackReceiverContractTests.SUCCEEDED.getBytes(StandardCharsets.UTF_8)))
			.isSameAs(CoreClawCallbackReceiver.Reply.ACCEPTED);
		assertThat(publishedOn.get(5, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
	}

	@Test
	void aFailingListenerDoesNotFailTheCallback() {
		StringBuilder woken = new StringBuilder();
		CoreClawCallbackReceiver receiver = new CoreClawCallbackReceiver(SECRET, Duration.ofMinutes(1), (event) -> {
			throw new IllegalStateException("listener broke");
		}, (RunSlug run) -> woken.append(run.value()), Runnable::run, System::nanoTime);
		assertThat(receiver.receive(CallbackReceiverContractTests.SUCCEEDED.getBytes(StandardCharsets.UTF_8)))
			.isSameAs(CoreClawCallbackReceiver.Reply.ACCEPTED);
		assertThat(woken).hasToString("01KKDXV2G26BT7NH4ZQR2R4NPZ");
	}

	@Test
	void secretIsComparedWhole() {
		CoreClawCallbackReceiver receiver = new CoreClawCallbackReceiver(SECRET, Duration.ofMinutes(1), (event) -> {
		}, (run) -> {
		});
		assertThat(receiver.isSecret(SECRET)).isTrue();
		assertThat(receiver.isSecret(SECRET + "x")).isFalse();
		assertThat(receiver.isSecret(SECRET.substring(1))).isFalse();
		assertThat(receiver.isSecret("")).isFalse();
		assertThat(receiver.isSecret(null)).isFalse();
	}

}
