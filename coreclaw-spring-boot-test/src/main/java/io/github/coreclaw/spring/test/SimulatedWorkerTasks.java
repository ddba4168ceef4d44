/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.test;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's worker tasks: a WireMock extension that keeps them in memory, so that tasks can
 * be listed, read, created, changed and deleted, and the tasks created run.
 * <p>
 * The {@code tasks-*.json} mappings name this transformer ({@value #NAME}); their own bodies are
 * the static answers a WireMock container (which lacks this extension) gives. Requests are checked
 * as CoreClaw documents them (unknown fields, required fields, schedule enums), answering
 * 422/11000 with {@code details}; an unknown task answers 404/60001.
 * <p>
 * The store starts with {@link CoreClawSimulator#DEMO_TASK}, {@link CoreClawSimulator#RATE_LIMITED_TASK}
 * and {@link CoreClawSimulator#BUSY_TASK}, and starts again from them whenever the simulator's
 * scenarios are reset ({@link CoreClawSimulator#reset()}): the mappings belong to the scenario
 * {@value #SCENARIO}, which this extension moves from its started state to {@value #IN_USE} (a
 * state WireMock accepts only because {@code tasks-scenario-state.json} names it) once it holds
 * the store. Runs of the three known tasks are answered by their own mappings, which come first,
 * even after the task was deleted.
 */
final class SimulatedWorkerTasks implements ResponseDefinitionTransformerV2 {

	/** The name the mappings give in their {@code transformers}. */
	static final String NAME = "coreclaw-worker-tasks";

	/** The scenario whose reset resets the tasks. */
	static final String SCENARIO = "coreclaw-worker-tasks";

	/** The state of the scenario while the store holds tasks. */
	static final String IN_USE = "tasks in memory";

	private static final Pattern TASKS = Pattern.compile("/api/v2/worker-tasks");

	private static final Pattern TASK = Pattern.compile("/api/v2/worker-tasks/([^/]+)");

	private static final Pattern INPUT = Pattern.compile("/api/v2/worker-tasks/([^/]+)/input");

	private static final Pattern RUNS = Pattern.compile("/api/v2/worker-tasks/([^/]+)/runs");

	private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_~.-]+");

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	private static final Set<String> SCHEDULE_FIELDS = Set.of("schedule_enabled", "schedule_type", "schedule_time",
			"schedule_weekday", "schedule_day", "schedule_once_date");

	private static final Set<String> CREATE_FIELDS = union(SCHEDULE_FIELDS, "worker_id", "title", "input",
			"description", "version");

	private static final Set<String> UPDATE_FIELDS = union(SCHEDULE_FIELDS, "title", "description");

	private static final Set<String> INPUT_FIELDS = Set.of("input", "version");

	/** Fields of a task in the list: the shape production answers (no id, no schedule time). */
	private static final List<String> LIST_FIELDS = List.of("slug", "worker_title", "worker_slug", "worker_path",
			"version", "platform_actors_id", "title", "description", "input", "run_times", "last_run_id",
			"last_modified_at", "schedule_enabled", "schedule_type", "created_at", "updated_at");

	private static final long WORKER_ID = 32708435341606912L;

	private static final long SEED_TIME = 1786000000L;

	private final JsonMapper json = JsonMapper.builder().build();

	private final WireMockServices services;

	private final Map<String, ObjectNode> tasks = new LinkedHashMap<>();

	private boolean seeded;

	private long nextId;

	private SimulatedWorkerTasks(WireMockServices services) {
		this.services = services;
	}

	/**
	 * The extension to register with a WireMock server.
	 * @return the factory of the extension
	 */
	static ExtensionFactory extension() {
		return (services) -> List.of(new SimulatedWorkerTasks(services));
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		LoggedRequest request = serveEvent.getRequest();
		String url = request.getUrl();
		String path = SimulatedResponses.pathOf(url);
		String method = request.getMethod().getName();
		synchronized (this.tasks) {
			seedAfterReset();
			ResponseDefinition answer = answer(method, path, request);
			return (answer != null) ? answer : serveEvent.getResponseDefinition();
		}
	}

	private @Nullable ResponseDefinition answer(String method, String path, LoggedRequest request) {
		if (TASKS.matcher(path).matches()) {
			return switch (method) {
				case "GET" -> list(request);
				case "POST" -> create(request);
				default -> null;
			};
		}
		Matcher task = TASK.matcher(path);
		if (task.matches()) {
			return switch (method) {
				case "GET" -> read(task.group(1));
				case "PUT" -> update(task.group(1), request);
				case "DELETE" -> delete(task.group(1));
				default -> null;
			};
		}
		Matcher input = INPUT.matcher(path);
		if (input.matches()) {
			return switch (method) {
				case "GET" -> readInput(input.group(1));
				case "PUT" -> updateInput(input.group(1), request);
				default -> null;
			};
		}
		Matcher runs = RUNS.matcher(path);
		return (runs.matches() && method.equals("POST")) ? run(runs.group(1), request) : null;
	}

	/**
	 * Start from the three known tasks when the scenario is in its started state: on the first
	 * request, and after every reset of the scenarios.
	 */
	private void seedAfterReset() {
		Admin admin = this.services.getAdmin();
		boolean started = admin.getAllScenarios()
			.getScenarios()
			.stream()
			.filter((scenario) -> SCENARIO.equals(scenario.getName()))
			.anyMatch((scenario) -> Scenario.STARTED.equals(scenario.getState()));
		if (!started && this.seeded) {
			return;
		}
		this.seeded = true;
		this.tasks.clear();
		this.nextId = 2001;
		seed(CoreClawSimulator.DEMO_TASK, "Demo Task", "Coffee shops in the Bay Area, every morning", true);
		seed(CoreClawSimulator.RATE_LIMITED_TASK, "Rate-limited Task", "Rate limited on its first run", false);
		seed(CoreClawSimulator.BUSY_TASK, "Busy Task", "Answers code 13000 on its first run", false);
		if (started) {
			admin.setScenarioState(SCENARIO, IN_USE);
		}
	}

	private void seed(String slug, String title, String description, boolean scheduled) {
		ObjectNode task = newTask(slug, "demo-worker", title, SEED_TIME);
		task.put("description", description);
		task.set("input", this.json.readTree("""
				{"parameters":{"custom":{"keyword":"coffee","max_results":5}}}"""));
		if (scheduled) {
			task.put("schedule_enabled", 1);
			task.put("schedule_type", 1);
			task.put("schedule_time", "09:30");
		}
		this.tasks.put(slug, task);
	}

	private ObjectNode newTask(String slug, String workerId, String title, long now) {
		int tilde = workerId.indexOf('~');
		String workerSlug = (tilde >= 0) ? workerId.substring(tilde + 1) : workerId;
		ObjectNode task = this.json.createObjectNode();
		task.put("id", this.nextId++);
		task.put("slug", slug);
		task.put("worker_id", WORKER_ID);
		task.put("worker_title", titleOf(workerSlug));
		task.put("worker_slug", workerSlug);
		task.put("worker_path", (tilde >= 0) ? workerId : "simulator~" + workerId);
		task.put("version", "latest");
		task.put("platform_actors_id", WORKER_ID);
		task.put("title", title);
		task.put("description", "");
		task.set("input", this.json.createObjectNode());
		task.put("run_times", 0);
		task.put("last_run_id", 0);
		task.put("last_modified_at", now);
		task.put("schedule_enabled", 0);
		task.put("schedule_type", 0);
		task.put("created_at", now);
		task.put("updated_at", now);
		return task;
	}

	private ResponseDefinition list(LoggedRequest request) {
		List<String> problems = new ArrayList<>();
		int page = Math.max(1, intParameter(request, "offset", 1, 0, Integer.MAX_VALUE, problems));
		int limit = intParameter(request, "limit", 20, 1, 100, problems);
		if (!problems.isEmpty()) {
			return invalid(problems);
		}
		String workerId = stringParameter(request, "worker_id");
		String keyword = stringParameter(request, "keyword");
		List<ObjectNode> found = new ArrayList<>();
		for (ObjectNode task : this.tasks.values()) {
			if (matches(task, workerId, keyword)) {
				found.add(task);
			}
		}
		ArrayNode items = this.json.createArrayNode();
		long first = (long) (page - 1) * limit;
		for (long i = first; i < found.size() && i < first + limit; i++) {
			ObjectNode item = items.addObject();
			ObjectNode task = found.get((int) i);
			for (String field : LIST_FIELDS) {
				item.set(field, task.get(field));
			}
		}
		ObjectNode data = this.json.createObjectNode();
		data.put("count", found.size());
		data.set("list", items);
		data.put("page_index", page);
		data.put("page_size", limit);
		return SimulatedResponses.success(data);
	}

	private static boolean matches(ObjectNode task, @Nullable String workerId, @Nullable String keyword) {
		if (workerId != null && !workerId.equals(task.get("worker_slug").asString())
				&& !workerId.equals(task.get("worker_path").asString())) {
			return false;
		}
		if (keyword == null) {
			return true;
		}
		String lower = keyword.toLowerCase(Locale.ROOT);
		return task.get("title").asString().toLowerCase(Locale.ROOT).contains(lower)
				|| task.get("slug").asString().toLowerCase(Locale.ROOT).contains(lower);
	}

	private ResponseDefinition create(LoggedRequest request) {
		ObjectNode body = bodyOf(request);
		if (body == null) {
			return invalid(List.of("the body must be a JSON object"));
		}
		List<String> problems = unknownFields(body, CREATE_FIELDS);
		requireText(body, "worker_id", problems);
		requireText(body, "title", problems);
		JsonNode input = body.get("input");
		if (input == null || !input.isObject()) {
			problems.add("input is required and must be an object");
		}
		if (body.hasNonNull("worker_id") && !SLUG.matcher(body.get("worker_id").asString()).matches()) {
			problems.add("worker_id must be a Worker slug or an owner~name path");
		}
		optionalText(body, "description", problems);
		optionalText(body, "version", problems);
		checkSchedule(body, body, problems);
		if (!problems.isEmpty()) {
			return invalid(problems);
		}
		long now = System.currentTimeMillis() / 1000;
		String slug = "01SIMTASK" + String.format("%017d", this.nextId);
		ObjectNode task = newTask(slug, body.get("worker_id").asString(), body.get("title").asString(), now);
		task.set("input", input);
		copy(body, task, Set.of("description", "version"));
		applySchedule(body, task);
		this.tasks.put(slug, task);
		ObjectNode data = this.json.createObjectNode();
		data.put("slug", slug);
		return SimulatedResponses.success(data);
	}

	private ResponseDefinition read(String slug) {
		ObjectNode task = this.tasks.get(slug);
		return (task != null) ? SimulatedResponses.success(task) : notFound();
	}

	private ResponseDefinition update(String slug, LoggedRequest request) {
		ObjectNode task = this.tasks.get(slug);
		if (task == null) {
			return notFound();
		}
		ObjectNode body = bodyOf(request);
		if (body == null) {
			return invalid(List.of("the body must be a JSON object"));
		}
		List<String> problems = unknownFields(body, UPDATE_FIELDS);
		if (body.has("title")) {
			requireText(body, "title", problems);
		}
		optionalText(body, "description", problems);
		ObjectNode merged = task.deepCopy();
		applySchedule(body, merged);
		checkSchedule(body, merged, problems);
		if (!problems.isEmpty()) {
			return invalid(problems);
		}
		copy(body, task, Set.of("title", "description"));
		applySchedule(body, task);
		touch(task);
		return SimulatedResponses.success(null);
	}

	private ResponseDefinition delete(String slug) {
		return (this.tasks.remove(slug) != null) ? SimulatedResponses.success(null) : notFound();
	}

	private ResponseDefinition readInput(String slug) {
		ObjectNode task = this.tasks.get(slug);
		if (task == null) {
			return notFound();
		}
		ObjectNode data = this.json.createObjectNode();
		data.set("input", task.get("input"));
		data.set("version", task.get("version"));
		return SimulatedResponses.success(data);
	}

	private ResponseDefinition updateInput(String slug, LoggedRequest request) {
		ObjectNode task = this.tasks.get(slug);
		if (task == null) {
			return notFound();
		}
		ObjectNode body = bodyOf(request);
		if (body == null) {
			return invalid(List.of("the body must be a JSON object"));
		}
		List<String> problems = unknownFields(body, INPUT_FIELDS);
		JsonNode input = body.get("input");
		if (input == null || !input.isObject()) {
			problems.add("input is required and must be an object");
		}
		optionalText(body, "version", problems);
		if (!problems.isEmpty()) {
			return invalid(problems);
		}
		task.set("input", input);
		copy(body, task, Set.of("version"));
		touch(task);
		return SimulatedResponses.success(null);
	}

	/**
	 * Run a task created in the simulator; the three known tasks are answered by their own
	 * mappings, which come first.
	 */
	private ResponseDefinition run(String slug, LoggedRequest request) {
		ObjectNode task = this.tasks.get(slug);
		if (task == null) {
			return notFound();
		}
		task.put("run_times", task.get("run_times").asLong() + 1);
		ObjectNode body = bodyOf(request);
		ObjectNode data = this.json.createObjectNode();
		data.put("run_slug", SimulatedResponses.newRunSlug());
		if (body == null || !body.path("is_async").isBoolean() || body.get("is_async").asBoolean()) {
			return SimulatedResponses.success(data);
		}
		int limit = body.path("limit").asInt(20);
		data.put("run_status", "succeeded");
		data.put("error_message", "");
		data.put("execution_start_timestamp", SEED_TIME + 1200);
		data.put("execution_end_timestamp", SEED_TIME + 1207);
		data.put("running_duration", 7);
		data.put("result_message", "5 places found");
		ObjectNode results = data.putObject("results");
		results.put("count", 5);
		results.set("headers", this.json.readTree("""
				[{"key":"title","label":"Title"},{"key":"city","label":"City"},{"key":"rating","label":"Rating"}]"""));
		ArrayNode rows = (ArrayNode) this.json.readTree("""
				[{"title":"Blue Bottle Coffee","city":"Oakland","rating":4.6},
				{"title":"Tartine Bakery","city":"San Francisco","rating":4.7},
				{"title":"Sightglass Coffee","city":"San Francisco","rating":4.5},
				{"title":"Ritual Coffee Roasters","city":"San Francisco","rating":4.4},
				{"title":"Philz Coffee","city":"Berkeley","rating":4.6}]""");
		ArrayNode list = results.putArray("list");
		for (int i = 0; i < rows.size() && i < limit; i++) {
			list.add(rows.get(i));
		}
		results.put("page_index", 1);
		results.put("page_size", limit);
		return SimulatedResponses.success(data);
	}

	/**
	 * Check the schedule fields a request sends, and that the schedule they leave is complete.
	 * @param body the request body
	 * @param result the task's fields once the request is applied
	 * @param problems where the problems go
	 */
	private static void checkSchedule(ObjectNode body, ObjectNode result, List<String> problems) {
		checkInt(body, "schedule_enabled", 0, 1, problems);
		checkInt(body, "schedule_type", 1, 4, problems);
		checkInt(body, "schedule_weekday", 1, 7, problems);
		checkInt(body, "schedule_day", 1, 31, problems);
		JsonNode time = body.get("schedule_time");
		if (time != null && !(time.isString() && TIME.matcher(time.asString()).matches())) {
			problems.add("schedule_time must be HH:mm");
		}
		if (body.has("schedule_once_date") && !isDate(body.get("schedule_once_date"))) {
			problems.add("schedule_once_date must be YYYY-MM-DD");
		}
		if (!problems.isEmpty() || result.path("schedule_enabled").asInt(0) != 1) {
			return;
		}
		int type = result.path("schedule_type").asInt(0);
		if (type < 1 || type > 4) {
			problems.add("schedule_type is required when the schedule is enabled");
			return;
		}
		if (!result.hasNonNull("schedule_time")) {
			problems.add("schedule_time is required when the schedule is enabled");
		}
		String needed = switch (type) {
			case 2 -> "schedule_weekday";
			case 3 -> "schedule_day";
			case 4 -> "schedule_once_date";
			default -> null;
		};
		if (needed != null && !result.hasNonNull(needed)) {
			problems.add(needed + " is required by schedule_type " + type);
		}
	}

	private static void applySchedule(ObjectNode body, ObjectNode task) {
		copy(body, task, SCHEDULE_FIELDS);
		if (body.has("schedule_type")) {
			// A new kind of schedule drops the fields of the old one.
			for (String field : List.of("schedule_weekday", "schedule_day", "schedule_once_date")) {
				if (!body.has(field)) {
					task.remove(field);
				}
			}
		}
	}

	private static void checkInt(ObjectNode body, String field, int min, int max, List<String> problems) {
		JsonNode value = body.get(field);
		if (value != null && !(value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= min
				&& value.intValue() <= max)) {
			problems.add(field + " must be an integer from " + min + " to " + max);
		}
	}

	private static boolean isDate(JsonNode value) {
		if (!value.isString()) {
			return false;
		}
		try {
			LocalDate.parse(value.asString());
			return value.asString().length() == 10;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static void requireText(ObjectNode body, String field, List<String> problems) {
		JsonNode value = body.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			problems.add(field + " is required and must be a non-empty string");
		}
	}

	private static void optionalText(ObjectNode body, String field, List<String> problems) {
		JsonNode value = body.get(field);
		if (value != null && !value.isString()) {
			problems.add(field + " must be a string");
		}
	}

	private static List<String> unknownFields(ObjectNode body, Set<String> allowed) {
		List<String> problems = new ArrayList<>();
		for (String field : body.propertyNames()) {
			if (!allowed.contains(field)) {
				problems.add("unknown field " + field);
			}
		}
		return problems;
	}

	private static void copy(ObjectNode from, ObjectNode to, Set<String> fields) {
		for (String field : fields) {
			if (from.has(field)) {
				to.set(field, from.get(field));
			}
		}
	}

	private static void touch(ObjectNode task) {
		long now = System.currentTimeMillis() / 1000;
		task.put("updated_at", now);
		task.put("last_modified_at", now);
	}

	private @Nullable ObjectNode bodyOf(LoggedRequest request) {
		try {
			JsonNode body = this.json.readTree(request.getBodyAsString());
			return (body instanceof ObjectNode object) ? object : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static int intParameter(LoggedRequest request, String name, int defaultValue, int min, int max,
			List<String> problems) {
		String value = stringParameter(request, name);
		if (value == null) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(name + " must be an integer from " + min + " to " + max);
		return defaultValue;
	}

	private static @Nullable String stringParameter(LoggedRequest request, String name) {
		QueryParameter parameter = request.queryParameter(name);
		return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : null;
	}

	private ResponseDefinition notFound() {
		return SimulatedResponses.respond(404, SimulatedResponses.envelope(60001, "task does not exist")).build();
	}

	private ResponseDefinition invalid(List<String> problems) {
		ObjectNode envelope = SimulatedResponses.envelope(11000, "invalid argument");
		ArrayNode details = envelope.putArray("details");
		problems.forEach(details::add);
		return SimulatedResponses.respond(422, envelope).build();
	}

	private static String titleOf(String workerSlug) {
		StringBuilder title = new StringBuilder();
		for (String word : workerSlug.split("[-_.]+")) {
			if (!word.isEmpty()) {
				title.append((title.length() > 0) ? " " : "")
					.append(Character.toUpperCase(word.charAt(0)))
					.append(word.substring(1));
			}
		}
		return title.toString();
	}

	private static Set<String> union(Set<String> fields, String... more) {
		Set<String> all = new HashSet<>(fields);
		all.addAll(List.of(more));
		return Set.copyOf(all);
	}

}
