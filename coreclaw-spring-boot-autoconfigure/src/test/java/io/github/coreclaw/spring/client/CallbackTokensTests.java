/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The callback tokens: signed with the secret, never holding it, each one different, refused
 * once older than the validity.
 */
class CallbackTokensTests {

	private static final String SECRET = "0123456789abcdef-secret";

	private static final Instant MINTED = Instant.parse("2026-12-07T10:00:00Z");

	private final CallbackTokens tokens = at(MINTED, Duration.ofDays(7));

	@Test
	void aTokenIsAcceptedAndHoldsNeitherTheSecretNorAnythingAPathSegmentCannotHold() {
		String token = this.tokens.mint();
		assertThat(this.tokens.accepts(token)).isTrue();
		assertThat(token).doesNotContain(SECRET)
			.matches("[a-z0-9]+\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{22}")
			.startsWith(Long.toString(MINTED.getEpochSecond(), 36) + ".");
		assertThat(CoreClawValues.isSlug(token)).isTrue();
	}

	@Test
	void everyTokenIsDifferent() {
		Set<String> minted = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			minted.add(this.tokens.mint());
		}
		assertThat(minted).hasSize(1000);
	}

	@Test
	void instancesSharingTheSecretAcceptEachOthersTokens() {
		assertThat(at(MINTED.plusSeconds(30), Duration.ofDays(7)).accepts(this.tokens.mint())).isTrue();
	}

	@Test
	void aTokenOfAnotherSecretTheSecretItselfOrAChangedTokenIsRefused() {
		String token = this.tokens.mint();
		CallbackTokens other = new CallbackTokens("0123456789abcdef-secreT", Duration.ofDays(7),
				Clock.fixed(MINTED, ZoneOffset.UTC));
		assertThat(other.accepts(token)).isFalse();
		assertThat(this.tokens.accepts(SECRET)).isFalse();
		String[] parts = token.split("\\.");
		// A later issue time with the same signature: the signature covers the time.
		String later = Long.toString(MINTED.getEpochSecond() + 1, 36) + "." + parts[1] + "." + parts[2];
		assertThat(this.tokens.accepts(later)).isFalse();
		assertThat(this.tokens.accepts(parts[0] + "." + parts[1] + "." + parts[2].substring(1))).isFalse();
		// Other spellings of the same signature bytes: padding, or the unused low bits of the last character.
		assertThat(this.tokens.accepts(token + "=")).isFalse();
		assertThat(this.tokens.accepts(token + "==")).isFalse();
		char last = token.charAt(token.length() - 1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		// 16 bytes are 22 characters: the last holds 2 bits of signature and 4 unused ones.
		char sameBits = alphabet.charAt(alphabet.indexOf(last) ^ 1);
		assertThat(this.tokens.accepts(token.substring(0, token.length() - 1) + sameBits)).isFalse();
		assertThat(this.tokens.accepts(parts[0] + "." + parts[2])).isFalse();
		assertThat(this.tokens.accepts(token + "." + parts[2])).isFalse();
		assertThat(this.tokens.accepts("-1." + parts[1] + "." + parts[2])).isFalse();
		assertThat(this.tokens.accepts("..")).isFalse();
		assertThat(this.tokens.accepts("")).isFalse();
		assertThat(this.tokens.accepts(null)).isFalse();
	}

	@Test
	void aTokenIsAcceptedUntilItIsOlderThanTheValidity() {
		String token = this.tokens.mint();
		assertThat(at(MINTED.plus(Duration.ofDays(7)), Duration.ofDays(7)).accepts(token)).isTrue();
		assertThat(at(MINTED.plus(Duration.ofDays(7)).plusSeconds(1), Duration.ofDays(7)).accepts(token)).isFalse();
		assertThat(at(MINTED.plus(Duration.ofDays(7)).plusSeconds(1), Duration.ofDays(8)).accepts(token)).isTrue();
		// Minted by an instance whose clock is ahead: accepted up to five minutes before it was minted.
		assertThat(at(MINTED.minus(Duration.ofMinutes(5)), Duration.ofDays(7)).accepts(token)).isTrue();
		assertThat(at(MINTED.minus(Duration.ofMinutes(5)).minusSeconds(1), Duration.ofDays(7)).accepts(token)).isFalse();
	}

	@Test
	void badSecretsAndValiditiesAreRefusedByName() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new CallbackTokens("short-secret", Duration.ofDays(7)))
			.withMessage("secret must be at least 16 letters, digits, '_', '~', '.' or '-' (for example the output of "
					+ "'openssl rand -hex 24') but it has only 12 characters");
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new CallbackTokens(SECRET, Duration.ofSeconds(59)))
			.withMessage("tokenValidity must be between one minute and 365 days but was 59s")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("tokenValidity"));
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new CallbackTokens(SECRET, Duration.ofDays(366)))
			.withMessage("tokenValidity must be between one minute and 365 days but was 366d");
		assertThat(new CallbackTokens(SECRET, Duration.ofDays(365)).validity()).isEqualTo(Duration.ofDays(365));
	}

	@Test
	void toStringShowsTheValidityOnly() {
		assertThat(this.tokens).hasToString("CallbackTokens[validity=7d]");
	}

	private static CallbackTokens at(Instant now, Duration validity) {
		return new CallbackTokens(SECRET, validity, Clock.fixed(now, ZoneOffset.UTC));
	}

}
