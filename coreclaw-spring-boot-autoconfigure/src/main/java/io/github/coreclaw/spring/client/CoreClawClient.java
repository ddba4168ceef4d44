/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.coreclaw.spring.client.internal.ApiErrorMapper;
import io.github.coreclaw.spring.client.internal.Durations;
import io.github.coreclaw.spring.client.internal.Envelope;
import io.github.coreclaw.spring.client.internal.EnvelopeCodec;
import io.github.coreclaw.spring.client.internal.QueryTokenConnector;
import io.github.coreclaw.spring.client.internal.RetryAfter;
import io.github.coreclaw.spring.client.internal.RetryPolicy;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.netty.channel.ChannelOption;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;

/**
 * Reactive client of the CoreClaw API: one {@link WebClient}, its authentication and the
 * translation of every reply into results or {@link CoreClawException}s, shared by the
 * operations it hands out ({@link #workerTasks()}, {@link #workerRuns()}).
 * <p>
 * Spring Boot applications get one from the starter's auto-configuration; elsewhere, build
 * one with {@link #builder(CoreClawClientSettings)}.
 *
 * @since 0.1.0
 */
public final class CoreClawClient implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(CoreClawClient.class);

	private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

	private static final byte[] EMPTY_BODY = new byte[0];

	private static final Set<Retry> LOGGED_RETRIES = Collections.newSetFromMap(new WeakHashMap<>());

	/** Name of the Resilience4j {@link Retry} instance the client uses. */
	public static final String RETRY_NAME = "coreclaw";

	private final CoreClawClientSettings settings;

	private final WebClient webClient;

	private final EnvelopeCodec codec = new EnvelopeCodec();

	private final ObjectMapper rowMapper;

	private final Clock clock;

	private final String logBaseUrl;

	private final String logQuery;

	private final @Nullable Retry retry;

	private final @Nullable RetryRegistry ownRetryRegistry;

	private final boolean retryGuardsRuns;

	private final WorkerTaskOperations workerTasks;

	private final WorkerRunOperations workerRuns;

	private final CoreClawPollingSettings pollingSettings;

	private final @Nullable URI callbackReceiverUrl;

	private final @Nullable ConnectionProvider ownConnectionProvider;

	private final Sinks.Many<RunSlug> runChanges = Sinks.many().multicast().directBestEffort();

	private CoreClawClient(Builder builder) {
		this.settings = builder.settings;
		this.rowMapper = (builder.rowMapper != null) ? builder.rowMapper : this.codec.mapper();
		this.clock = builder.clock;
		this.ownConnectionProvider = (builder.connector != null) ? null
				: builder.poolSettings.createConnectionProvider();
		this.webClient = buildWebClient(builder);
		String base = this.settings.baseUrl().toString();
		this.logBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.logQuery = (this.settings.authScheme() == AuthScheme.QUERY_TOKEN) ? "?token=******" : "";
		if (builder.retrySettings != null) {
			RetryConfig config = RetryPolicy.toRetryConfig(builder.retrySettings);
			this.ownRetryRegistry = (builder.retryRegistry != null) ? null : RetryRegistry.of(config);
			RetryRegistry registry = (builder.retryRegistry != null) ? builder.retryRegistry : this.ownRetryRegistry;
			this.retry = registry.retry(RETRY_NAME, () -> config);
			// A Retry the application configured itself may retry anything: guard run requests.
			this.retryGuardsRuns = !RetryPolicy.isOwn(this.retry.getRetryConfig());
			logRetries(this.retry);
		}
		else {
			this.retry = null;
			this.ownRetryRegistry = null;
			this.retryGuardsRuns = false;
		}
		this.pollingSettings = builder.pollingSettings;
		this.callbackReceiverUrl = builder.callbackReceiverUrl;
		this.workerTasks = new DefaultWorkerTaskOperations(this);
		this.workerRuns = new DefaultWorkerRunOperations(this);
	}

	/**
	 * Start building a client.
	 * @param settings the client settings
	 * @return a new builder
	 */
	public static Builder builder(CoreClawClientSettings settings) {
		return new Builder(settings);
	}

	/**
	 * Operations that start runs of worker tasks.
	 * @return the worker task operations
	 */
	public WorkerTaskOperations workerTasks() {
		return this.workerTasks;
	}

	/**
	 * Operations on runs that have started.
	 * @return the worker run operations
	 */
	public WorkerRunOperations workerRuns() {
		return this.workerRuns;
	}

	/**
	 * Tell every {@link WorkerRunOperations#awaitCompletion} waiting for this run to read it at
	 * once, because CoreClaw said it changed (a callback arrived).
	 * @param run the run that changed
	 */
	public void runChanged(RunSlug run) {
		// Callbacks arrive on several threads; a sink takes one emission at a time.
		synchronized (this.runChanges) {
			this.runChanges.tryEmitNext(run);
		}
	}

	Flux<RunSlug> runChanges(RunSlug run) {
		return this.runChanges.asFlux().filter(run::equals);
	}

	CoreClawPollingSettings pollingSettings() {
		return this.pollingSettings;
	}

	@Nullable URI callbackReceiverUrl() {
		return this.callbackReceiverUrl;
	}

	/**
	 * The settings of this client.
	 * @return the settings
	 */
	public CoreClawClientSettings settings() {
		return this.settings;
	}

	/**
	 * The Resilience4j retry the client applies to every call.
	 * @return the retry, empty when retries are off
	 */
	public Optional<Retry> retry() {
		return Optional.ofNullable(this.retry);
	}

	/**
	 * The retry registry the client created for its retry, to bind its metrics; empty when
	 * the client was given a registry or does not retry.
	 * @return the client's own registry
	 */
	public Optional<RetryRegistry> ownRetryRegistry() {
		return Optional.ofNullable(this.ownRetryRegistry);
	}

	/**
	 * The envelope type of replies whose {@code data} has the given type.
	 */
	JavaType envelopeType(Class<?> dataType) {
		return this.codec.envelopeType(dataType);
	}

	ObjectMapper rowMapper() {
		return this.rowMapper;
	}

	/**
	 * Log one WARN line per retry of the given Retry, once per Retry even when several
	 * clients share an application's instance.
	 */
	private static void logRetries(Retry retry) {
		synchronized (LOGGED_RETRIES) {
			if (!LOGGED_RETRIES.add(retry)) {
				return;
			}
		}
		int maxAttempts = retry.getRetryConfig().getMaxAttempts();
		retry.getEventPublisher()
			.onRetry((event) -> logger.warn("CoreClaw attempt " + event.getNumberOfRetryAttempts() + "/" + maxAttempts
					+ " failed, retrying in " + Durations.format(event.getWaitInterval()) + ": "
					+ ((event.getLastThrowable() != null) ? event.getLastThrowable().getMessage() : "")));
	}

	/**
	 * Send one request and decode a successful reply's {@code data}; every failure ends as a
	 * {@link CoreClawException}.
	 */
	<D, R> Mono<R> exchange(Call call, JavaType envelopeType, Function<@Nullable D, @Nullable R> converter) {
		byte[] body = (call.body() != null) ? this.codec.write(call.body()) : null;
		Mono<R> attempt = Mono.defer(() -> {
			if (logger.isDebugEnabled()) {
				logger.debug("Sending " + call.method() + " " + this.logBaseUrl + call.path() + this.logQuery);
			}
			// Set once a connection is there and the request is being written: until then a
			// failure or timeout means the request was never sent.
			AtomicBoolean written = new AtomicBoolean();
			WebClient.RequestBodySpec request = this.webClient.method(call.method())
				.uri(call.pathTemplate(), call::uri);
			WebClient.RequestHeadersSpec<?> spec = (body != null)
					? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
			return spec.httpRequest((httpRequest) -> written.set(true))
				.exchangeToMono((response) -> response.bodyToMono(byte[].class)
					.defaultIfEmpty(EMPTY_BODY)
					.map((bytes) -> this.<D, R>decode(call, response.statusCode().value(),
							response.headers().asHttpHeaders(), bytes, envelopeType, converter)))
				.timeout(call.timeout(), Mono.error(() -> timeout(call, written.get())))
				.onErrorMap((ex) -> !(ex instanceof CoreClawException), (ex) -> translate(call, ex, written.get()));
		});
		return (this.retry != null) ? withRetry(call, attempt, this.retry) : attempt;
	}

	/**
	 * Apply the retry so that every attempt subscribes the exchange again, remembering each
	 * failure so that the final exception tells how many attempts were made.
	 */
	private <R> Mono<R> withRetry(Call call, Mono<R> attempt, Retry retry) {
		return Mono.defer(() -> {
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			Mono<R> tracked = attempt.doOnError(failures::add);
			Mono<R> retried = (this.retryGuardsRuns && call.startsRun()) ? guardRuns(tracked, retry)
					: tracked.transformDeferred(RetryOperator.of(retry));
			return retried.onErrorMap((ex) -> attempts(ex, failures));
		});
	}

	/**
	 * Apply a retry whose predicate is not the client's own to a request that starts a run,
	 * hiding from it every failure but a refusal before the run was created (rate limits, or
	 * a request never sent), so that a run is never started twice.
	 */
	private static <R> Mono<R> guardRuns(Mono<R> attempt, Retry retry) {
		return attempt.<Object>map((value) -> value)
			.onErrorResume((ex) -> !RetryPolicy.runCertainlyNotStarted(ex), (ex) -> Mono.just(new UnsafeToRepeat(ex)))
			.transformDeferred(RetryOperator.of(retry))
			.flatMap((value) -> (value instanceof UnsafeToRepeat unsafe) ? Mono.error(unsafe.failure())
					: Mono.just(castResult(value)));
	}

	@SuppressWarnings("unchecked")
	private static <R> R castResult(Object value) {
		return (R) value;
	}

	private static Throwable attempts(Throwable last, List<Throwable> failures) {
		if (failures.size() > 1 && last instanceof CoreClawException exception) {
			exception.setAttempts(failures.size());
			for (Throwable failure : failures) {
				if (failure != last) {
					last.addSuppressed(failure);
				}
			}
		}
		return last;
	}

	private record UnsafeToRepeat(Throwable failure) {
	}

	private <D, R> R decode(Call call, int status, HttpHeaders headers, byte[] bytes, JavaType envelopeType,
			Function<@Nullable D, @Nullable R> converter) {
		Duration retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), this.clock.instant());
		Envelope<D> envelope;
		try {
			envelope = this.codec.read(bytes, envelopeType);
		}
		catch (JacksonException ex) {
			envelope = null;
		}
		if (envelope == null || envelope.code() == null) {
			Envelope<?> errorEnvelope = this.codec.readLeniently(bytes);
			if (errorEnvelope != null && errorEnvelope.code() != null && errorEnvelope.code() != 0) {
				throw logged(call, ApiErrorMapper.fromEnvelope(call.operation(), status, errorEnvelope, retryAfter));
			}
			throw logged(call, ApiErrorMapper.fromUnreadableBody(call.operation(), status, bytes, retryAfter));
		}
		if (status < 200 || status >= 300 || envelope.code() != 0) {
			throw logged(call, ApiErrorMapper.fromEnvelope(call.operation(), status, envelope, retryAfter));
		}
		if (logger.isDebugEnabled()) {
			logger.debug(call.method() + " " + this.logBaseUrl + call.path() + this.logQuery + " answered HTTP "
					+ status + ", code 0, request_id " + envelope.requestId());
		}
		R result = converter.apply(envelope.data());
		if (result == null) {
			throw new CoreClawApiException("CoreClaw answered " + call.operation() + " with HTTP " + status
					+ ", code 0 (request_id " + envelope.requestId() + ") but without the expected "
					+ call.expectedData(), status, 0, envelope.message(), envelope.requestId(),
					envelope.detailTexts());
		}
		return result;
	}


	private CoreClawApiException logged(Call call, CoreClawApiException ex) {
		if (logger.isDebugEnabled()) {
			logger.debug(call.method() + " " + this.logBaseUrl + call.path() + this.logQuery + " failed: "
					+ ex.getMessage());
		}
		return ex;
	}

	private CoreClawTimeoutException timeout(Call call, boolean written) {
		String property = call.syncRun() ? "coreclaw.sync-response-timeout" : "coreclaw.response-timeout";
		if (!written) {
			return new CoreClawTimeoutException("No connection to CoreClaw for " + call.operation() + " within "
					+ Durations.format(call.timeout()) + " (" + property + "). The request was not sent.", call.timeout(),
					false);
		}
		String consequence = call.startsRun()
				? " The run may have been created: look at the worker task's runs before starting it again."
				: "";
		return new CoreClawTimeoutException("No response from CoreClaw to " + call.operation() + " within "
				+ Durations.format(call.timeout()) + " (" + property + ")." + consequence, call.timeout(),
				call.startsRun());
	}

	private CoreClawException translate(Call call, Throwable ex, boolean written) {
		Throwable cause = rootCause(ex);
		if (ex instanceof WebClientRequestException && isPoolExhausted(cause)) {
			return new CoreClawConnectionException("No connection to CoreClaw became free for " + call.operation()
					+ " (" + cause.getMessage() + "). The request was not sent and is safe to retry; for large "
					+ "fan-outs raise coreclaw.pool.max-connections or coreclaw.pool.pending-acquire-timeout, or "
					+ "limit the concurrency of your own calls.", false, false, ex);
		}
		if ((ex instanceof WebClientRequestException || cause instanceof IOException) && !written) {
			return new CoreClawConnectionException("Could not connect to CoreClaw at " + this.logBaseUrl + " for "
					+ call.operation() + ": " + cause.getMessage() + ". The request was not sent.", false, false, ex);
		}
		if (ex instanceof WebClientRequestException || cause instanceof IOException) {
			String consequence = call.startsRun()
					? " The run may have been created: look at the worker task's runs before starting it again." : "";
			return new CoreClawConnectionException("The connection to CoreClaw at " + this.logBaseUrl
					+ " failed during " + call.operation() + " before a complete response arrived: " + cause + "."
					+ consequence, true, call.startsRun(), ex);
		}
		return new CoreClawException("Could not complete " + call.operation() + ": " + ex, ex);
	}

	/** Reactor Netty's pool (a shaded reactor-pool) gave up waiting for a connection. */
	private static boolean isPoolExhausted(Throwable cause) {
		String name = cause.getClass().getSimpleName();
		return name.equals("PoolAcquireTimeoutException") || name.equals("PoolAcquirePendingLimitException");
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private WebClient buildWebClient(Builder builder) {
		WebClient.Builder webClientBuilder = (builder.webClientBuilder != null) ? builder.webClientBuilder.clone()
				: WebClient.builder();
		ClientHttpConnector connector = (builder.connector != null) ? builder.connector
				: defaultConnector(this.ownConnectionProvider, this.settings.connectTimeout());
		if (this.settings.authScheme() == AuthScheme.QUERY_TOKEN) {
			connector = new QueryTokenConnector(connector, this.settings.apiKey());
		}
		webClientBuilder.clientConnector(connector)
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
		builder.webClientCustomizers.forEach((customizer) -> customizer.accept(webClientBuilder));
		return webClientBuilder.build();
	}

	private static ClientHttpConnector defaultConnector(@Nullable ConnectionProvider connectionProvider,
			Duration connectTimeout) {
		return new ReactorClientHttpConnector(HttpClient.create(connectionProvider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis())));
	}

	/**
	 * Release what the client created itself: the connection pool of its default connector.
	 * A connector given to the builder stays its owner's to close.
	 */
	@Override
	public void close() {
		if (this.ownConnectionProvider != null) {
			this.ownConnectionProvider.dispose();
		}
	}

	@Override
	public String toString() {
		return "CoreClawClient[" + this.settings + "]";
	}

	/**
	 * One request to CoreClaw.
	 *
	 * @param method the HTTP method
	 * @param pathTemplate the path with one {@code {id}} variable
	 * @param pathVariable the value of the variable, already checked
	 * @param query the query parameters, unencoded
	 * @param body the JSON body, {@code null} for none
	 * @param timeout the response timeout
	 * @param startsRun whether the request starts a run (and so must never be sent twice by accident)
	 * @param syncRun whether the request waits for a run to finish
	 * @param expectedData what a successful reply's {@code data} must hold, for messages
	 */
	record Call(HttpMethod method, String pathTemplate, String pathVariable, Map<String, String> query,
			@Nullable Object body, Duration timeout, boolean startsRun, boolean syncRun, String expectedData) {

		static Call post(String pathTemplate, String pathVariable, @Nullable Object body, Duration timeout,
				boolean startsRun, boolean syncRun, String expectedData) {
			return new Call(HttpMethod.POST, pathTemplate, pathVariable, Map.of(), body, timeout, startsRun, syncRun,
					expectedData);
		}

		static Call get(String pathTemplate, String pathVariable, Map<String, String> query, Duration timeout,
				String expectedData) {
			return new Call(HttpMethod.GET, pathTemplate, pathVariable, query, null, timeout, false, false,
					expectedData);
		}

		String path() {
			String path = this.pathTemplate.replace("{id}", this.pathVariable);
			if (this.query.isEmpty()) {
				return path;
			}
			StringBuilder result = new StringBuilder(path);
			char separator = '?';
			for (Map.Entry<String, String> parameter : this.query.entrySet()) {
				result.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
				separator = '&';
			}
			return result.toString();
		}

		/**
		 * Complete a builder that holds the path template (which also names the request in
		 * Boot's {@code http.client.requests} metrics) with the query and the variables.
		 */
		URI uri(UriBuilder builder) {
			Map<String, Object> variables = new HashMap<>();
			variables.put("id", this.pathVariable);
			for (Map.Entry<String, String> parameter : this.query.entrySet()) {
				builder.queryParam(parameter.getKey(), "{q-" + parameter.getKey() + "}");
				variables.put("q-" + parameter.getKey(), parameter.getValue());
			}
			return builder.build(variables);
		}

		String operation() {
			return this.method + " " + path();
		}

	}

	/**
	 * Builder of a {@link CoreClawClient}.
	 */
	public static final class Builder {

		private final CoreClawClientSettings settings;

		private WebClient.@Nullable Builder webClientBuilder;

		private @Nullable ClientHttpConnector connector;

		private @Nullable ObjectMapper rowMapper;

		private Clock clock = Clock.systemUTC();

		private @Nullable CoreClawRetrySettings retrySettings;

		private @Nullable RetryRegistry retryRegistry;

		private CoreClawPollingSettings pollingSettings = CoreClawPollingSettings.defaults();

		private CoreClawPoolSettings poolSettings = CoreClawPoolSettings.defaults();

		private @Nullable URI callbackReceiverUrl;

		private final List<Consumer<WebClient.Builder>> webClientCustomizers = new ArrayList<>();

		private Builder(CoreClawClientSettings settings) {
			if (settings == null) {
				throw new IllegalArgumentException("settings must not be null");
			}
			this.settings = settings;
		}

		/**
		 * Start from this {@link WebClient.Builder} (it is cloned, never changed), so that its
		 * codecs, filters and observation settings apply.
		 * @param webClientBuilder the builder to start from
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * Give the default connector a connection pool of these settings (ignored when a
		 * connector is given).
		 * @param poolSettings the pool settings
		 * @return this builder
		 */
		public Builder pool(CoreClawPoolSettings poolSettings) {
			this.poolSettings = poolSettings;
			return this;
		}

		/**
		 * Use this connector; by default a Reactor Netty connector with the settings' connect
		 * timeout and its own connection pool ({@link #pool}) is created.
		 * @param connector the connector
		 * @return this builder
		 */
		public Builder connector(ClientHttpConnector connector) {
			this.connector = connector;
			return this;
		}

		/**
		 * Convert typed result rows with this mapper, normally the application's.
		 * @param rowMapper the mapper
		 * @return this builder
		 */
		public Builder rowMapper(ObjectMapper rowMapper) {
			this.rowMapper = rowMapper;
			return this;
		}

		/**
		 * Use this clock to interpret {@code Retry-After} dates.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Retry transient failures with these settings; without this call the client does not
		 * retry.
		 * @param retrySettings the retry settings
		 * @return this builder
		 */
		public Builder retry(CoreClawRetrySettings retrySettings) {
			return retry(retrySettings, null);
		}

		/**
		 * Retry transient failures with the {@link Retry} named {@value CoreClawClient#RETRY_NAME} of the
		 * given registry, created from these settings unless the registry already holds one.
		 * A retry the registry already held keeps its own configuration, except that requests
		 * that may have started a run are never repeated.
		 * @param retrySettings the retry settings
		 * @param retryRegistry the registry, {@code null} for one of the client's own
		 * @return this builder
		 */
		public Builder retry(CoreClawRetrySettings retrySettings, @Nullable RetryRegistry retryRegistry) {
			this.retrySettings = retrySettings;
			this.retryRegistry = retryRegistry;
			return this;
		}

		/**
		 * Poll runs with these settings in {@link WorkerRunOperations#awaitCompletion}.
		 * @param pollingSettings the polling settings
		 * @return this builder
		 */
		public Builder polling(CoreClawPollingSettings pollingSettings) {
			this.pollingSettings = pollingSettings;
			return this;
		}

		/**
		 * The public URL of the application's callback receiver, used by
		 * {@link RunOptions.Builder#callbackToReceiver()}.
		 * @param callbackReceiverUrl the URL CoreClaw can post callbacks to
		 * @return this builder
		 */
		public Builder callbackReceiverUrl(URI callbackReceiverUrl) {
			this.callbackReceiverUrl = callbackReceiverUrl;
			return this;
		}

		/**
		 * Customize the {@link WebClient} after the client has configured it.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder webClientCustomizer(Consumer<WebClient.Builder> customizer) {
			this.webClientCustomizers.add(customizer);
			return this;
		}

		/**
		 * Build the client and its single {@link WebClient}; nothing is sent.
		 * @return the client
		 */
		public CoreClawClient build() {
			return new CoreClawClient(this);
		}

	}

}
