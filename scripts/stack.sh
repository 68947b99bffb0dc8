#!/usr/bin/env bash
# Marsad local stack: real Kafka, Elasticsearch and Redis without Docker.
#
#   bin/marsad stack up|down|status|env|wipe      (bin/marsad execs this script)
#   bash scripts/stack.sh up|down|status|env|wipe
#
#   up      start what is missing, reuse healthy servers already answering on the configured
#           addresses, wait until all three are healthy (idempotent; concurrent runs serialise)
#   down    stop only the servers this script started (recorded pid files); leave others alone
#   status  one line per server: address, health, started-by-stack|external, pid, log
#           (exit 0 only when all three are healthy; `status --quiet`: exit code only)
#   env     print `export KAFKA_BROKERS=... ELASTICSEARCH_URL=... REDIS_URL=...`
#   wipe    `down`, then delete the data and log folders (keeps the download cache)
#
# Environment:
#   MARSAD_STACK_DIR   stack folder (default /var/tmp/marsad-stack). Must be readable by the
#                      unprivileged Elasticsearch user: not under /root, not in a 0700 temp dir.
#   KAFKA_BROKERS      default 127.0.0.1:9092; the first host:port is where our broker listens
#                      (its KRaft controller listens on port+1, override MARSAD_KAFKA_CONTROLLER_PORT)
#   ELASTICSEARCH_URL  default http://127.0.0.1:9200
#   REDIS_URL          default redis://127.0.0.1:6379
#   MARSAD_STACK_TIMEOUT  seconds to wait for each server to become healthy (default 180)
#   MARSAD_ES_USER     system user that runs Elasticsearch when we are root (default marsad-es)
#   MARSAD_KAFKA_HEAP  default "-Xms256m -Xmx768m";  MARSAD_ES_HEAP default 1g (Xms = Xmx)
#
# Layout (<stack> = MARSAD_STACK_DIR):
#   <stack>/kafka/{lib,probe,config,data,logs,pid}        jars cached in lib/ (+ ~/.m2)
#   <stack>/es/{elasticsearch-<v>,data,logs,tmp,pid}      unpacked zip cached (+ ~/.m2)
#   <stack>/redis/{data,logs,pid}
# A pid file means "started by this script"; `down` stops only those processes.
# See docs/decisions/0002-local-stack.md for the versions and the choices made here.

set -uo pipefail

# ---------------------------------------------------------------------------------------------
# Pinned versions (see docs/decisions/0002-local-stack.md before changing)
KAFKA_VERSION="3.9.2"        # newest 3.9.x on Maven Central; kafkajs 2.2.4 predates Kafka 4
ES_VERSION="8.19.21"         # newest 8.19.x integ-test-zip; matches @elastic/elasticsearch 8.19.x
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
INFRA_KAFKA="$REPO_ROOT/infra/kafka"

STACK_DIR="$(realpath -m "${MARSAD_STACK_DIR:-/var/tmp/marsad-stack}")"
KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
ELASTICSEARCH_URL="${ELASTICSEARCH_URL:-http://127.0.0.1:9200}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
TIMEOUT="${MARSAD_STACK_TIMEOUT:-180}"
ES_USER="${MARSAD_ES_USER:-marsad-es}"
KAFKA_HEAP="${MARSAD_KAFKA_HEAP:--Xms256m -Xmx768m}"
ES_HEAP="${MARSAD_ES_HEAP:-1g}"

KAFKA_DIR="$STACK_DIR/kafka"
ES_DIR="$STACK_DIR/es"
REDIS_DIR="$STACK_DIR/redis"
ES_HOME="$ES_DIR/elasticsearch-$ES_VERSION"
ES_CLUSTER_NAME="marsad-local"

# ---------------------------------------------------------------------------------------------
# Output helpers: progress goes to stderr, prefixed; results (status/env) go to stdout.
log()  { printf '[stack] %s\n' "$*" >&2; }
warn() { printf '[stack] WARNING: %s\n' "$*" >&2; }
err()  { printf '[stack] ERROR: %s\n' "$*" >&2; }
die()  { err "$*"; exit 1; }

# tail_log <file> [lines]: show the end of a log file, indented, on stderr
tail_log() {
  local f="$1" n="${2:-30}"
  if [[ -s "$f" ]]; then
    printf '[stack] ---- last %s lines of %s ----\n' "$n" "$f" >&2
    tail -n "$n" "$f" | sed 's/^/[stack] | /' >&2
    printf '[stack] ---- end of %s ----\n' "$f" >&2
  else
    printf '[stack] (log %s is empty or missing)\n' "$f" >&2
  fi
}

is_root() { [[ "$(id -u)" == 0 ]]; }
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------------------------------------
# Address parsing
strip_scheme() { local s="$1"; echo "${s#*://}"; }

# Kafka: first entry of KAFKA_BROKERS
KAFKA_FIRST="$(strip_scheme "${KAFKA_BROKERS%%,*}")"
KAFKA_HOST="${KAFKA_FIRST%:*}"
KAFKA_PORT="${KAFKA_FIRST##*:}"
[[ "$KAFKA_FIRST" == *:* ]] || KAFKA_PORT=9092
[[ "$KAFKA_HOST" == "localhost" || -z "$KAFKA_HOST" ]] && KAFKA_HOST=127.0.0.1
KAFKA_CONTROLLER_PORT="${MARSAD_KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_ADDR="$KAFKA_HOST:$KAFKA_PORT"

# Elasticsearch: scheme://[user:pass@]host[:port][/]
ES_URL="${ELASTICSEARCH_URL%/}"
ES_SCHEME="${ES_URL%%://*}"
[[ "$ES_URL" == *://* ]] || { ES_SCHEME=http; ES_URL="http://$ES_URL"; }
_es_rest="${ES_URL#*://}"; _es_rest="${_es_rest%%/*}"; _es_hostport="${_es_rest##*@}"
ES_HOST="${_es_hostport%:*}"; ES_PORT="${_es_hostport##*:}"
[[ "$_es_hostport" == *:* ]] || { ES_PORT=9200; [[ "$ES_SCHEME" == https ]] && ES_PORT=443; }
ES_BIND_HOST="$ES_HOST"; [[ "$ES_BIND_HOST" == localhost ]] && ES_BIND_HOST=127.0.0.1
ES_ADDR="$ES_HOST:$ES_PORT"

# Redis: redis[s]://[[user]:pass@]host[:port][/db]
REDIS_SCHEME="${REDIS_URL%%://*}"
_r_rest="${REDIS_URL#*://}"; _r_rest="${_r_rest%%/*}"
REDIS_USER=""; REDIS_PASS=""
if [[ "$_r_rest" == *@* ]]; then
  _r_cred="${_r_rest%@*}"; _r_rest="${_r_rest##*@}"
  if [[ "$_r_cred" == *:* ]]; then REDIS_USER="${_r_cred%%:*}"; REDIS_PASS="${_r_cred#*:}"; else REDIS_PASS="$_r_cred"; fi
fi
REDIS_HOST="${_r_rest%:*}"; REDIS_PORT="${_r_rest##*:}"
[[ "$_r_rest" == *:* ]] || REDIS_PORT=6379
[[ "$REDIS_HOST" == localhost ]] && REDIS_HOST=127.0.0.1
REDIS_ADDR="$REDIS_HOST:$REDIS_PORT"

# ---------------------------------------------------------------------------------------------
# Generic process / port helpers

# port_open <host> <port>
port_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }

# port_owner <port>: "name pid=N" of the listening process, as far as ss can tell
port_owner() {
  local line
  line="$(ss -Hltnp "sport = :$1" 2>/dev/null | head -n1)"
  if [[ "$line" =~ users:\(\(\"([^\"]+)\",pid=([0-9]+) ]]; then
    echo "${BASH_REMATCH[1]} (pid ${BASH_REMATCH[2]})"
  elif [[ -n "$line" ]]; then
    echo "an unidentified process"
  else
    echo "a remote or unidentified listener"
  fi
}
port_owner_pid() {
  local line
  line="$(ss -Hltnp "sport = :$1" 2>/dev/null | head -n1)"
  [[ "$line" =~ pid=([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
}

# alive_pid <pidfile> <cmdline-pattern>: print the pid if it runs and its command line matches
alive_pid() {
  local pf="$1" pat="$2" pid
  [[ -s "$pf" ]] || return 1
  pid="$(tr -dc '0-9' <"$pf")"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pat" || return 1
  echo "$pid"
}

# close_fds: close every descriptor above 2 in the current (sub)shell, so that servers started
# from it hold no locks, pipes or terminals of ours
close_fds() {
  local f n
  for f in /proc/$BASHPID/fd/*; do
    n="${f##*/}"
    [[ "$n" =~ ^[0-9]+$ ]] && ((n > 2)) && eval "exec $n>&-" 2>/dev/null
  done
  return 0
}

# check_recorded_addr <name> <dir> <addr> <pid>: a server we started for another address
# (KAFKA_BROKERS/ELASTICSEARCH_URL/REDIS_URL changed since) must be stopped with `down` first
check_recorded_addr() {
  local rec=""
  [[ -f "$2/addr" ]] && rec="$(cat "$2/addr")"
  if [[ -n "$4" && -n "$rec" && "$rec" != "$3" ]]; then
    die "$1: this stack folder already runs a server it started for $rec (pid $4), but the configured address is now $3. Run 'down' first, or use another MARSAD_STACK_DIR."
  fi
}

# log_reuse <name> <addr> <port> <pid> [suffix]: the "reusing a healthy server" line of <name>_up,
# naming who runs it (this stack, with its pid, or an external process on the port)
log_reuse() {
  if [[ -n "$4" ]]; then log "$1: reusing $2 (started by stack, pid $4${5:-})"
  else log "$1: reusing $2 (external, $(port_owner "$3")${5:-})"; fi
}

# stop_pid <name> <pid> <seconds>: TERM, wait, then KILL
stop_pid() {
  local name="$1" pid="$2" secs="$3" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < secs * 4; i++)); do
    kill -0 "$pid" 2>/dev/null || { log "$name: stopped (pid $pid)"; return 0; }
    sleep 0.25
  done
  warn "$name: pid $pid still running after ${secs}s, sending KILL"
  kill -KILL "$pid" 2>/dev/null
  sleep 0.5
}

# ---------------------------------------------------------------------------------------------
# Java / Maven
JAVA_BIN=""
find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA_BIN="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA_BIN="$(command -v java)"
  else
    return 1
  fi
}
require_java() { # require_java <min-major> <for-what>
  find_java || die "Java is missing (needed for $2). Install a JDK ${1}+: apt-get install openjdk-17-jdk-headless (or set JAVA_HOME)."
  local v
  v="$("$JAVA_BIN" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  v="${v#1.}"
  [[ "${v%%.*}" =~ ^[0-9]+$ ]] || die "cannot tell the version of $JAVA_BIN"
  ((${v%%.*} >= $1)) || die "$2 needs Java $1+, but $JAVA_BIN is Java $v. Set JAVA_HOME to a JDK $1+."
}
java_home_of() { # derive a JAVA_HOME from JAVA_BIN
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$JAVA_BIN")")"
}
require_maven() {
  command -v mvn >/dev/null 2>&1 || die "Maven is missing (needed once to download $1 from Maven Central). Install it: apt-get install maven"
}

# run_mvn <log file> <args...>: one Maven at a time per stack folder (shared ~/.m2)
run_mvn() {
  local logf="$1"; shift
  (
    flock -w 900 8 || { echo "timed out waiting for the Maven lock" >"$logf"; exit 1; }
    mvn -B -q -Dstyle.color=never "$@" >"$logf" 2>&1
  ) 8>"$STACK_DIR/.mvn.lock"
}

# ---------------------------------------------------------------------------------------------
# The servers, one file each: <name>_check sets <NAME>_STATE/<NAME>_INFO, <name>_our_pid prints the
# pid this stack recorded, <name>_up reuses a healthy server or starts one.
source "$SCRIPT_DIR/stack/kafka.sh"
source "$SCRIPT_DIR/stack/es.sh"
source "$SCRIPT_DIR/stack/redis.sh"

# ---------------------------------------------------------------------------------------------
# Commands

prepare_stack_dir() {
  mkdir -p "$STACK_DIR" || die "cannot create MARSAD_STACK_DIR=$STACK_DIR"
  case "$STACK_DIR/" in
    /root/*) is_root && die "MARSAD_STACK_DIR=$STACK_DIR is under /root: the Elasticsearch user could not read it. Use e.g. /var/tmp/marsad-stack." ;;
  esac
  chmod 755 "$STACK_DIR" 2>/dev/null || true
  mkdir -p "$KAFKA_DIR" "$ES_DIR" "$REDIS_DIR"
}

take_lock() {
  exec 9>"$STACK_DIR/.lock"
  if ! flock -n 9; then
    log "another stack command holds $STACK_DIR/.lock — waiting…"
    flock -w 900 9 || die "timed out waiting for $STACK_DIR/.lock"
  fi
}

cmd_up() {
  prepare_stack_dir
  take_lock
  log "stack folder $STACK_DIR"
  local t0=$EPOCHREALTIME rc=0
  # The three servers come up in parallel (Maven downloads are serialised by run_mvn).
  ( redis_up ) & local p_redis=$!
  ( kafka_up ) & local p_kafka=$!
  ( es_up ) & local p_es=$!
  wait "$p_redis" || rc=1
  wait "$p_kafka" || rc=1
  wait "$p_es" || rc=1
  if ((rc != 0)); then
    err "stack up failed after $(elapsed "$t0")s (see above); servers that did start keep running — 'down' stops them"
    exit 1
  fi
  log "stack is up after $(elapsed "$t0")s: KAFKA_BROKERS=$KAFKA_BROKERS ELASTICSEARCH_URL=$ELASTICSEARCH_URL REDIS_URL=$REDIS_URL"
}

cmd_down() {
  [[ -d "$STACK_DIR" ]] || { log "nothing to stop ($STACK_DIR does not exist)"; return 0; }
  take_lock
  local pid any=0
  if pid="$(kafka_our_pid)"; then log "kafka: stopping pid $pid…"; stop_pid kafka "$pid" 60; any=1
  else log "kafka: nothing started by the stack is running"; fi
  rm -f "$KAFKA_DIR/pid" "$KAFKA_DIR/addr"
  if pid="$(es_our_pid)"; then log "es: stopping pid $pid…"; stop_pid es "$pid" 60; any=1
  else log "es: nothing started by the stack is running"; fi
  rm -f "$ES_DIR/pid" "$ES_DIR/addr"
  if pid="$(redis_our_pid)"; then log "redis: stopping pid $pid…"; stop_pid redis "$pid" 20; any=1
  else log "redis: nothing started by the stack is running (external servers are left alone)"; fi
  rm -f "$REDIS_DIR/pid" "$REDIS_DIR/addr"
  ((any)) || true
}

cmd_wipe() {
  cmd_down
  [[ -d "$STACK_DIR" ]] || return 0
  # refuse if anything still runs from our data folders
  local busy
  busy="$(pgrep -af -- "$STACK_DIR/(kafka/config|es/elasticsearch|redis)" 2>/dev/null | grep -v "stack.sh" || true)"
  [[ -z "$busy" ]] || die "processes still use $STACK_DIR, not wiping: $busy"
  log "wiping data and logs in $STACK_DIR (download cache kept)"
  rm -rf "$KAFKA_DIR/data" "$KAFKA_DIR/logs" "$KAFKA_DIR/cluster-id" \
         "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp" \
         "$REDIS_DIR/data" "$REDIS_DIR/logs"
}

status_line() { # name addr state owner pid log info
  printf '%-6s %-22s %-10s %-17s pid=%-8s log=%s%s\n' "$1" "$2" "$3" "$4" "${5:--}" "${6:--}" "${7:+  ($7)}"
}

# server_status <name> <addr> <state> <our pid> <port> <our log> <info>: its status line; fails unless healthy
server_status() {
  local owner=started-by-stack pid="$4" log="$6"
  if [[ -z "$pid" ]]; then owner=external; pid="$(port_owner_pid "$5")"; log=-; fi
  [[ "$3" == down && "$owner" == external ]] && owner="-"
  status_line "$1" "$2" "$3" "$owner" "$pid" "$log" "$7"
  [[ "$3" == healthy ]]
}

cmd_status() {
  local rc=0 ext
  kafka_check
  server_status kafka "$KAFKA_ADDR" "$KAFKA_STATE" "$(kafka_our_pid)" "$KAFKA_PORT" "$KAFKA_DIR/logs/server.log" "$KAFKA_INFO" || rc=1
  es_check
  ext="$ES_INFO"; [[ "$ES_STATE" == healthy ]] && ext="$ES_INFO, version $(es_version)"
  server_status es "$ES_ADDR" "$ES_STATE" "$(es_our_pid)" "$ES_PORT" "$ES_DIR/logs/$ES_CLUSTER_NAME.log" "$ext" || rc=1
  redis_check
  server_status redis "$REDIS_ADDR" "$REDIS_STATE" "$(redis_our_pid)" "$REDIS_PORT" "$REDIS_DIR/logs/redis.log" "$REDIS_INFO" || rc=1
  return $rc
}

cmd_env() {
  printf 'export KAFKA_BROKERS=%q ELASTICSEARCH_URL=%q REDIS_URL=%q\n' "$KAFKA_BROKERS" "$ELASTICSEARCH_URL" "$REDIS_URL"
}

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

case "${1:-}" in
  up)     cmd_up ;;
  down)   cmd_down ;;
  status)
    if [[ "${2:-}" == "--quiet" || "${2:-}" == "-q" ]]; then cmd_status >/dev/null 2>&1; else cmd_status; fi ;;
  env)    cmd_env ;;
  wipe)   cmd_wipe ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
