# shellcheck shell=bash
# Redis part of scripts/stack.sh (sourced by it; uses its helpers and variables): PING probe, start.
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
      log_reuse redis "$REDIS_ADDR" "$REDIS_PORT" "$pid"
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
