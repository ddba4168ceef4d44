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
 * {@link DefaultCoreClawObservationConvention default convention}.
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

}
