-- Tracked runs of the CoreClaw Spring Boot starter; times are epoch milliseconds (UTC).
CREATE TABLE IF NOT EXISTS coreclaw_tracked_run (
	run_slug VARCHAR(200) NOT NULL PRIMARY KEY,
	label VARCHAR(200) NOT NULL,
	started_by VARCHAR(500) NOT NULL,
	started_at BIGINT NOT NULL,
	state VARCHAR(20) NOT NULL,
	attempts INTEGER DEFAULT 0 NOT NULL,
	due_at BIGINT NOT NULL,
	claim_token VARCHAR(36),
	claim_until BIGINT,
	handled_at BIGINT,
	last_error VARCHAR(2000)
);
CREATE INDEX IF NOT EXISTS coreclaw_tracked_run_open ON coreclaw_tracked_run (state, started_at);
-- One row per lock: the reconciliation runs on one instance at a time.
CREATE TABLE IF NOT EXISTS coreclaw_tracking_lock (
	lock_name VARCHAR(100) NOT NULL PRIMARY KEY,
	holder VARCHAR(36),
	lease_until BIGINT NOT NULL
);
