/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of the observation of one CoreClaw operation call (all its attempts): what a
 * {@link CoreClawObservationConvention} turns into key values.
 * <p>
 * It holds the operation's stable name, the identifiers the call concerns (never the API key,
 * a callback URL or an input), how many attempts were made and how the call ended.
 *
 * @since 0.1.0
 */
public class CoreClawObservationContext extends Observation.Context {

	private final String operation;

	private final @Nullable String workerTaskId;

	private final @Nullable String workerId;

	private volatile @Nullable String runSlug;

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicReference<@Nullable Outcome> outcome = new AtomicReference<>();

	/**
	 * Create a context.
	 * @param operation the stable name of the operation, for example {@code worker-task.run}
	 * @param workerTaskId the worker task the call concerns, {@code null} if none
	 * @param workerId the Worker the call concerns, {@code null} if none
	 * @param runSlug the run the call concerns, {@code null} if none is known yet
	 */
	public CoreClawObservationContext(String operation, @Nullable String workerTaskId, @Nullable String workerId,
			@Nullable String runSlug) {
		this.operation = operation;
		this.workerTaskId = workerTaskId;
		this.workerId = workerId;
		this.runSlug = runSlug;
	}

	/**
	 * A context for a call, with the identifiers of its path.
	 * @param call the call
	 * @return the context
	 */
	static CoreClawObservationContext of(Call<?, ?> call) {
		Map<String, String> variables = call.variables();
		return new CoreClawObservationContext(call.endpoint().name(), variables.get("workerTaskId"),
				variables.get("workerId"), variables.get("runId"));
	}

	/**
	 * The stable name of the operation.
	 * @return for example {@code worker-task.run} or {@code worker-run.get}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * The worker task the call concerns.
	 * @return its id, {@code null} if the call concerns none
	 */
	public @Nullable String getWorkerTaskId() {
		return this.workerTaskId;
	}

	/**
	 * The Worker the call concerns.
	 * @return its id, {@code null} if the call concerns none
	 */
	public @Nullable String getWorkerId() {
		return this.workerId;
	}

	/**
	 * The run the call concerns: the one in its path, or the one it started or read.
	 * @return the run slug, {@code null} if none is known
	 */
	public @Nullable String getRunSlug() {
		return this.runSlug;
	}

	/**
	 * How many attempts the call has made so far.
	 * @return the number of attempts, 0 before the first one
	 */
	public int getAttempts() {
		return this.attempts.get();
	}

	/**
	 * How the call ended.
	 * @return the outcome, {@code null} while the call is in progress
	 */
	public @Nullable Outcome getOutcome() {
		return this.outcome.get();
	}

	void attemptStarted() {
		this.attempts.incrementAndGet();
	}

	/**
	 * Record that the call succeeded, unless it had already ended.
	 * @param result the result, {@code null} for none
	 * @return whether the call ended now
	 */
	boolean succeeded(@Nullable Object result) {
		if (this.runSlug == null) {
			if (result instanceof RunSlug slug) {
				this.runSlug = slug.value();
			}
			else if (result instanceof WorkerRun run) {
				this.runSlug = run.runSlug().value();
			}
		}
		return this.outcome.compareAndSet(null, Outcome.SUCCESS);
	}

	/**
	 * Record that the call failed, unless it had already ended.
	 * @param error the failure
	 * @return whether the call ended now
	 */
	boolean failed(Throwable error) {
		return this.outcome.compareAndSet(null, Outcome.of(error));
	}

	/**
	 * Record that the subscriber cancelled the call, unless it had already ended.
	 * @return whether the call ended now
	 */
	boolean cancelled() {
		return this.outcome.compareAndSet(null, Outcome.CANCELLED);
	}

	/**
	 * How a CoreClaw operation call ended.
	 */
	public enum Outcome {

		/** CoreClaw answered with code 0. */
		SUCCESS,

		/**
		 * CoreClaw refused the request (HTTP 4xx, or an application code that is not a server
		 * failure under another status, a redirect), or the client could not complete it.
		 */
		CLIENT_ERROR,

		/**
		 * CoreClaw failed (HTTP 5xx, codes 10000, 14000 or 16000) or answered success with a body
		 * that is not the documented envelope.
		 */
		SERVER_ERROR,

		/**
		 * CoreClaw refused the request for a rate limit (HTTP 429, codes 13000–13999) or for the
		 * plan's concurrency limit (code 30003).
		 */
		RATE_LIMITED,

		/** No response arrived within the response timeout. */
		TIMEOUT,

		/** No connection could be made, or it broke before a complete response arrived. */
		CONNECTION_ERROR,

		/** The subscriber cancelled the call before it ended. */
		CANCELLED;

		private final String value = name().toLowerCase(Locale.ROOT).replace('_', '-');

		/**
		 * The outcome as a key value.
		 * @return for example {@code rate-limited}
		 */
		public String value() {
			return this.value;
		}

		/**
		 * The outcome of a call that failed with the given error.
		 * @param error the error the call ended with
		 * @return the outcome, never {@link #SUCCESS} or {@link #CANCELLED}
		 */
		public static Outcome of(Throwable error) {
			if (error instanceof CoreClawRateLimitedException || error instanceof CoreClawConcurrencyLimitException) {
				return RATE_LIMITED;
			}
			if (error instanceof CoreClawTimeoutException) {
				return TIMEOUT;
			}
			if (error instanceof CoreClawConnectionException) {
				return CONNECTION_ERROR;
			}
			if (error instanceof CoreClawApiException api) {
				return isServerFailure(api) ? SERVER_ERROR : CLIENT_ERROR;
			}
			return CLIENT_ERROR;
		}

		private static boolean isServerFailure(CoreClawApiException error) {
			int status = error.getHttpStatus();
			if (status >= 500) {
				return true;
			}
			if (status >= 300) {
				return false;
			}
			long code = error.getCode();
			return code == CoreClawApiException.NO_CODE || code == 0 || code == 10000 || code == 14000
					|| code == 16000;
		}

	}

}
