#!/usr/bin/env bash
# bench_smoke: runs the suite at a small size and checks that every figure
# printed a row. It never checks how fast anything is.
set -euo pipefail
bench=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
out=$("$bench" suite --tasks 1500 --checkpoints 500,1500 --commands 20 --repeats 5 --http-seconds 1 --work "$work")
echo "$out"
missing=0
for figure in "(1) parse: documents/s" "(1) parse: MB/s" "(1) reader check" "(4) bulk ingest" \
              "(5) overdue, first page" "(5) a unit's task list" "(5) one document's matrix" \
              "(5) stats per body" "(2) durable commands" "(7) \`cvtrack rebuild\`" "(7) start-up to serving" \
              "(7) serve peak RSS" "(7) serve's catch-up" "Machine:" "Growth of the p99" \
              "(3) group commit, 1 client" "(3) group commit, 16 clients" "(3) group commit, 64 clients" \
              "(6) wrk: a unit's task list" "(6) wrk: a task action" \
              "(8) vs Redmine: create" "(8) vs Redmine: close" "(8) vs Redmine: overdue"; do
  if ! grep -qF -- "$figure" <<<"$out"; then
    echo "bench_smoke: no row for: $figure" >&2
    missing=1
  fi
done
exit $missing
