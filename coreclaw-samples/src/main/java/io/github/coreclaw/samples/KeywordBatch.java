/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.coreclaw.spring.client.BatchOptions;
import io.github.coreclaw.spring.client.BatchOutcome;
import io.github.coreclaw.spring.client.RunVerdict;
import io.github.coreclaw.spring.client.WorkerInput;
import io.github.coreclaw.spring.client.WorkerOperations;

import org.springframework.stereotype.Component;

/**
 * A batch of runs: one run of a Worker per keyword, as fast as the plan allows (the starter keeps
 * within the plan's limit of runs at once, learned or from {@code coreclaw.batch.max-running}),
 * each judged by its verdict, so that runs that only met CAPTCHA pages are told apart.
 *
 * @since 0.1.0
 */
@Component
public class KeywordBatch {

	private final WorkerOperations workers;

	/**
	 * Create the batch.
	 * @param workers the Worker operations the starter configured
	 */
	public KeywordBatch(WorkerOperations workers) {
		this.workers = workers;
	}

	/**
	 * Run the Worker once per keyword and count the verdicts.
	 * @param workerId the Worker
	 * @param keywords the keywords, one run each
	 * @return how many runs got each verdict; items that failed to start or to finish have none and
	 * are not counted
	 */
	public Map<RunVerdict, Integer> run(String workerId, List<String> keywords) {
		List<WorkerInput> inputs = keywords.stream()
			.map((keyword) -> WorkerInput.builder().custom("keywords", List.of(keyword)).build())
			.toList();
		BatchOptions options = BatchOptions.builder().timeoutPerRun(Duration.ofMinutes(30)).build();
		Map<RunVerdict, Integer> verdicts = new EnumMap<>(RunVerdict.class);
		for (BatchOutcome outcome : this.workers.runBatch(workerId, inputs, options)
			.collectList()
			.block(Duration.ofHours(2))) {
			if (outcome.verdict() != null) {
				verdicts.merge(outcome.verdict(), 1, Integer::sum);
			}
		}
		return verdicts;
	}

}
