/*
 * Copyright 2026 the CoreClaw Spring Boot starter authors.
 * SPDX-License-Identifier: Apache-2.0
 */

package io.github.coreclaw.spring.tracking;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.coreclaw.spring.client.RunSlug;
import io.github.coreclaw.spring.client.RunTracker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The tracking table ({@code coreclaw_tracked_run}) and lock table ({@code coreclaw_tracking_lock})
 * through Spring's {@link JdbcClient}, and the {@link RunTracker} that records tracked runs in it.
 * <p>
 * Every method except {@link #record} blocks on JDBC and must run on a thread that may block;
 * {@link #record} moves its insert to {@code Schedulers.boundedElastic()}. Claims are
 * compare-and-set updates of a random token with a lease: on PostgreSQL the row is picked with
 * {@code FOR UPDATE SKIP LOCKED}, so an instance never waits for a row another instance is
 * handling; elsewhere (H2) the conditional update alone decides, which is as safe and may wait for
 * such a row's lock.
 *
 * @since 0.1.0
 */
public class JdbcTrackedRunStore implements RunTracker {

	static final String OPEN = TrackedRunState.OPEN.name();

	private static final int MAX_ERROR_LENGTH = 2000;

	private final JdbcClient jdbc;

	private final Scheduler blocking;

	private final Clock clock;

	private final DataSource dataSource;

	private volatile @Nullable Boolean skipLocked;

	/**
	 * Create a store on a {@link DataSource} whose schema exists.
	 * @param dataSource the application's data source
	 * @param clock the clock of the recorded times and leases
	 */
	public JdbcTrackedRunStore(DataSource dataSource, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
		this.blocking = Schedulers.boundedElastic();
	}

	@Override
	public Mono<Void> record(RunSlug run, String label, String startedBy) {
		return Mono.<Void>fromRunnable(() -> insert(run, label, startedBy)).subscribeOn(this.blocking);
	}

	/**
	 * Insert a tracked run, due at once; a run already recorded is left as it is.
	 * @param run the run
	 * @param label its label
	 * @param startedBy what started it
	 */
	public void insert(RunSlug run, String label, String startedBy) {
		long now = this.clock.millis();
		try {
			this.jdbc.sql("INSERT INTO coreclaw_tracked_run (run_slug, label, started_by, started_at, state, attempts, "
					+ "due_at) VALUES (?, ?, ?, ?, ?, 0, ?)")
				.params(run.value(), label, startedBy, now, OPEN, now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Recorded already: the same run slug answered twice is the same run.
		}
	}

	/**
	 * Claim an open run for a lease, unless another claim holds it.
	 * @param run the run
	 * @param lease how long the claim holds
	 * @param onlyWhenDue whether a run waiting for its next attempt or check is left alone; when
	 * {@code false}, only a run waiting after a failed attempt is
	 * @return the claim, empty when the run is not open, not due or claimed
	 */
	public Optional<Claim> claim(RunSlug run, Duration lease, boolean onlyWhenDue) {
		long now = this.clock.millis();
		String token = UUID.randomUUID().toString();
		String due = onlyWhenDue ? "due_at <= ?" : "(attempts = 0 OR due_at <= ?)";
		String free = "state = '" + OPEN + "' AND (claim_until IS NULL OR claim_until < ?) AND " + due;
		String sql = skipLocked()
				? "UPDATE coreclaw_tracked_run SET claim_token = ?, claim_until = ? WHERE run_slug = (SELECT run_slug FROM "
						+ "coreclaw_tracked_run WHERE run_slug = ? AND " + free + " FOR UPDATE SKIP LOCKED)"
				: "UPDATE coreclaw_tracked_run SET claim_token = ?, claim_until = ? WHERE run_slug = ? AND " + free;
		int claimed = this.jdbc.sql(sql).params(token, now + lease.toMillis(), run.value(), now, now).update();
		if (claimed == 0) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT label, started_by, started_at, attempts FROM coreclaw_tracked_run WHERE run_slug = ? AND "
					+ "claim_token = ?")
			.params(run.value(), token)
			.query((rs, row) -> new Claim(run, token, rs.getString(1), rs.getString(2),
					Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4)))
			.optional();
	}

	/**
	 * The open runs that are due and not claimed, oldest first.
	 * @param limit how many at most
	 * @return their slugs
	 */
	public List<RunSlug> due(int limit) {
		long now = this.clock.millis();
		return this.jdbc
			.sql("SELECT run_slug FROM coreclaw_tracked_run WHERE state = ? AND due_at <= ? AND (claim_until IS NULL OR "
					+ "claim_until < ?) ORDER BY started_at, run_slug")
			.params(OPEN, now, now)
			.withMaxRows(limit)
			.query((rs, row) -> new RunSlug(rs.getString(1)))
			.list();
	}

	/**
	 * Mark a claimed run handled, if the claim still holds it.
	 * @param claim the claim
	 * @return whether the run was marked; {@code false} when another claim took it over
	 */
	public boolean markHandled(Claim claim) {
		return this.jdbc
			.sql("UPDATE coreclaw_tracked_run SET state = ?, handled_at = ?, claim_token = NULL, claim_until = NULL "
					+ "WHERE run_slug = ? AND claim_token = ? AND state = ?")
			.params(TrackedRunState.HANDLED.name(), this.clock.millis(), claim.run().value(), claim.token(), OPEN)
			.update() == 1;
	}

	/**
	 * Record a failed attempt: the run stays open, due again at the given time, or becomes
	 * failed-to-handle.
	 * @param claim the claim
	 * @param attempts the failed attempts so far
	 * @param retryAfter how long until the next attempt, {@code null} to mark it failed-to-handle
	 * @param error what failed
	 * @return whether the claim still held; if not, nothing is recorded, as another instance
	 * took the run over
	 */
	public boolean markAttemptFailed(Claim claim, int attempts, @Nullable Duration retryAfter, String error) {
		String state = (retryAfter != null) ? OPEN : TrackedRunState.FAILED_TO_HANDLE.name();
		long due = this.clock.millis() + ((retryAfter != null) ? retryAfter.toMillis() : 0);
		return this.jdbc
			.sql("UPDATE coreclaw_tracked_run SET state = ?, attempts = ?, due_at = ?, last_error = ?, claim_token = NULL, "
					+ "claim_until = NULL WHERE run_slug = ? AND claim_token = ?")
			.params(state, attempts, due, truncate(error), claim.run().value(), claim.token())
			.update() == 1;
	}

	/**
	 * Give a claim up: the run stays open, due again after the given time.
	 * @param claim the claim
	 * @param checkAfter how long until the run is due again
	 */
	public void release(Claim claim, Duration checkAfter) {
		this.jdbc
			.sql("UPDATE coreclaw_tracked_run SET due_at = ?, claim_token = NULL, claim_until = NULL WHERE run_slug = ? "
					+ "AND claim_token = ?")
			.params(this.clock.millis() + checkAfter.toMillis(), claim.run().value(), claim.token())
			.update();
	}

	/**
	 * Take a named lock for a lease, or extend it when this holder has it.
	 * @param name the lock
	 * @param holder who takes it
	 * @param lease how long it holds
	 * @return whether the holder has the lock
	 */
	public boolean tryLock(String name, String holder, Duration lease) {
		long now = this.clock.millis();
		int updated = this.jdbc
			.sql("UPDATE coreclaw_tracking_lock SET holder = ?, lease_until = ? WHERE lock_name = ? AND (lease_until < ? "
					+ "OR holder = ?)")
			.params(holder, now + lease.toMillis(), name, now, holder)
			.update();
		if (updated == 1) {
			return true;
		}
		try {
			return this.jdbc.sql("INSERT INTO coreclaw_tracking_lock (lock_name, holder, lease_until) VALUES (?, ?, ?)")
				.params(name, holder, now + lease.toMillis())
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Give a named lock up, if this holder has it.
	 * @param name the lock
	 * @param holder who gives it up
	 */
	public void unlock(String name, String holder) {
		this.jdbc.sql("UPDATE coreclaw_tracking_lock SET holder = NULL, lease_until = 0 WHERE lock_name = ? AND holder = ?")
			.params(name, holder)
			.update();
	}

	/**
	 * The tracked runs in a state, oldest first.
	 * @param state the state
	 * @param limit how many at most
	 * @return the runs
	 */
	public List<TrackedRunRecord> find(TrackedRunState state, int limit) {
		return this.jdbc
			.sql("SELECT run_slug, label, started_by, started_at, state, attempts, last_error FROM coreclaw_tracked_run "
					+ "WHERE state = ? ORDER BY started_at, run_slug")
			.param(state.name())
			.withMaxRows(limit)
			.query((rs, row) -> new TrackedRunRecord(new RunSlug(rs.getString(1)), rs.getString(2), rs.getString(3),
					Instant.ofEpochMilli(rs.getLong(4)), TrackedRunState.valueOf(rs.getString(5)), rs.getInt(6),
					rs.getString(7)))
			.list();
	}

	/**
	 * Count the tracked runs in a state.
	 * @param state the state
	 * @return how many there are
	 */
	public long count(TrackedRunState state) {
		return this.jdbc.sql("SELECT COUNT(*) FROM coreclaw_tracked_run WHERE state = ?")
			.param(state.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Open a failed-to-handle run again, with its attempts reset, due at once.
	 * @param run the run
	 * @return whether a failed-to-handle run was reopened
	 */
	public boolean reopen(RunSlug run) {
		return this.jdbc
			.sql("UPDATE coreclaw_tracked_run SET state = ?, attempts = 0, due_at = ? WHERE run_slug = ? AND state = ?")
			.params(OPEN, this.clock.millis(), run.value(), TrackedRunState.FAILED_TO_HANDLE.name())
			.update() == 1;
	}

	private boolean skipLocked() {
		Boolean skip = this.skipLocked;
		if (skip == null) {
			skip = isPostgreSql(this.dataSource);
			this.skipLocked = skip;
		}
		return skip;
	}

	private static boolean isPostgreSql(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql");
		}
		catch (MetaDataAccessException ex) {
			return false;
		}
	}

	private static String truncate(String error) {
		return (error.length() <= MAX_ERROR_LENGTH) ? error : error.substring(0, MAX_ERROR_LENGTH);
	}

	/**
	 * A claim on a tracked run: who holds it (a random token) and the run's row.
	 *
	 * @param run the run
	 * @param token the claim's token
	 * @param label the run's label
	 * @param startedBy what started it
	 * @param startedAt when it was recorded
	 * @param attempts the failed attempts so far
	 * @since 0.1.0
	 */
	public record Claim(RunSlug run, String token, String label, String startedBy, Instant startedAt, int attempts) {

	}

}
