/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import org.jspecify.annotations.Nullable;

/**
 * One attempt of the simulator to deliver a run's callback: where it went, what it carried and
 * how the target answered.
 *
 * @param runSlug the run the callback is about
 * @param url the run's {@code callback_url}
 * @param payload the JSON body posted ({@code run_slug}, {@code run_status}, ...)
 * @param attempt the attempt, from 1
 * @param httpStatus the status the target answered, 0 when it did not answer
 * @param failure why the attempt failed without an answer ({@code null} when the target
 * answered)
 * @since 0.1.0
 */
public record SentCallback(String runSlug, String url, String payload, int attempt, int httpStatus,
		@Nullable String failure) {

	/**
	 * Whether the target answered with a 2xx status.
	 * @return whether the callback was delivered
	 */
	public boolean delivered() {
		return this.httpStatus >= 200 && this.httpStatus < 300;
	}

}
