/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link CompletedRun#rows(Class)} and {@link ResultPage#rows(Class)}: the rows of a page as
 * the application's type, converted with the client's row mapper as
 * {@link SyncRunResult#rows(Class)} does.
 */
@ExtendWith(ClosesClients.class)
class CompletedRunRowsTests {

	private static final RunSlug RUN = new RunSlug("01KKDXV2G26BT7NH4ZQR2R4NPZ");

	private static final String START = "/api/v2/worker-tasks/demo-task/runs";

	private static final String DETAIL = "/api/v2/worker-runs/01KKDXV2G26BT7NH4ZQR2R4NPZ";

	private static final CoreClawPollingSettings FAST_POLLING = CoreClawPollingSettings.defaults()
		.withIntervals(Duration.ofMillis(20), Duration.ofMillis(50), 2.0, 0.0);

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	record Place(String title, int rank) {
	}

	record SnakePlace(String placeTitle, int placeRank) {
	}

	@Test
	void runAndAwaitGivesTheFirstPageAsTypedRows() {
		stubFinishedRun("[{\"title\":\"Alpha\",\"rank\":1},{\"title\":\"Beta\",\"rank\":2}]");
		CompletedRun completed = runAndAwait(builder().build());
		assertThat(completed.rows(Place.class)).containsExactly(new Place("Alpha", 1), new Place("Beta", 2));
		assertThat(completed.firstPage().rows(Place.class)).containsExactly(new Place("Alpha", 1),
				new Place("Beta", 2));
		wireMock.verify(3, anyRequestedFor(anyUrl()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(START)));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL)));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result?offset=1&limit=5")));
	}

	@Test
	void typedRowsOfTheFirstPageUseTheClientsRowMapper() {
		stubFinishedRun("[{\"place_title\":\"Alpha\",\"place_rank\":1}]");
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		CompletedRun completed = runAndAwait(builder().rowMapper(snakeCase).build());
		assertThat(completed.rows(SnakePlace.class)).containsExactly(new SnakePlace("Alpha", 1));
	}

	@Test
	void typedRowsOfAResultPageUseTheClientsRowMapper() {
		wireMock.stubFor(get(urlEqualTo(DETAIL + "/result?offset=2&limit=5")).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":6,\"list\":[{\"place_title\":\"Zeta\",\"place_rank\":6}],"
						+ "\"page_index\":2,\"page_size\":5}}")));
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		ResultPage page = ClosesClients.track(builder().rowMapper(snakeCase).build())
			.workerRuns()
			.resultPage(RUN, 2, 5)
			.block(Duration.ofSeconds(5));
		assertThat(page.rows(SnakePlace.class)).containsExactly(new SnakePlace("Zeta", 6));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(DETAIL + "/result?offset=2&limit=5")));
	}

	@Test
	void aRowThatCannotBeConvertedIsNamedWithItsRun() {
		stubFinishedRun("[{\"title\":\"Alpha\",\"rank\":1},{\"title\":\"Beta\",\"rank\":\"second\"}]");
		CompletedRun completed = runAndAwait(builder().build());
		assertThatExceptionOfType(CoreClawException.class).isThrownBy(() -> completed.rows(Place.class))
			.withMessageStartingWith(
					"Could not convert result row 1 of run 01KKDXV2G26BT7NH4ZQR2R4NPZ to " + Place.class.getName() + ": ")
			.withMessageContaining("second");
		assertThatExceptionOfType(CoreClawException.class).isThrownBy(() -> completed.firstPage().rows(Place.class))
			.withMessageStartingWith("Could not convert result row 1 of result page 1 to " + Place.class.getName() + ": ");
	}

	@Test
	void aCompletedRunBuiltByHandConvertsWithAPlainMapper() {
		ResultPage page = ResultPage.builder(1, 5).rows(List.of(Map.of("title", "Alpha", "rank", 1))).build();
		CompletedRun completed = CompletedRun.of(WorkerRun.builder(RUN, RunStatus.SUCCEEDED).build(), page);
		assertThat(completed.rows(Place.class)).containsExactly(new Place("Alpha", 1));
		assertThat(completed.toBuilder().build().rows(Place.class)).containsExactly(new Place("Alpha", 1));
		assertThat(CompletedRun.of(completed.run(), ResultPage.builder(1, 5).build()).rows(Place.class)).isEmpty();
	}

	@Test
	void rowTypeMustBeGiven() {
		ResultPage page = ResultPage.builder(1, 5).rows(List.of(Map.of("title", "Alpha", "rank", 1))).build();
		CompletedRun completed = CompletedRun.of(WorkerRun.builder(RUN, RunStatus.SUCCEEDED).build(), page);
		assertThatIllegalArgumentException().isThrownBy(() -> completed.rows(null))
			.withMessage("rowType must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> page.rows(null)).withMessage("rowType must not be null");
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> ResultPage.builder(1, 5).rowMapper(null))
			.withMessage("rowMapper must not be null");
	}

	private void stubFinishedRun(String rows) {
		wireMock.stubFor(post(urlEqualTo(START))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"run_slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\"}}")));
		wireMock.stubFor(get(urlEqualTo(DETAIL))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"slug\":\"01KKDXV2G26BT7NH4ZQR2R4NPZ\",\"status\":\"succeeded\"}}")));
		wireMock.stubFor(get(urlEqualTo(DETAIL + "/result?offset=1&limit=5")).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":2,\"list\":" + rows + ",\"page_index\":1,\"page_size\":5}}")));
	}

	private static CoreClawClient.Builder builder() {
		return CoreClawClient.builder(settings(wireMock)).polling(FAST_POLLING);
	}

	private static CompletedRun runAndAwait(CoreClawClient client) {
		return ClosesClients.track(client)
			.workerTasks()
			.runAndAwait("demo-task", RunOptions.builder().limit(5).build(), Duration.ofSeconds(5))
			.block(Duration.ofSeconds(10));
	}

}
