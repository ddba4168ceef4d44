/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.github.coreclaw.spring.client.internal.ApiErrorMapper;
import io.github.coreclaw.spring.client.internal.Envelope;
import io.github.coreclaw.spring.client.internal.EnvelopeCodec;
import io.github.coreclaw.spring.client.internal.QueryTokenConnector;
import io.github.coreclaw.spring.client.internal.RetryAfter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends one attempt of a {@link Call} over the client's single {@link WebClient} and decodes the
 * reply: CoreClaw's envelope, its application code and the endpoint's data; every failure ends as
 * a {@link CoreClawException}.
 */
final class Transport {

	private static final Log logger = LogFactory.getLog(CoreClawClient.class);

	private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

	private static final byte[] EMPTY_BODY = new byte[0];

	private final CoreClawClientSettings settings;

	private final WebClient webClient;

	private final EnvelopeCodec codec = EnvelopeCodec.shared();

	private final ErrorTranslator errors;

	private final Clock clock;

	private final String logBaseUrl;

	private final String logQuery;

	Transport(CoreClawClientSettings settings, WebClient.Builder webClientBuilder, ClientHttpConnector connector,
			List<Consumer<WebClient.Builder>> customizers, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		String base = settings.baseUrl().toString();
		this.logBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.logQuery = (settings.authScheme() == AuthScheme.QUERY_TOKEN) ? "?token=******" : "";
		this.errors = new ErrorTranslator(this.logBaseUrl);
		this.webClient = buildWebClient(webClientBuilder, connector, customizers);
	}

	private WebClient buildWebClient(WebClient.Builder webClientBuilder, ClientHttpConnector connector,
			List<Consumer<WebClient.Builder>> customizers) {
		ClientHttpConnector effective = (this.settings.authScheme() == AuthScheme.QUERY_TOKEN)
				? new QueryTokenConnector(connector, this.settings.apiKey()) : connector;
		webClientBuilder.clientConnector(effective)
			.baseUrl(this.settings.baseUrl().toString())
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
			.defaultHeaders((headers) -> {
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
				switch (this.settings.authScheme()) {
					case BEARER -> headers.setBearerAuth(this.settings.apiKey());
					case API_KEY_HEADER -> headers.set("api-key", this.settings.apiKey());
					case QUERY_TOKEN -> {
					}
				}
			});
		customizers.forEach((customizer) -> customizer.accept(webClientBuilder));
		return webClientBuilder.build();
	}

	/**
	 * Encode a request body once, before the attempts that send it.
	 * @param body the body, {@code null} for none
	 * @return the JSON bytes, {@code null} for none
	 */
	byte @Nullable [] encode(@Nullable Object body) {
		return (body != null) ? this.codec.write(body) : null;
	}

	/**
	 * One attempt of the call: lazy, so that each subscription sends the request again.
	 * @param <D> the type of the reply's {@code data}
	 * @param <R> the type of the result
	 * @param call the call
	 * @param body the encoded body, {@code null} for none
	 * @return the result
	 */
	<D, R> Mono<R> attempt(Call<D, R> call, byte @Nullable [] body) {
		Endpoint<D, R> endpoint = call.endpoint();
		Duration timeout = endpoint.syncRun() ? this.settings.syncResponseTimeout() : this.settings.responseTimeout();
		return Mono.defer(() -> {
			if (logger.isDebugEnabled()) {
				logger.debug("Sending " + endpoint.method() + " " + this.logBaseUrl + call.path() + this.logQuery);
			}
			// Set once a connection is there and the request is being written: until then a
			// failure or timeout means the request was never sent.
			AtomicBoolean written = new AtomicBoolean();
			WebClient.RequestBodySpec request = this.webClient.method(endpoint.method())
				.uri(endpoint.pathTemplate(), call::uri);
			WebClient.RequestHeadersSpec<?> spec = (body != null)
					? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
			return spec.httpRequest((httpRequest) -> written.set(true))
				.exchangeToMono((response) -> response.bodyToMono(byte[].class)
					.defaultIfEmpty(EMPTY_BODY)
					.map((bytes) -> decode(call, response.statusCode().value(), response.headers().asHttpHeaders(),
							bytes)))
				.timeout(timeout, Mono.error(() -> this.errors.timeout(call, timeout, written.get())))
				.onErrorMap((ex) -> !(ex instanceof CoreClawException),
						(ex) -> this.errors.translate(call, ex, written.get()));
		});
	}

	private <D, R> R decode(Call<D, R> call, int status, HttpHeaders headers, byte[] bytes) {
		if (status >= 300 && status < 400) {
			throw logged(call, this.errors.redirect(call, status, headers.getFirst(HttpHeaders.LOCATION)));
		}
		Endpoint<D, R> endpoint = call.endpoint();
		Duration retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), this.clock.instant());
		Envelope<D> envelope;
		JacksonException decodingFailure = null;
		try {
			envelope = this.codec.read(bytes, endpoint.envelopeType());
		}
		catch (JacksonException ex) {
			envelope = null;
			decodingFailure = ex;
		}
		if (envelope == null || envelope.code() == null) {
			Envelope<?> lenient = this.codec.readLeniently(bytes);
			if (lenient != null && lenient.code() != null && lenient.code() != 0) {
				throw logged(call, ApiErrorMapper.fromEnvelope(call.operation(), status, lenient, retryAfter));
			}
			if (lenient != null && lenient.code() != null && decodingFailure != null && status >= 200 && status < 300) {
				throw logged(call, misshapen(call, status, lenient, decodingFailure));
			}
			CoreClawApiException unreadable = ApiErrorMapper.fromUnreadableBody(call.operation(), status, bytes,
					retryAfter);
			if (decodingFailure != null) {
				unreadable.initCause(decodingFailure);
			}
			throw logged(call, unreadable);
		}
		if (status < 200 || status >= 300 || envelope.code() != 0) {
			throw logged(call, ApiErrorMapper.fromEnvelope(call.operation(), status, envelope, retryAfter));
		}
		if (logger.isDebugEnabled()) {
			logger.debug(endpoint.method() + " " + this.logBaseUrl + call.path() + this.logQuery + " answered HTTP "
					+ status + ", code 0, request_id " + envelope.requestId());
		}
		R result = endpoint.converter().apply(envelope.data(), call);
		if (result == null) {
			throw new CoreClawApiException("CoreClaw answered " + call.operation() + " with HTTP " + status
					+ ", code 0 (request_id " + envelope.requestId() + ") but without the expected "
					+ endpoint.expectedData(), status, 0, envelope.message(), envelope.requestId(),
					envelope.detailTexts());
		}
		return result;
	}

	/**
	 * A successful envelope whose {@code data} does not have the shape the operation documents.
	 */
	private static CoreClawApiException misshapen(Call<?, ?> call, int status, Envelope<?> envelope,
			JacksonException failure) {
		CoreClawApiException ex = new CoreClawApiException("CoreClaw answered " + call.operation() + " with HTTP "
				+ status + ", code 0 (request_id " + envelope.requestId() + ") but its data does not have the "
				+ "documented shape (" + call.endpoint().expectedData() + "): " + failure.getOriginalMessage(), status,
				0, envelope.message(), envelope.requestId(), envelope.detailTexts());
		ex.initCause(failure);
		return ex;
	}

	private CoreClawApiException logged(Call<?, ?> call, CoreClawApiException ex) {
		if (logger.isDebugEnabled()) {
			logger.debug(call.endpoint().method() + " " + this.logBaseUrl + call.path() + this.logQuery + " failed: "
					+ ex.getMessage());
		}
		return ex;
	}

}
