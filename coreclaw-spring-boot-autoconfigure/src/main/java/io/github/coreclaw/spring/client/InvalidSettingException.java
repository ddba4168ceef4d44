/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

/**
 * Thrown when a setting of {@link CoreClawClientSettings}, {@link CoreClawRetrySettings},
 * {@link CoreClawPollingSettings} or {@link CoreClawPoolSettings} is missing or out of range; it
 * names the setting (as its accessor is named), so that code which maps its own configuration to
 * the settings can name its own key.
 * <p>
 * The message reads {@code <setting> must be <requirement> but <problem>}, for example
 * {@code maxAttempts must be at least 1 but was 0}. Neither part ever holds a secret or a
 * callback URL: where a value could be one, the problem describes it instead of quoting it.
 *
 * @since 0.1.0
 */
public class InvalidSettingException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String setting;

	private final String requirement;

	private final String problem;

	/**
	 * Create an exception.
	 * @param setting the name of the setting, such as {@code maxAttempts}
	 * @param requirement what the value must be, such as {@code at least 1}; it may name other
	 * settings of the same type
	 * @param problem what is wrong with it, such as {@code was 0} or {@code it is relative}
	 */
	public InvalidSettingException(String setting, String requirement, String problem) {
		super(setting + " must be " + requirement + " but " + problem);
		this.setting = setting;
		this.requirement = requirement;
		this.problem = problem;
	}

	/**
	 * The name of the setting that is wrong.
	 * @return the setting name, such as {@code maxAttempts}
	 */
	public String getSetting() {
		return this.setting;
	}

	/**
	 * What the value must be.
	 * @return the requirement, such as {@code at least 1}
	 */
	public String getRequirement() {
		return this.requirement;
	}

	/**
	 * What is wrong with the value.
	 * @return the problem, such as {@code was 0}
	 */
	public String getProblem() {
		return this.problem;
	}

}
