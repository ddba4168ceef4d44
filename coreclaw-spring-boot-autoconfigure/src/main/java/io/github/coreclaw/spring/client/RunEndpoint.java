/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A run operation on its three paths: by run id, on the account's last run and on a Worker's
 * last run.
 *
 * @param <D> the type of the reply's {@code data}
 * @param <R> the type of the result
 * @param byId the operation on {@code /api/v2/worker-runs/{runId}…}
 * @param last the operation on {@code /api/v2/worker-runs/last…}
 * @param lastOfWorker the operation on {@code /api/v2/workers/{workerId}/runs/last…}
 */
record RunEndpoint<D, R>(Endpoint<D, R> byId, Endpoint<D, R> last, Endpoint<D, R> lastOfWorker) {

	static final String BY_ID = "/api/v2/worker-runs/{runId}";

	static final String LAST = "/api/v2/worker-runs/last";

	static final String LAST_OF_WORKER = "/api/v2/workers/{workerId}/runs/last";

	/**
	 * The operation on its three paths.
	 * @param <D> the type of the reply's {@code data}
	 * @param <R> the type of the result
	 * @param byId the operation by run id, whose path starts with {@link #BY_ID}
	 * @param lastSuffix what follows {@code …/last} on the two other paths
	 * @return the run endpoint
	 */
	static <D, R> RunEndpoint<D, R> of(Endpoint<D, R> byId, String lastSuffix) {
		return new RunEndpoint<>(byId, byId.withPath(LAST + lastSuffix), byId.withPath(LAST_OF_WORKER + lastSuffix));
	}

	/**
	 * A call of the operation on the given run.
	 * @param run the run
	 * @param query the query
	 * @param body the body, {@code null} for none
	 * @return the call
	 */
	Call<D, R> call(@Nullable RunRef run, Map<String, String> query, @Nullable Object body) {
		if (run instanceof RunSlug slug) {
			return new Call<>(this.byId, Map.of("runId", slug.value()), query, body);
		}
		if (run instanceof RunRef.LastOfWorker lastOf) {
			return new Call<>(this.lastOfWorker, Map.of("workerId", lastOf.workerId()), query, body);
		}
		if (run instanceof RunRef.Last) {
			return new Call<>(this.last, Map.of(), query, body);
		}
		throw new IllegalArgumentException("run must not be null");
	}

	/**
	 * A call of the operation on the given run without query or body.
	 * @param run the run
	 * @return the call
	 */
	Call<D, R> call(@Nullable RunRef run) {
		return call(run, Map.of(), null);
	}

}
