#!/bin/bash
# tools/callgrind/engine.sh [DIST] [TAG] — instructions per article of the enrichment engine in steady state
# (ADR 0022): callgrind counts the JS thread over the 4th pass of 300 bench articles. Load-independent, so
# builds compare on a busy machine: `node scripts/build.mjs` in each checkout, then run this once per DIST.
# Needs valgrind (apt-get install valgrind). --perf-basic-prof as in the ADR figures (it writes /tmp/perf-PID.map, which
# names the JIT code in callgrind_annotate). Totals move ±7% between runs with when V8 finishes optimising.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
D=$(cd "${1:-$root/dist}" && pwd); T=${2:-engine}
out=$(mktemp -d)
CG=1 valgrind --tool=callgrind --instr-atstart=no --separate-threads=yes --callgrind-out-file="$out/cg-$T.%p" \
  node --perf-basic-prof "$root/tools/callgrind/steady.js" "$D" 300 > "$out/cg-$T.log" 2>&1
f=$(ls "$out"/cg-$T.*-01)
tot=$(callgrind_annotate "$f" 2>/dev/null | grep 'PROGRAM TOTALS' | awk '{print $1}' | tr -d ,)
echo "$T $(date -u +%H:%M) load $(cut -d' ' -f1 /proc/loadavg) JS thread $tot instructions = $(echo "scale=3; $tot/300000000" | bc) M/article (callgrind file $f)"
