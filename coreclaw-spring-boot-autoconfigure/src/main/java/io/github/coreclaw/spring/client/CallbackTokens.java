/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Tokens that authenticate CoreClaw's callbacks without the callback secret ever leaving the
 * application: each run's callback URL carries a fresh token signed with the secret, which the
 * receiver checks and accepts until it is older than the validity (and from at most
 * {@link #MAX_CLOCK_SKEW} before it was minted, for instances whose clocks differ a little).
 * <p>
 * CoreClaw signs nothing and sends no header of ours, so whatever authenticates a callback has to
 * be in its URL, where the web server's and Spring's request logging at DEBUG, access logs and
 * CoreClaw's own records of the run may show it. A token shown there lets its reader
 * post callbacks until it expires, but it does not give away the secret, so it lets nobody mint
 * tokens of their own, and a token of a run that ended long ago is refused.
 * <p>
 * A token reads {@code <issued>.<nonce>.<signature>}: the second it was minted (base 36), 12
 * random bytes and the first 16 bytes of the HMAC-SHA256 of both with the secret, both
 * base64url without padding; about 46 characters, all of them allowed in a URL path segment.
 * Instances that share the secret accept each other's tokens.
 *
 * @since 0.1.0
 */
public final class CallbackTokens {

	/** Fewest characters of a secret. */
	public static final int MIN_SECRET_LENGTH = 16;

	/** How long a token is accepted unless told otherwise. */
	public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);

	/** Longest validity. */
	public static final Duration MAX_VALIDITY = Duration.ofDays(365);

	/** How far ahead of this instance's clock the minting instance's clock may be. */
	public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

	private static final String ALGORITHM = "HmacSHA256";

	private static final int NONCE_BYTES = 12;

	private static final int SIGNATURE_BYTES = 16;

	private static final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

	private static final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	private final Duration validity;

	private final Clock clock;

	/**
	 * Create tokens signed with a secret.
	 * @param secret the callback secret (see {@link #checkSecret})
	 * @param validity how long a token is accepted after it was minted
	 * @throws InvalidSettingException naming {@code secret} or {@code tokenValidity} if one is
	 * wrong, without echoing the secret
	 */
	public CallbackTokens(String secret, Duration validity) {
		this(secret, validity, Clock.systemUTC());
	}

	CallbackTokens(String secret, Duration validity, Clock clock) {
		this.key = new SecretKeySpec(checkSecret(secret).getBytes(StandardCharsets.UTF_8), ALGORITHM);
		if (validity == null || validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
			throw new InvalidSettingException("tokenValidity", "between one minute and 365 days",
					(validity != null) ? "was " + CoreClawValues.formatDuration(validity) : "is not set");
		}
		this.validity = validity;
		this.clock = clock;
		// Fail now, not at the first run, on a JVM without HMAC-SHA256.
		mac();
	}

	/**
	 * Check that a secret is fit to sign callback tokens: at least {@value #MIN_SECRET_LENGTH}
	 * characters, all of them letters, digits, {@code _}, {@code ~}, {@code .} or {@code -}.
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
		if (!CoreClawValues.isSlug(secret)) {
			throw new InvalidSettingException("secret", requirement,
					"it has characters that do not belong in a URL path segment");
		}
		return secret;
	}

	/**
	 * A new token, different at each call: a token is valid for any run, so a callback's values
	 * are only as trustworthy as the places its URL was seen.
	 * @return the token
	 */
	public String mint() {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		String signed = Long.toString(this.clock.instant().getEpochSecond(), 36) + "." + encoder.encodeToString(nonce);
		return signed + "." + encoder.encodeToString(sign(signed));
	}

	/**
	 * Whether a token was minted with this secret and is still valid; the signature is compared
	 * in constant time.
	 * @param token the token a request carries, {@code null} if it carries none
	 * @return whether to accept it
	 */
	public boolean accepts(@Nullable String token) {
		if (token == null || token.length() > 100) {
			return false;
		}
		int last = token.lastIndexOf('.');
		int first = token.indexOf('.');
		if (first <= 0 || last == first) {
			return false;
		}
		long issued;
		try {
			issued = Long.parseLong(token.substring(0, first), 36);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		// The text of the signature, not its decoded bytes: a token has one spelling only.
		byte[] expected = encoder.encodeToString(sign(token.substring(0, last))).getBytes(StandardCharsets.UTF_8);
		boolean signed = MessageDigest.isEqual(expected, token.substring(last + 1).getBytes(StandardCharsets.UTF_8));
		long now = this.clock.instant().getEpochSecond();
		// An instance whose clock is a little ahead may have minted it: up to MAX_CLOCK_SKEW.
		return signed && issued >= now - this.validity.getSeconds() && issued <= now + MAX_CLOCK_SKEW.getSeconds();
	}

	/**
	 * How long a token is accepted after it was minted.
	 * @return the validity
	 */
	public Duration validity() {
		return this.validity;
	}

	private byte[] sign(String value) {
		return Arrays.copyOf(mac().doFinal(value.getBytes(StandardCharsets.UTF_8)), SIGNATURE_BYTES);
	}

	private Mac mac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is not available on this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "CallbackTokens[validity=" + CoreClawValues.formatDuration(this.validity) + "]";
	}

}
