/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.ArrayList;
import java.util.List;

import io.github.coreclaw.spring.client.CoreClawObservationDocumentation.HighCardinalityKeyNames;
import io.github.coreclaw.spring.client.CoreClawObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link CoreClawObservationConvention}: an observation named
 * {@value #NAME}, with the operation, outcome, application code and attempts as low-cardinality
 * keys and the worker task, Worker and run the call concerns as high-cardinality keys.
 * <p>
 * While a call is in progress only the operation is known, so a long task timer of the calls in
 * flight carries that key alone; the others are added when the call ends.
 *
 * @since 0.1.0
 */
public class DefaultCoreClawObservationConvention implements CoreClawObservationConvention {

	/** Name of the observation, and so of its timer. */
	public static final String NAME = "coreclaw.client.operation";

	private static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(CoreClawObservationContext context) {
		return "coreclaw " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CoreClawObservationContext context) {
		KeyValue operation = LowCardinalityKeyNames.OPERATION.withValue(context.getOperation());
		CoreClawObservationContext.Outcome outcome = context.getOutcome();
		if (outcome == null) {
			return KeyValues.of(operation);
		}
		return KeyValues.of(operation, LowCardinalityKeyNames.OUTCOME.withValue(outcome.value()),
				LowCardinalityKeyNames.CODE.withValue(code(context)),
				LowCardinalityKeyNames.ATTEMPTS.withValue(Integer.toString(context.getAttempts())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CoreClawObservationContext context) {
		List<KeyValue> values = new ArrayList<>(3);
		addIfPresent(values, HighCardinalityKeyNames.WORKER_TASK_ID.asString(), context.getWorkerTaskId());
		addIfPresent(values, HighCardinalityKeyNames.WORKER_ID.asString(), context.getWorkerId());
		addIfPresent(values, HighCardinalityKeyNames.RUN_SLUG.asString(), context.getRunSlug());
		return KeyValues.of(values);
	}

	/**
	 * The application code of the reply the call failed with.
	 * @param context the context
	 * @return the code, {@code none} on success or when the failure carried none
	 */
	protected String code(CoreClawObservationContext context) {
		Throwable error = context.getError();
		if (error instanceof CoreClawApiException api && api.getCode() != CoreClawApiException.NO_CODE) {
			return Long.toString(api.getCode());
		}
		return NONE;
	}

	private static void addIfPresent(List<KeyValue> values, String key, @Nullable String value) {
		if (value != null) {
			values.add(KeyValue.of(key, value));
		}
	}

}
