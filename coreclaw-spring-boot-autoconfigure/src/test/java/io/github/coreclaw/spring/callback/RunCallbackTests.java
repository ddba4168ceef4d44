/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import java.time.Duration;
import java.time.Instant;

import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests of {@link RunCallback} and its builder.
 */
class RunCallbackTests {

	private static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	@Test
	void builderSetsEveryValue() {
		RunCallback callback = RunCallback.builder()
			.runSlug(RUN)
			.runId(7L)
			.rawStatus("succeeded")
			.errorMessage("none")
			.startedAt(Instant.ofEpochSecond(1782091200))
			.finishedAt(Instant.ofEpochSecond(1782091210))
			.runningDuration(Duration.ofSeconds(10))
			.resultCount(3)
			.resultMessage("done")
			.build();
		assertThat(callback.runSlug()).isEqualTo(RUN);
		assertThat(callback.findRunSlug()).contains(RUN);
		assertThat(callback.runId()).isEqualTo(7L);
		assertThat(callback.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(callback.rawStatus()).isEqualTo("succeeded");
		assertThat(callback.errorMessage()).isEqualTo("none");
		assertThat(callback.startedAt()).isEqualTo(Instant.ofEpochSecond(1782091200));
		assertThat(callback.finishedAt()).isEqualTo(Instant.ofEpochSecond(1782091210));
		assertThat(callback.runningDuration()).isEqualTo(Duration.ofSeconds(10));
		assertThat(callback.resultCount()).isEqualTo(3);
		assertThat(callback.resultMessage()).isEqualTo("done");
		assertThat(callback.runKey()).isEqualTo("01KKDXV2G26BT7NH4ZQR2R4NPZ");
		assertThat(callback.toBuilder().build()).isEqualTo(callback).hasSameHashCodeAs(callback);
	}

	@Test
	void unsetValuesAreNullOrZeroAndEmptyMessagesAreUnset() {
		RunCallback callback = RunCallback.builder().runId(123456L).rawStatus("9").errorMessage("").resultMessage("").build();
		assertThat(callback.runSlug()).isNull();
		assertThat(callback.findRunSlug()).isEmpty();
		assertThat(callback.runKey()).isEqualTo("id:123456");
		assertThat(callback.status()).isEqualTo(RunStatus.UNKNOWN);
		assertThat(callback.rawStatus()).isEqualTo("9");
		assertThat(callback.errorMessage()).isNull();
		assertThat(callback.resultMessage()).isNull();
		assertThat(callback.startedAt()).isNull();
		assertThat(callback.finishedAt()).isNull();
		assertThat(callback.runningDuration()).isNull();
		assertThat(callback.resultCount()).isZero();
	}

	@Test
	void statusIsWrittenAsCoreClawSendsIt() {
		RunCallback callback = RunCallback.builder().runSlug(RUN).status(RunStatus.ABORTING).build();
		assertThat(callback.rawStatus()).isEqualTo("aborting");
		assertThat(callback).isEqualTo(RunCallback.builder().runSlug(RUN).rawStatus("aborting").build())
			.isNotEqualTo(RunCallback.builder().runSlug(RUN).rawStatus("5").build())
			.isNotEqualTo(callback.toBuilder().resultCount(1).build());
	}

	@Test
	void badValuesAreRefusedNamingTheArgument() {
		assertThatIllegalStateException().isThrownBy(() -> RunCallback.builder().rawStatus("running").build())
			.withMessage("runSlug or runId must be set");
		assertThatIllegalStateException().isThrownBy(() -> RunCallback.builder().runSlug(RUN).build())
			.withMessage("status or rawStatus must be set");
		assertThatIllegalArgumentException().isThrownBy(() -> RunCallback.builder().rawStatus(""))
			.withMessage("rawStatus must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> RunCallback.builder().status(null))
			.withMessage("status must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> RunCallback.builder().resultCount(-1))
			.withMessage("resultCount must be 0 or more but was -1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RunCallback.builder().runningDuration(Duration.ofSeconds(-1)))
			.withMessage("runningDuration must be 0 or more but was PT-1S");
	}

	@Test
	void toStringShowsTheValues() {
		RunCallback callback = RunCallback.builder()
			.runSlug(RUN)
			.status(RunStatus.FAILED)
			.errorMessage("proxy blocked")
			.runningDuration(Duration.ofSeconds(10))
			.build();
		assertThat(callback).hasToString("RunCallback[runSlug=01KKDXV2G26BT7NH4ZQR2R4NPZ, runId=null, status=FAILED, "
				+ "rawStatus=failed, errorMessage=proxy blocked, startedAt=null, finishedAt=null, runningDuration=PT10S, "
				+ "resultCount=0, resultMessage=null]");
	}

}
