#!/usr/bin/env bash
# Starts, on loopback, the servers some tests use (they skip with the reason when a server is absent):
#   PostgreSQL at 127.0.0.1:5432, database coreclaw_test, role coreclaw with password coreclaw;
#   Redis at 127.0.0.1:6379.
# Debian's packages (postgresql, redis-server) are installed with apt-get only when missing. Idempotent: a server
# that already answers is left as it is, and the role and database are created only when they do not exist.
# Runs as root (as in CI) or through sudo.
set -euo pipefail

PG_PORT=5432
PG_DATABASE=coreclaw_test
PG_USER=coreclaw
PG_PASSWORD=coreclaw
REDIS_PORT=6379

if [ "$(id -u)" -eq 0 ]; then
	as_root() { "$@"; }
else
	as_root() { sudo "$@"; }
fi

log() { echo "servers.sh: $*"; }

# Whether something accepts TCP connections on 127.0.0.1:$1.
listening() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Whether a Redis answers PING on 127.0.0.1:$REDIS_PORT.
redis_answers() {
	local reply
	{
		exec 3<>"/dev/tcp/127.0.0.1/${REDIS_PORT}" || return 1
		printf 'PING\r\n' >&3
		IFS= read -r -t 2 reply <&3 || reply=
		exec 3>&- 3<&-
	} 2>/dev/null
	[ "${reply%$'\r'}" = "+PONG" ]
}

# Waits up to about 30 seconds for the command given to succeed.
await() {
	local attempt
	for attempt in $(seq 1 60); do
		if "$@"; then
			return 0
		fi
		sleep 0.5
	done
	return 1
}

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
	log "installing ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
	as_root env DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# PostgreSQL: the Debian cluster on port 5432 (created when the package did not create one), started when down.
cluster=$(pg_lsclusters --no-header 2>/dev/null | awk -v port="${PG_PORT}" '$3 == port { print $1 " " $2; exit }')
if [ -z "${cluster}" ]; then
	version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
	log "creating PostgreSQL cluster ${version} main on port ${PG_PORT}"
	as_root pg_createcluster --port "${PG_PORT}" "${version}" main
	cluster="${version} main"
fi
if ! as_root pg_ctlcluster ${cluster} status >/dev/null 2>&1; then
	log "starting PostgreSQL ${cluster}"
	as_root pg_ctlcluster ${cluster} start
fi
if ! await listening "${PG_PORT}"; then
	log "PostgreSQL does not accept connections on 127.0.0.1:${PG_PORT}" >&2
	exit 1
fi

psql_admin() {
	as_root runuser -u postgres -- psql --port "${PG_PORT}" --no-psqlrc --quiet --tuples-only --no-align \
		--set ON_ERROR_STOP=1 "$@"
}
if [ "$(psql_admin --command "SELECT 1 FROM pg_roles WHERE rolname = '${PG_USER}'")" != "1" ]; then
	log "creating role ${PG_USER}"
	psql_admin --command "CREATE ROLE ${PG_USER} LOGIN PASSWORD '${PG_PASSWORD}'"
fi
if [ "$(psql_admin --command "SELECT 1 FROM pg_database WHERE datname = '${PG_DATABASE}'")" != "1" ]; then
	log "creating database ${PG_DATABASE}"
	psql_admin --command "CREATE DATABASE ${PG_DATABASE} OWNER ${PG_USER}"
fi
log "PostgreSQL at 127.0.0.1:${PG_PORT}, database ${PG_DATABASE}, role ${PG_USER}"

# Redis: a server of its own on loopback (no persistence) unless one already answers.
if ! redis_answers; then
	if listening "${REDIS_PORT}"; then
		log "something other than Redis listens on 127.0.0.1:${REDIS_PORT}" >&2
		exit 1
	fi
	log "starting Redis"
	as_root redis-server --bind 127.0.0.1 --port "${REDIS_PORT}" --daemonize yes --save '' --appendonly no \
		--pidfile /tmp/coreclaw-redis.pid --logfile /tmp/coreclaw-redis.log
	if ! await redis_answers; then
		log "Redis does not answer on 127.0.0.1:${REDIS_PORT} (see /tmp/coreclaw-redis.log)" >&2
		exit 1
	fi
fi
log "Redis at 127.0.0.1:${REDIS_PORT}"
