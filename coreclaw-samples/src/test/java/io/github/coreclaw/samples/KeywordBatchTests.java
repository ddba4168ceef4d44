/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.coreclaw.spring.client.CoreClawClient;
import io.github.coreclaw.spring.client.CoreClawClientSettings;
import io.github.coreclaw.spring.client.RunVerdict;
import io.github.coreclaw.spring.test.CoreClawSimulator;
import io.github.coreclaw.spring.test.SimulatedRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's batch against the simulator: one run per keyword, each with its verdict.
 */
class KeywordBatchTests {

	@Test
	void eachKeywordRunsOnceAndGetsItsVerdict() {
		try (CoreClawSimulator simulator = CoreClawSimulator.start();
				CoreClawClient client = CoreClawClient
					.builder(CoreClawClientSettings.of(simulator.apiKey()).withBaseUrl(simulator.baseUrl()))
					.build()) {
			simulator.planLimit(2);
			simulator.runs((body) -> body.contains("\"captcha\"")
					? SimulatedRun.succeedingAfter(Duration.ZERO).withRows(0, 3)
					: body.contains("\"nowhere\"") ? SimulatedRun.succeedingAfter(Duration.ZERO).withRows(0, 0)
							: SimulatedRun.succeedingAfter(Duration.ZERO).withRows(3, 0));
			Map<RunVerdict, Integer> verdicts = new KeywordBatch(client.workers()).run("demo-worker",
					List.of("coffee", "tea", "captcha", "nowhere"));
			assertThat(verdicts).containsOnly(Map.entry(RunVerdict.PASS, 2), Map.entry(RunVerdict.ERROR_ROWS, 1),
					Map.entry(RunVerdict.NO_DATA, 1));
			assertThat(simulator.requestCount("worker.run")).isEqualTo(4);
		}
	}

}
