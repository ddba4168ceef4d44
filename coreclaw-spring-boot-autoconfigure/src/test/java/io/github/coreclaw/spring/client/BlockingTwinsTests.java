/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reactive operation has its blocking twin, and every blocking operation a reactive one:
 * the same name and parameters, {@code Mono<T>} becoming {@code T}, {@code Mono<Void>}
 * {@code void} and {@code Flux<T>} {@code Stream<T>}.
 */
class BlockingTwinsTests {

	static Stream<Arguments> pairs() {
		return Stream.of(Arguments.of(WorkerTaskOperations.class, BlockingWorkerTaskOperations.class),
				Arguments.of(WorkerOperations.class, BlockingWorkerOperations.class),
				Arguments.of(WorkerRunOperations.class, BlockingWorkerRunOperations.class),
				Arguments.of(RunQueueOperations.class, BlockingRunQueueOperations.class));
	}

	@ParameterizedTest
	@MethodSource("pairs")
	void everyReactiveMethodHasItsBlockingTwinAndNoOther(Class<?> reactive, Class<?> blocking) {
		assertThat(signatures(blocking)).isEqualTo(signatures(reactive).stream()
			.map(BlockingTwinsTests::blockingTwin)
			.collect(Collectors.toCollection(TreeSet::new)));
	}

	@ParameterizedTest
	@MethodSource("pairs")
	void theTwinsAreDefaultMethodsWhereTheReactiveOnesAre(Class<?> reactive, Class<?> blocking) throws Exception {
		for (Method method : publicMethods(reactive)) {
			Method twin = blocking.getMethod(method.getName(), method.getParameterTypes());
			assertThat(twin.isDefault()).as(twin.toString()).isEqualTo(method.isDefault());
		}
	}

	@Test
	void theAccountHasItsBlockingTwin() throws Exception {
		Method reactive = CoreClawClient.class.getMethod("account");
		Method blocking = BlockingCoreClawClient.class.getMethod("account");
		assertThat(signature(blocking)).isEqualTo(blockingTwin(signature(reactive)));
	}

	private static TreeSet<String> signatures(Class<?> type) {
		return publicMethods(type).stream()
			.map(BlockingTwinsTests::signature)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static List<Method> publicMethods(Class<?> type) {
		return Arrays.stream(type.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
			.toList();
	}

	/** A method as {@code name(parameterTypes) -> returnType}, generics included. */
	private static String signature(Method method) {
		String parameters = Arrays.stream(method.getGenericParameterTypes())
			.map(Type::getTypeName)
			.collect(Collectors.joining(", "));
		return method.getName() + "(" + parameters + ") -> " + method.getGenericReturnType().getTypeName();
	}

	/** The blocking twin of a reactive signature. */
	private static String blockingTwin(String reactive) {
		String mono = Mono.class.getName() + "<";
		String flux = Flux.class.getName() + "<";
		int arrow = reactive.indexOf(" -> ") + 4;
		String method = reactive.substring(0, arrow);
		String returnType = reactive.substring(arrow);
		if (returnType.equals(mono + Void.class.getName() + ">")) {
			return method + "void";
		}
		if (returnType.startsWith(mono)) {
			return method + returnType.substring(mono.length(), returnType.length() - 1);
		}
		if (returnType.startsWith(flux)) {
			return method + Stream.class.getName() + "<" + returnType.substring(flux.length());
		}
		throw new AssertionError("Neither a Mono nor a Flux: " + reactive);
	}

}
