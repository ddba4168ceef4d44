/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.coreclaw.spring.client.CoreClawStubs.envelope;
import static io.github.coreclaw.spring.client.CoreClawStubs.settings;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Bad arguments to the task management operations of {@link WorkerTaskOperations} and to the
 * types that describe tasks get an {@link IllegalArgumentException} naming the argument at once,
 * and nothing is sent.
 */
class WorkerTaskManagementBadInputTests {

	private static final Map<String, Object> INPUT = Map.of("parameters", Map.of("custom", Map.of("q", "x")));

	@RegisterExtension
	static WireMockExtension wireMock = CoreClawStubs.wireMock();

	private final CoreClawClient client = CoreClawClient.builder(settings(wireMock)).build();

	private final WorkerTaskOperations tasks = this.client.workerTasks();

	@AfterEach
	void nothingWasSent() {
		this.client.close();
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void blankTaskIdsAreRefusedByEveryOperation(String id) {
		wireMock.stubFor(any(anyUrl()).willReturn(envelope(200, 0, "success")));
		WorkerTaskUpdate update = WorkerTaskUpdate.builder().title("T").build();
		List<Runnable> calls = List.of(() -> this.tasks.get(id), () -> this.tasks.delete(id),
				() -> this.tasks.getInput(id), () -> this.tasks.update(id, update),
				() -> this.tasks.updateInput(id, INPUT), () -> this.tasks.updateInput(id, INPUT, "v1"));
		for (Runnable call : calls) {
			assertThatIllegalArgumentException().isThrownBy(call::run).withMessage("workerTaskId must not be blank");
		}
	}

	@Test
	void nullTaskIdIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.get(null))
			.withMessage("workerTaskId must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.delete(null))
			.withMessage("workerTaskId must not be null");
	}

	@ParameterizedTest
	@ValueSource(strings = { "owner/task", "a?b", "a#b", "a%2Fb", "..", "a b", "tâche" })
	void taskIdsThatAreNoSlugAreRefused(String id) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.delete(id))
			.withMessageStartingWith("workerTaskId must ");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.getInput(id))
			.withMessageStartingWith("workerTaskId must ");
	}

	@Test
	void nullArgumentsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.list(null))
			.withMessage("query must not be null; use TaskQuery.all()");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.create(null))
			.withMessage("definition must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.update("t1", null))
			.withMessage("update must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.updateInput("t1", null))
			.withMessage("input must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.updateInput("t1", INPUT, null))
			.withMessage("version must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.updateInput("t1", INPUT, " "))
			.withMessage("version must not be blank");
	}

	@Test
	void anEmptyUpdateIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tasks.update("t1", WorkerTaskUpdate.builder().build()))
			.withMessage("update must change at least one of title, description and schedule; it changes nothing");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tasks.update("t1", WorkerTaskUpdate.builder().title("T").title(null).build()))
			.withMessageStartingWith("update must change at least one of");
	}

	@Test
	void inputThatIsNotWrittenAsAJsonObjectIsRefusedNamingInput() {
		WorkerTaskDefinition ofString = WorkerTaskDefinition.builder("w1", "T", "keyword=coffee").build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.create(ofString))
			.withMessage("input must be written as a JSON object (a Map, a record, a bean or a JsonNode object) but "
					+ "the application's mapper wrote java.lang.String as a JSON string");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.updateInput("t1", new ArrayList<>(List.of(INPUT))))
			.withMessageEndingWith("wrote java.util.ArrayList as a JSON array");
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.updateInput("t1", 42, "v1"))
			.withMessageEndingWith("wrote java.lang.Integer as a JSON number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tasks.updateInput("t1", JsonNodeFactory.instance.arrayNode()))
			.withMessageEndingWith("as a JSON array");
	}

	static final class Unwritable {

		public String getKeyword() {
			throw new IllegalStateException("no keyword today");
		}

	}

	@Test
	void inputThatCannotBeWrittenIsRefusedNamingInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tasks.updateInput("t1", new Unwritable()))
			.withMessageStartingWith("input of type " + Unwritable.class.getName()
					+ " could not be written as JSON by the application's mapper: ");
	}

	@Test
	void definitionChecksItsArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkerTaskDefinition.builder(null, "T", INPUT))
			.withMessage("workerId must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkerTaskDefinition.builder("owner/name", "T", INPUT))
			.withMessageEndingWith("has '/' at index 5; write an owner/name path as owner~name");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkerTaskDefinition.builder("w1", null, INPUT))
			.withMessage("title must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkerTaskDefinition.builder("w1", " ", INPUT))
			.withMessage("title must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkerTaskDefinition.builder("w1", "T", null))
			.withMessage("input must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WorkerTaskDefinition.builder("w1", "T", INPUT).version(""))
			.withMessage("version must not be blank");
	}

	@Test
	void updateChecksItsTitle() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkerTaskUpdate.builder().title(""))
			.withMessage("title must not be blank");
	}

	@Test
	void queryChecksItsFilters() {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskQuery.builder().workerId("owner/name"))
			.withMessageStartingWith("workerId must contain only letters");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskQuery.builder().workerId(""))
			.withMessage("workerId must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskQuery.builder().keyword(" "))
			.withMessage("keyword must not be blank; pass null to list every task");
	}

	@Test
	void schedulesCheckTheirArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> TaskSchedule.daily(null))
			.withMessage("time must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskSchedule.daily(LocalTime.of(9, 30, 15)))
			.withMessage("time must be whole minutes (CoreClaw takes HH:mm) but was 09:30:15");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskSchedule.daily(LocalTime.of(9, 30, 0, 1)))
			.withMessageStartingWith("time must be whole minutes");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskSchedule.weekly(null, LocalTime.NOON))
			.withMessage("dayOfWeek must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskSchedule.weekly(DayOfWeek.MONDAY, null))
			.withMessage("time must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskSchedule.monthly(0, LocalTime.NOON))
			.withMessage("dayOfMonth must be between 1 and 31 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskSchedule.monthly(32, LocalTime.NOON))
			.withMessage("dayOfMonth must be between 1 and 31 but was 32");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskSchedule.once(null, LocalTime.NOON))
			.withMessage("date must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskSchedule.once(LocalDate.of(2026, 9, 1), null))
			.withMessage("time must not be null");
	}

}
