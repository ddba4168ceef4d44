/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.coreclaw.spring.client.internal.Durations;
import io.github.coreclaw.spring.client.internal.RetryPolicy;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Runs the attempts of a call under the client's Resilience4j {@link Retry}, showing the retry
 * only the failures the operation's {@link RetryClass} allows to repeat, whoever configured the
 * retry; the final failure tells how many attempts were made and carries the earlier ones.
 */
final class RetryExecutor {

	private static final Log logger = LogFactory.getLog(CoreClawClient.class);

	private static final Set<Retry> LOGGED_RETRIES = Collections.newSetFromMap(new WeakHashMap<>());

	private final @Nullable Retry retry;

	private final boolean ownPolicy;

	private final @Nullable Predicate<Throwable> runStartFilter;

	private final Runnable successWithoutRetry;

	/**
	 * Create an executor.
	 * @param retry the retry, {@code null} for none
	 */
	RetryExecutor(@Nullable Retry retry) {
		this.retry = retry;
		this.ownPolicy = (retry != null) && RetryPolicy.isOwn(retry.getRetryConfig());
		this.runStartFilter = RetryPolicy.runStartFilter(retry);
		this.successWithoutRetry = (retry != null) ? () -> retry.asyncContext().onComplete() : () -> {
		};
		if (retry != null) {
			logRetries(retry);
		}
	}

	@Nullable Retry retry() {
		return this.retry;
	}

	/**
	 * Apply the retry to the attempts of an operation of the given class.
	 * <p>
	 * The first attempt runs as it is: a success only counts itself in the retry's metrics,
	 * and the retry's context (its events, waits and the list of failures) is built only once an
	 * attempt has failed. A retry the application configured for reads and idempotent calls
	 * gets Resilience4j's operator around every call instead, so that its own predicates (a
	 * result predicate among them) apply, with the failures CoreClaw refused for good hidden
	 * from it. Calls that start runs or act only once never show their results to a retry,
	 * whoever configured it: a result predicate could otherwise repeat a run start that
	 * succeeded.
	 * @param <R> the type of the result
	 * @param retryClass how the operation may be repeated
	 * @param attempt one attempt, subscribed again for each retry
	 * @return the retried call
	 */
	<R> Mono<R> execute(RetryClass retryClass, Mono<R> attempt) {
		Retry retry = this.retry;
		if (retry == null) {
			return attempt;
		}
		Predicate<Throwable> repeatable = repeatable(retryClass);
		boolean showsResults = retryClass == RetryClass.READ || retryClass == RetryClass.IDEMPOTENT;
		if (!this.ownPolicy && showsResults) {
			return withOperator(attempt, retry, repeatable);
		}
		return attempt.doOnSuccess((result) -> this.successWithoutRetry.run())
			.onErrorResume((failure) -> new Retrying<>(retry, attempt, repeatable, this.ownPolicy).after(failure));
	}

	private static <R> Mono<R> withOperator(Mono<R> attempt, Retry retry, @Nullable Predicate<Throwable> repeatable) {
		return Mono.defer(() -> {
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			Mono<R> tracked = attempt.doOnError(failures::add);
			Mono<R> retried = (repeatable != null) ? guarded(tracked, retry, repeatable)
					: tracked.transformDeferred(RetryOperator.of(retry));
			return retried.onErrorMap((ex) -> attempts(ex, failures));
		});
	}

	/**
	 * Which failures the retry may see at all, {@code null} for every one: the class of the
	 * operation decides, so an application's retry cannot repeat what must not be repeated.
	 */
	private @Nullable Predicate<Throwable> repeatable(RetryClass retryClass) {
		return switch (retryClass) {
			// A read CoreClaw refused for good (no such run, a refused key, a bad argument) fails the
			// same way however often it is repeated, whoever configured the retry.
			case READ, IDEMPOTENT -> this.ownPolicy ? null : RetryPolicy::mayPassOff;
			// The client's own policy already refuses a run request that may have started a run; of
			// the statuses the application configured, only the run-start ones (429, 500 by default).
			case STARTS_RUN -> this.ownPolicy ? this.runStartFilter : RetryPolicy::runCertainlyNotStarted;
			case NON_IDEMPOTENT -> RetryPolicy::certainlyNotExecuted;
		};
	}

	/**
	 * Apply the retry with every failure that must not be repeated hidden from it, so that the
	 * retry's own predicate never sees it.
	 */
	private static <R> Mono<R> guarded(Mono<R> attempt, Retry retry, Predicate<Throwable> repeatable) {
		return attempt.<Object>map((value) -> value)
			.onErrorResume((ex) -> !repeatable.test(ex), (ex) -> Mono.just(new UnsafeToRepeat(ex)))
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

	/**
	 * Log one WARN line per retry of the given Retry, once per Retry even when several clients
	 * share an application's instance.
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

	private record UnsafeToRepeat(Throwable failure) {
	}

	/**
	 * The attempts after the first failure of a call under the client's own policy: each failure
	 * goes to the retry's context, which counts it, publishes its event (the WARN line of a retry)
	 * and says how long to wait before the next attempt, if any.
	 */
	private static final class Retrying<R> {

		private final Retry.AsyncContext<Object> context;

		private final Mono<R> attempt;

		private final @Nullable Predicate<Throwable> repeatable;

		private final boolean ownPolicy;

		private final List<Throwable> failures = new ArrayList<>(4);

		Retrying(Retry retry, Mono<R> attempt, @Nullable Predicate<Throwable> repeatable, boolean ownPolicy) {
			this.context = retry.asyncContext();
			this.attempt = attempt;
			this.repeatable = repeatable;
			this.ownPolicy = ownPolicy;
		}

		Mono<R> after(Throwable failure) {
			this.failures.add(failure);
			if (failure instanceof Error) {
				return Mono.error(failure);
			}
			// A failure the operation must not repeat reaches the client's own retry as one its
			// predicate refuses: counted as failed without retry, never waited for. An
			// application's retry, whose predicate could accept anything, never sees it.
			boolean mayRepeat = this.repeatable == null || this.repeatable.test(failure);
			if (!mayRepeat && !this.ownPolicy) {
				return Mono.error(attempts(failure, this.failures));
			}
			long wait = this.context.onError(mayRepeat ? failure : new NotRepeatable(failure));
			if (wait < 1) {
				return Mono.error(attempts(failure, this.failures));
			}
			return Mono.delay(Duration.ofMillis(wait))
				.then(this.attempt)
				.doOnSuccess((result) -> this.context.onComplete())
				.onErrorResume(this::after);
		}

	}

	/**
	 * A failure shown to the retry in place of one that must not be repeated, so that the
	 * client's own predicate refuses it.
	 */
	private static final class NotRepeatable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotRepeatable(Throwable failure) {
			super("Not repeated (" + failure.getClass().getSimpleName() + "): " + failure.getMessage(), failure,
					false, false);
		}

	}

}
