/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.callback;

import org.springframework.context.ApplicationEvent;

/**
 * Application event published when CoreClaw posts a run status notification to the callback
 * receiver; repeats of the same run and status within the dedupe window are not published again.
 * <p>
 * Listeners get each change at most once, off the request thread, after CoreClaw's request
 * has been answered; nothing publishes an event again by itself, so a listener that throws, or
 * an application that stops first, loses it. When publishing throws, a later delivery of the
 * same change by CoreClaw is published again (see {@link CoreClawCallbackReceiver}). The run
 * as {@code getRun} reads it stays authoritative: the values of a callback are untrusted hints,
 * since anyone who read a callback URL can post with its token until it expires.
 *
 * @since 0.1.0
 */
public class CoreClawRunCallbackEvent extends ApplicationEvent {

	private final RunCallback callback;

	/**
	 * Create an event.
	 * @param source the receiver that got the notification
	 * @param callback the notification
	 */
	public CoreClawRunCallbackEvent(Object source, RunCallback callback) {
		super(source);
		this.callback = callback;
	}

	/**
	 * The notification.
	 * @return the callback payload
	 */
	public RunCallback getCallback() {
		return this.callback;
	}

}
