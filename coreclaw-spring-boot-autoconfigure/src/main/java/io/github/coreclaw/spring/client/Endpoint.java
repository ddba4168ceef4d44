/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.function.BiFunction;

import io.github.coreclaw.spring.client.internal.EnvelopeCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

import org.springframework.http.HttpMethod;

/**
 * Description of one CoreClaw operation: its method, path template with named variables, how it
 * may be retried, which timeout applies, the type of its reply's {@code data} and how that
 * becomes the public result. Everything else (sending, decoding, errors, retries) is shared.
 *
 * @param <D> the type of the reply's {@code data}
 * @param <R> the type of the public result
 * @param name the stable name of the operation, for example {@code worker-run.get}
 * @param method the HTTP method
 * @param pathTemplate the path, with variables such as {@code {runId}}
 * @param retryClass how the operation may be repeated
 * @param syncRun whether the request waits for a run to finish (and so has the synchronous timeout)
 * @param envelopeType the type of the whole reply, computed once
 * @param converter turns the reply's {@code data} into the result; {@code null} when the data
 * lacks what the operation promises
 * @param expectedData what a successful reply's {@code data} must hold, for messages
 */
record Endpoint<D, R>(String name, HttpMethod method, String pathTemplate, RetryClass retryClass, boolean syncRun,
		JavaType envelopeType, BiFunction<@Nullable D, Call<D, R>, @Nullable R> converter, String expectedData) {

	/**
	 * Start describing a GET, a read.
	 * @param name the stable name of the operation
	 * @param pathTemplate the path template
	 * @return the builder
	 */
	static Builder get(String name, String pathTemplate) {
		return new Builder(name, HttpMethod.GET, pathTemplate, RetryClass.READ);
	}

	/**
	 * Start describing a POST.
	 * @param name the stable name of the operation
	 * @param pathTemplate the path template
	 * @param retryClass how the POST may be repeated
	 * @return the builder
	 */
	static Builder post(String name, String pathTemplate, RetryClass retryClass) {
		return new Builder(name, HttpMethod.POST, pathTemplate, retryClass);
	}

	/**
	 * Start describing a PUT, an idempotent change.
	 * @param name the stable name of the operation
	 * @param pathTemplate the path template
	 * @return the builder
	 */
	static Builder put(String name, String pathTemplate) {
		return new Builder(name, HttpMethod.PUT, pathTemplate, RetryClass.IDEMPOTENT);
	}

	/**
	 * Start describing a DELETE, which cannot be repeated safely (a second one fails).
	 * @param name the stable name of the operation
	 * @param pathTemplate the path template
	 * @return the builder
	 */
	static Builder delete(String name, String pathTemplate) {
		return new Builder(name, HttpMethod.DELETE, pathTemplate, RetryClass.NON_IDEMPOTENT);
	}

	/**
	 * The same operation on another path, for the "last run" variants of run operations.
	 * @param otherPathTemplate the other path template
	 * @return the endpoint on that path
	 */
	Endpoint<D, R> withPath(String otherPathTemplate) {
		return new Endpoint<>(this.name, this.method, otherPathTemplate, this.retryClass, this.syncRun,
				this.envelopeType, this.converter, this.expectedData);
	}

	/**
	 * The same operation with another retry class.
	 * @param otherRetryClass the other retry class
	 * @return the endpoint with that retry class
	 */
	Endpoint<D, R> withRetryClass(RetryClass otherRetryClass) {
		return new Endpoint<>(this.name, this.method, this.pathTemplate, otherRetryClass, this.syncRun,
				this.envelopeType, this.converter, this.expectedData);
	}

	/**
	 * Builder of an {@link Endpoint}.
	 */
	static final class Builder {

		private final String name;

		private final HttpMethod method;

		private final String pathTemplate;

		private final RetryClass retryClass;

		private boolean syncRun;

		private Builder(String name, HttpMethod method, String pathTemplate, RetryClass retryClass) {
			this.name = name;
			this.method = method;
			this.pathTemplate = pathTemplate;
			this.retryClass = retryClass;
		}

		/**
		 * Mark the request as one that waits for a run, so the synchronous timeout applies.
		 * @return this builder
		 */
		Builder syncRun() {
			this.syncRun = true;
			return this;
		}

		/**
		 * Finish with the reply's data type and its conversion to the result.
		 * @param <D> the type of the reply's {@code data}
		 * @param <R> the type of the result
		 * @param dataType the type of the reply's {@code data}
		 * @param expectedData what the data must hold, for messages (for example {@code data.run_slug})
		 * @param converter the conversion, returning {@code null} when the data lacks it
		 * @return the endpoint
		 */
		<D, R> Endpoint<D, R> reply(Class<D> dataType, String expectedData,
				BiFunction<@Nullable D, Call<D, R>, @Nullable R> converter) {
			return new Endpoint<>(this.name, this.method, this.pathTemplate, this.retryClass, this.syncRun,
					EnvelopeCodec.shared().envelopeType(dataType), converter, expectedData);
		}

		/**
		 * Finish with a reply whose {@code data} is ignored: the call completes empty on success.
		 * @return the endpoint
		 */
		Endpoint<Object, Boolean> noReply() {
			return reply(Object.class, "nothing", (data, call) -> Boolean.TRUE);
		}

	}

}
