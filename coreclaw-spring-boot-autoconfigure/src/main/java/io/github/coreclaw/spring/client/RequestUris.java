/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;

/**
 * Starts the request of each call with the URI the client's {@link WebClient} would build for
 * it, without parsing the path template twice on every call as
 * {@code uri(template, function)} does.
 * <p>
 * The template of each operation is turned into the string the WebClient records for it (base URL
 * and encoded template, which also names the request in Boot's {@code http.client.requests}
 * metrics) once, by asking the WebClient; a call then only replaces the variables with their
 * encoded values and appends its query. When the client is built, a probe whose values need every
 * kind of encoding is expanded both ways: only if the URIs are the same, and the WebClient records
 * templates in a request attribute, is this shortcut taken. Otherwise (a customizer changed how the
 * WebClient encodes URIs, say, or the probe failed because a default request of the application's
 * works only inside its own requests) every call goes through the WebClient's own URI builder.
 */
final class RequestUris {

	private static final String PROBE_TEMPLATE = "/coreclaw-uri-probe/{id}";

	private static final String PROBE_VALUE = "a b/c,d?e&f=g#h%é~._-+;:@[]!$'()*";

	private static final URI PLACEHOLDER = URI.create("http://localhost/");

	private final WebClient webClient;

	private final @Nullable String templateAttribute;

	private final ConcurrentHashMap<String, String> templates = new ConcurrentHashMap<>();

	RequestUris(WebClient webClient) {
		this.webClient = webClient;
		this.templateAttribute = checkedTemplateAttribute();
	}

	/**
	 * Start the request of a call: its method, its URI and the template the URI came from.
	 * @param call the call
	 * @return the request
	 */
	WebClient.RequestBodySpec request(Call<?, ?> call) {
		Endpoint<?, ?> endpoint = call.endpoint();
		String attribute = this.templateAttribute;
		URI uri = (attribute != null) ? expand(call) : null;
		if (uri == null) {
			return this.webClient.method(endpoint.method()).uri(endpoint.pathTemplate(), call::uri);
		}
		return this.webClient.method(endpoint.method())
			.uri(uri)
			.attribute(attribute, recordedTemplate(endpoint.pathTemplate()));
	}

	/**
	 * Whether calls take the shortcut, for tests.
	 * @return whether the URIs are built here
	 */
	boolean isShortcut() {
		return this.templateAttribute != null;
	}

	/**
	 * The URI of a call, {@code null} to leave it to the WebClient (a variable without value,
	 * a query parameter name that would need encoding).
	 */
	@Nullable URI expand(Call<?, ?> call) {
		String template = recordedTemplate(call.endpoint().pathTemplate());
		StringBuilder uri = new StringBuilder(template.length() + 48);
		int start = 0;
		int open = template.indexOf('{');
		while (open >= 0) {
			int close = template.indexOf('}', open);
			if (close < 0) {
				return null;
			}
			String value = call.variables().get(template.substring(open + 1, close));
			if (value == null) {
				return null;
			}
			uri.append(template, start, open);
			appendEncoded(uri, value);
			start = close + 1;
			open = template.indexOf('{', start);
		}
		uri.append(template, start, template.length());
		char separator = (template.indexOf('?') >= 0) ? '&' : '?';
		for (Map.Entry<String, String> parameter : call.query().entrySet()) {
			if (!isUnreserved(parameter.getKey())) {
				return null;
			}
			uri.append(separator).append(parameter.getKey()).append('=');
			appendEncoded(uri, parameter.getValue());
			separator = '&';
		}
		try {
			return URI.create(uri.toString());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The string the WebClient records for a template: its base URL and the encoded template. */
	private String recordedTemplate(String pathTemplate) {
		String recorded = this.templates.get(pathTemplate);
		if (recorded == null) {
			Map<String, Object> attributes = attributesOf(pathTemplate);
			Object value = (this.templateAttribute != null) ? attributes.get(this.templateAttribute) : null;
			recorded = (value instanceof String text) ? text : pathTemplate;
			this.templates.putIfAbsent(pathTemplate, recorded);
		}
		return recorded;
	}

	private Map<String, Object> attributesOf(String pathTemplate) {
		Map<String, Object> attributes = new HashMap<>();
		this.webClient.method(HttpMethod.GET).uri(pathTemplate, (builder) -> PLACEHOLDER).attributes(attributes::putAll);
		return attributes;
	}

	/**
	 * The name of the attribute in which the WebClient records templates, if it does and the URIs
	 * built here are the ones it would build.
	 */
	private @Nullable String checkedTemplateAttribute() {
		Map<String, Object> attributes;
		try {
			attributes = attributesOf(PROBE_TEMPLATE);
		}
		catch (RuntimeException ex) {
			// A default request of the application's that works only inside a request of its own:
			// every URI is left to the WebClient, which runs that default request on each call anyway.
			return null;
		}
		String attribute = null;
		for (Map.Entry<String, Object> entry : attributes.entrySet()) {
			if (entry.getValue() instanceof String text && text.endsWith(PROBE_TEMPLATE)) {
				attribute = entry.getKey();
			}
		}
		if (attribute == null) {
			return null;
		}
		Endpoint<Object, Boolean> probe = Endpoint.get("uri-probe", PROBE_TEMPLATE).noReply();
		Map<String, String> query = new HashMap<>();
		query.put("q", PROBE_VALUE);
		Call<Object, Boolean> call = new Call<>(probe, Map.of("id", PROBE_VALUE), query, null);
		URI[] built = new URI[1];
		try {
			this.webClient.method(HttpMethod.GET).uri(PROBE_TEMPLATE, (builder) -> {
				built[0] = call.uri(builder);
				return built[0];
			});
		}
		catch (RuntimeException ex) {
			// This WebClient does not encode what the probe needs encoded: it builds every URI itself.
			return null;
		}
		this.templates.put(PROBE_TEMPLATE, (String) attributes.get(attribute));
		URI expanded = expand(call);
		this.templates.remove(PROBE_TEMPLATE);
		return (expanded != null && built[0] != null && expanded.toString().equals(built[0].toString())) ? attribute
				: null;
	}

	private static void appendEncoded(StringBuilder uri, String value) {
		if (isUnreserved(value)) {
			uri.append(value);
		}
		else {
			uri.append(UriUtils.encode(value, StandardCharsets.UTF_8));
		}
	}

	/** Whether a value has only characters that are never encoded (RFC 3986 unreserved). */
	private static boolean isUnreserved(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~')) {
				return false;
			}
		}
		return true;
	}

}
