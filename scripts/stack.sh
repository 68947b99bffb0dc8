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
# Kafka

kafka_lib_ready() { [[ -f "$KAFKA_DIR/lib/.complete-$KAFKA_VERSION" ]]; }

kafka_download() {
  kafka_lib_ready && return 0
  require_maven "the Kafka $KAFKA_VERSION jars"
  [[ -f "$INFRA_KAFKA/pom.xml" ]] || die "kafka: $INFRA_KAFKA/pom.xml is missing"
  log "kafka: downloading $KAFKA_VERSION jars (first run only)…"
  mkdir -p "$KAFKA_DIR/logs"
  rm -rf "$KAFKA_DIR/lib.tmp"
  if ! run_mvn "$KAFKA_DIR/logs/mvn-download.log" -f "$INFRA_KAFKA/pom.xml" \
      "$DEP_PLUGIN:copy-dependencies" -DincludeScope=runtime -Dkafka.version="$KAFKA_VERSION" \
      -DoutputDirectory="$KAFKA_DIR/lib.tmp"; then
    err "kafka: downloading the jars with Maven failed"
    tail_log "$KAFKA_DIR/logs/mvn-download.log" 30
    exit 1
  fi
  [[ -f "$KAFKA_DIR/lib.tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || die "kafka: Maven finished but kafka_2.13-$KAFKA_VERSION.jar is not in $KAFKA_DIR/lib.tmp"
  touch "$KAFKA_DIR/lib.tmp/.complete-$KAFKA_VERSION"
  rm -rf "$KAFKA_DIR/lib" && mv "$KAFKA_DIR/lib.tmp" "$KAFKA_DIR/lib"
  log "kafka: $(ls "$KAFKA_DIR/lib" | wc -l) jars in $KAFKA_DIR/lib"
}

# Compile infra/kafka/KafkaProbe.java once (falls back to the java source launcher without javac)
KAFKA_PROBE_CMD=()
kafka_probe_prepare() {
  local src="$INFRA_KAFKA/KafkaProbe.java" out="$KAFKA_DIR/probe"
  [[ -f "$src" ]] || { err "kafka: $src is missing"; return 1; }
  find_java || return 1
  local javac; javac="$(dirname "$(readlink -f "$JAVA_BIN")")/javac"
  if [[ ! -f "$out/KafkaProbe.class" || "$src" -nt "$out/KafkaProbe.class" ]] && [[ -x "$javac" ]]; then
    mkdir -p "$out"
    "$javac" -nowarn -cp "$KAFKA_DIR/lib/*" -d "$out" "$src" >"$KAFKA_DIR/probe-javac.log" 2>&1 \
      || { err "kafka: compiling the probe failed"; tail_log "$KAFKA_DIR/probe-javac.log"; return 1; }
  fi
  if [[ -f "$out/KafkaProbe.class" && ! "$src" -nt "$out/KafkaProbe.class" ]]; then
    KAFKA_PROBE_CMD=("$JAVA_BIN" -Xmx64m -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$KAFKA_DIR/lib/*:$out" KafkaProbe)
  else
    KAFKA_PROBE_CMD=("$JAVA_BIN" -Xmx64m -cp "$KAFKA_DIR/lib/*" "$src")
  fi
}

# kafka_apiversions <host> <port>: raw ApiVersions v0 request over /dev/tcp (no JVM).
# Succeeds when a Kafka broker answers with our correlation id and error code 0.
kafka_apiversions() {
  local hex
  hex="$(timeout 3 bash -c '
      exec 3<>"/dev/tcp/$0/$1" || exit 2
      # length 22 | api_key 18 | version 0 | correlation "MARS" | client_id "marsad-stack"
      printf "\x00\x00\x00\x16\x00\x12\x00\x00\x4d\x41\x52\x53\x00\x0cmarsad-stack" >&3
      head -c 10 <&3 | od -An -tx1 | tr -d " \n"' "$1" "$2" 2>/dev/null)"
  [[ "$hex" =~ ^[0-9a-f]{8}4d4152530000$ ]]
}

# kafka_check: sets KAFKA_STATE (healthy|down|unhealthy) and KAFKA_INFO
kafka_check() {
  KAFKA_STATE=down; KAFKA_INFO=""
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || return 0
  if kafka_lib_ready && kafka_probe_prepare 2>/dev/null; then
    KAFKA_INFO="$(timeout 30 "${KAFKA_PROBE_CMD[@]}" "$KAFKA_ADDR" 4000 2>&1 | tail -n1)"
    if [[ "$KAFKA_INFO" == ok* ]]; then KAFKA_STATE=healthy; else KAFKA_STATE=unhealthy; fi
  else
    # no jars yet (external broker on a fresh machine): ApiVersions round trip only
    if kafka_apiversions "$KAFKA_HOST" "$KAFKA_PORT"; then
      KAFKA_STATE=healthy; KAFKA_INFO="ok (ApiVersions answered)"
    else
      KAFKA_STATE=unhealthy; KAFKA_INFO="fail no ApiVersions answer"
    fi
  fi
}

kafka_our_pid() { alive_pid "$KAFKA_DIR/pid" "kafka.Kafka $KAFKA_DIR/config/server.properties"; }

kafka_write_config() {
  mkdir -p "$KAFKA_DIR/config" "$KAFKA_DIR/data" "$KAFKA_DIR/logs"
  cp "$INFRA_KAFKA/log4j.properties" "$KAFKA_DIR/config/log4j.properties"
  cat >"$KAFKA_DIR/config/server.properties" <<EOF
# Generated by scripts/stack.sh on every start: edits here are overwritten.
# Single node, KRaft combined mode (broker + controller), local development and CI only.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data

# Topics are created explicitly by the services (never by a typo in a producer).
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1

# Consumers of a fresh group start at once (tests!).
group.initial.rebalance.delay.ms=0

# 4 MiB per record batch: MARSAD_MAX_BODY_BYTES (1 MiB default) plus envelope, with headroom.
message.max.bytes=4194304
replica.fetch.max.bytes=4194304

# Keep the local disk footprint small.
log.retention.hours=72
log.segment.bytes=134217728
num.network.threads=2
num.io.threads=4
EOF
}

kafka_format() {
  [[ -f "$KAFKA_DIR/data/meta.properties" ]] && return 0
  local cid
  log "kafka: formatting storage in $KAFKA_DIR/data (first start)…"
  # (no log4j config: the tool's own messages go to storage-format.log, not to server.log)
  cid="$("$JAVA_BIN" -Xmx128m -cp "$KAFKA_DIR/lib/*" kafka.tools.StorageTool random-uuid 2>>"$KAFKA_DIR/logs/storage-format.log" | tail -n1)"
  [[ "$cid" =~ ^[A-Za-z0-9_-]{22}$ ]] || { err "kafka: StorageTool random-uuid failed (got '$cid')"; tail_log "$KAFKA_DIR/logs/storage-format.log"; exit 1; }
  echo "$cid" >"$KAFKA_DIR/cluster-id"
  if ! "$JAVA_BIN" -Xmx128m -cp "$KAFKA_DIR/lib/*" kafka.tools.StorageTool format -t "$cid" \
       -c "$KAFKA_DIR/config/server.properties" --ignore-formatted >>"$KAFKA_DIR/logs/storage-format.log" 2>&1; then
    err "kafka: StorageTool format failed"
    tail_log "$KAFKA_DIR/logs/storage-format.log"
    exit 1
  fi
}

kafka_start() {
  require_java 11 "Kafka $KAFKA_VERSION"
  kafka_download
  kafka_probe_prepare || exit 1
  kafka_write_config
  kafka_format
  log "kafka: starting $KAFKA_VERSION on $KAFKA_ADDR (controller $KAFKA_HOST:$KAFKA_CONTROLLER_PORT), logs in $KAFKA_DIR/logs"
  local pid
  # setsid + all fds redirected/closed: the broker survives this shell, never writes to the
  # terminal and does not inherit the stack locks. (The subshell execs setsid, which execs java:
  # $! is the broker's pid.)
  # shellcheck disable=SC2086
  ( close_fds; exec setsid "$JAVA_BIN" -server $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    "-Xlog:gc*:file=$KAFKA_DIR/logs/gc.log:time,tags:filecount=3,filesize=10M" \
    -Dkafka.logs.dir="$KAFKA_DIR/logs" -Dlog4j.configuration="file:$KAFKA_DIR/config/log4j.properties" \
    -cp "$KAFKA_DIR/lib/*" kafka.Kafka "$KAFKA_DIR/config/server.properties" \
    </dev/null >>"$KAFKA_DIR/logs/console.log" 2>&1 ) &
  pid=$!
  echo "$pid" >"$KAFKA_DIR/pid"
  echo "$KAFKA_ADDR" >"$KAFKA_DIR/addr"
  kafka_wait "$pid"
}

kafka_wait() { # kafka_wait <pid>
  local pid="$1" start=$SECONDS
  log "kafka: waiting for a metadata answer on $KAFKA_ADDR (pid $pid)…"
  while ((SECONDS - start < TIMEOUT)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      err "kafka: the broker (pid $pid) exited during start-up"
      tail_log "$KAFKA_DIR/logs/server.log"
      [[ -s "$KAFKA_DIR/logs/console.log" ]] && tail_log "$KAFKA_DIR/logs/console.log" 10
      rm -f "$KAFKA_DIR/pid"
      exit 1
    fi
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      kafka_check
      if [[ "$KAFKA_STATE" == healthy ]]; then
        log "kafka: healthy on $KAFKA_ADDR after $((SECONDS - start))s ($KAFKA_INFO)"
        return 0
      fi
    fi
    sleep 1
  done
  err "kafka: not healthy after ${TIMEOUT}s (pid $pid still running; 'down' stops it; raise MARSAD_STACK_TIMEOUT?)"
  tail_log "$KAFKA_DIR/logs/server.log"
  exit 1
}

kafka_up() {
  local pid
  kafka_check
  pid="$(kafka_our_pid)"
  check_recorded_addr kafka "$KAFKA_DIR" "$KAFKA_ADDR" "$pid"
  case "$KAFKA_STATE" in
    healthy)
      if [[ -n "$pid" ]]; then log "kafka: reusing $KAFKA_ADDR (started by stack, pid $pid)"
      else log "kafka: reusing $KAFKA_ADDR (external, $(port_owner "$KAFKA_PORT"))"; fi
      return 0 ;;
    unhealthy)
      if [[ -n "$pid" ]]; then kafka_wait "$pid"; return; fi
      # Something else listens. Not Kafka at all: fail now.
      if ! kafka_apiversions "$KAFKA_HOST" "$KAFKA_PORT"; then
        die "kafka: port $KAFKA_PORT on $KAFKA_HOST is taken by $(port_owner "$KAFKA_PORT"), which is not a Kafka broker (no answer to a Kafka ApiVersions request). Stop it or point KAFKA_BROKERS elsewhere."
      fi
      # An external broker that answers ApiVersions but not metadata (yet): short grace period.
      local i
      for ((i = 0; i < 15; i++)); do
        sleep 2; kafka_check
        [[ "$KAFKA_STATE" == healthy ]] && { log "kafka: reusing $KAFKA_ADDR (external, $(port_owner "$KAFKA_PORT"))"; return 0; }
        [[ "$KAFKA_STATE" == down ]] && break
      done
      if [[ "$KAFKA_STATE" != down ]]; then
        die "kafka: port $KAFKA_PORT on $KAFKA_HOST is taken by $(port_owner "$KAFKA_PORT"), a Kafka broker that does not answer metadata requests (${KAFKA_INFO#fail }). Stop it or point KAFKA_BROKERS elsewhere."
      fi ;;
  esac
  if [[ -n "$pid" ]]; then kafka_wait "$pid"; return; fi
  if port_open "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT"; then
    die "kafka: controller port $KAFKA_CONTROLLER_PORT on $KAFKA_HOST is taken by $(port_owner "$KAFKA_CONTROLLER_PORT"). Free it or set MARSAD_KAFKA_CONTROLLER_PORT."
  fi
  kafka_start
}

# ---------------------------------------------------------------------------------------------
# Elasticsearch

ES_CURL=(curl -sS --noproxy '*' -m 10)
[[ "$ES_SCHEME" == https ]] && ES_CURL+=(-k)

# es_check [extra query]: sets ES_STATE (healthy|down|unhealthy|foreign) and ES_INFO
es_check() {
  ES_STATE=down; ES_INFO=""
  local hdr body code rc
  hdr="$(mktemp)"; body="$(mktemp)"
  code="$("${ES_CURL[@]}" -D "$hdr" -o "$body" -w '%{http_code}' "$ES_URL/_cluster/health${1:-}" 2>/dev/null)"; rc=$?
  if [[ $rc == 7 || ( $rc != 0 && "$code" == 000 ) ]] && ! port_open "$ES_HOST" "$ES_PORT"; then
    rm -f "$hdr" "$body"; return 0
  fi
  local product status
  product="$(grep -i '^x-elastic-product:' "$hdr" | tr -d '\r' | sed 's/^[^:]*: *//')"
  status="$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' "$body")"
  if [[ "$product" == Elasticsearch ]]; then
    case "$code:$status" in
      200:green|200:yellow) ES_STATE=healthy; ES_INFO="status $status" ;;
      401:*|403:*) ES_STATE=unhealthy; ES_INFO="Elasticsearch answered HTTP $code (security on: put credentials in ELASTICSEARCH_URL)" ;;
      *) ES_STATE=unhealthy; ES_INFO="Elasticsearch answered HTTP $code${status:+, status $status}" ;;
    esac
  else
    ES_STATE=foreign
    local first; first="$(head -n1 "$hdr" | tr -d '\r')"
    local server; server="$(grep -i '^server:' "$hdr" | head -n1 | tr -d '\r')"
    ES_INFO="${first:-no HTTP answer (curl exit $rc)}${server:+, $server}"
  fi
  rm -f "$hdr" "$body"
}

es_version() {
  "${ES_CURL[@]}" -m 5 "$ES_URL/_nodes/_local?filter_path=nodes.*.version" 2>/dev/null \
    | sed -n 's/.*"version":"\([^"]*\)".*/\1/p'
}

es_our_pid() { alive_pid "$ES_DIR/pid" "org.elasticsearch.bootstrap.Elasticsearch"; }

# run a command as the Elasticsearch user (or as ourselves when not root)
as_es() {
  if is_root; then runuser -u "$ES_USER" -- "$@"; else "$@"; fi
}

es_user_setup() {
  is_root || return 0
  command -v runuser >/dev/null 2>&1 || die "es: runuser (util-linux) is missing; needed to run Elasticsearch as '$ES_USER'"
  if ! id -u "$ES_USER" >/dev/null 2>&1; then
    log "es: creating system user '$ES_USER' (Elasticsearch refuses to run as root)"
    useradd -r -M -d /nonexistent -s /usr/sbin/nologin -c "Marsad local Elasticsearch" "$ES_USER" 2>/dev/null \
      || id -u "$ES_USER" >/dev/null 2>&1 || die "es: could not create system user '$ES_USER'"
  fi
}

es_download() {
  [[ -f "$ES_HOME/.complete" ]] && return 0
  require_maven "Elasticsearch $ES_VERSION"
  command -v unzip >/dev/null 2>&1 || die "es: unzip is missing: apt-get install unzip"
  log "es: downloading Elasticsearch $ES_VERSION integ-test zip (first run only)…"
  mkdir -p "$ES_DIR/logs" "$ES_DIR/download"
  if ! run_mvn "$ES_DIR/mvn-download.log" "$DEP_PLUGIN:copy" -Dartifact="$ES_ARTIFACT" \
      -DoutputDirectory="$ES_DIR/download"; then
    err "es: downloading $ES_ARTIFACT with Maven failed"
    tail_log "$ES_DIR/mvn-download.log" 30
    exit 1
  fi
  local zip="$ES_DIR/download/elasticsearch-$ES_VERSION.zip"
  [[ -f "$zip" ]] || die "es: Maven finished but $zip is missing"
  log "es: unpacking into $ES_HOME"
  rm -rf "$ES_DIR/unpack.tmp" "$ES_HOME"
  unzip -q "$zip" -d "$ES_DIR/unpack.tmp" || die "es: unzip of $zip failed"
  mv "$ES_DIR/unpack.tmp/elasticsearch-$ES_VERSION" "$ES_HOME" || die "es: unexpected zip layout in $zip"
  rm -rf "$ES_DIR/unpack.tmp" "$zip"     # the zip stays cached in ~/.m2
  touch "$ES_HOME/.complete"
  log "es: modules/ holds: $(ls "$ES_HOME/modules" | tr '\n' ' ')"
}

es_start() {
  require_java 17 "Elasticsearch $ES_VERSION"
  local es_java_home; es_java_home="${MARSAD_ES_JAVA_HOME:-$(java_home_of)}"
  [[ -x "$es_java_home/bin/java" ]] || die "es: no java under ES_JAVA_HOME=$es_java_home (set MARSAD_ES_JAVA_HOME)"
  es_download
  es_user_setup
  mkdir -p "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp"
  chmod 755 "$STACK_DIR" "$ES_DIR"
  if is_root; then
    # the unprivileged user owns its unpacked folder (it writes config/elasticsearch.keystore),
    # data, logs, tmp and the pid file location
    chown "$ES_USER:" "$ES_DIR"
    [[ "$(stat -c %U "$ES_HOME")" == "$ES_USER" ]] || chown -R "$ES_USER:" "$ES_HOME"
    chown -R "$ES_USER:" "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp"
    runuser -u "$ES_USER" -- test -x "$ES_HOME/bin/elasticsearch" -a -w "$ES_DIR/data" \
      || die "es: user '$ES_USER' cannot reach $ES_HOME — MARSAD_STACK_DIR ($STACK_DIR) must not be under /root or inside a 0700 folder"
    runuser -u "$ES_USER" -- test -x "$es_java_home/bin/java" \
      || die "es: user '$ES_USER' cannot run $es_java_home/bin/java"
  fi
  rm -f "$ES_DIR/pid"
  echo "$ES_ADDR" >"$ES_DIR/addr"
  log "es: starting $ES_VERSION on $ES_BIND_HOST:$ES_PORT (heap $ES_HEAP, security off, single-node), logs in $ES_DIR/logs"
  local start=$SECONDS
  # -d: the CLI returns once the node started (or failed); the server then runs detached.
  # setsid: the node gets a session (and process group) of its own, like Kafka: a hangup of the
  # caller's terminal, or a signal to its process group (Ctrl-C), must not stop Elasticsearch.
  # -w waits for the CLI so its exit status still tells whether the node started.
  if ! (close_fds; cd "$ES_HOME" && as_es setsid -w env HOME="$ES_DIR" ES_JAVA_HOME="$es_java_home" ES_PATH_CONF="$ES_HOME/config" \
        ES_TMPDIR="$ES_DIR/tmp" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
        "$ES_HOME/bin/elasticsearch" -d -p "$ES_DIR/pid" \
        -Ecluster.name="$ES_CLUSTER_NAME" -Enode.name="$ES_CLUSTER_NAME-1" \
        -Ediscovery.type=single-node -Enetwork.host="$ES_BIND_HOST" -Ehttp.port="$ES_PORT" \
        -Epath.data="$ES_DIR/data" -Epath.logs="$ES_DIR/logs" \
        -Expack.security.enabled=false \
        -Ecluster.routing.allocation.disk.threshold_enabled=false \
        </dev/null >"$ES_DIR/logs/startup.log" 2>&1); then
    err "es: Elasticsearch failed to start"
    tail_log "$ES_DIR/logs/startup.log" 30
    tail_log "$ES_DIR/logs/$ES_CLUSTER_NAME.log" 30
    exit 1
  fi
  local pid; pid="$(es_our_pid)"
  [[ -n "$pid" ]] || { err "es: started, but no live process behind $ES_DIR/pid"; tail_log "$ES_DIR/logs/$ES_CLUSTER_NAME.log"; exit 1; }
  log "es: node up after $((SECONDS - start))s (pid $pid)"
  es_wait "$pid"
}

es_wait() { # es_wait <pid>
  local pid="$1" start=$SECONDS
  log "es: waiting for cluster health yellow on $ES_URL (pid $pid)…"
  while ((SECONDS - start < TIMEOUT)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      err "es: Elasticsearch (pid $pid) exited"
      tail_log "$ES_DIR/logs/$ES_CLUSTER_NAME.log"
      exit 1
    fi
    es_check "?wait_for_status=yellow&timeout=2s"
    if [[ "$ES_STATE" == healthy ]]; then
      log "es: healthy on $ES_URL after $((SECONDS - start))s ($ES_INFO)"
      return 0
    fi
    sleep 1
  done
  err "es: not healthy after ${TIMEOUT}s (pid $pid still running; 'down' stops it; raise MARSAD_STACK_TIMEOUT?)"
  tail_log "$ES_DIR/logs/$ES_CLUSTER_NAME.log"
  exit 1
}

es_up() {
  local pid
  es_check
  pid="$(es_our_pid)"
  check_recorded_addr es "$ES_DIR" "$ES_ADDR" "$pid"
  case "$ES_STATE" in
    healthy)
      local v; v="$(es_version)"
      if [[ -n "$pid" ]]; then log "es: reusing $ES_URL (started by stack, pid $pid, version ${v:-?})"
      else log "es: reusing $ES_URL (external, $(port_owner "$ES_PORT"), version ${v:-?})"; fi
      [[ -z "$v" || "${v%%.*}" == "${ES_VERSION%%.*}" ]] \
        || warn "es: the server is $v but the project pins ${ES_VERSION} (@elastic/elasticsearch ${ES_VERSION%%.*}.x): majors differ"
      return 0 ;;
    unhealthy)
      if [[ -n "$pid" ]]; then es_wait "$pid"; return; fi
      local i
      for ((i = 0; i < 15; i++)); do   # an external node that is still starting
        sleep 2; es_check
        [[ "$ES_STATE" == healthy ]] && { log "es: reusing $ES_URL (external, $(port_owner "$ES_PORT"))"; return 0; }
        [[ "$ES_STATE" == unhealthy ]] || break
      done
      [[ "$ES_STATE" == down ]] \
        || die "es: port $ES_PORT on $ES_HOST is taken by $(port_owner "$ES_PORT"), an Elasticsearch that is not healthy: $ES_INFO" ;;
    foreign)
      die "es: port $ES_PORT on $ES_HOST is taken by $(port_owner "$ES_PORT"), which is not Elasticsearch (answered: $ES_INFO). Stop it or point ELASTICSEARCH_URL elsewhere." ;;
  esac
  if [[ -n "$pid" ]]; then es_wait "$pid"; return; fi
  [[ "$ES_SCHEME" == http ]] || die "es: nothing answers on $ES_URL and the stack only starts plain http Elasticsearch"
  es_start
}

# ---------------------------------------------------------------------------------------------
# Redis

# redis_ping: sets REDIS_STATE (healthy|down|unhealthy|foreign) and REDIS_INFO
redis_check() {
  REDIS_STATE=down; REDIS_INFO=""
  port_open "$REDIS_HOST" "$REDIS_PORT" || return 0
  if [[ "$REDIS_SCHEME" == rediss ]]; then
    REDIS_STATE=healthy; REDIS_INFO="TLS port open (not probed)"; return 0
  fi
  local reply
  reply="$(LC_ALL=C timeout 4 bash -c '
      exec 3<>"/dev/tcp/$0/$1" || exit 2
      if [ -n "$3" ]; then
        if [ -n "$2" ]; then
          printf "*3\r\n\$4\r\nAUTH\r\n\$%d\r\n%s\r\n\$%d\r\n%s\r\n" "${#2}" "$2" "${#3}" "$3" >&3
        else
          printf "*2\r\n\$4\r\nAUTH\r\n\$%d\r\n%s\r\n" "${#3}" "$3" >&3
        fi
        IFS= read -r a <&3
        case "$a" in +OK*) ;; *) printf "%s" "AUTH: $a"; exit 0 ;; esac
      fi
      printf "*1\r\n\$4\r\nPING\r\n" >&3
      IFS= read -r line <&3
      printf "%s" "$line"' "$REDIS_HOST" "$REDIS_PORT" "$REDIS_USER" "$REDIS_PASS" 2>/dev/null | tr -d '\r' | cut -c1-120)"
  case "$reply" in
    +PONG*) REDIS_STATE=healthy; REDIS_INFO="PONG" ;;
    -LOADING*|-NOAUTH*|-WRONGPASS*|-ERR*|"AUTH: -"*) REDIS_STATE=unhealthy; REDIS_INFO="Redis answered: ${reply#AUTH: }" ;;
    "") REDIS_STATE=foreign; REDIS_INFO="no answer to PING" ;;
    *) REDIS_STATE=foreign; REDIS_INFO="answered: $reply" ;;
  esac
}

redis_our_pid() { alive_pid "$REDIS_DIR/pid" "redis-server"; }

redis_up() {
  local pid
  redis_check
  pid="$(redis_our_pid)"
  check_recorded_addr redis "$REDIS_DIR" "$REDIS_ADDR" "$pid"
  case "$REDIS_STATE" in
    healthy)
      if [[ -n "$pid" ]]; then log "redis: reusing $REDIS_ADDR (started by stack, pid $pid)"
      else log "redis: reusing $REDIS_ADDR (external, $(port_owner "$REDIS_PORT"))"; fi
      return 0 ;;
    unhealthy)
      die "redis: port $REDIS_PORT on $REDIS_HOST is taken by $(port_owner "$REDIS_PORT"), a Redis that is not usable: $REDIS_INFO" ;;
    foreign)
      die "redis: port $REDIS_PORT on $REDIS_HOST is taken by $(port_owner "$REDIS_PORT"), which is not Redis ($REDIS_INFO). Stop it or point REDIS_URL elsewhere." ;;
  esac
  [[ -z "$pid" ]] || die "redis: the redis-server this stack started (pid $pid) does not answer on $REDIS_ADDR; see $REDIS_DIR/logs/redis.log, or run 'down' first"
  [[ "$REDIS_SCHEME" == redis ]] || die "redis: nothing answers on $REDIS_URL and the stack only starts plain redis://"
  command -v redis-server >/dev/null 2>&1 \
    || die "redis: nothing answers on $REDIS_ADDR and redis-server is not installed: apt-get install redis-server (then re-run; the stack starts it itself)"
  mkdir -p "$REDIS_DIR/data" "$REDIS_DIR/logs"
  rm -f "$REDIS_DIR/pid"
  echo "$REDIS_ADDR" >"$REDIS_DIR/addr"
  log "redis: starting redis-server on $REDIS_ADDR, log $REDIS_DIR/logs/redis.log"
  local extra=()
  [[ -n "$REDIS_PASS" ]] && extra+=(--requirepass "$REDIS_PASS")
  if ! (close_fds; exec redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --save "" --appendonly no \
       --dir "$REDIS_DIR/data" --logfile "$REDIS_DIR/logs/redis.log" --pidfile "$REDIS_DIR/pid" \
       "${extra[@]}" </dev/null >>"$REDIS_DIR/logs/redis.log" 2>&1); then
    err "redis: redis-server failed to start"; tail_log "$REDIS_DIR/logs/redis.log"; exit 1
  fi
  local start=$SECONDS
  while ((SECONDS - start < 30)); do
    redis_check
    [[ "$REDIS_STATE" == healthy ]] && { log "redis: healthy on $REDIS_ADDR (pid $(redis_our_pid))"; return 0; }
    sleep 0.5
  done
  err "redis: not answering PING after 30s"; tail_log "$REDIS_DIR/logs/redis.log"; exit 1
}

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

cmd_status() {
  local pid owner rc=0 ext
  # Kafka
  kafka_check; pid="$(kafka_our_pid)"
  if [[ -n "$pid" ]]; then owner=started-by-stack; else owner=external; pid="$(port_owner_pid "$KAFKA_PORT")"; fi
  [[ "$KAFKA_STATE" == down && "$owner" == external ]] && owner="-"
  [[ "$KAFKA_STATE" == healthy ]] || rc=1
  status_line kafka "$KAFKA_ADDR" "$( [[ $KAFKA_STATE == healthy ]] && echo healthy || echo "$KAFKA_STATE")" "$owner" "$pid" \
    "$( [[ $owner == started-by-stack ]] && echo "$KAFKA_DIR/logs/server.log" || echo -)" "$KAFKA_INFO"
  # Elasticsearch
  es_check; pid="$(es_our_pid)"
  if [[ -n "$pid" ]]; then owner=started-by-stack; else owner=external; pid="$(port_owner_pid "$ES_PORT")"; fi
  [[ "$ES_STATE" == down && "$owner" == external ]] && owner="-"
  [[ "$ES_STATE" == healthy ]] || rc=1
  ext="$ES_INFO"; [[ "$ES_STATE" == healthy ]] && ext="$ES_INFO, version $(es_version)"
  status_line es "$ES_ADDR" "$ES_STATE" "$owner" "$pid" \
    "$( [[ $owner == started-by-stack ]] && echo "$ES_DIR/logs/$ES_CLUSTER_NAME.log" || echo -)" "$ext"
  # Redis
  redis_check; pid="$(redis_our_pid)"
  if [[ -n "$pid" ]]; then owner=started-by-stack; else owner=external; pid="$(port_owner_pid "$REDIS_PORT")"; fi
  [[ "$REDIS_STATE" == down && "$owner" == external ]] && owner="-"
  [[ "$REDIS_STATE" == healthy ]] || rc=1
  status_line redis "$REDIS_ADDR" "$REDIS_STATE" "$owner" "$pid" \
    "$( [[ $owner == started-by-stack ]] && echo "$REDIS_DIR/logs/redis.log" || echo -)" "$REDIS_INFO"
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
