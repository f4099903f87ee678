#!/usr/bin/env bash
# Starts a private PostgreSQL server (from Debian's postgresql package) for the integration tests and exports
# MLOPS_TEST_POSTGRES_URL. Source this file, then call start_postgres; stop_postgres removes the server again.

PG_PORT="${PG_PORT:-54329}"
PG_DIR="${PG_DIR:-$(mktemp -d /tmp/mlops4j-pg.XXXXXX)}"

pg_bin() {
  local v
  v=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  echo "/usr/lib/postgresql/$v/bin"
}

start_postgres() {
  local bin; bin=$(pg_bin)
  chown postgres "$PG_DIR"
  su postgres -s /bin/sh -c "$bin/initdb -D '$PG_DIR/data' -U postgres -A trust --no-sync -E UTF8" >/dev/null
  su postgres -s /bin/sh -c "$bin/pg_ctl -D '$PG_DIR/data' -l '$PG_DIR/log' -w \
      -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off' start" >/dev/null
  su postgres -s /bin/sh -c "$bin/psql -h 127.0.0.1 -p $PG_PORT -U postgres -qc 'CREATE DATABASE mlops_test'"
  export MLOPS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/mlops_test?user=postgres"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $PG_PORT"
}

stop_postgres() {
  local bin; bin=$(pg_bin)
  su postgres -s /bin/sh -c "$bin/pg_ctl -D '$PG_DIR/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
