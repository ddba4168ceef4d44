/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.net.URI;
import java.util.Objects;

import io.github.coreclaw.spring.client.internal.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * Immutable options of one run request; an option left unset is not sent, so CoreClaw's
 * default (or the client's configured default) applies.
 *
 * @since 0.1.0
 */
public final class RunOptions {

	/** Smallest window of result rows a synchronous run can return. */
	public static final int MIN_LIMIT = 1;

	/** Largest window of result rows a synchronous run can return. */
	public static final int MAX_LIMIT = 100;

	/**
	 * Longest label {@link Builder#track(String)} accepts.
	 * @since 0.1.0
	 */
	public static final int MAX_TRACK_LABEL_LENGTH = 200;

	private static final RunOptions DEFAULTS = new RunOptions(null, null, null, false, null, null);

	private final @Nullable URI callbackUrl;

	private final @Nullable Integer limit;

	private final @Nullable Integer offset;

	private final boolean callbackToReceiver;

	private final @Nullable String version;

	private final @Nullable String trackLabel;

	private RunOptions(@Nullable URI callbackUrl, @Nullable Integer limit, @Nullable Integer offset,
			boolean callbackToReceiver, @Nullable String version, @Nullable String trackLabel) {
		this.callbackUrl = callbackUrl;
		this.limit = limit;
		this.offset = offset;
		this.callbackToReceiver = callbackToReceiver;
		this.version = version;
		this.trackLabel = trackLabel;
	}

	/**
	 * Options with nothing set.
	 * @return the default options
	 */
	public static RunOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Start building options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * URL CoreClaw posts run status notifications to, if set.
	 * @return the callback URL or {@code null}
	 */
	public @Nullable URI callbackUrl() {
		return this.callbackUrl;
	}

	/**
	 * Size of the window of result rows a synchronous run returns, if set.
	 * @return the limit (1&ndash;100) or {@code null}
	 */
	public @Nullable Integer limit() {
		return this.limit;
	}

	/**
	 * Position of the window of result rows a synchronous run returns, if set.
	 * @return the offset (&ge; 0) or {@code null}
	 */
	public @Nullable Integer offset() {
		return this.offset;
	}

	/**
	 * Whether CoreClaw is to notify the application's own callback receiver
	 * ({@code coreclaw.callback.*}) instead of {@link #callbackUrl()}.
	 * @return whether the receiver's URL is the callback URL
	 */
	public boolean callbackToReceiver() {
		return this.callbackToReceiver;
	}

	/**
	 * Worker version to run, if set; only runs and queued runs of a Worker accept one (a worker
	 * task runs the version saved with it, a rerun the version of its run).
	 * @return the version, for example {@code v1.2.8}, or {@code null} for CoreClaw's latest
	 */
	public @Nullable String version() {
		return this.version;
	}

	/**
	 * Label of a tracked run, if set: the run is recorded before its start completes and handed to
	 * the application's tracked-run handlers once it finishes.
	 * @return the label or {@code null} for an untracked run
	 * @since 0.1.0
	 */
	public @Nullable String trackLabel() {
		return this.trackLabel;
	}

	/**
	 * Return a builder that starts from these options.
	 * @return a new builder holding these options
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.callbackUrl = this.callbackUrl;
		builder.limit = this.limit;
		builder.offset = this.offset;
		builder.callbackToReceiver = this.callbackToReceiver;
		builder.version = this.version;
		builder.trackLabel = this.trackLabel;
		return builder;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || ((other instanceof RunOptions that) && Objects.equals(this.callbackUrl, that.callbackUrl)
				&& Objects.equals(this.limit, that.limit) && Objects.equals(this.offset, that.offset)
				&& this.callbackToReceiver == that.callbackToReceiver
				&& Objects.equals(this.version, that.version) && Objects.equals(this.trackLabel, that.trackLabel));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.callbackUrl, this.limit, this.offset, this.callbackToReceiver, this.version,
				this.trackLabel);
	}

	@Override
	public String toString() {
		return "RunOptions[callbackUrl=" + SafeUrls.origin(this.callbackUrl) + ", limit=" + this.limit + ", offset="
				+ this.offset + ", callbackToReceiver=" + this.callbackToReceiver + ", version=" + this.version
				+ ((this.trackLabel != null) ? ", track=" + this.trackLabel : "") + "]";
	}

	/**
	 * Builder of {@link RunOptions}; each setter checks its argument at once.
	 */
	public static final class Builder {

		private @Nullable URI callbackUrl;

		private @Nullable Integer limit;

		private @Nullable Integer offset;

		private boolean callbackToReceiver;

		private @Nullable String version;

		private @Nullable String trackLabel;

		private Builder() {
		}

		/**
		 * Set the URL CoreClaw posts run status notifications to.
		 * @param callbackUrl an absolute {@code http} or {@code https} URL, or {@code null} to unset
		 * @return this builder
		 * @throws IllegalArgumentException if the URL is not absolute http(s)
		 */
		public Builder callbackUrl(@Nullable URI callbackUrl) {
			if (callbackUrl != null) {
				Identifiers.checkCallbackUrl("callbackUrl", callbackUrl);
			}
			this.callbackUrl = callbackUrl;
			return this;
		}

		/**
		 * Set the size of the window of result rows a synchronous run returns.
		 * @param limit from 1 to 100
		 * @return this builder
		 * @throws IllegalArgumentException if the limit is outside 1&ndash;100
		 */
		public Builder limit(int limit) {
			if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
				throw new IllegalArgumentException(
						"limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + " but was " + limit);
			}
			this.limit = limit;
			return this;
		}

		/**
		 * Set the position of the window of result rows a synchronous run returns.
		 * @param offset zero or more
		 * @return this builder
		 * @throws IllegalArgumentException if the offset is negative
		 */
		public Builder offset(int offset) {
			if (offset < 0) {
				throw new IllegalArgumentException("offset must be 0 or more but was " + offset);
			}
			this.offset = offset;
			return this;
		}

		/**
		 * Have CoreClaw notify the application's own callback receiver: its public URL
		 * ({@code coreclaw.callback.public-base-url} and path) becomes the callback URL.
		 * @return this builder
		 */
		public Builder callbackToReceiver() {
			this.callbackToReceiver = true;
			return this;
		}

		/**
		 * Set the Worker version to run; only runs and queued runs of a Worker accept one, and a
		 * run of a worker task or a rerun given a version fails before anything is sent.
		 * @param version the version, for example {@code v1.2.8}, or {@code null} to unset (CoreClaw
		 * then runs the latest version)
		 * @return this builder
		 * @throws IllegalArgumentException if the version is blank or holds whitespace or control
		 * characters
		 */
		public Builder version(@Nullable String version) {
			if (version != null) {
				Identifiers.checkToken("version", version);
			}
			this.version = version;
			return this;
		}

		/**
		 * Track the run under this label: its start completes only once the run is recorded in the
		 * application's database, and once it finishes it is handed to the application's
		 * tracked-run handlers, whatever restarts happen in between (needs
		 * {@code coreclaw.tracking.enabled=true}, or a {@link RunTracker} given to the client).
		 * @param label what the run is for, such as {@code import:2026-12-07:berlin}: 1 to
		 * {@value RunOptions#MAX_TRACK_LABEL_LENGTH} characters, not blank, without control
		 * characters; {@code null} to unset
		 * @return this builder
		 * @throws IllegalArgumentException if the label is blank, too long or holds control characters
		 * @since 0.1.0
		 */
		public Builder track(@Nullable String label) {
			if (label != null) {
				if (label.isBlank()) {
					throw new IllegalArgumentException("track label must not be blank");
				}
				if (label.length() > MAX_TRACK_LABEL_LENGTH) {
					throw new IllegalArgumentException("track label must have at most " + MAX_TRACK_LABEL_LENGTH
							+ " characters but has " + label.length());
				}
				if (label.chars().anyMatch(Character::isISOControl)) {
					throw new IllegalArgumentException("track label must not hold control characters");
				}
			}
			this.trackLabel = label;
			return this;
		}

		/**
		 * Build the options.
		 * @return the immutable options
		 */
		public RunOptions build() {
			return new RunOptions(this.callbackUrl, this.limit, this.offset, this.callbackToReceiver, this.version,
					this.trackLabel);
		}

	}

}
