/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.coreclaw.spring.client.internal.ApiErrorMapper;
import io.github.coreclaw.spring.client.internal.Envelope;
import io.github.coreclaw.spring.client.internal.EnvelopeCodec;
import io.github.coreclaw.spring.client.internal.QueryTokenConnector;
import io.github.coreclaw.spring.client.internal.RetryAfter;
import io.netty.handler.timeout.ReadTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClientRequest;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientResponse;
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

	private final RequestUris uris;

	/** The deadlines of attempts on Reactor Netty's connector, {@code null} on other connectors. */
	private final @Nullable Deadlines deadlines;

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
		this.uris = new RequestUris(this.webClient);
		this.deadlines = (connector instanceof ReactorClientHttpConnector)
				? Deadlines.sharedSweeper(min(settings.responseTimeout(), settings.syncResponseTimeout())) : null;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
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
	 * <p>
	 * One object ({@link Exchange}) carries each subscription from start to result, with no
	 * operator of its own on the way: it is the subscriber of the WebClient exchange, the
	 * subscription of its own subscriber, the timeout and the translation of failures; a caller
	 * may add its success and failure hooks to it ({@link Recoverable}) rather than operators.
	 * On Reactor Netty's connector its response timeout is a {@link Deadlines deadline} swept
	 * with the others, from the start of the attempt and then, once the request is written, moved
	 * on by every part of the reply (the meaning of Reactor Netty's own response timeout); on
	 * other connectors a timer on Reactor's parallel scheduler (virtual time in tests) covers the
	 * whole exchange.
	 * @param <D> the type of the reply's {@code data}
	 * @param <R> the type of the result
	 * @param call the call
	 * @param body the encoded body, {@code null} for none
	 * @return the result
	 */
	<D, R> Mono<R> attempt(Call<D, R> call, byte @Nullable [] body) {
		Duration timeout = call.endpoint().syncRun() ? this.settings.syncResponseTimeout()
				: this.settings.responseTimeout();
		return new Attempt<>(this, call, body, timeout, null, null);
	}

	private <D, R> R decode(Call<D, R> call, ClientResponse response, byte[] bytes, boolean debug) {
		int status = response.statusCode().value();
		if (status >= 300 && status < 400) {
			throw logged(call, this.errors.redirect(call, status,
					response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION)));
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
			Duration retryAfter = retryAfter(response);
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
			throw logged(call, ApiErrorMapper.fromEnvelope(call.operation(), status, envelope, retryAfter(response)));
		}
		if (debug) {
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
	 * The wait CoreClaw asked for, read only when a reply is an error.
	 */
	private @Nullable Duration retryAfter(ClientResponse response) {
		return RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
				this.clock.instant());
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

	/**
	 * A JSON request body already encoded, written as it is with its content type and length,
	 * without looking for a message writer on every request.
	 * <p>
	 * As with the WebClient's own body writers, the content type is set as the body is written:
	 * exchange filters see the headers the request was given, not it. Setting it on the request
	 * instead would give every run request a header map of its own, merged with the default
	 * headers (about 2% of the client's CPU on a call).
	 */
	private static final class JsonBody implements BodyInserter<byte[], ClientHttpRequest> {

		private final byte[] bytes;

		JsonBody(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public Mono<Void> insert(ClientHttpRequest request, BodyInserter.Context context) {
			HttpHeaders headers = request.getHeaders();
			if (headers.getContentType() == null) {
				headers.setContentType(MediaType.APPLICATION_JSON);
			}
			headers.setContentLength(this.bytes.length);
			return request.writeWith(Mono.just(request.bufferFactory().wrap(this.bytes)));
		}

	}

	/**
	 * What a caller of an attempt does instead of adding operators around it: something to run
	 * when the attempt succeeds, and the publisher that takes over when it fails.
	 *
	 * @param <R> the type of the result
	 */
	interface Recoverable<R> {

		/**
		 * The same attempt, running {@code onSuccess} before it delivers its result, and
		 * continuing with what {@code onFailure} returns (its result or its error) if it fails.
		 * @param onSuccess run when the attempt succeeds
		 * @param onFailure the continuation after a failure
		 * @return the attempt
		 */
		Mono<R> recovering(Runnable onSuccess, Function<Throwable, Mono<R>> onFailure);

	}

	/**
	 * One attempt of a call as a publisher: each subscription is a new {@link Exchange}.
	 */
	private static final class Attempt<D, R> extends Mono<R> implements Recoverable<R> {

		private final Transport transport;

		private final Call<D, R> call;

		private final byte @Nullable [] body;

		private final Duration timeout;

		private final @Nullable Runnable onSuccess;

		private final @Nullable Function<Throwable, Mono<R>> onFailure;

		Attempt(Transport transport, Call<D, R> call, byte @Nullable [] body, Duration timeout,
				@Nullable Runnable onSuccess, @Nullable Function<Throwable, Mono<R>> onFailure) {
			this.transport = transport;
			this.call = call;
			this.body = body;
			this.timeout = timeout;
			this.onSuccess = onSuccess;
			this.onFailure = onFailure;
		}

		@Override
		public Mono<R> recovering(Runnable onSuccess, Function<Throwable, Mono<R>> onFailure) {
			return new Attempt<>(this.transport, this.call, this.body, this.timeout, onSuccess, onFailure);
		}

		@Override
		public void subscribe(CoreSubscriber<? super R> actual) {
			Exchange<D, R> exchange = this.transport.new Exchange<>(this, actual);
			actual.onSubscribe(exchange);
			try {
				exchange.start();
			}
			catch (Throwable ex) {
				// An application's WebClient customization (a default request, a URI builder) threw.
				Exceptions.throwIfJvmFatal(ex);
				exchange.failedToStart(ex);
			}
		}

	}

	/**
	 * One attempt on its way: the subscriber of the WebClient exchange (collecting the bytes of
	 * the reply), the subscription of the attempt's subscriber, the timer of the wait for a
	 * connection (or of the whole exchange on connectors other than Reactor Netty's) and the
	 * translation of every failure.
	 * <p>
	 * Its state moves once from {@code PENDING} (no connection yet) to {@code SENT_NETTY} or
	 * {@code SENT_OTHER} (the request is being written) and then to {@code DONE}; whoever moves it
	 * to {@code DONE} (the reply, a failure, the timer, a cancellation) alone settles the attempt.
	 * A failure of an attempt that has a continuation hands the subscriber over to it.
	 */
	private final class Exchange<D, R> extends Operators.MonoSubscriber<DataBuffer, R>
			implements Consumer<ClientHttpRequest>, Runnable {

		private static final int PENDING = 0;

		private static final int SENT_NETTY = 1;

		private static final int SENT_OTHER = 2;

		private static final int DONE = 3;

		@SuppressWarnings("rawtypes")
		private static final AtomicIntegerFieldUpdater<Exchange> STATE = AtomicIntegerFieldUpdater
			.newUpdater(Exchange.class, "state");

		private final Attempt<D, R> attempt;

		private final long start = System.nanoTime();

		private final boolean debug = logger.isDebugEnabled();

		private volatile int state;

		private volatile @Nullable Subscription upstream;

		private volatile @Nullable Disposable timer;

		private volatile Deadlines.@Nullable Deadline deadline;

		/** How long the reply may pause between two parts, once the request is written. */
		private long idleNanos;

		private volatile @Nullable Subscription continuation;

		private @Nullable ClientResponse response;

		private byte @Nullable [] bytes;

		private int length;

		Exchange(Attempt<D, R> attempt, CoreSubscriber<? super R> actual) {
			super(actual);
			this.attempt = attempt;
		}

		void start() {
			if (isCancelled()) {
				return;
			}
			Call<D, R> call = this.attempt.call;
			if (this.debug) {
				logger.debug("Sending " + call.endpoint().method() + " " + Transport.this.logBaseUrl + call.path()
						+ Transport.this.logQuery);
			}
			Deadlines deadlines = Transport.this.deadlines;
			if (deadlines != null) {
				// Registered before anything is sent, so that no part of the attempt escapes it.
				Deadlines.Deadline registered = deadlines.register(deadlines.now() + this.attempt.timeout.toNanos(),
						this);
				this.deadline = registered;
				if (this.state == DONE) {
					// Cancelled as it was registered: do not keep the caller until the deadline.
					registered.settle();
				}
			}
			WebClient.RequestBodySpec request = Transport.this.uris.request(call);
			byte[] body = this.attempt.body;
			WebClient.RequestHeadersSpec<?> spec = (body != null) ? request.body(new JsonBody(body)) : request;
			// The reply is collected as bytes here, without the codecs (whatever its content type,
			// CoreClaw's replies are decoded by the envelope codec), and decoded by onComplete.
			spec.httpRequest(this).exchangeToFlux((reply) -> {
				this.response = reply;
				replyArrived();
				long announced = reply.headers().contentLength().orElse(-1);
				if (announced > 0 && announced <= MAX_RESPONSE_BYTES) {
					// Read straight into a body of the announced size, without copies.
					this.bytes = new byte[(int) announced];
				}
				return reply.body(BodyExtractors.toDataBuffers());
			}).subscribe(this);
			int now = this.state;
			if (deadlines == null && (now == PENDING || now == SENT_OTHER)) {
				// No connection yet (or a connector without Reactor Netty's timeout): time it here.
				long left = this.attempt.timeout.toNanos() - (System.nanoTime() - this.start);
				try {
					this.timer = Schedulers.parallel().schedule(this, Math.max(0, left), TimeUnit.NANOSECONDS);
				}
				catch (RejectedExecutionException ex) {
					if (STATE.compareAndSet(this, now, DONE)) {
						cancelUpstream();
						fail(Transport.this.errors.translate(call, ex, now == SENT_OTHER));
					}
					return;
				}
				int after = this.state;
				if (after == DONE || after == SENT_NETTY) {
					cancelTimer();
				}
			}
		}

		/** Starting the exchange threw: the attempt fails with it, as an error signal. */
		void failedToStart(Throwable failure) {
			int before = finish();
			if (before != DONE) {
				cancelUpstream();
				fail((failure instanceof CoreClawException) ? failure
						: Transport.this.errors.translate(this.attempt.call, failure, before != PENDING));
			}
			else {
				Operators.onErrorDropped(failure, currentContext());
			}
		}

		/**
		 * A connection was obtained and the request is about to be written: from here on a
		 * failure may mean that CoreClaw received it.
		 */
		@Override
		public void accept(ClientHttpRequest request) {
			if (request.getNativeRequest() instanceof HttpClientRequest netty) {
				long left = this.attempt.timeout.toNanos() - (System.nanoTime() - this.start);
				if (left <= 0 || !STATE.compareAndSet(this, PENDING, SENT_NETTY)) {
					// The timer fired (or the caller cancelled) as the connection came: write nothing.
					throw tooLate();
				}
				this.idleNanos = left;
				if (this.deadline == null) {
					// Reactor Netty under a connector of another kind: its own response timeout.
					netty.responseTimeout(Duration.ofNanos(left));
					cancelTimer();
				}
			}
			else if (!STATE.compareAndSet(this, PENDING, SENT_OTHER)) {
				throw tooLate();
			}
		}

		private RuntimeException tooLate() {
			Call<D, R> call = this.attempt.call;
			if (STATE.compareAndSet(this, PENDING, DONE)) {
				cancelTimer();
				fail(Transport.this.errors.timeout(call, this.attempt.timeout, false));
			}
			return new IllegalStateException("Not sent: " + call.operation() + " timed out or was cancelled");
		}

		/**
		 * The timer fired or the deadline passed: no connection in time, or no response (or a
		 * reply that stopped for longer than the time that was left when the request was written).
		 */
		@Override
		public void run() {
			int now = this.state;
			boolean timed = now == PENDING || now == SENT_OTHER || (now == SENT_NETTY && this.deadline != null);
			if (timed && STATE.compareAndSet(this, now, DONE)) {
				Runnable timedOut = () -> {
					cancelUpstream();
					failSafely(Transport.this.errors.timeout(this.attempt.call, this.attempt.timeout, now != PENDING));
				};
				if (this.deadline != null) {
					// On the sweep thread, shared by every call: cancelling the exchange (observation
					// handlers, Netty) and the caller's error handling run elsewhere.
					try {
						Schedulers.parallel().schedule(timedOut);
						return;
					}
					catch (RejectedExecutionException ex) {
						// Reactor's schedulers are shutting down: signal it here.
					}
				}
				timedOut.run();
			}
		}

		/** Signal a failure from a timer, where nothing may throw. */
		private void failSafely(Throwable failure) {
			try {
				fail(failure);
			}
			catch (Throwable ex) {
				Exceptions.throwIfJvmFatal(ex);
				Operators.onErrorDropped(ex, currentContext());
			}
		}


		@Override
		public void onSubscribe(Subscription subscription) {
			this.upstream = subscription;
			if (this.state == DONE) {
				subscription.cancel();
			}
			else {
				subscription.request(Long.MAX_VALUE);
			}
		}

		/** A part of the reply's body: copied, and released at once. */
		@Override
		public void onNext(DataBuffer buffer) {
			try {
				int size = buffer.readableByteCount();
				if (this.state == DONE || size == 0) {
					return;
				}
				if ((long) this.length + size > MAX_RESPONSE_BYTES) {
					cancelUpstream();
					onError(new DataBufferLimitException("Exceeded limit on max bytes to buffer : " + MAX_RESPONSE_BYTES));
					return;
				}
				byte[] current = this.bytes;
				if (current == null || current.length - this.length < size) {
					int capacity = (current == null) ? size
							: (int) Math.min(MAX_RESPONSE_BYTES, Math.max((long) this.length + size, 2L * current.length));
					current = (current == null) ? new byte[capacity] : Arrays.copyOf(current, capacity);
					this.bytes = current;
				}
				buffer.read(current, this.length, size);
				this.length += size;
				replyArrived();
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		/**
		 * A part of the reply (its head or a part of its body) arrived on Reactor Netty's
		 * connection: as with Reactor Netty's response timeout, the reply may pause for as long
		 * again as was left when the request was written.
		 */
		private void replyArrived() {
			Deadlines.Deadline pending = this.deadline;
			if (pending != null && this.idleNanos > 0) {
				pending.moveTo(Objects.requireNonNull(Transport.this.deadlines).now() + this.idleNanos);
			}
		}

		/** The reply is complete: decode it, and deliver the result or the error it means. */
		@Override
		public void onComplete() {
			if (this.state == DONE) {
				return;
			}
			Deadlines.Deadline pending = this.deadline;
			if (pending != null) {
				// The whole reply is here: decoding a large one is no reason to time out.
				pending.settle();
			}
			byte[] current = this.bytes;
			byte[] body = (current == null) ? EMPTY_BODY
					: (current.length == this.length) ? current : Arrays.copyOf(current, this.length);
			R result;
			try {
				result = decode(this.attempt.call, Objects.requireNonNull(this.response), body, this.debug);
			}
			catch (RuntimeException ex) {
				onError(ex);
				return;
			}
			if (finish() != DONE) {
				Runnable onSuccess = this.attempt.onSuccess;
				if (onSuccess != null) {
					onSuccess.run();
				}
				complete(result);
			}
		}

		@Override
		public void onError(Throwable failure) {
			int before = finish();
			if (before == DONE) {
				return;
			}
			if (failure instanceof CoreClawException) {
				fail(failure);
			}
			else if (before == SENT_NETTY && isReadTimeout(failure)) {
				fail(Transport.this.errors.timeout(this.attempt.call, this.attempt.timeout, true));
			}
			else {
				fail(Transport.this.errors.translate(this.attempt.call, failure, before != PENDING));
			}
		}

		/** The attempt failed: hand the subscriber over to its continuation, if it has one. */
		private void fail(Throwable failure) {
			Function<Throwable, Mono<R>> onFailure = this.attempt.onFailure;
			if (isCancelled()) {
				Operators.onErrorDropped(failure, currentContext());
				return;
			}
			if (onFailure == null) {
				this.actual.onError(failure);
				return;
			}
			Mono<R> next;
			try {
				next = Objects.requireNonNull(onFailure.apply(failure), "the continuation of a failed attempt");
			}
			catch (RuntimeException ex) {
				this.actual.onError(ex);
				return;
			}
			next.subscribe(new Continuation());
		}

		/** Move to {@code DONE}, returning the state before (DONE when another signal came first). */
		private int finish() {
			int before = STATE.getAndSet(this, DONE);
			if (before != DONE) {
				cancelTimer();
			}
			return before;
		}

		/** The subscriber cancelled. */
		@Override
		public void cancel() {
			super.cancel();
			if (finish() != DONE) {
				cancelUpstream();
			}
			Subscription next = this.continuation;
			if (next != null) {
				next.cancel();
			}
		}

		private void cancelTimer() {
			Disposable current = this.timer;
			if (current != null) {
				current.dispose();
			}
			Deadlines.Deadline pending = this.deadline;
			if (pending != null) {
				pending.settle();
			}
		}

		private void cancelUpstream() {
			Subscription current = this.upstream;
			if (current != null) {
				current.cancel();
			}
		}

		/**
		 * Carries what comes after a failed attempt (the next attempts) to the subscriber.
		 */
		private final class Continuation implements CoreSubscriber<R> {

			private boolean delivered;

			@Override
			public void onSubscribe(Subscription subscription) {
				Exchange.this.continuation = subscription;
				if (isCancelled()) {
					subscription.cancel();
				}
				else {
					subscription.request(Long.MAX_VALUE);
				}
			}

			@Override
			public void onNext(R result) {
				this.delivered = true;
				complete(result);
			}

			@Override
			public void onError(Throwable failure) {
				Exchange.this.actual.onError(failure);
			}

			@Override
			public void onComplete() {
				if (!this.delivered) {
					Exchange.this.actual.onComplete();
				}
			}

			@Override
			public Context currentContext() {
				return Exchange.this.actual.currentContext();
			}

		}

	}

	/** Reactor Netty's response timeout fired (a read timeout on the connection). */
	private static boolean isReadTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ReadTimeoutException) {
				return true;
			}
		}
		return false;
	}

}
