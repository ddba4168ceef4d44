/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names the observation of a CoreClaw operation call and chooses its key values; replace
 * {@link DefaultCoreClawObservationConvention} with one of your own (a bean, with the starter)
 * to add or change keys.
 *
 * @since 0.1.0
 */
public interface CoreClawObservationConvention extends ObservationConvention<CoreClawObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CoreClawObservationContext;
	}

}
