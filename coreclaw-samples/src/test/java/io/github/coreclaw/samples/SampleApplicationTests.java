/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.samples;

import java.util.List;
import java.util.Map;

import io.github.coreclaw.spring.OutputOnFailure;
import io.github.coreclaw.spring.test.CoreClawSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's main job against the embedded simulator, as a newcomer runs it.
 */
@ExtendWith({ OutputOnFailure.class, OutputCaptureExtension.class })
class SampleApplicationTests {

	@Test
	void demoRunsAgainstTheSimulatorWhenNoKeyIsSet(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SampleApplication.start(new String[0], Map.of())) {
			CoreClawSimulator simulator = context.getBean(CoreClawSimulator.class);
			assertThat(output.toString().lines().findFirst()).hasValueSatisfying((first) -> assertThat(first)
				.contains("CORECLAW_API_KEY is not set: running against an embedded CoreClaw simulator (set "
						+ "CORECLAW_API_KEY and CORECLAW_TASK_ID to use the real API)"));
			assertThat(context.getBeansOfType(CoreClawSimulator.class)).hasSize(1);
			assertThat(context.getEnvironment().getActiveProfiles()).containsExactly(SampleApplication.SIMULATOR_PROFILE);
			assertThat(output).contains("CoreClaw simulator started at " + simulator.baseUrl())
				.containsPattern("CoreClaw attempt 1/4 failed, retrying in 1s: CoreClaw rejected POST "
					+ "/api/v2/worker-tasks/rate-limited-task/runs: HTTP 429, code 13000")
				.containsPattern("Started run 01SIM[A-Z0-9]{21} of worker task rate-limited-task")
				.containsPattern("Run 01SIM[A-Z0-9]{21} of worker task demo-task: SUCCEEDED, 5 result rows")
				.contains("| Title                  | City          | Rating |")
				.contains("|------------------------|---------------|--------|")
				.contains("| Blue Bottle Coffee     | Oakland       | 4.6    |")
				.contains("| Philz Coffee           | Berkeley      | 4.6    |")
				.containsPattern("Run 01SIM[A-Z0-9]{21} is RUNNING; reading it again in \\d+ms")
				.containsPattern("Run 01SIM[A-Z0-9]{21} of worker task demo-task finished: SUCCEEDED, 5 result rows, first 3:")
				.containsPattern("Run 01SIM[A-Z0-9]{21} of Worker demo-worker for \\[coffee\\]: SUCCEEDED, 5 result rows, "
						+ "first 3:")
				.containsPattern("Created worker task (01SIMTASK[0-9A-Z]+)\\RStarted run 01SIM[A-Z0-9]{21} of worker task "
						+ "\\1\\RDeleted worker task \\1")
				.contains("Batch of 3 runs of Worker demo-worker, one per keyword: {PASS=3}");
			// Two reads of a running run logged for runAndAwait, two for each run of the batch.
			assertThat(output.toString().split("is RUNNING; reading it again in", -1)).hasSize(9);
			for (String keyword : List.of("coffee berlin", "coffee paris", "coffee rome")) {
				simulator.server().verify(1, postRequestedFor(urlEqualTo("/api/v2/workers/demo-worker/runs"))
					.withRequestBody(equalToJson("{\"input\":{\"parameters\":{\"custom\":{\"keywords\":[\"" + keyword
							+ "\"]}}},\"is_async\":true}", true, true)));
			}
			simulator.server().verify(2, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/rate-limited-task/runs")));
			simulator.server().verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
				.withHeader("Authorization", equalTo("Bearer " + CoreClawSimulator.API_KEY))
				.withRequestBody(equalToJson("{\"is_async\":false,\"limit\":10}")));
			simulator.server().verify(1, postRequestedFor(urlEqualTo("/api/v2/worker-tasks/demo-task/runs"))
				.withRequestBody(equalToJson("{\"is_async\":true,\"limit\":3}")));
		}
	}

	@Test
	void resultTableFallsBackToRowKeys() {
		assertThat(ResultTable.render(java.util.List.of(), java.util.List.of(Map.of("a", 1))))
			.isEqualTo("| a |" + System.lineSeparator() + "|---|" + System.lineSeparator() + "| 1 |" + System.lineSeparator());
	}

}
