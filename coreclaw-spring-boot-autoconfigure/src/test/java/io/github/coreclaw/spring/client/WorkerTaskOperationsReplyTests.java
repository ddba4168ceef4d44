/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@link WorkerTaskOperations} decodes successful replies.
 */
@ExtendWith(ClosesClients.class)
class WorkerTaskOperationsReplyTests {

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	record Place(String title, int rank) {
	}

	@Test
	void syncReplyIsDecodedWithRowsTotalStatusAndTimes() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, """
				{"code":0,"message":"success","request_id":"req-9","data":{
				  "run_slug":"01KZAZV8F0ERXVTQF6Z7ZMWKAB","run_status":"succeeded","error_message":"",
				  "execution_start_timestamp":1786001200,"execution_end_timestamp":1786001207,"running_duration":7,
				  "result_message":"done","is_finished":true,"something_new":{"a":1},
				  "results":{"count":42,"headers":[{"key":"title","label":"Title"},{"key":"rank"}],
				    "list":[{"title":"Alpha","rank":1,"__coreclaw_data_id__":"x1"},{"title":"Beta","rank":2}],
				    "page_index":1,"page_size":20}}}""")));
		SyncRunResult result = client().workerTasks().runSync("demo-task").block(Duration.ofSeconds(5));
		assertThat(result).isNotNull();
		assertThat(result.runSlug()).isEqualTo(new RunSlug("01KZAZV8F0ERXVTQF6Z7ZMWKAB"));
		assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(result.finished()).isTrue();
		assertThat(result.errorMessage()).isNull();
		assertThat(result.resultMessage()).isEqualTo("done");
		assertThat(result.startedAt()).isEqualTo(Instant.ofEpochSecond(1786001200));
		assertThat(result.finishedAt()).isEqualTo(Instant.ofEpochSecond(1786001207));
		assertThat(result.runningDuration()).isEqualTo(Duration.ofSeconds(7));
		assertThat(result.total()).isEqualTo(42);
		assertThat(result.headers()).containsExactly(new ResultHeader("title", "Title"), new ResultHeader("rank", "rank"));
		assertThat(result.rows()).hasSize(2);
		assertThat(result.rows().get(0)).containsEntry("title", "Alpha").containsEntry("rank", 1);
		assertThat(result.rows(Place.class)).containsExactly(new Place("Alpha", 1), new Place("Beta", 2));
	}

	@Test
	void typedRowsUseTheConfiguredRowMapper() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, """
				{"code":0,"data":{"run_slug":"r1","run_status":"succeeded",
				  "results":{"count":1,"list":[{"title":"Alpha","rank":1,"extra":"ignored by the lenient mapper"}]}}}""")));
		JsonMapper strict = JsonMapper.builder()
			.enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		SyncRunResult result = ClosesClients.track(CoreClawClient.builder(settings(wireMock))
			.rowMapper(strict)
			.build())
			.workerTasks()
			.runSync("demo-task")
			.block(Duration.ofSeconds(5));
		assertThat(result).isNotNull();
		assertThatExceptionOfType(CoreClawException.class).isThrownBy(() -> result.rows(Place.class))
			.withMessageStartingWith("Could not convert result row 0 of run r1 to " + Place.class.getName() + ": ")
			.withMessageContaining("extra");
	}

	@Test
	void replyWithOnlyTheRunSlugIsAnUnfinishedRun() {
		wireMock.stubFor(post(anyUrl())
			.willReturn(json(200, "{\"code\":0,\"message\":\"success\",\"data\":{\"run_slug\":\"01KZAZV8F0\"}}")));
		SyncRunResult result = client().workerTasks().runSync("demo-task").block(Duration.ofSeconds(5));
		assertThat(result).isNotNull();
		assertThat(result.runSlug().value()).isEqualTo("01KZAZV8F0");
		assertThat(result.status()).isEqualTo(RunStatus.UNKNOWN);
		assertThat(result.finished()).isFalse();
		assertThat(result.total()).isZero();
		assertThat(result.rows()).isEmpty();
		assertThat(result.headers()).isEmpty();
		assertThat(result.startedAt()).isNull();
		assertThat(result.finishedAt()).isNull();
		assertThat(result.runningDuration()).isNull();
	}

	@Test
	void runningReplyAfterTheServerWaitIsNotFinished() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200, """
				{"code":0,"data":{"run_slug":"r2","run_status":"running","execution_start_timestamp":1786001200,
				  "execution_end_timestamp":0,"results":{"count":3,"list":[]}}}""")));
		SyncRunResult result = client().workerTasks().runSync("demo-task").block(Duration.ofSeconds(5));
		assertThat(result).isNotNull();
		assertThat(result.status()).isEqualTo(RunStatus.RUNNING);
		assertThat(result.finished()).isFalse();
		assertThat(result.finishedAt()).isNull();
		assertThat(result.total()).isEqualTo(3);
	}

	@Test
	void resultsSentAsABareCountAreAccepted() {
		wireMock.stubFor(post(anyUrl()).willReturn(
				json(200, "{\"code\":0,\"data\":{\"run_slug\":\"r3\",\"run_status\":\"failed\",\"results\":7,"
						+ "\"error_message\":\"proxy blocked\"}}")));
		SyncRunResult result = client().workerTasks().runSync("demo-task").block(Duration.ofSeconds(5));
		assertThat(result).isNotNull();
		assertThat(result.status()).isEqualTo(RunStatus.FAILED);
		assertThat(result.errorMessage()).isEqualTo("proxy blocked");
		assertThat(result.total()).isEqualTo(7);
		assertThat(result.rows()).isEmpty();
	}

	@Test
	void unknownStatusBecomesUnknown() {
		wireMock.stubFor(post(anyUrl())
			.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"r4\",\"run_status\":\"paused-by-admin\"}}")));
		SyncRunResult result = client().workerTasks().runSync("demo-task").block(Duration.ofSeconds(5));
		assertThat(result).isNotNull();
		assertThat(result.status()).isEqualTo(RunStatus.UNKNOWN);
	}

	@Test
	void rowsAreReadOnly() {
		wireMock.stubFor(post(anyUrl()).willReturn(json(200,
				"{\"code\":0,\"data\":{\"run_slug\":\"r5\",\"results\":{\"count\":1,\"list\":[{\"a\":1}]}}}")));
		SyncRunResult result = client().workerTasks().runSync("demo-task").block(Duration.ofSeconds(5));
		assertThat(result).isNotNull();
		List<Map<String, Object>> rows = result.rows();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> rows.get(0).put("b", 2));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(rows::clear);
	}

	@Test
	void successWithoutRunSlugIsAnApiError() {
		wireMock.stubFor(
				post(anyUrl()).willReturn(json(200, "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-7\",\"data\":{}}")));
		assertThatExceptionOfType(CoreClawApiException.class)
			.isThrownBy(() -> client().workerTasks().runAsync("demo-task").block(Duration.ofSeconds(5)))
			.withMessage("CoreClaw answered POST /api/v2/worker-tasks/demo-task/runs with HTTP 200, code 0 "
					+ "(request_id req-7) but without the expected data.run_slug");
	}

	private static CoreClawClient client() {
		return ClosesClients.track(CoreClawClient.builder(settings(wireMock)).build());
	}

}
