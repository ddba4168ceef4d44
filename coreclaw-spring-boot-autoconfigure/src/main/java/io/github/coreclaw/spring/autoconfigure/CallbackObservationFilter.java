/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.util.function.Function;

import io.github.coreclaw.spring.callback.CoreClawCallbackReceiver;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Keeps callback tokens and the callback secret out of observations, and so out of metrics and
 * traces: in the observation of a request to the callback path (valid token or not), the
 * request's path becomes the path pattern, {@code /coreclaw/callback/{secret}} by default, in
 * every key value ({@code http.url} among them) and in the contextual name; in any observation,
 * the secret itself becomes {@code {secret}} (a token elsewhere than in a request to the callback
 * path is left as it is).
 */
final class CallbackObservationFilter implements ObservationFilter {

	private static final String PLACEHOLDER = "{" + CoreClawCallbackReceiver.SECRET_VARIABLE + "}";

	private final @Nullable PathPattern pattern;

	private final @Nullable String secret;

	private final Function<Observation.Context, @Nullable String> requestPath;

	/**
	 * Create a filter.
	 * @param path the callback path ({@code coreclaw.callback.path})
	 * @param secret the callback secret, {@code null} if not set
	 * @param requestPath the raw path within the application of the server request an
	 * observation is about, {@code null} if it is not about one
	 */
	CallbackObservationFilter(String path, @Nullable String secret,
			Function<Observation.Context, @Nullable String> requestPath) {
		this.pattern = parse(path);
		this.secret = (secret != null && !secret.isEmpty()) ? secret : null;
		this.requestPath = requestPath;
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		String path = this.requestPath.apply(context);
		String callbackPath = (path != null && this.pattern != null && this.pattern.matches(PathContainer.parsePath(path)))
				? path : null;
		if (callbackPath == null && this.secret == null) {
			return context;
		}
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			String value = clean(keyValue.getValue(), callbackPath);
			if (value != null) {
				context.addLowCardinalityKeyValue(KeyValue.of(keyValue.getKey(), value));
			}
		}
		for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
			String value = clean(keyValue.getValue(), callbackPath);
			if (value != null) {
				context.addHighCardinalityKeyValue(KeyValue.of(keyValue.getKey(), value));
			}
		}
		String contextualName = context.getContextualName();
		String cleanName = (contextualName != null) ? clean(contextualName, callbackPath) : null;
		if (cleanName != null) {
			context.setContextualName(cleanName);
		}
		return context;
	}

	/**
	 * The pattern of the callback path, {@code null} if it is not one: the client's checks of
	 * {@code coreclaw.callback.path} then stop startup with an explanation.
	 */
	private static @Nullable PathPattern parse(String path) {
		try {
			return PathPatternParser.defaultInstance.parse(PathPatternParser.defaultInstance.initFullPathPattern(path));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A value without the callback path or the secret, {@code null} if it held neither.
	 */
	private @Nullable String clean(String value, @Nullable String callbackPath) {
		String result = value;
		if (callbackPath != null && result.contains(callbackPath)) {
			result = result.replace(callbackPath, this.pattern.getPatternString());
		}
		if (this.secret != null && result.contains(this.secret)) {
			result = result.replace(this.secret, PLACEHOLDER);
		}
		return (result.equals(value)) ? null : result;
	}

}
