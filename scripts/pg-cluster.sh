#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for tests and benchmarks. Source this file, then:
#   pg_cluster_start [extra postgres -c options...]   # exports GONGWEN_PG_URL
#   pg_cluster_stop                                   # stops it and removes its folder
# initdb refuses root, so as root the cluster runs as the `postgres` user.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

pg_cluster_start() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL 15 not found in $PG_BIN; installing postgresql-15" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
  fi
  PG_CLUSTER_DIR=$(mktemp -d /tmp/gongwen-pg.XXXXXX)
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_CLUSTER_DIR"
    as=(runuser -u postgres --)
  fi
  PG_CLUSTER_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  "${as[@]}" "$PG_BIN/initdb" -D "$PG_CLUSTER_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  local opts="-p $PG_CLUSTER_PORT -k $PG_CLUSTER_DIR -c listen_addresses=127.0.0.1 -c max_connections=300"
  for o in "$@"; do opts="$opts -c $o"; done
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -o "$opts" -w start >/dev/null
  export GONGWEN_PG_URL="postgres://postgres@127.0.0.1:$PG_CLUSTER_PORT/postgres"
  export PG_CLUSTER_DIR PG_CLUSTER_PORT
  echo "PostgreSQL 15 test cluster on port $PG_CLUSTER_PORT ($PG_CLUSTER_DIR)" >&2
}

pg_cluster_stop() {
  [ -n "${PG_CLUSTER_DIR:-}" ] || return 0
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_CLUSTER_DIR"
  unset PG_CLUSTER_DIR GONGWEN_PG_URL
}
