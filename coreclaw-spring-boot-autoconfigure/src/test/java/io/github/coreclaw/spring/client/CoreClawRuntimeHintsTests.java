/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.coreclaw.spring.client.internal.Envelope;
import io.github.coreclaw.spring.client.internal.ResultsData;
import io.github.coreclaw.spring.client.internal.RunRequest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CoreClawRuntimeHints} covers what Jackson binds by reflection. The expected types are
 * found in the code (the internal package, the operations' signatures), so that a reply type,
 * request body or result record added later without its hint fails here.
 */
class CoreClawRuntimeHintsTests {

	private static final String BASE_PACKAGE = "io.github.coreclaw";

	private final RuntimeHints hints = new RuntimeHints();

	CoreClawRuntimeHintsTests() {
		new CoreClawRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void everyReplyAndRequestTypeCanBeBoundByReflection() {
		// Every record of the internal package, and every type of the client's packages that
		// carries Jackson annotations (such as WorkerInput, written through its @JsonValue, and
		// the result classes, written through their @JsonProperty accessors).
		List<Class<?>> wireTypes = Stream
			.concat(PackageClasses.of(Envelope.class.getPackageName()).stream().filter(Class::isRecord),
					Stream.of(Envelope.class.getPackageName(), CoreClawClient.class.getPackageName())
						.flatMap((packageName) -> PackageClasses.of(packageName).stream())
						.filter(CoreClawRuntimeHintsTests::hasJacksonAnnotations))
			.distinct()
			.toList();
		assertThat(wireTypes).as("the scan finds the wire types")
			.contains(Envelope.class, RunRequest.class, ResultsData.Header.class, WorkerInput.class, WorkerRun.class,
					RunSlug.class);
		SoftAssertions.assertSoftly((softly) -> {
			for (Class<?> type : wireTypes) {
				softly.assertThat(RuntimeHintsPredicates.reflection()
					.onType(type)
					.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
							MemberCategory.INVOKE_DECLARED_METHODS))
					.as("%s is in CoreClawRuntimeHints.WIRE_TYPES or RESULT_CLASSES", type.getName())
					.accepts(this.hints);
				for (Method method : jacksonInvokedMethods(type)) {
					softly.assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method))
						.as("%s#%s can be invoked", type.getName(), method.getName())
						.accepts(this.hints);
				}
			}
		});
	}

	@Test
	void everyRecordTheOperationsReturnCanBeWrittenByReflection() {
		Set<Class<?>> records = resultRecords();
		assertThat(records).as("the walk finds the result records").contains(RunSlug.class, RunLog.Entry.class);
		SoftAssertions.assertSoftly((softly) -> {
			for (Class<?> type : records) {
				softly.assertThat(RuntimeHintsPredicates.reflection().onType(type))
					.as("%s is in CoreClawRuntimeHints.RESULT_RECORDS", type.getName())
					.accepts(this.hints);
				for (RecordComponent component : type.getRecordComponents()) {
					softly.assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
						.as("%s#%s can be invoked", type.getName(), component.getName())
						.accepts(this.hints);
				}
			}
		});
	}

	/**
	 * Whether Jackson annotations are on the type or on its members.
	 */
	private static boolean hasJacksonAnnotations(Class<?> type) {
		if (hasJacksonAnnotation(type)) {
			return true;
		}
		return Stream
			.of(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()),
					Stream.of(type.getDeclaredFields()))
			.flatMap((members) -> members)
			.anyMatch((member) -> hasJacksonAnnotation((AnnotatedElement) member));
	}

	private static List<Method> jacksonInvokedMethods(Class<?> type) {
		List<Method> methods = new ArrayList<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				methods.add(component.getAccessor());
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			// An accessor marked @JsonIgnore (ResultPage#isLast) is one Jackson never calls.
			if (hasJacksonAnnotation(method) && !method.isAnnotationPresent(JsonIgnore.class)) {
				methods.add(method);
			}
		}
		return methods;
	}

	private static boolean hasJacksonAnnotation(AnnotatedElement element) {
		for (Annotation annotation : element.getDeclaredAnnotations()) {
			String name = annotation.annotationType().getName();
			if (name.startsWith("com.fasterxml.jackson.annotation.") || name.startsWith("tools.jackson.")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The records reachable from what the client's operations return: the results, their
	 * elements and, through the accessors of result classes, the records they hold.
	 */
	private static Set<Class<?>> resultRecords() {
		List<Type> returned = new ArrayList<>();
		for (Method accessor : CoreClawClient.class.getMethods()) {
			Class<?> returnType = accessor.getReturnType();
			if (accessor.getParameterCount() == 0 && returnType.isInterface()
					&& returnType.getSimpleName().endsWith("Operations")) {
				for (Method operation : returnType.getMethods()) {
					returned.add(operation.getGenericReturnType());
				}
			}
			if (Publisher.class.isAssignableFrom(returnType)) {
				returned.add(accessor.getGenericReturnType());
			}
		}
		Set<Class<?>> seen = new LinkedHashSet<>();
		Set<Class<?>> records = new LinkedHashSet<>();
		returned.forEach((type) -> walk(type, seen, records));
		return records;
	}

	private static void walk(Type type, Set<Class<?>> seen, Set<Class<?>> records) {
		if (type instanceof ParameterizedType parameterized) {
			walk(parameterized.getRawType(), seen, records);
			for (Type argument : parameterized.getActualTypeArguments()) {
				walk(argument, seen, records);
			}
			return;
		}
		if (type instanceof WildcardType wildcard) {
			for (Type bound : wildcard.getUpperBounds()) {
				walk(bound, seen, records);
			}
			return;
		}
		if (!(type instanceof Class<?> candidate) || !candidate.getName().startsWith(BASE_PACKAGE)
				|| Throwable.class.isAssignableFrom(candidate) || !seen.add(candidate)) {
			return;
		}
		if (candidate.isRecord()) {
			records.add(candidate);
			for (RecordComponent component : candidate.getRecordComponents()) {
				walk(component.getGenericType(), seen, records);
			}
			return;
		}
		for (Method method : candidate.getDeclaredMethods()) {
			if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
					&& method.getParameterCount() == 0) {
				walk(method.getGenericReturnType(), seen, records);
			}
		}
	}

}
