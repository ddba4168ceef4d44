/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.coreclaw.spring.client.AuthScheme;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the CoreClaw client, bound from {@code coreclaw.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(CoreClawProperties.PREFIX)
public class CoreClawProperties {

	/** Prefix of every CoreClaw property. */
	public static final String PREFIX = "coreclaw";

	/**
	 * API key that authenticates every request, created in the CoreClaw console under Settings, API and Integrations.
	 */
	private @Nullable String apiKey;

	/**
	 * Root URL of the CoreClaw API.
	 */
	private URI baseUrl = CoreClawClientSettings.DEFAULT_BASE_URL;

	/**
	 * How the API key is sent: as a bearer token, in the legacy api-key header, or as a token query parameter.
	 */
	private AuthScheme authScheme = AuthScheme.BEARER;

	/**
	 * Maximum time to wait for a connection to CoreClaw.
	 */
	private Duration connectTimeout = CoreClawClientSettings.DEFAULT_CONNECT_TIMEOUT;

	/**
	 * Maximum time to wait for the response to any call except a synchronous run.
	 */
	private Duration responseTimeout = CoreClawClientSettings.DEFAULT_RESPONSE_TIMEOUT;

	/**
	 * Maximum time to wait for the response to a synchronous run, which CoreClaw holds for up to five minutes.
	 */
	private Duration syncResponseTimeout = CoreClawClientSettings.DEFAULT_SYNC_RESPONSE_TIMEOUT;

	/**
	 * Callback URL that CoreClaw notifies of status changes of runs whose options set none.
	 */
	private @Nullable URI defaultCallbackUrl;

	/**
	 * Number of result rows a synchronous run returns when its options set no limit, from 1 to 100.
	 */
	private int defaultResultLimit = CoreClawClientSettings.DEFAULT_RESULT_LIMIT;

	/**
	 * Whether plain http to a host other than loopback is allowed for the base URL, which sends the API key in clear, and for the callback public base URL, which sends the callback tokens in clear.
	 */
	private boolean allowInsecureHttp;

	private final Retry retry = new Retry();

	private final Polling polling = new Polling();

	private final Callback callback = new Callback();

	private final Pool pool = new Pool();

	private final Batch batch = new Batch();
	private final Tracking tracking = new Tracking();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public AuthScheme getAuthScheme() {
		return this.authScheme;
	}

	public void setAuthScheme(AuthScheme authScheme) {
		this.authScheme = authScheme;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Duration getSyncResponseTimeout() {
		return this.syncResponseTimeout;
	}

	public void setSyncResponseTimeout(Duration syncResponseTimeout) {
		this.syncResponseTimeout = syncResponseTimeout;
	}

	public @Nullable URI getDefaultCallbackUrl() {
		return this.defaultCallbackUrl;
	}

	public void setDefaultCallbackUrl(@Nullable URI defaultCallbackUrl) {
		this.defaultCallbackUrl = defaultCallbackUrl;
	}

	public int getDefaultResultLimit() {
		return this.defaultResultLimit;
	}

	public void setDefaultResultLimit(int defaultResultLimit) {
		this.defaultResultLimit = defaultResultLimit;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Polling getPolling() {
		return this.polling;
	}

	public Callback getCallback() {
		return this.callback;
	}

	public Pool getPool() {
		return this.pool;
	}

	public Batch getBatch() {
		return this.batch;
	}

	public Tracking getTracking() {
		return this.tracking;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	/**
	 * Retries of transient failures.
	 */
	public static class Retry {

		/**
		 * Whether transient failures (HTTP 429 and 500, codes 13000 to 13999, refused connections) are retried.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of attempts, counting the first.
		 */
		private int maxAttempts = 4;

		/**
		 * Wait before the first retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Factor applied to the wait after each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(30);

		/**
		 * Randomization factor of each wait, from 0 for none to below 1.
		 */
		private double jitter = 0.5;

		/**
		 * Whether a Retry-After header from CoreClaw sets the least wait before the next attempt.
		 */
		private boolean respectRetryAfter = true;

		/**
		 * Longest Retry-After that is waited for; a longer one fails at once with a rate-limited exception.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		/**
		 * HTTP statuses that are retried whatever the application code; a request that starts a run is retried only on those that run-start-retryable-statuses lists too.
		 */
		private List<Integer> retryableStatuses = new ArrayList<>(List.of(429, 500));

		/**
		 * Of the retryable statuses, those on which a request that starts a run is retried as well; a status only retryable-statuses lists (such as a gateway's 502, 503 or 504, which may come after CoreClaw started the run) applies to reads and idempotent calls only, so that no retry starts a run twice.
		 */
		private List<Integer> runStartRetryableStatuses = new ArrayList<>(List.of(429, 500));

		/**
		 * Application codes that are retried whatever the HTTP status, each a code such as 30003 or a range such as 13000-13999.
		 */
		private List<String> retryableCodes = new ArrayList<>(List.of("13000-13999"));

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public boolean isRespectRetryAfter() {
			return this.respectRetryAfter;
		}

		public void setRespectRetryAfter(boolean respectRetryAfter) {
			this.respectRetryAfter = respectRetryAfter;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		public List<Integer> getRetryableStatuses() {
			return this.retryableStatuses;
		}

		public void setRetryableStatuses(List<Integer> retryableStatuses) {
			this.retryableStatuses = retryableStatuses;
		}

		public List<Integer> getRunStartRetryableStatuses() {
			return this.runStartRetryableStatuses;
		}

		public void setRunStartRetryableStatuses(List<Integer> runStartRetryableStatuses) {
			this.runStartRetryableStatuses = runStartRetryableStatuses;
		}

		public List<String> getRetryableCodes() {
			return this.retryableCodes;
		}

		public void setRetryableCodes(List<String> retryableCodes) {
			this.retryableCodes = retryableCodes;
		}

	}

	/**
	 * Polling of runs by awaitCompletion and runAndAwait.
	 */
	public static class Polling {

		/**
		 * Wait before the second read of a run.
		 */
		private Duration initialInterval = Duration.ofSeconds(2);

		/**
		 * Longest wait between two reads of a run.
		 */
		private Duration maxInterval = Duration.ofSeconds(15);

		/**
		 * Factor applied to the wait after each read.
		 */
		private double multiplier = 2.0;

		/**
		 * Randomization factor of each wait, from 0 for none to below 1.
		 */
		private double jitter = 0.2;

		/**
		 * How long a run may stay aborting before the wait ends with that state.
		 */
		private Duration abortingGrace = Duration.ofSeconds(60);

		/**
		 * Whether a run is asked to abort when the caller's timeout expires; the caller gets its
		 * timeout at its deadline, and the abort goes on in the background for at most the
		 * response timeout.
		 */
		private boolean abortOnTimeout;

		/**
		 * How long awaitCompletion waits for a run when the caller gives no timeout.
		 */
		private Duration defaultTimeout = Duration.ofMinutes(30);

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getAbortingGrace() {
			return this.abortingGrace;
		}

		public void setAbortingGrace(Duration abortingGrace) {
			this.abortingGrace = abortingGrace;
		}

		public boolean isAbortOnTimeout() {
			return this.abortOnTimeout;
		}

		public void setAbortOnTimeout(boolean abortOnTimeout) {
			this.abortOnTimeout = abortOnTimeout;
		}

		public Duration getDefaultTimeout() {
			return this.defaultTimeout;
		}

		public void setDefaultTimeout(Duration defaultTimeout) {
			this.defaultTimeout = defaultTimeout;
		}

	}

	/**
	 * Receiver of CoreClaw's run status callbacks, in WebFlux and Spring MVC applications.
	 */
	public static class Callback {

		/**
		 * Whether to receive CoreClaw's run status callbacks at the callback path.
		 */
		private boolean enabled;

		/**
		 * Path of the callback endpoint; its {secret} segment takes each run's callback token, signed with the secret (never the secret itself).
		 */
		private String path = "/coreclaw/callback/{secret}";

		/**
		 * Secret that signs the token in each run's callback URL, at least 16 letters, digits, '_', '~', '.' or '-'; the same on every instance.
		 */
		private @Nullable String secret;

		/**
		 * How long the receiver accepts a run's callback token after it was made (when the run operation was called), at most 365 days; callbacks that come later are refused, and awaiting or reconciling reads the run instead.
		 */
		private Duration tokenValidity = Duration.ofDays(7);

		/**
		 * How long a run and status pair is remembered so that repeated notifications are acknowledged but not published again.
		 */
		private Duration dedupeWindow = Duration.ofMinutes(10);

		/**
		 * Most run and status pairs remembered at once within the dedupe window, about 200 bytes each (20 MB for the default); beyond it the oldest are forgotten first, and a repeat of a forgotten pair is published again.
		 */
		private int dedupeMaxKeys = 100_000;

		/**
		 * Public https URL of this application as CoreClaw reaches it, to which the path is appended for RunOptions callbackToReceiver.
		 */
		private @Nullable URI publicBaseUrl;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public Duration getDedupeWindow() {
			return this.dedupeWindow;
		}

		public void setDedupeWindow(Duration dedupeWindow) {
			this.dedupeWindow = dedupeWindow;
		}

		public Duration getTokenValidity() {
			return this.tokenValidity;
		}

		public void setTokenValidity(Duration tokenValidity) {
			this.tokenValidity = tokenValidity;
		}

		public int getDedupeMaxKeys() {
			return this.dedupeMaxKeys;
		}

		public void setDedupeMaxKeys(int dedupeMaxKeys) {
			this.dedupeMaxKeys = dedupeMaxKeys;
		}

		public @Nullable URI getPublicBaseUrl() {
			return this.publicBaseUrl;
		}

		public void setPublicBaseUrl(@Nullable URI publicBaseUrl) {
			this.publicBaseUrl = publicBaseUrl;
		}

	}

	/**
	 * The CoreClaw client's own connection pool, which only Reactor Netty's connector has:
	 * startup fails when one of these properties is set and Boot's connector is another.
	 */
	public static class Pool {

		/**
		 * Maximum number of connections to CoreClaw open at once.
		 */
		private int maxConnections = 100;

		/**
		 * Maximum number of requests waiting for a free connection, -1 for no limit.
		 */
		private int maxPendingAcquires = -1;

		/**
		 * Longest wait of a request for a free connection; a request that waited longer is not sent.
		 */
		private Duration pendingAcquireTimeout = Duration.ofSeconds(10);

		/**
		 * How long a connection may stay unused before it is closed.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(20);

		/**
		 * How long a connection may be used before it is closed.
		 */
		private Duration maxLifeTime = Duration.ofMinutes(5);

		/**
		 * How often idle and expired connections are closed in the background, 0 for never.
		 */
		private Duration evictInBackground = Duration.ofSeconds(30);

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public int getMaxPendingAcquires() {
			return this.maxPendingAcquires;
		}

		public void setMaxPendingAcquires(int maxPendingAcquires) {
			this.maxPendingAcquires = maxPendingAcquires;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public Duration getMaxLifeTime() {
			return this.maxLifeTime;
		}

		public void setMaxLifeTime(Duration maxLifeTime) {
			this.maxLifeTime = maxLifeTime;
		}

		public Duration getEvictInBackground() {
			return this.evictInBackground;
		}

		public void setEvictInBackground(Duration evictInBackground) {
			this.evictInBackground = evictInBackground;
		}

	}

	/**
	 * Batches of runs (runBatch).
	 */
	public static class Batch {

		/**
		 * Most runs of a batch running at once when its options set no limit, usually the plan's
		 * limit of runs at once; unset, each batch learns the limit from CoreClaw's refusals.
		 */
		private @Nullable Integer maxRunning;

		public @Nullable Integer getMaxRunning() {
			return this.maxRunning;
		}

		public void setMaxRunning(@Nullable Integer maxRunning) {
			this.maxRunning = maxRunning;
		}

	}

	/**
	 * Tracked runs: runs started with RunOptions.builder().track(label), recorded in the
	 * application's database and handed to its TrackedRunHandler beans once they finish.
	 */
	public static class Tracking {

		/**
		 * Whether to track runs started with a track label, which needs a DataSource.
		 */
		private boolean enabled;

		/**
		 * When to create the tracking tables: on an embedded database only, always, or never.
		 */
		private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

		/**
		 * How often one instance reads CoreClaw for the tracked runs still open, oldest first.
		 */
		private Duration reconcileInterval = Duration.ofMinutes(1);

		/**
		 * How long an instance's claim on a run lasts, which must be longer than the handlers take.
		 */
		private Duration lease = Duration.ofMinutes(5);

		/**
		 * How many times the handlers are tried on a finished run before it is marked failed-to-handle.
		 */
		private int handlerAttempts = 5;

		/**
		 * Wait after the first failed handling attempt, doubled after each further one.
		 */
		private Duration handlerBackoff = Duration.ofSeconds(30);

		/**
		 * How callbacks reach the other instances, so that their waits wake at once: none, or redis for Redis pub/sub.
		 */
		private Broadcast broadcast = Broadcast.NONE;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public InitializeSchema getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(InitializeSchema initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public Duration getReconcileInterval() {
			return this.reconcileInterval;
		}

		public void setReconcileInterval(Duration reconcileInterval) {
			this.reconcileInterval = reconcileInterval;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

		public int getHandlerAttempts() {
			return this.handlerAttempts;
		}

		public void setHandlerAttempts(int handlerAttempts) {
			this.handlerAttempts = handlerAttempts;
		}

		public Duration getHandlerBackoff() {
			return this.handlerBackoff;
		}

		public void setHandlerBackoff(Duration handlerBackoff) {
			this.handlerBackoff = handlerBackoff;
		}

		public Broadcast getBroadcast() {
			return this.broadcast;
		}

		public void setBroadcast(Broadcast broadcast) {
			this.broadcast = broadcast;
		}

		/**
		 * When the tracking tables are created, as Spring Session and Spring Batch do.
		 */
		public enum InitializeSchema {

			/** Only on an embedded database such as H2. */
			EMBEDDED,

			/** On any database; the scripts create only what is missing. */
			ALWAYS,

			/** Never: the application creates the tables itself. */
			NEVER

		}

		/**
		 * How a callback received by one instance reaches the others.
		 */
		public enum Broadcast {

			/** Not at all: waits on other instances poll. */
			NONE,

			/** Over Redis pub/sub, where Spring Data Redis is configured. */
			REDIS

		}

	}

}
