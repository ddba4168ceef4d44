/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import io.github.coreclaw.spring.client.CoreClawObservationDocumentation.BatchKeyNames;
import io.github.coreclaw.spring.client.internal.ApiErrorMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

/**
 * One batch of runs: starts its items one after the other, each only when one of the batch's
 * slots is free, and follows the runs started until they finish.
 * <p>
 * The slots: at most {@code limit} runs of the batch run at once. A fixed limit comes from the
 * options or {@code coreclaw.batch.max-running}; otherwise the limit is learned: it starts at 1
 * and grows by one with each start that succeeds, until CoreClaw first refuses a start with code
 * 30003; it then settles at the number of the batch's runs running at that moment (other runs of
 * the account share the plan) and probes one higher after twice that many starts in a row
 * succeeded, in case the other runs ended.
 * <p>
 * Refusals: a 30003 refusal is no failure of the item: the item waits for one of the batch's runs
 * to finish (its wait ends on a callback or a poll) and starts again; when none of the batch's
 * runs is running it tries again after a pause. A rate-limit refusal (HTTP 429, codes 13000&ndash;13999)
 * pauses the starting for the {@code Retry-After} CoreClaw gave, or a growing backoff, and the
 * item starts again. These are the two refusals that certainly created no run; any other failure
 * of a start fails the item, so no item ever gets two runs.
 * <p>
 * Built from Reactor operators only: the starts are a {@code concatMap}, the waits a
 * {@code flatMap}, and "a slot is free" a {@link Sinks.Many} the starter listens to.
 */
final class RunBatch {

	private static final Log logger = LogFactory.getLog(RunBatch.class);

	/** Pause before trying again after a 30003 while none of the batch's runs is running. */
	static final Duration NO_SLOT_RECHECK = Duration.ofSeconds(5);

	/** Longest wait for a slot before trying again after a 30003. */
	static final Duration SLOT_WAIT_CAP = Duration.ofSeconds(30);

	/** First backoff after a rate-limit refusal without {@code Retry-After}. */
	static final Duration RATE_LIMIT_BACKOFF = Duration.ofSeconds(1);

	/** Longest backoff after rate-limit refusals without {@code Retry-After}. */
	static final Duration RATE_LIMIT_BACKOFF_CAP = Duration.ofSeconds(30);

	private final String operation;

	private final int size;

	private final IntFunction<Mono<RunSlug>> starter;

	private final DefaultWorkerRunOperations runs;

	private final ClientObservations observations;

	private final BatchOptions options;

	private final @Nullable Integer maxRunning;

	/**
	 * Create a batch.
	 * @param operation the batch operation's name, for its observation
	 * @param size the number of items
	 * @param starter starts the item at an index (one request, under the client's retry)
	 * @param runs the run operations that wait for the runs and judge them
	 * @param observations the client's observations
	 * @param options the batch options
	 * @param defaultMaxRunning {@code coreclaw.batch.max-running}, {@code null} if not set
	 */
	RunBatch(String operation, int size, IntFunction<Mono<RunSlug>> starter, DefaultWorkerRunOperations runs,
			ClientObservations observations, BatchOptions options, @Nullable Integer defaultMaxRunning) {
		this.operation = operation;
		this.size = size;
		this.starter = starter;
		this.runs = runs;
		this.observations = observations;
		this.options = options;
		this.maxRunning = (options.maxRunning() != null) ? options.maxRunning() : defaultMaxRunning;
	}

	/**
	 * The outcomes of the batch, one per item in completion order; each subscription runs the
	 * batch anew.
	 * @return the outcomes
	 */
	Flux<BatchOutcome> outcomes() {
		return Flux.defer(() -> {
			State state = new State();
			return this.observations.observeBatch(this.operation, state.run(), state::counts);
		});
	}

	/**
	 * The state of one run of the batch.
	 */
	private final class State {

		private final Sinks.Many<Boolean> slotFreed = Sinks.many().multicast().directBestEffort();

		private final Set<RunSlug> running = ConcurrentHashMap.newKeySet();

		/** Slots taken: runs running plus a start in flight. */
		private int taken;

		private int limit;

		private final boolean learning;

		private boolean settled;

		private int startsSinceRefusal;

		private int rateLimitedInARow;

		private boolean cancelled;

		private int startRequests;

		private int slotRefusals;

		/** How many of the batch's runs have ended (or been let go): a slot of CoreClaw's freed each. */
		private long runsEnded;

		private int rateLimitRefusals;

		private int started;

		private int failed;

		private final Map<RunVerdict, Integer> verdicts = new ConcurrentHashMap<>();

		State() {
			this.learning = RunBatch.this.maxRunning == null;
			this.limit = this.learning ? 1 : RunBatch.this.maxRunning;
		}

		Flux<BatchOutcome> run() {
			boolean await = RunBatch.this.options.awaitCompletion();
			Flux<BatchOutcome> outcomes = Flux.range(0, RunBatch.this.size)
				.concatMap(this::start)
				.flatMap((item) -> {
					if (item.failure() != null) {
						// A run that exists although its start failed (it could not be recorded for
						// tracking) keeps its slot until it ends.
						return (item.runSlug() != null)
								? Flux.concat(Mono.just(item), releaseWhenEnded(item.runSlug())) : Mono.just(item);
					}
					Flux<BatchOutcome> follow = follow(item.index(), item.runSlug());
					return await ? follow : Flux.concat(Mono.just(item), follow.ignoreElements());
				}, Integer.MAX_VALUE)
				// Done once every item has its outcome; the runs still followed (not awaited, or whose
				// wait timed out) are let go.
				.take(RunBatch.this.size);
			return outcomes.doOnNext(this::count).doOnCancel(this::cancelled);
		}

		// Starting

		private Mono<BatchOutcome> start(int index) {
			return takeSlot().then(Mono.defer(() -> {
				long endedBefore;
				synchronized (this) {
					this.startRequests++;
					endedBefore = this.runsEnded;
				}
				return RunBatch.this.starter.apply(index)
					.map((slug) -> started(index, slug))
					.onErrorResume((ex) -> refused(index, ex, endedBefore));
			}));
		}

		private Mono<Void> takeSlot() {
			// The sink is subscribed to first, so that a slot freed right after the first check
			// is seen.
			return Flux.merge(this.slotFreed.asFlux(), Mono.just(Boolean.TRUE)).filter((tick) -> tryTake()).next().then();
		}

		private synchronized boolean tryTake() {
			if (this.cancelled || this.taken >= this.limit) {
				return false;
			}
			this.taken++;
			return true;
		}

		private BatchOutcome started(int index, RunSlug slug) {
			synchronized (this) {
				this.running.add(slug);
				this.started++;
				this.rateLimitedInARow = 0;
				this.startsSinceRefusal++;
				if (this.learning) {
					if (!this.settled) {
						this.limit++;
					}
					else if (this.startsSinceRefusal >= 2 * this.limit) {
						this.limit++;
						this.startsSinceRefusal = 0;
					}
				}
			}
			return new BatchOutcome(index, slug, null, null, null);
		}

		/**
		 * What to do with an item whose start failed.
		 * @param endedBefore how many of the batch's runs had ended when the start was sent
		 */
		private Mono<BatchOutcome> refused(int index, Throwable failure, long endedBefore) {
			RunSlug created = (failure instanceof CoreClawException ex) ? ex.getRunSlug() : null;
			if (created != null) {
				synchronized (this) {
					this.running.add(created);
					this.started++;
				}
				return Mono.just(new BatchOutcome(index, created, null, null, failure));
			}
			releaseSlot(null);
			ApiErrorMapper.Kind kind = (failure instanceof CoreClawApiException api)
					? ApiErrorMapper.classify(api.getHttpStatus(), api.getCode()) : null;
			if (kind == ApiErrorMapper.Kind.CONCURRENCY_LIMITED) {
				Duration wait;
				boolean freedMeanwhile;
				synchronized (this) {
					this.slotRefusals++;
					this.startsSinceRefusal = 0;
					int mine = this.running.size();
					if (this.learning) {
						this.limit = Math.max(1, Math.min(this.limit, mine));
						this.settled = true;
					}
					wait = (mine == 0) ? NO_SLOT_RECHECK : SLOT_WAIT_CAP;
					// A run of the batch ended while the refused start was on its way: its "slot freed"
					// came before this wait could hear it, so the item tries again at once.
					freedMeanwhile = this.runsEnded != endedBefore;
				}
				if (freedMeanwhile) {
					logger.debug("CoreClaw had no free slot for item " + index + " of the batch (30003), but a run of "
							+ "the batch has ended since; trying again");
					return Mono.defer(() -> start(index));
				}
				logger.debug("CoreClaw has no free slot for item " + index + " of the batch (30003); waiting");
				return Mono.firstWithSignal(this.slotFreed.asFlux().next().then(), Mono.delay(wait).then())
					.then(Mono.defer(() -> start(index)));
			}
			if (kind == ApiErrorMapper.Kind.RATE_LIMITED) {
				Duration wait;
				synchronized (this) {
					this.rateLimitRefusals++;
					this.rateLimitedInARow++;
					Duration backoff = RATE_LIMIT_BACKOFF.multipliedBy(1L << Math.min(10, this.rateLimitedInARow - 1));
					Duration fallback = (backoff.compareTo(RATE_LIMIT_BACKOFF_CAP) > 0) ? RATE_LIMIT_BACKOFF_CAP : backoff;
					wait = (failure instanceof CoreClawRateLimitedException rateLimited)
							? rateLimited.getRetryAfter().orElse(fallback) : fallback;
				}
				logger.debug("CoreClaw rate limited the start of item " + index + " of the batch; waiting "
						+ wait.toMillis() + " ms");
				return Mono.delay(wait).then(Mono.defer(() -> start(index)));
			}
			return Mono.just(new BatchOutcome(index, null, null, null, failure));
		}

		private void releaseSlot(@Nullable RunSlug run) {
			synchronized (this) {
				if (run != null) {
					if (!this.running.remove(run)) {
						return;
					}
					this.runsEnded++;
				}
				this.taken--;
			}
			this.slotFreed.emitNext(Boolean.TRUE, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		}

		// Following

		private Flux<BatchOutcome> follow(int index, @Nullable RunSlug slug) {
			if (slug == null) {
				return Flux.empty();
			}
			Duration timeout = RunBatch.this.options.timeoutPerRun();
			Mono<WorkerRun> wait = (timeout != null) ? RunBatch.this.runs.awaitCompletion(slug, timeout)
					: RunBatch.this.runs.awaitCompletion(slug);
			return wait.doFinally((signal) -> {
				if (signal != SignalType.ON_ERROR) {
					releaseSlot(slug);
				}
			})
				.flatMap((run) -> RunBatch.this.runs.verdict(run)
					.map((verdict) -> new BatchOutcome(index, slug, run, verdict, failureOf(run))))
				.flux()
				.onErrorResume((ex) -> {
					BatchOutcome failed = new BatchOutcome(index, slug, null, null, ex);
					if (!(ex instanceof CoreClawRunTimeoutException)) {
						releaseSlot(slug);
						return Mono.just(failed);
					}
					// The wait timed out, not the run: it keeps its slot until it ends at CoreClaw, so that
					// no more than max-running of the batch's runs are ever running.
					return Flux.concat(Mono.just(failed), releaseWhenEnded(slug));
				});
		}

		private Mono<BatchOutcome> releaseWhenEnded(RunSlug slug) {
			return RunBatch.this.runs.awaitCompletion(slug)
				.onErrorResume((stillNot) -> Mono.empty())
				.doFinally((signal) -> releaseSlot(slug))
				.then(Mono.empty());
		}

		private @Nullable Throwable failureOf(WorkerRun run) {
			if (run.status() == RunStatus.SUCCEEDED) {
				return null;
			}
			String message = "Run " + run.runSlug() + " ended " + run.status().name().toLowerCase()
					+ ((run.errorMessage() != null) ? ": " + run.errorMessage() : "");
			return new CoreClawException(message);
		}

		// Cancelling and counting

		private void cancelled() {
			List<RunSlug> underWay;
			synchronized (this) {
				this.cancelled = true;
				underWay = new ArrayList<>(this.running);
			}
			if (RunBatch.this.options.abortOnCancel()) {
				for (RunSlug run : underWay) {
					RunBatch.this.runs.abort(run)
						.subscribe(null, (ex) -> logger.warn("Could not abort run " + run + " of a cancelled batch: "
								+ ex.getMessage()));
				}
			}
		}

		private void count(BatchOutcome outcome) {
			if (outcome.verdict() != null) {
				this.verdicts.merge(outcome.verdict(), 1, Integer::sum);
			}
			if (outcome.failure() != null) {
				synchronized (this) {
					this.failed++;
				}
			}
		}

		synchronized Map<String, String> counts() {
			Map<String, String> counts = new LinkedHashMap<>();
			counts.put(BatchKeyNames.ITEMS.asString(), Integer.toString(RunBatch.this.size));
			counts.put(BatchKeyNames.STARTED.asString(), Integer.toString(this.started));
			counts.put(BatchKeyNames.FAILED.asString(), Integer.toString(this.failed));
			for (RunVerdict verdict : RunVerdict.values()) {
				counts.put(BatchKeyNames.of(verdict).asString(),
						Integer.toString(this.verdicts.getOrDefault(verdict, 0)));
			}
			counts.put(BatchKeyNames.START_REQUESTS.asString(), Integer.toString(this.startRequests));
			counts.put(BatchKeyNames.SLOT_REFUSALS.asString(), Integer.toString(this.slotRefusals));
			counts.put(BatchKeyNames.RATE_LIMIT_REFUSALS.asString(), Integer.toString(this.rateLimitRefusals));
			counts.put(BatchKeyNames.MAX_RUNNING.asString(), Integer.toString(this.limit));
			return counts;
		}

	}

}
