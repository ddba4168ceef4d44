/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The starter builds on Reactor's operators and its dependencies' threads: none of its classes
 * is a hand-made publisher, subscriber or subscription, and none starts a thread or an executor
 * of its own.
 */
class HandMadeMachineryTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.coreclaw.spring");

	@Test
	void noClassIsAPublisherSubscriberOrSubscription() {
		noClasses().should()
			.beAssignableTo(Publisher.class)
			.orShould()
			.beAssignableTo(Subscriber.class)
			.orShould()
			.beAssignableTo(Subscription.class)
			.check(this.classes);
	}

	@Test
	void noClassStartsAThreadOrAnExecutorOfItsOwn() {
		noClasses().should()
			.callConstructor(Thread.class)
			.orShould()
			.callConstructor(Thread.class, Runnable.class)
			.orShould()
			.callConstructor(Thread.class, Runnable.class, String.class)
			.orShould()
			.callConstructor(Thread.class, String.class)
			.orShould()
			.callConstructor(Thread.class, ThreadGroup.class, Runnable.class, String.class, long.class)
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.util.concurrent.Executors")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(java.util.concurrent.ExecutorService.class)
			.orShould()
			.callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates
				.target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With
					.owner(com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(reactor.core.scheduler.Schedulers.class)))
				.and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
						com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith("new"))))
			.check(this.classes);
	}

}
