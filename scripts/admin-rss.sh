#!/usr/bin/env bash
# The admin as its own process (built dist/, local stack running), 20,000 requests from curl
# (good and hostile: repeated scalars, deep pages, NAT64 metadata webhooks, 1e309, bad keys, cut
# JSON), and its RSS before and after: memory must stay flat. Usage: bash scripts/admin-rss.sh
cd "$(dirname "$0")/.."
NS=rss$(date +%s)
KEY=admin:rss-check-key-123456
PORT=18480
MARSAD_NAMESPACE=$NS MARSAD_ADMIN_KEYS=$KEY MARSAD_ADMIN_RATE_LIMIT=1000000 PORT=$PORT MARSAD_LOG_FILE=.marsad/admin-rss.log node dist/apps/admin/src/main.js &
PID=$!
for i in $(seq 1 60); do curl -s -o /dev/null -w '%{http_code}' 127.0.0.1:$PORT/health/live | grep -q 200 && break; sleep 1; done
sleep 5
H="Authorization: Bearer rss-check-key-123456"
# warm-up round, then measure
for i in $(seq 1 200); do curl -s -o /dev/null -H "$H" "127.0.0.1:$PORT/v1/watches"; done
RSS0=$(awk '/VmRSS/{print $2}' /proc/$PID/status)
echo "admin pid $PID RSS after warm-up: $((RSS0/1024)) MB"
codes=$(mktemp)
send() {
  local n=$1
  for i in $(seq 1 $n); do
    case $((i % 8)) in
      0) curl -s -o /dev/null -w '%{http_code}\n' -H "$H" "127.0.0.1:$PORT/v1/actors?q=a&q=b" ;;
      1) curl -s -o /dev/null -w '%{http_code}\n' -H "$H" "127.0.0.1:$PORT/v1/alerts?page=51&size=200" ;;
      2) curl -s -o /dev/null -w '%{http_code}\n' -H "$H" -H 'Content-Type: application/json' -d '{"name":"w","query":"x","channels":[{"type":"webhook","url":"http://[64:ff9b:1::a9fe:a9fe]/"}]}' "127.0.0.1:$PORT/v1/watches" ;;
      3) curl -s -o /dev/null -w '%{http_code}\n' -H "$H" "127.0.0.1:$PORT/v1/watches" ;;
      4) curl -s -o /dev/null -w '%{http_code}\n' -H "$H" -H 'Content-Type: application/json' -d '{"name":"w","query":"x","throttle":{"max":1,"perMinutes":1e309},"channels":[{"type":"email","to":"a@example.com"}]}' "127.0.0.1:$PORT/v1/watches" ;;
      5) curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer wrong-key-xxxxxxxx" "127.0.0.1:$PORT/v1/status" ;;
      6) curl -s -o /dev/null -w '%{http_code}\n' -H "$H" "127.0.0.1:$PORT/v1/actors?q=Kaspersky" ;;
      7) curl -s -o /dev/null -w '%{http_code}\n' -H "$H" -H 'Content-Type: application/json' -d '{"url":"https://x.example/a","source":{"name":"x"},"body":"' "127.0.0.1:$PORT/v1/articles" ;;
    esac
  done
}
pids=(); for w in 1 2 3 4; do send 5000 >> $codes & pids+=($!); done
wait "${pids[@]}"
RSS1=$(awk '/VmRSS/{print $2}' /proc/$PID/status)
grep -c "\"status\":5" .marsad/admin-rss.log | sed "s/^/5xx answers in the admin log: /"
echo "requests: $(wc -l < $codes); by status: $(sort $codes | uniq -c | tr '\n' ' ')"
echo "admin RSS before: $((RSS0/1024)) MB, after 20,000 requests: $((RSS1/1024)) MB"
kill $PID; wait $PID 2>/dev/null
