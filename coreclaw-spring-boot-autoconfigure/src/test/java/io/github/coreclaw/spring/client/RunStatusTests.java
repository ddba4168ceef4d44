/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link RunStatus}.
 */
class RunStatusTests {

	@ParameterizedTest
	@CsvSource(nullValues = "NULL", value = { "ready, READY, false", "RUNNING, RUNNING, false", "succeeded, SUCCEEDED, true",
			"' failed ', FAILED, true", "aborting, ABORTING, false", "aborted, ABORTED, true", "1, READY, false",
			"3, SUCCEEDED, true", "5, ABORTING, false", "completed, UNKNOWN, false", "'', UNKNOWN, false",
			"NULL, UNKNOWN, false" })
	void mapsEveryKnownValueAndNeverThrows(String value, RunStatus expected, boolean terminal) {
		assertThat(RunStatus.from(value)).isEqualTo(expected);
		assertThat(RunStatus.from(value).isTerminal()).isEqualTo(terminal);
	}

}
