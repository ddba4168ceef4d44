/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.github.coreclaw.spring.client.internal.EnvelopeCodec;
import io.github.coreclaw.spring.client.internal.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reactive client of the CoreClaw API: one {@link WebClient}, its authentication and the
 * translation of every reply into results or {@link CoreClawException}s, shared by the
 * operations it hands out ({@link #workerTasks()}, {@link #workerRuns()}, {@link #workers()},
 * {@link #runQueue()}, {@link #account()}) and their blocking twins ({@link #blocking()}).
 * <p>
 * Spring Boot applications get one from the starter's auto-configuration; elsewhere, build
 * one with {@link #builder(CoreClawClientSettings)}.
 *
 * @since 0.1.0
 */
public final class CoreClawClient implements AutoCloseable {

	/**
	 * How many bytes of a reply the WebClient's codecs buffer by default: enough for a page of
	 * 100 large rows, CoreClaw's largest page.
	 */
	public static final int DEFAULT_MAX_IN_MEMORY_SIZE = 16 * 1024 * 1024;

	/** Name of the Resilience4j {@link Retry} instance the client uses. */
	public static final String RETRY_NAME = "coreclaw";

	/** Where a callback receiver URL template takes each run's token. */
	private static final String TOKEN_PLACEHOLDER = "{secret}";

	private final CoreClawClientSettings settings;

	private final Transport transport;

	private final RetryExecutor retries;

	private final ClientObservations observations;

	private final RunChangeNotifier runChanges = new RunChangeNotifier();

	private final ObjectMapper rowMapper;

	private final @Nullable RetryRegistry ownRetryRegistry;

	private final CoreClawPollingSettings pollingSettings;

	private final @Nullable Supplier<URI> callbackReceiverUrl;

	private final @Nullable Integer batchMaxRunning;
	private final @Nullable RunTracker runTracker;

	private final @Nullable ConnectionProvider ownConnectionProvider;

	private final WorkerTaskOperations workerTasks;

	private final WorkerRunOperations workerRuns;

	private final WorkerOperations workers;

	private final RunQueueOperations runQueue;

	private final BlockingCoreClawClient blocking;

	private CoreClawClient(Builder builder) {
		this.settings = builder.settings;
		this.rowMapper = (builder.rowMapper != null) ? builder.rowMapper : EnvelopeCodec.shared().mapper();
		// A pool only for the client's own connector: a given connector keeps its own.
		this.ownConnectionProvider = (builder.connector != null) ? null
				: ((builder.poolSettings != null) ? builder.poolSettings : CoreClawPoolSettings.defaults())
					.createConnectionProvider();
		ClientHttpConnector connector = (builder.connector != null) ? builder.connector
				: defaultConnector(this.ownConnectionProvider, this.settings.connectTimeout());
		WebClient.Builder webClientBuilder = (builder.webClientBuilder != null) ? builder.webClientBuilder.clone()
				: WebClient.builder().observationRegistry(builder.observationRegistry);
		this.observations = new ClientObservations(builder.observationRegistry, builder.observationConvention);
		this.transport = new Transport(this.settings, webClientBuilder, connector, builder.maxInMemorySize,
				builder.webClientCustomizers, builder.clock);
		Retry retry = null;
		RetryRegistry ownRegistry = null;
		if (builder.retrySettings != null) {
			RetryConfig config = RetryPolicy.toRetryConfig(builder.retrySettings);
			ownRegistry = (builder.retryRegistry != null) ? null : RetryRegistry.of(config);
			RetryRegistry registry = (builder.retryRegistry != null) ? builder.retryRegistry : ownRegistry;
			retry = registry.retry(RETRY_NAME, () -> config);
		}
		this.ownRetryRegistry = ownRegistry;
		this.retries = new RetryExecutor(retry);
		this.pollingSettings = builder.pollingSettings;
		this.callbackReceiverUrl = builder.callbackReceiverUrl;
		this.batchMaxRunning = builder.batchMaxRunning;
		this.runTracker = builder.runTracker;
		DefaultWorkerTaskOperations workerTasks = new DefaultWorkerTaskOperations(this);
		DefaultWorkerRunOperations workerRuns = new DefaultWorkerRunOperations(this);
		DefaultWorkerOperations workers = new DefaultWorkerOperations(this);
		DefaultRunQueueOperations runQueue = new DefaultRunQueueOperations(this);
		this.workerTasks = workerTasks;
		this.workerRuns = workerRuns;
		this.workers = workers;
		this.runQueue = runQueue;
		this.blocking = new BlockingCoreClawClient(this, workerTasks, workerRuns, workers, runQueue);
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
	 * Operations on saved worker tasks: run them, list, read, create, update and delete them.
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
	 * Operations on Workers: run one with an input of your own, queue a run, read its details.
	 * @return the worker operations
	 */
	public WorkerOperations workers() {
		return this.workers;
	}

	/**
	 * Operations on the run queue.
	 * @return the run queue operations
	 */
	public RunQueueOperations runQueue() {
		return this.runQueue;
	}

	/**
	 * The blocking twins of this client's operations, for Spring MVC and virtual-thread
	 * applications: the same calls over this client's transport and retries, each waiting on the
	 * caller's thread, refused on a thread that must not block.
	 * @return the blocking view of this client
	 * @since 0.1.0
	 */
	public BlockingCoreClawClient blocking() {
		return this.blocking;
	}

	/**
	 * Read the account the API key belongs to: its balance and when that expires
	 * ({@code GET /api/v2/users/account}); lazy, and retried on transient failures like every
	 * read.
	 * @return the account
	 * @since 0.1.0
	 */
	public Mono<Account> account() {
		return AccountEndpoint.read(this);
	}

	/**
	 * Tell every {@link WorkerRunOperations#awaitCompletion} waiting for this run to read it at
	 * once, because CoreClaw said it changed (a callback arrived). Returns at once: the reads run
	 * on the polling scheduler, not on the caller's thread.
	 * @param run the run that changed
	 */
	public void runChanged(RunSlug run) {
		this.runChanges.runChanged(run);
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
		return Optional.ofNullable(this.retries.retry());
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
	 * Execute a call: its attempts under the retry its operation allows, observed as one
	 * operation; every failure ends as a {@link CoreClawException}.
	 */
	<D, R> Mono<R> execute(Call<D, R> call) {
		byte[] body = this.transport.encode(call.body());
		Mono<R> attempt = this.observations.counted(this.transport.attempt(call, body));
		return this.observations.observe(call, this.retries.execute(call.endpoint().retryClass(), attempt));
	}

	/**
	 * Wait for a run that was just started and read the first page of its results; every failure
	 * carries the run.
	 */
	Mono<CompletedRun> awaitAndReadFirstPage(RunSlug run, @Nullable RunOptions options, Duration timeout) {
		int pageSize = (options != null && options.limit() != null) ? options.limit()
				: this.settings.defaultResultLimit();
		return this.workerRuns.awaitCompletion(run, timeout)
			.flatMap((state) -> this.workerRuns.resultPage(run, 1, pageSize)
				.map((page) -> CompletedRun.of(state, page)))
			.onErrorMap((ex) -> RunPoller.withRun(ex, run));
	}

	/**
	 * Run a batch of runs whose item at an index the starter starts.
	 */
	Flux<BatchOutcome> runBatch(String operation, int size, IntFunction<Mono<RunSlug>> starter, BatchOptions options) {
		return new RunBatch(operation, size, starter, (DefaultWorkerRunOperations) this.workerRuns, this.observations,
				options, this.batchMaxRunning)
			.outcomes();
	}

	RunChangeNotifier runChanges() {
		return this.runChanges;
	}

	CoreClawPollingSettings pollingSettings() {
		return this.pollingSettings;
	}

	/**
	 * The callback receiver's URL for one more run: with a fresh token when the receiver signs
	 * them, {@code null} if the application has no receiver.
	 */
	@Nullable Supplier<URI> callbackReceiverUrl() {
		return this.callbackReceiverUrl;
	}

	ObjectMapper rowMapper() {
		return this.rowMapper;
	}

	@Nullable RunTracker runTracker() {
		return this.runTracker;
	}

	private static ClientHttpConnector defaultConnector(@Nullable ConnectionProvider connectionProvider,
			Duration connectTimeout) {
		// Reactor Netty follows no redirect unless told to: the key must not travel elsewhere.
		return new ReactorClientHttpConnector(HttpClient.create(connectionProvider)
			.followRedirect(false)
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

		private @Nullable CoreClawPoolSettings poolSettings;

		private @Nullable Supplier<URI> callbackReceiverUrl;

		private @Nullable RunTracker runTracker;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable CoreClawObservationConvention observationConvention;

		private final List<Consumer<WebClient.Builder>> webClientCustomizers = new ArrayList<>();

		private @Nullable Integer maxInMemorySize = DEFAULT_MAX_IN_MEMORY_SIZE;

		private @Nullable Integer batchMaxRunning;

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
		 * Give the default connector a connection pool of these settings; a client given a
		 * {@link #connector} has no pool of its own, so {@link #build()} refuses both.
		 * @param poolSettings the pool settings
		 * @return this builder
		 */
		public Builder pool(CoreClawPoolSettings poolSettings) {
			if (poolSettings == null) {
				throw new IllegalArgumentException("poolSettings must not be null");
			}
			this.poolSettings = poolSettings;
			return this;
		}

		/**
		 * Use this connector; by default a Reactor Netty connector with the settings' connect
		 * timeout and its own connection pool ({@link #pool}) is created. A connector given here
		 * must not follow redirects (the client treats a redirect as an error, so that the API key
		 * never travels to another address).
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
		 * Run at most this many runs of a batch at once when its {@link BatchOptions} set no
		 * limit ({@code coreclaw.batch.max-running}); without it, a batch learns the limit.
		 * @param batchMaxRunning the limit, at least 1, or {@code null} to learn it
		 * @return this builder
		 * @throws IllegalArgumentException if the limit is below 1
		 * @since 0.1.0
		 */
		public Builder batchMaxRunning(@Nullable Integer batchMaxRunning) {
			if (batchMaxRunning != null && batchMaxRunning < 1) {
				throw new IllegalArgumentException("batchMaxRunning must be at least 1, was " + batchMaxRunning);
			}
			this.batchMaxRunning = batchMaxRunning;
			return this;
		}

		/**
		 * A fixed URL for {@link RunOptions.Builder#callbackToReceiver()}: for a receiver of the
		 * application's own. The starter's receiver accepts only URLs with a token of their own
		 * ({@link #callbackReceiverUrl(String, CallbackTokens)}), and refuses this one.
		 * @param callbackReceiverUrl the URL CoreClaw can post callbacks to
		 * @return this builder
		 * @throws IllegalArgumentException if the URL is {@code null}
		 * @since 0.1.0
		 */
		public Builder callbackReceiverUrl(URI callbackReceiverUrl) {
			if (callbackReceiverUrl == null) {
				throw new IllegalArgumentException("callbackReceiverUrl must not be null");
			}
			this.callbackReceiverUrl = () -> callbackReceiverUrl;
			return this;
		}

		/**
		 * The public URL of the application's callback receiver, used by
		 * {@link RunOptions.Builder#callbackToReceiver()}, with a fresh token in place of
		 * {@code {secret}} for each run, so that the secret itself is in no URL.
		 * @param urlTemplate the URL CoreClaw can post callbacks to, holding {@code {secret}}
		 * once, such as {@code https://app.example.com/coreclaw/callback/{secret}}
		 * @param tokens the tokens that the application's receiver accepts
		 * @return this builder
		 * @throws IllegalArgumentException if the template does not hold {@code {secret}} once or
		 * is not an absolute http(s) URL
		 * @since 0.1.0
		 */
		public Builder callbackReceiverUrl(String urlTemplate, CallbackTokens tokens) {
			if (urlTemplate == null || tokens == null) {
				throw new IllegalArgumentException("urlTemplate and tokens must not be null");
			}
			int at = urlTemplate.indexOf(TOKEN_PLACEHOLDER);
			if (at < 0 || urlTemplate.indexOf(TOKEN_PLACEHOLDER, at + 1) >= 0) {
				throw new IllegalArgumentException("urlTemplate must hold " + TOKEN_PLACEHOLDER + " once, where "
						+ "each run's callback token goes");
			}
			String prefix = urlTemplate.substring(0, at);
			String suffix = urlTemplate.substring(at + TOKEN_PLACEHOLDER.length());
			String problem;
			try {
				problem = CoreClawValues.absoluteHttpProblem(URI.create(prefix + "t" + suffix));
			}
			catch (IllegalArgumentException ex) {
				problem = "it is not a valid URL";
			}
			if (problem != null) {
				throw new IllegalArgumentException("urlTemplate must be an absolute http or https URL, but " + problem);
			}
			this.callbackReceiverUrl = () -> URI.create(prefix + tokens.mint() + suffix);
			return this;
		}

		/**
		 * Record the runs started with {@link RunOptions.Builder#track(String)} with this tracker
		 * before their start completes; without one, a tracked start is refused before anything is
		 * sent.
		 * @param runTracker the tracker
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder runTracker(RunTracker runTracker) {
			if (runTracker == null) {
				throw new IllegalArgumentException("runTracker must not be null");
			}
			this.runTracker = runTracker;
			return this;
		}

		/**
		 * Observe every operation call with this registry: one observation named
		 * {@value DefaultCoreClawObservationConvention#NAME} per call, whatever the number of its
		 * attempts, parent of the observations of its HTTP exchanges. A {@link WebClient.Builder}
		 * given to {@link #webClientBuilder} keeps its own registry for those; the client's own
		 * builder gets this one. Without this call nothing is observed.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			if (observationRegistry == null) {
				throw new IllegalArgumentException("observationRegistry must not be null");
			}
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Name the observations and choose their key values with this convention instead of
		 * {@link DefaultCoreClawObservationConvention}.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public Builder observationConvention(CoreClawObservationConvention observationConvention) {
			if (observationConvention == null) {
				throw new IllegalArgumentException("observationConvention must not be null");
			}
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Let the WebClient's codecs buffer replies of up to this many bytes (their
		 * {@code maxInMemorySize}); a larger reply fails the call with a
		 * {@link CoreClawResponseTooLargeException}. By default
		 * {@value CoreClawClient#DEFAULT_MAX_IN_MEMORY_SIZE} bytes, enough for a page of 100 large
		 * rows; {@code null} keeps the limit of the {@link #webClientBuilder WebClient.Builder}
		 * given (the auto-configuration passes {@code null} when the application sets
		 * {@code spring.http.codecs.max-in-memory-size}). A {@link #webClientCustomizer customizer}
		 * that sets the codecs' limit wins over this.
		 * @param maxInMemorySize the limit in bytes, {@code null} for the builder's own
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder maxInMemorySize(@Nullable Integer maxInMemorySize) {
			if (maxInMemorySize != null && maxInMemorySize < 1) {
				throw new IllegalArgumentException("maxInMemorySize must be positive, was " + maxInMemorySize);
			}
			this.maxInMemorySize = maxInMemorySize;
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
		 * @throws IllegalStateException if both {@link #pool} and {@link #connector} were given
		 */
		public CoreClawClient build() {
			if (this.poolSettings != null && this.connector != null) {
				throw new IllegalStateException("poolSettings apply only to the client's own Reactor Netty "
						+ "connector, but a connector was given too, which keeps its own connection pool: configure "
						+ "the pool on that connector, or leave out connector(...) to use the client's own");
			}
			return new CoreClawClient(this);
		}

	}

}
