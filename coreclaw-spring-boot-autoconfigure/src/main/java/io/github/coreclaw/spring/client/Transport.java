/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.coreclaw.spring.client.internal.ApiErrorMapper;
import io.github.coreclaw.spring.client.internal.Envelope;
import io.github.coreclaw.spring.client.internal.EnvelopeCodec;
import io.github.coreclaw.spring.client.internal.Identifiers;
import io.github.coreclaw.spring.client.internal.QueryTokenConnector;
import io.github.coreclaw.spring.client.internal.RetryAfter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClientRequest;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Sends one attempt of a {@link Call} over the client's single {@link WebClient} and decodes the
 * reply: CoreClaw's envelope, its application code and the endpoint's data; every failure ends as
 * a {@link CoreClawException}.
 * <p>
 * Everything goes through the WebClient's public API, so that the application's filters,
 * codecs, observation and customizers apply: the URI from the endpoint's template, a body
 * encoded once as JSON bytes with its {@code Content-Type} on the request, the reply's bytes
 * read by the WebClient's codecs (their {@code maxInMemorySize} is the limit of a reply) and
 * then CoreClaw's envelope read by the starter's own JSON mapper, so that an application's
 * Jackson settings (naming strategy, unknown properties) cannot change how CoreClaw's wire
 * format is read.
 * <p>
 * Timeouts: on Reactor Netty's connector the per-request response timeout Reactor Netty
 * documents ({@link HttpClientRequest#responseTimeout}), which starts once the request is
 * written and applies again to every pause in the reply; the wait for a connection before that
 * is bounded by the pool's pending-acquire timeout and the connect timeout. On other connectors
 * the response timeout bounds the whole exchange.
 */
final class Transport {

	private static final Log logger = LogFactory.getLog(CoreClawClient.class);

	private static final byte[] EMPTY_BODY = new byte[0];

	private final CoreClawClientSettings settings;

	private final WebClient webClient;

	private final EnvelopeCodec codec = EnvelopeCodec.shared();

	private final ErrorTranslator errors;

	private final Clock clock;

	private final String logBaseUrl;

	private final String logQuery;

	/** Whether the connector the client was given is Reactor Netty's, whose response timeout applies. */
	private final boolean nettyConnector;

	/**
	 * Create the transport and its WebClient.
	 * @param settings the client settings
	 * @param webClientBuilder the builder to configure (already a copy of the application's)
	 * @param connector the connector
	 * @param maxInMemorySize the codecs' limit to set before the customizers run, {@code null} to
	 * keep the builder's own (an application that set {@code spring.http.codecs.max-in-memory-size})
	 * @param customizers the customizers, applied after the client's own configuration
	 * @param clock the clock that reads {@code Retry-After} dates
	 */
	Transport(CoreClawClientSettings settings, WebClient.Builder webClientBuilder, ClientHttpConnector connector,
			@Nullable Integer maxInMemorySize, List<Consumer<WebClient.Builder>> customizers, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		// Only the origin: a base URL's path or query never reaches a log line or a message.
		this.logBaseUrl = String.valueOf(SafeUrls.schemeHostPort(settings.baseUrl()));
		this.logQuery = (settings.authScheme() == AuthScheme.QUERY_TOKEN) ? "?token=******" : "";
		this.errors = new ErrorTranslator(this.logBaseUrl);
		this.nettyConnector = connector instanceof ReactorClientHttpConnector;
		this.webClient = buildWebClient(webClientBuilder, connector, maxInMemorySize, customizers);
	}

	private WebClient buildWebClient(WebClient.Builder webClientBuilder, ClientHttpConnector connector,
			@Nullable Integer maxInMemorySize, List<Consumer<WebClient.Builder>> customizers) {
		ClientHttpConnector effective = (this.settings.authScheme() == AuthScheme.QUERY_TOKEN)
				? new QueryTokenConnector(connector, this.settings.apiKey()) : connector;
		webClientBuilder.clientConnector(effective)
			.baseUrl(this.settings.baseUrl().toString())
			.defaultHeaders((headers) -> {
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
				switch (this.settings.authScheme()) {
					case BEARER -> headers.setBearerAuth(this.settings.apiKey());
					case API_KEY_HEADER -> headers.set("api-key", this.settings.apiKey());
					case QUERY_TOKEN -> {
					}
				}
			});
		if (maxInMemorySize != null) {
			webClientBuilder.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(maxInMemorySize));
		}
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
			Progress progress = new Progress(timeout, this.nettyConnector);
			WebClient.RequestHeadersSpec<?> spec;
			try {
				WebClient.RequestBodySpec request = this.webClient.method(endpoint.method())
					.uri(endpoint.pathTemplate(), call::uri);
				spec = (body != null) ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
			}
			catch (RuntimeException ex) {
				// An application's WebClient customization (a default request, a URI builder) threw.
				return Mono.error(this.errors.translate(call, ex, false));
			}
			return spec.httpRequest(progress)
				.retrieve()
				// Every reply is CoreClaw's to read (its envelope says what went wrong), errors too.
				.onStatus(HttpStatusCode::isError, (response) -> Mono.empty())
				.toEntity(byte[].class)
				.map((reply) -> decode(call, reply.getStatusCode().value(), reply.getHeaders(),
						(reply.getBody() != null) ? reply.getBody() : EMPTY_BODY))
				.timeout(progress.expiry(), Mono.error(() -> this.errors.timeout(call, timeout, progress.written())))
				.onErrorMap((ex) -> !(ex instanceof CoreClawException), (ex) -> {
					if (ex instanceof WebClientResponseException reply
							&& reply.getCause() instanceof DataBufferLimitException tooLarge) {
						// The codecs' limit, met while reading the body of a reply of this status.
						return logged(call, this.errors.tooLarge(call, reply.getStatusCode().value(), tooLarge));
					}
					if (progress.written() && isReadTimeout(ex)) {
						return this.errors.timeout(call, timeout, true);
					}
					return this.errors.translate(call, ex, progress.written());
				});
		});
	}

	private <D, R> R decode(Call<D, R> call, int status, HttpHeaders headers, byte[] bytes) {
		if (status >= 300 && status < 400) {
			throw logged(call, this.errors.redirect(call, status,
					headers.getFirst(HttpHeaders.LOCATION)));
		}
		Endpoint<D, R> endpoint = call.endpoint();
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
			Duration retryAfter = retryAfter(headers);
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
			throw logged(call, ApiErrorMapper.fromEnvelope(call.operation(), status, envelope, retryAfter(headers)));
		}
		if (logger.isDebugEnabled()) {
			logger.debug(endpoint.method() + " " + this.logBaseUrl + call.path() + this.logQuery + " answered HTTP "
					+ status + ", code 0, request_id " + ApiErrorMapper.escape(envelope.requestId()));
		}
		R result = endpoint.converter().apply(envelope.data(), call);
		if (result == null) {
			throw new CoreClawApiException("CoreClaw answered " + call.operation() + " with HTTP " + status
					+ ", code 0 (request_id " + ApiErrorMapper.escape(envelope.requestId()) + ") but without the expected "
					+ endpoint.expectedData(), status, 0, envelope.message(), envelope.requestId(),
					envelope.detailTexts());
		}
		return result;
	}

	/**
	 * The wait CoreClaw asked for, read only when a reply is an error.
	 */
	private @Nullable Duration retryAfter(HttpHeaders headers) {
		return RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER),
				this.clock.instant());
	}

	/**
	 * A successful envelope whose {@code data} does not have the shape the operation documents.
	 */
	private static CoreClawApiException misshapen(Call<?, ?> call, int status, Envelope<?> envelope,
			JacksonException failure) {
		CoreClawApiException ex = new CoreClawApiException("CoreClaw answered " + call.operation() + " with HTTP "
				+ status + ", code 0 (request_id " + ApiErrorMapper.escape(envelope.requestId()) + ") but its data does "
				+ "not have the documented shape (" + call.endpoint().expectedData() + "): "
				+ Identifiers.escape(String.valueOf(failure.getOriginalMessage()), 500), status,
				0, envelope.message(), envelope.requestId(), envelope.detailTexts());
		ex.initCause(failure);
		return ex;
	}

	private <E extends CoreClawException> E logged(Call<?, ?> call, E ex) {
		if (logger.isDebugEnabled()) {
			logger.debug(call.endpoint().method() + " " + this.logBaseUrl + call.path() + this.logQuery + " failed: "
					+ ex.getMessage());
		}
		return ex;
	}


	/** Reactor Netty's response timeout fired (a read timeout on the connection). */
	private static boolean isReadTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof io.netty.handler.timeout.ReadTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * How far one attempt got: whether its request was handed to the connector to be written,
	 * and on which connector, which decides how it is timed. An exchange filter that sends the
	 * request again (a token refresh) hands it over once more, which changes nothing here.
	 */
	private static final class Progress implements Consumer<ClientHttpRequest> {

		private static final int PENDING = 0;

		private static final int SENT_NETTY = 1;

		private static final int SENT_OTHER = 2;

		private static final int EXPIRED = 3;

		private final AtomicInteger state = new AtomicInteger(PENDING);

		private final Duration timeout;

		private final boolean nettyConnector;

		private volatile Sinks.@Nullable Empty<Void> lateExpiry;


		Progress(Duration timeout, boolean nettyConnector) {
			this.timeout = timeout;
			this.nettyConnector = nettyConnector;
		}

		/** The request is about to be written: from here on CoreClaw may receive it. */
		@Override
		public void accept(ClientHttpRequest request) {
			boolean netty = request.getNativeRequest() instanceof HttpClientRequest;
			int before = this.state.compareAndExchange(PENDING, netty ? SENT_NETTY : SENT_OTHER);
			if (before == EXPIRED) {
				// The timeout fired as the connection came: write nothing.
				throw new IllegalStateException("Not sent: the attempt timed out before the request was written");
			}
			if (netty) {
				((HttpClientRequest) request.getNativeRequest()).responseTimeout(this.timeout);
			}
			else if (this.nettyConnector && before == PENDING) {
				// A customizer put another connector in place: time the rest of the exchange here.
				Sinks.Empty<Void> late = this.lateExpiry;
				if (late != null) {
					Mono.delay(this.timeout).subscribe((tick) -> late.tryEmitEmpty());
				}
			}
		}

		/**
		 * When the attempt times out as a whole. On Reactor Netty's connector only if the request
		 * turns out to go through another connector (one that an application's customizer put in
		 * place): the wait for a connection is bounded by the pool and the connect timeout, and
		 * Reactor Netty's response timeout takes over once the request is written. On other
		 * connectors the whole exchange, from the start of the attempt.
		 */
		Mono<?> expiry() {
			if (this.nettyConnector) {
				Sinks.Empty<Void> late = Sinks.empty();
				this.lateExpiry = late;
				return late.asMono();
			}
			// A request that went out on Reactor Netty after all (a customizer's) is timed by it.
			return Mono.delay(this.timeout).flatMap((tick) -> expired() ? Mono.just(tick) : Mono.never());
		}

		private boolean expired() {
			return this.state.compareAndSet(PENDING, EXPIRED) || this.state.get() == SENT_OTHER;
		}

		boolean written() {
			int now = this.state.get();
			return now == SENT_NETTY || now == SENT_OTHER;
		}

	}

}
