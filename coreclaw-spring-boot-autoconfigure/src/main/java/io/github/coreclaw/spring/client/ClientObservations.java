/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Observes every operation call once, whatever the number of its attempts: the observation
 * starts on subscription, is the parent of the HTTP exchanges' observations (it travels in the
 * Reactor context, so it survives the retry's waits on other threads) and stops on success,
 * error or cancellation, before the result or error reaches the subscriber.
 */
final class ClientObservations {

	/**
	 * Key of the current observation in the Reactor context, the one Spring's {@code WebClient}
	 * reads the parent of its exchange observations from (Micrometer's
	 * {@code ObservationThreadLocalAccessor.KEY}).
	 */
	static final String OBSERVATION_KEY = ObservationThreadLocalAccessor.KEY;

	private static final CoreClawObservationConvention DEFAULT_CONVENTION = new DefaultCoreClawObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable CoreClawObservationConvention convention;

	ClientObservations(ObservationRegistry registry, @Nullable CoreClawObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * Count the subscriptions of one attempt in the context of the call's observation, if any.
	 * @param <R> the type of the result
	 * @param attempt one attempt, subscribed again for each retry
	 * @return the counted attempt
	 */
	<R> Mono<R> counted(Mono<R> attempt) {
		if (this.registry.isNoop()) {
			return attempt;
		}
		return Mono.deferContextual((view) -> {
			CoreClawObservationContext context = view.getOrDefault(CoreClawObservationContext.class, null);
			if (context != null) {
				context.attemptStarted();
			}
			return attempt;
		});
	}

	/**
	 * Observe a call: all its attempts, counted with {@link #counted}, under one observation.
	 * @param <R> the type of the result
	 * @param call the call
	 * @param attempts the attempts of the call, retries included
	 * @return the observed call
	 */
	<R> Mono<R> observe(Call<?, ?> call, Mono<R> attempts) {
		if (this.registry.isNoop()) {
			return attempts;
		}
		return Mono.deferContextual((view) -> {
			CoreClawObservationContext context = CoreClawObservationContext.of(call);
			Observation parent = view.getOrDefault(OBSERVATION_KEY, this.registry.getCurrentObservation());
			Observation observation = CoreClawObservationDocumentation.OPERATION
				.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
				.parentObservation(parent)
				.start();
			// Stopped before the signal travels on, so that the observation has ended when the
			// caller sees the result.
			return attempts.doOnSuccess((result) -> end(observation, context.succeeded(result), null))
				.doOnError((ex) -> end(observation, context.failed(ex), ex))
				.doOnCancel(() -> end(observation, context.cancelled(), null))
				.contextWrite((reactorContext) -> reactorContext.put(OBSERVATION_KEY, observation)
					.put(CoreClawObservationContext.class, context));
		});
	}

	/**
	 * Observe a batch of runs as one {@link CoreClawObservationDocumentation#BATCH} observation, with the batch
	 * operation as its low-cardinality key {@code coreclaw.operation} and, once it ends (completed,
	 * failed or cancelled), its counts as high-cardinality keys; the observations of the batch's
	 * calls are its children.
	 * @param <T> the type of the outcomes
	 * @param operation the batch operation, such as {@code worker.run-batch}
	 * @param batch the batch
	 * @param counts the batch's counts when it ends
	 * @return the observed batch
	 */
	<T> Flux<T> observeBatch(String operation, Flux<T> batch, Supplier<Map<String, String>> counts) {
		if (this.registry.isNoop()) {
			return batch;
		}
		return Flux.deferContextual((view) -> {
			Observation parent = view.getOrDefault(OBSERVATION_KEY, this.registry.getCurrentObservation());
			Observation observation = CoreClawObservationDocumentation.BATCH.observation(this.registry)
				.contextualName(operation)
				.lowCardinalityKeyValue(CoreClawObservationDocumentation.LowCardinalityKeyNames.OPERATION.asString(),
						operation)
				.parentObservation(parent)
				.start();
			Runnable stop = () -> {
				counts.get().forEach((key, value) -> observation.highCardinalityKeyValue(KeyValue.of(key, value)));
				observation.stop();
			};
			return batch.doOnComplete(stop).doOnError((ex) -> {
				observation.error(ex);
				stop.run();
			}).doOnCancel(stop).contextWrite((context) -> context.put(OBSERVATION_KEY, observation));
		});
	}

	private static void end(Observation observation, boolean endedNow, @Nullable Throwable error) {
		if (endedNow) {
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		}
	}

}
