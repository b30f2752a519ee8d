#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 600), one after another, niced, seeded from the
# committed regression inputs. Logs and a summary line per target go to fuzz/runs/.
# Usage: bash fuzz/run.sh [SECONDS] [TARGET...]   (needs nightly and `cargo install cargo-fuzz`)
set -u
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=${*:-html warc feed text}
mkdir -p fuzz/runs
for t in $targets; do
  mkdir -p "fuzz/corpus/$t"
  cp -n crates/ingest/tests/regressions/"$t"/* "fuzz/corpus/$t/" 2>/dev/null || true
  start=$(date +%s)
  nice -n 15 cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    > "fuzz/runs/$t.log" 2>&1
  rc=$?
  end=$(date +%s)
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/runs/$t.log" | grep -o '[0-9]*$' | tail -1)
  crashes=$(ls fuzz/artifacts/"$t"/ 2>/dev/null | wc -l)
  echo "$t: exit $rc, $((end - start)) s, ${execs:-?} executions, $crashes artifact(s)" | tee -a fuzz/runs/summary.txt
done
