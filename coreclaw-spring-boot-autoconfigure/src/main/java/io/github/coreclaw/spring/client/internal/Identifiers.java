/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Checks of arguments (identifiers, URLs, durations) before they are put into a request.
 * <p>
 * Slugs are checked character by character (no regular expression), so a check costs
 * one pass over the value whatever its content.
 */
public final class Identifiers {

	private static final int EXCERPT_LENGTH = 60;

	private Identifiers() {
	}

	/**
	 * Check that a value is a CoreClaw slug: one or more of {@code [A-Za-z0-9_~.-]}, and
	 * neither {@code .} nor {@code ..}.
	 * @param name the argument name used in the error message
	 * @param value the value to check
	 * @return the value
	 * @throws IllegalArgumentException naming the argument if the value is not a slug
	 */
	public static String checkSlug(String name, @Nullable String value) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		if (value.equals(".") || value.equals("..")) {
			throw new IllegalArgumentException(name + " must not be \"" + value + "\"");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!isSlugCharacter(c)) {
				String hint = (c == '/') ? "; write an owner/name path as owner~name" : "";
				throw new IllegalArgumentException(name + " must contain only letters, digits, '_', '~', '.' and '-' but "
						+ quote(value) + " has " + describe(c) + " at index " + i + hint);
			}
		}
		return value;
	}

	/**
	 * Check that a value is a single word: not blank, without whitespace or control characters
	 * (a Worker version, a language code).
	 * @param name the argument name used in the error message
	 * @param value the value to check
	 * @return the value
	 * @throws IllegalArgumentException naming the argument if the value is not a single word
	 */
	public static String checkToken(String name, @Nullable String value) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				throw new IllegalArgumentException(name + " must be a single word but " + quote(value) + " has "
						+ describe(c) + " at index " + i);
			}
		}
		return value;
	}

	/**
	 * Check that a URL is an absolute {@code http} or {@code https} URL with a host.
	 * @param name the argument name used in the error message
	 * @param url the URL to check
	 * @return the URL
	 * @throws IllegalArgumentException naming the argument if the URL is not absolute http(s)
	 */
	public static URI checkCallbackUrl(String name, URI url) {
		String problem = absoluteHttpProblem(url);
		if (problem != null) {
			throw new IllegalArgumentException(name + " must be an absolute http or https URL with a host but " + problem);
		}
		return url;
	}

	/**
	 * Say why a URL is not an absolute {@code http} or {@code https} URL with a host, without
	 * echoing the URL (it may hold a secret).
	 * @param url the URL to check
	 * @return {@code null} if it is one, otherwise the reason, such as {@code it is relative}
	 */
	public static @Nullable String absoluteHttpProblem(URI url) {
		if (isAbsoluteHttp(url)) {
			return null;
		}
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : null;
		return (scheme == null) ? "it is relative"
				: (!"http".equals(scheme) && !"https".equals(scheme)) ? "its scheme is " + quote(scheme) : "it has no host";
	}

	/**
	 * Whether a URL is an absolute {@code http} or {@code https} URL with a host.
	 * @param url the URL, may be {@code null}
	 * @return whether it is
	 */
	public static boolean isAbsoluteHttp(@Nullable URI url) {
		if (url == null || !url.isAbsolute() || url.getHost() == null) {
			return false;
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		return scheme.equals("http") || scheme.equals("https");
	}

	/**
	 * Whether a URL holds the API key, plainly or percent-encoded.
	 * @param url the URL
	 * @param apiKey the API key
	 * @return whether the key appears in it
	 */
	public static boolean containsApiKey(URI url, String apiKey) {
		String text = url.toString();
		return text.contains(apiKey) || text.contains(URLEncoder.encode(apiKey, StandardCharsets.UTF_8))
				|| url.getSchemeSpecificPart().contains(apiKey);
	}

	/**
	 * Whether a value is a CoreClaw slug (see {@link #checkSlug}).
	 * @param value the value
	 * @return whether it is
	 */
	public static boolean isSlug(String value) {
		if (value.isBlank() || value.equals(".") || value.equals("..")) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isSlugCharacter(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Check that a duration is positive.
	 * @param name the argument name used in the error message
	 * @param value the duration
	 * @return the duration
	 * @throws IllegalArgumentException naming the argument if it is {@code null}, zero or negative
	 */
	public static Duration checkPositive(String name, @Nullable Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive but was " + value);
		}
		return value;
	}

	/**
	 * Quote a value for an error message, cutting it short and escaping control characters.
	 * @param value the value
	 * @return the value between double quotes
	 */
	public static String quote(String value) {
		return '"' + escape(value, EXCERPT_LENGTH) + '"';
	}

	/**
	 * Escape a value for a message or a log line, cutting it short: control characters and line
	 * or paragraph separators are written as a backslash, {@code u} and four hex digits, so that
	 * the value cannot start a line of its own.
	 * @param value the value
	 * @param maxLength the most characters of the value kept; {@code ...} stands for the rest
	 * @return the escaped value, without quotes
	 */
	public static String escape(String value, int maxLength) {
		StringBuilder result = new StringBuilder(Math.min(value.length(), maxLength) + 6);
		for (int i = 0; i < value.length() && i < maxLength; i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				result.append(String.format("\\u%04x", (int) c));
			}
			else {
				result.append(c);
			}
		}
		if (value.length() > maxLength) {
			result.append("...");
		}
		return result.toString();
	}

	private static boolean isSlugCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '~'
				|| c == '.' || c == '-';
	}

	private static String describe(char c) {
		if (Character.isWhitespace(c)) {
			return "whitespace";
		}
		if (Character.isISOControl(c)) {
			return String.format("a control character (\\u%04x)", (int) c);
		}
		return "'" + c + "'";
	}

}
