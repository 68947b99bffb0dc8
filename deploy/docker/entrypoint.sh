#!/bin/sh
# Marsad image entrypoint: one image, the service chosen by MARSAD_SERVICE or the first argument.
#   admin | enricher | indexer | alerter  -> node dist/apps/<service>/src/main.js
#   topics     -> Kafka topics + Elasticsearch index template (dist/tools/cli/topics.js)
#   kibana     -> import deploy/kibana/marsad.ndjson into Kibana (KIBANA_URL)
#   bootstrap  -> topics, then kibana (the compose `init` service and the k8s bootstrap Job)
#   anything else is executed as given (e.g. `node -e ...`, `sh`).
set -eu
cd /app
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
    exec node dist/tools/cli/topics.js "$@" ;;
  kibana)
    exec node deploy/kibana/import-saved-objects.mjs "$@" ;;
  bootstrap)
    node dist/tools/cli/topics.js
    exec node deploy/kibana/import-saved-objects.mjs "$@" ;;
  "")
    echo "marsad: set MARSAD_SERVICE (admin|enricher|indexer|alerter|topics|kibana|bootstrap) or pass it as the first argument" >&2
    exit 64 ;;
  *)
    exec "$svc" "$@" ;;
esac
