/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.coreclaw.spring.OutputOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.json;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link WorkerTaskOperations#list(TaskQuery)} reads every page, 100 tasks a page, only as the
 * subscriber asks, and checks that each reply is the page asked for.
 */
@ExtendWith(OutputOnFailure.class)
class WorkerTaskListTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String LIST = "/api/v2/worker-tasks";

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	@Test
	void everyPageIsReadUntilTheShortOne() {
		stubPages(250, "", true);
		List<WorkerTask> tasks;
		try (CoreClawClient client = client(null)) {
			tasks = client.workerTasks().list().collectList().block(TIMEOUT);
		}
		assertThat(tasks).hasSize(250);
		assertThat(tasks.get(0).slug()).isEqualTo("task-1");
		assertThat(tasks.get(249).slug()).isEqualTo("task-250");
		wireMock.verify(3, anyRequestedFor(anyUrl()));
		for (int page = 1; page <= 3; page++) {
			wireMock.verify(1, getRequestedFor(urlEqualTo(LIST + "?offset=" + page + "&limit=100")));
		}
	}

	@Test
	void theFiltersAreSentWithEveryPage() {
		stubPages(120, "&worker_id=demo-worker&keyword=daily", true);
		TaskQuery query = TaskQuery.builder().workerId("demo-worker").keyword("daily").build();
		try (CoreClawClient client = client(null)) {
			assertThat(client.workerTasks().list(query).count().block(TIMEOUT)).isEqualTo(120);
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
		wireMock.verify(1, getRequestedFor(urlEqualTo(LIST + "?offset=2&limit=100&worker_id=demo-worker&keyword=daily")));
	}

	@Test
	void theCountEndsTheListWithoutAnEmptyPage() {
		stubPages(200, "", true);
		try (CoreClawClient client = client(null)) {
			assertThat(client.workerTasks().list().count().block(TIMEOUT)).isEqualTo(200);
		}
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void withoutCountAFullLastPageIsFollowedByOneEmptyPage() {
		stubPages(200, "", false);
		wireMock.stubFor(get(urlEqualTo(LIST + "?offset=3&limit=100"))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"list\":[],\"page_index\":3,\"page_size\":100}}")));
		try (CoreClawClient client = client(null)) {
			assertThat(client.workerTasks().list().count().block(TIMEOUT)).isEqualTo(200);
		}
		wireMock.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void anEmptyAccountIsOneRequest() {
		wireMock.stubFor(get(urlPathEqualTo(LIST))
			.willReturn(json(200, "{\"code\":0,\"data\":{\"count\":0,\"list\":[],\"page_index\":1,\"page_size\":100}}")));
		try (CoreClawClient client = client(null)) {
			assertThat(client.workerTasks().list().collectList().block(TIMEOUT)).isEmpty();
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aFirstPageEchoedAsZeroIsAccepted() {
		wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":1,\"list\":[{\"slug\":\"t1\"}],\"page_index\":0,\"page_size\":100}}")));
		try (CoreClawClient client = client(null)) {
			assertThat(client.workerTasks().list().map(WorkerTask::slug).collectList().block(TIMEOUT))
				.containsExactly("t1");
		}
	}

	@Test
	void aReplyForAnotherPageStopsTheList() {
		stubPages(150, "", true);
		wireMock.stubFor(get(urlEqualTo(LIST + "?offset=2&limit=100")).atPriority(1).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":150,\"list\":[{\"slug\":\"task-1\"}],\"page_index\":1,\"page_size\":100}}")));
		try (CoreClawClient client = client(null)) {
			StepVerifier.create(client.workerTasks().list())
				.expectNextCount(100)
				.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(CoreClawException.class)
					.hasMessage("CoreClaw answered page 1 when asked for page 2 (100 a page) of the worker tasks. "
							+ "Reading on would repeat or skip items, so the read stops here; CoreClaw may have "
							+ "changed what its offset parameter means."))
				.verify(TIMEOUT);
		}
	}

	@Test
	void theDescriptionOfAFilteredListNamesItsFilters() {
		wireMock.stubFor(get(urlPathEqualTo(LIST)).willReturn(json(200,
				"{\"code\":0,\"data\":{\"count\":1,\"list\":[{\"slug\":\"t1\"}],\"page_index\":2,\"page_size\":100}}")));
		TaskQuery query = TaskQuery.builder().workerId("demo-worker").keyword("daily").build();
		try (CoreClawClient client = client(null)) {
			assertThatExceptionOfType(CoreClawException.class)
				.isThrownBy(() -> client.workerTasks().list(query).blockLast(TIMEOUT))
				.withMessageContaining("of the worker tasks of Worker demo-worker matching \"daily\".");
		}
	}

	@Test
	void aSlowSubscriberDoesNotMakeItReadMoreThanOnePageAhead() {
		// The connector answers synchronously, so what has been asked for is known at each step:
		// the page being read and at most one more.
		List<String> urls = new CopyOnWriteArrayList<>();
		InMemoryConnector connector = new InMemoryConnector((request) -> {
			urls.add(InMemoryConnector.pathAndQuery(request));
			return new InMemoryConnector.Reply(200, taskPage(InMemoryConnector.page(request), 550));
		});
		try (CoreClawClient client = RunListTests.inMemoryClient(connector, null)) {
			StepVerifier.create(client.workerTasks().list(), 1)
				.expectNextMatches((task) -> task.slug().equals("task-1"))
				.then(() -> assertThat(urls).hasSize(2))
				.thenRequest(150)
				.expectNextCount(150)
				.then(() -> assertThat(urls).hasSize(3))
				.thenCancel()
				.verify(TIMEOUT);
		}
		assertThat(urls).containsExactly(LIST + "?offset=1&limit=100", LIST + "?offset=2&limit=100",
				LIST + "?offset=3&limit=100");
	}

	@Test
	void eachPageIsRetriedOnItsOwn() {
		stubPages(150, "", true);
		wireMock.stubFor(get(urlEqualTo(LIST + "?offset=2&limit=100")).inScenario("page-2")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(envelope(500, 10000, "internal server error"))
			.willSetStateTo("ok")
			.atPriority(1));
		try (CoreClawClient client = client(RetryFaultTests.FAST)) {
			assertThat(client.workerTasks().list().count().block(TIMEOUT)).isEqualTo(150);
		}
		wireMock.verify(1, getRequestedFor(urlEqualTo(LIST + "?offset=1&limit=100")));
		wireMock.verify(2, getRequestedFor(urlEqualTo(LIST + "?offset=2&limit=100")));
	}

	/** Page {@code page} of {@code total} tasks numbered from 1, 100 a page. */
	private static String taskPage(int page, int total) {
		StringBuilder tasks = new StringBuilder();
		for (int n = (page - 1) * 100 + 1; n <= Math.min(total, page * 100); n++) {
			tasks.append((tasks.length() > 0) ? "," : "").append("{\"slug\":\"task-").append(n).append("\"}");
		}
		return "{\"code\":0,\"data\":{\"count\":" + total + ",\"list\":[" + tasks + "],\"page_index\":" + page
				+ ",\"page_size\":100}}";
	}

	/** Pages of 100 tasks numbered from 1, the last one short. */
	private static void stubPages(int total, String filters, boolean withCount) {
		for (int page = 1; (page - 1) * 100 < total || page == 1; page++) {
			String body = taskPage(page, total);
			wireMock.stubFor(get(urlEqualTo(LIST + "?offset=" + page + "&limit=100" + filters))
				.willReturn(json(200, withCount ? body : body.replace("\"count\":" + total + ",", ""))));
		}
	}

	private static CoreClawClient client(CoreClawRetrySettings retry) {
		CoreClawClient.Builder builder = CoreClawClient.builder(settings(wireMock));
		return ((retry != null) ? builder.retry(retry) : builder).build();
	}

}
