/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.github.coreclaw.spring.client.CallbackTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * POSTs JSON to an application's own web server, as CoreClaw does to the callback receiver.
 */
public final class CallbackPosts {

	private CallbackPosts() {
	}

	/**
	 * The default callback path with a fresh token signed with a secret, as the client puts it
	 * in the callback URL of a run started with {@code callbackToReceiver()}.
	 * @param secret the receiver's secret
	 * @return the path
	 */
	public static String callbackPath(String secret) {
		return "/coreclaw/callback/" + new CallbackTokens(secret, CallbackTokens.DEFAULT_VALIDITY).mint();
	}

	/**
	 * Post a JSON body to the application, announcing its length or sending it in chunks.
	 * @param context the application, a web server application context
	 * @param path the path, such as {@code /coreclaw/callback/<token>}
	 * @param body the JSON body
	 * @param chunked whether to send it in chunks rather than announce its length
	 * @return the status and body of the answer
	 */
	public static Answer post(ApplicationContext context, String path, String body, boolean chunked)
			throws IOException {
		TypedAnswer answer = exchange(context, path, body, chunked, null);
		return new Answer(answer.status(), answer.body());
	}

	/**
	 * Post a JSON body to the application, announcing its length and accepting JSON only.
	 * @param context the application, a web server application context
	 * @param path the path
	 * @param body the JSON body
	 * @return the status, content type and body of the answer
	 */
	public static TypedAnswer postAcceptingJson(ApplicationContext context, String path, String body)
			throws IOException {
		return exchange(context, path, body, false, "application/json");
	}

	private static TypedAnswer exchange(ApplicationContext context, String path, String body, boolean chunked,
			@Nullable String accept) throws IOException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path)
			.toURL()
			.openConnection();
		try {
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			if (accept != null) {
				connection.setRequestProperty("Accept", accept);
			}
			if (chunked) {
				connection.setChunkedStreamingMode(4096);
			}
			else {
				connection.setFixedLengthStreamingMode(bytes.length);
			}
			try (OutputStream out = connection.getOutputStream()) {
				out.write(bytes);
			}
			int status = connection.getResponseCode();
			try (InputStream in = (status >= 400) ? connection.getErrorStream() : connection.getInputStream()) {
				return new TypedAnswer(status, connection.getContentType(),
						(in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "");
			}
		}
		finally {
			connection.disconnect();
		}
	}

	/**
	 * What the application answered.
	 * @param status the HTTP status
	 * @param body the body, empty when there was none
	 */
	public record Answer(int status, String body) {
	}

	/**
	 * What the application answered, with its content type.
	 * @param status the HTTP status
	 * @param contentType the content type, {@code null} if there was none
	 * @param body the body, empty when there was none
	 */
	public record TypedAnswer(int status, @Nullable String contentType, String body) {
	}

}
