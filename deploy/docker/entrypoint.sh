#!/bin/sh
# Marsad image entrypoint: one image, the service chosen by MARSAD_SERVICE or the first argument.
#   admin | enricher | indexer | alerter  -> node dist/apps/<service>/src/main.js
#   topics     -> Kafka topics + Elasticsearch index template (dist/tools/cli/topics.js)
#   kibana     -> import deploy/kibana/marsad.ndjson into Kibana (KIBANA_URL)
#   bootstrap  -> topics, then kibana (the compose `init` service and the k8s bootstrap Job)
#   anything else is executed as given (e.g. `node -e ...`, `sh`).
set -eu
cd /app

# The topics step is idempotent; retry it because a broker can answer the metadata request that
# follows topic creation before the new partitions are known ("This server does not host this
# topic-partition"), and because Kafka/ES may still be settling when the job starts.
topics() {
  attempt=1
  max="${MARSAD_BOOTSTRAP_ATTEMPTS:-5}"
  until node dist/tools/cli/topics.js; do
    if [ "$attempt" -ge "$max" ]; then
      echo "marsad: topics/index template failed $attempt times, giving up" >&2
      return 1
    fi
    echo "marsad: topics/index template attempt $attempt failed, retrying in 5 s" >&2
    attempt=$((attempt + 1))
    sleep 5
  done
}
if [ "$#" -gt 0 ]; then
  svc="$1"
  shift
else
  svc="${MARSAD_SERVICE:-}"
fi
case "$svc" in
  admin|enricher|indexer|alerter)
    export MARSAD_SERVICE="$svc"
    exec node "dist/apps/$svc/src/main.js" "$@" ;;
  topics)
    topics ;;
  kibana)
    exec node deploy/kibana/import-saved-objects.mjs "$@" ;;
  bootstrap)
    topics
    exec node deploy/kibana/import-saved-objects.mjs "$@" ;;
  "")
    echo "marsad: set MARSAD_SERVICE (admin|enricher|indexer|alerter|topics|kibana|bootstrap) or pass it as the first argument" >&2
    exit 64 ;;
  *)
    exec "$svc" "$@" ;;
esac
