/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * JUnit extension that records every log event of a test, with the given loggers at DEBUG for
 * its duration, and puts their levels back afterwards.
 */
final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {

	private final Level level;

	private final List<String> debugLoggers;

	private final Map<String, Level> previousLevels = new HashMap<>();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	CapturedLogs(String... debugLoggers) {
		this(Level.DEBUG, debugLoggers);
	}

	CapturedLogs(Level level, String... loggers) {
		this.level = level;
		this.debugLoggers = List.of(loggers);
	}

	List<ILoggingEvent> events() {
		return this.appender.list;
	}

	@Override
	public void beforeEach(ExtensionContext extensionContext) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.appender.setContext(context);
		this.appender.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
		for (String name : this.debugLoggers) {
			Logger logger = context.getLogger(name);
			this.previousLevels.put(name, logger.getLevel());
			logger.setLevel(this.level);
		}
	}

	@Override
	public void afterEach(ExtensionContext extensionContext) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this.appender);
		this.previousLevels.forEach((name, level) -> context.getLogger(name).setLevel(level));
		// Not stopped: a line that a client thread was logging as the test ended may still reach the
		// detached appender, which logback would report as an append to a stopped appender.
	}

}
