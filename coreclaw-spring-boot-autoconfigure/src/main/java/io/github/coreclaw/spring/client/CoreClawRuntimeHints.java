/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.lang.reflect.Method;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.coreclaw.spring.client.internal.AccountData;
import io.github.coreclaw.spring.client.internal.AsyncRunData;
import io.github.coreclaw.spring.client.internal.Envelope;
import io.github.coreclaw.spring.client.internal.ExportData;
import io.github.coreclaw.spring.client.internal.InputSchemaData;
import io.github.coreclaw.spring.client.internal.LogData;
import io.github.coreclaw.spring.client.internal.ProxyRegionData;
import io.github.coreclaw.spring.client.internal.QueueItemsData;
import io.github.coreclaw.spring.client.internal.QueueRequest;
import io.github.coreclaw.spring.client.internal.QueueResultsData;
import io.github.coreclaw.spring.client.internal.QueuedRunData;
import io.github.coreclaw.spring.client.internal.ResultsData;
import io.github.coreclaw.spring.client.internal.RunDetailData;
import io.github.coreclaw.spring.client.internal.RunListData;
import io.github.coreclaw.spring.client.internal.RunRequest;
import io.github.coreclaw.spring.client.internal.ScheduleFields;
import io.github.coreclaw.spring.client.internal.SyncRunData;
import io.github.coreclaw.spring.client.internal.TaskInputData;
import io.github.coreclaw.spring.client.internal.TaskRequests;
import io.github.coreclaw.spring.client.internal.TaskSlugData;
import io.github.coreclaw.spring.client.internal.WorkerDetailData;
import io.github.coreclaw.spring.client.internal.WorkerListData;
import io.github.coreclaw.spring.client.internal.WorkerTaskData;
import io.github.coreclaw.spring.client.internal.WorkerTaskListData;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Runtime hints of the CoreClaw client for native images: everything Jackson binds or writes by
 * reflection, that is CoreClaw's replies and request bodies, and the public results an
 * application may write as JSON itself.
 * <p>
 * The starter's auto-configuration registers it; an application that builds its client by hand
 * registers it with {@code @ImportRuntimeHints(CoreClawRuntimeHints.class)}. Types of the
 * application's own (for example the row type of {@code rows(MyRow.class)}) need hints of their
 * own, for example {@code @RegisterReflectionForBinding(MyRow.class)}.
 *
 * @since 0.1.0
 */
public class CoreClawRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * What Jackson reads from CoreClaw's replies and writes as request bodies: their
	 * constructors, accessors and factory methods ({@code @JsonCreator}) are invoked by reflection.
	 */
	private static final Class<?>[] WIRE_TYPES = { Envelope.class, AccountData.class, AsyncRunData.class,
			ExportData.class, InputSchemaData.class, LogData.class, ProxyRegionData.class, ProxyRegionData.Item.class,
			QueuedRunData.class, QueueItemsData.class, QueueRequest.class, QueueResultsData.class,
			QueueResultsData.Result.class, ResultsData.class, ResultsData.Header.class, RunDetailData.class,
			RunListData.class, RunRequest.class, ScheduleFields.class, SyncRunData.class, TaskInputData.class,
			TaskRequests.Create.class, TaskRequests.Update.class, TaskRequests.UpdateInput.class, TaskSlugData.class,
			WorkerDetailData.class, WorkerListData.class, WorkerListData.Item.class, WorkerTaskData.class,
			WorkerTaskListData.class, WorkerInput.class };

	/** Public records the operations return, which applications may write as JSON. */
	private static final Class<?>[] RESULT_RECORDS = { RunSlug.class, ResultHeader.class, RunLog.class,
			RunLog.Entry.class, ProxyRegion.class, QueueItemResult.class, TaskInput.class, BatchOutcome.class };

	/**
	 * Public result classes (and the run slug) the operations return, which Jackson writes
	 * through their annotated accessors when an application writes them as JSON.
	 */
	private static final Class<?>[] RESULT_CLASSES = { Account.class, CompletedRun.class, QueueItem.class,
			QueuedRun.class, ResultPage.class, RunSlug.class, SyncRunResult.class, TaskSchedule.class, Worker.class,
			WorkerRun.class, WorkerSummary.class, WorkerTask.class };

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindingRegistrar.registerReflectionHints(hints.reflection(), WIRE_TYPES);
		for (Class<?> type : WIRE_TYPES) {
			hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS,
						MemberCategory.ACCESS_DECLARED_FIELDS);
		}
		this.bindingRegistrar.registerReflectionHints(hints.reflection(), RESULT_RECORDS);
		for (Class<?> type : RESULT_CLASSES) {
			hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS);
			for (Method method : type.getDeclaredMethods()) {
				if (method.isAnnotationPresent(JsonProperty.class) || method.isAnnotationPresent(JsonValue.class)
						|| method.isAnnotationPresent(JsonCreator.class)) {
					hints.reflection().registerMethod(method, ExecutableMode.INVOKE);
				}
			}
		}
	}

}
