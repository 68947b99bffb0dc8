# shellcheck shell=bash
# Elasticsearch part of scripts/stack.sh (sourced by it; uses its helpers and variables): download,
# run as an unprivileged user, start and wait for the single node.
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
      log_reuse es "$ES_URL" "$ES_PORT" "$pid" ", version ${v:-?}"
      [[ -z "$v" || "${v%%.*}" == "${ES_VERSION%%.*}" ]] \
        || warn "es: the server is $v but the project pins ${ES_VERSION} (@elastic/elasticsearch ${ES_VERSION%%.*}.x): majors differ"
      return 0 ;;
    unhealthy)
      if [[ -n "$pid" ]]; then es_wait "$pid"; return; fi
      local i
      for ((i = 0; i < 15; i++)); do   # an external node that is still starting
        sleep 2; es_check
        [[ "$ES_STATE" == healthy ]] && { log_reuse es "$ES_URL" "$ES_PORT" ""; return 0; }
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
