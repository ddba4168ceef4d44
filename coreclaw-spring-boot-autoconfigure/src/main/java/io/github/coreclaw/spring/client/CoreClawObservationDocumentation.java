/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation the CoreClaw client makes of every operation call and the keys of its
 * {@link DefaultCoreClawObservationConvention default convention}, and the one it makes of each
 * batch of runs.
 *
 * @since 0.1.0
 */
public enum CoreClawObservationDocumentation implements ObservationDocumentation {

	/**
	 * One call of a CoreClaw operation, all its attempts and the waits between them included.
	 */
	OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCoreClawObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	},

	/**
	 * One batch of runs ({@link WorkerOperations#runBatch}, {@link WorkerTaskOperations#runBatch}),
	 * from its subscription to its end (completed, failed or cancelled), parent of the observations
	 * of its calls; its counts are set when it ends.
	 *
	 * @since 0.1.0
	 */
	BATCH {

		@Override
		public String getName() {
			return "coreclaw.batch";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.OPERATION };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return BatchKeyNames.values();
		}

	};

	/**
	 * Keys with a bounded set of values, on metrics and traces.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** Stable name of the operation, for example {@code worker-task.run} or {@code worker-run.get}. */
		OPERATION {
			@Override
			public String asString() {
				return "coreclaw.operation";
			}
		},

		/**
		 * How the call ended: {@code success}, {@code client-error}, {@code server-error},
		 * {@code rate-limited}, {@code timeout}, {@code connection-error} or {@code cancelled}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** CoreClaw's application code of the last reply, {@code none} on success or without one. */
		CODE {
			@Override
			public String asString() {
				return "coreclaw.code";
			}
		},

		/** Number of attempts the call took. */
		ATTEMPTS {
			@Override
			public String asString() {
				return "coreclaw.attempts";
			}
		}

	}

	/**
	 * Keys with a value per call, on traces only, present where the call has one.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** Worker task the call concerns. */
		WORKER_TASK_ID {
			@Override
			public String asString() {
				return "coreclaw.worker-task.id";
			}
		},

		/** Worker the call concerns. */
		WORKER_ID {
			@Override
			public String asString() {
				return "coreclaw.worker.id";
			}
		},

		/** Run the call concerns: the one in its path, or the one it started or read. */
		RUN_SLUG {
			@Override
			public String asString() {
				return "coreclaw.run.slug";
			}
		}

	}

	/**
	 * The counts of a batch of runs, on traces only, set when the batch ends.
	 *
	 * @since 0.1.0
	 */
	public enum BatchKeyNames implements KeyName {

		/** Items in the batch. */
		ITEMS("coreclaw.batch.items"),

		/** Items whose run was started. */
		STARTED("coreclaw.batch.started"),

		/** Items that failed: refused for good, run failed or aborted, wait failed or timed out. */
		FAILED("coreclaw.batch.failed"),

		/** Runs judged {@link RunVerdict#PASS}. */
		VERDICT_PASS("coreclaw.batch.verdict.pass"),

		/** Runs judged {@link RunVerdict#NO_DATA}. */
		VERDICT_NO_DATA("coreclaw.batch.verdict.no-data"),

		/** Runs judged {@link RunVerdict#ERROR_ROWS}. */
		VERDICT_ERROR_ROWS("coreclaw.batch.verdict.error-rows"),

		/** Runs judged {@link RunVerdict#FAILED}. */
		VERDICT_FAILED("coreclaw.batch.verdict.failed"),

		/** Run-start requests sent, refused ones included. */
		START_REQUESTS("coreclaw.batch.start-requests"),

		/** Starts refused with code 30003 (no free slot in the plan). */
		SLOT_REFUSALS("coreclaw.batch.slot-refusals"),

		/** Starts refused for rate limiting (HTTP 429, codes 13000&ndash;13999). */
		RATE_LIMIT_REFUSALS("coreclaw.batch.rate-limit-refusals"),

		/** The limit of the batch's runs at once when it ended: the one set, or the one learned. */
		MAX_RUNNING("coreclaw.batch.max-running");

		private final String key;

		BatchKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

		/**
		 * The key of the count of a verdict.
		 * @param verdict the verdict
		 * @return the key
		 */
		static BatchKeyNames of(RunVerdict verdict) {
			return switch (verdict) {
				case PASS -> VERDICT_PASS;
				case NO_DATA -> VERDICT_NO_DATA;
				case ERROR_ROWS -> VERDICT_ERROR_ROWS;
				case FAILED -> VERDICT_FAILED;
			};
		}

	}

}
