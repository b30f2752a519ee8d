#!/usr/bin/env bash
# End-to-end benchmark of corroborate against its peers, in one go, on the same machine and data:
#   full `corroborate analyze`, and `analyze --stages attribution` (attribution and entities only), vs
#   spaCy en_core_web_sm + textacy quotes (../shared/peer/bench_spacy.py) on the 2,000-article corpus; extraction vs trafilatura on ../shared/eval/extraction; and `compare`
#   on the two seed articles, start-up included. Prints one table with the ratios to the targets.
#
# Usage (from anywhere in a clone that has ../shared beside it):  bash bench/run.sh
# Environment: SHARED (default ../shared), N (articles, default 2000), PEER_VENV
# (default /tmp/corroborate-peer-venv, reused when it already works), CORPUS (default /tmp/corpus.jsonl),
# CALLGRIND=1 also counts instructions of `analyze` on the first 200 articles (slow: ~1 min).
# Results (JSON per tool and the table) are kept in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
SHARED=$(cd "${SHARED:-$root/../shared}" 2>/dev/null && pwd) || {
  echo "bench/run.sh: no ${SHARED:-$root/../shared} (the peer scripts and data); set SHARED=/path/to/shared" >&2
  exit 2
}
N=${N:-2000}
PEER_VENV=${PEER_VENV:-/tmp/corroborate-peer-venv}
CORPUS=${CORPUS:-/tmp/corpus.jsonl}
out="$root/target/bench"
mkdir -p "$out"
bin="$root/target/release/corroborate"
py="$PEER_VENV/bin/python"

# /usr/bin/time -f: wall s, user s, sys s, peak RSS KiB.
timed() { local name=$1; shift; /usr/bin/time -f '{"wall_s": %e, "user_s": %U, "sys_s": %S, "rss_kb": %M}' -o "$out/$name.time" "$@"; }

echo "== build (release)"
cargo build --release -q -p corroborate

echo "== corpus: $N articles -> $CORPUS"
python3 "$SHARED/peer/make_corpus.py" "$SHARED" "$CORPUS.$$" "$N" >/dev/null
mv "$CORPUS.$$" "$CORPUS"    # atomic: others may read the same path

echo "== peer venv: $PEER_VENV"
if ! "$py" -c 'import spacy, textacy, trafilatura' 2>/dev/null; then
  bash "$SHARED/peer/setup.sh" "$PEER_VENV"
fi

echo "== corroborate analyze (full analysis, JSON out)"
timed analyze "$bin" analyze "$CORPUS" -o "$out/analyze.jsonl"
echo "== corroborate analyze --stages attribution (attribution and entities: what the peer does)"
timed analyze_attr "$bin" analyze "$CORPUS" --stages attribution -o "$out/analyze_attr.jsonl"
echo "== peer: spaCy + textacy"
timed spacy "$py" "$SHARED/peer/bench_spacy.py" "$CORPUS" >"$out/spacy.json"

ext="$SHARED/eval/extraction"
echo "== extraction"
if "$bin" eval extraction --help >/dev/null 2>&1; then
  timed extraction "$bin" eval extraction "$ext" >"$out/extraction.out" 2>&1 \
    || { echo "corroborate eval extraction failed:"; tail -5 "$out/extraction.out"; rm -f "$out/extraction.time"; }
else
  echo "skipped: \`corroborate eval extraction\` is not on this branch yet"
  rm -f "$out/extraction.time"
fi
timed trafilatura "$py" "$SHARED/peer/bench_trafilatura.py" "$ext" >"$out/trafilatura.json"

echo "== compare on the two seeds (start-up included)"
seeds=("$SHARED"/seeds/*.txt)
if ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
fi
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs 30 --export-json "$out/compare.hyperfine.json" \
    "$bin compare ${seeds[*]} -o /dev/null" >/dev/null
else
  echo "(hyperfine unavailable: median of 30 runs)"
fi
rm -f "$out/compare.runs"
for i in $(seq 1 30); do
  /usr/bin/time -f '%e %U %S' -a -o "$out/compare.runs" "$bin" compare "${seeds[@]}" -o /dev/null
done 2>/dev/null || true

if [ "${CALLGRIND:-0}" = 1 ] && command -v valgrind >/dev/null; then
  echo "== callgrind: analyze on the first 200 articles"
  head -n 200 "$CORPUS" >"$out/corpus200.jsonl"
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.analyze200" \
    "$bin" analyze "$out/corpus200.jsonl" -o /dev/null 2>"$out/callgrind.log" || true
fi

echo
echo "## Benchmark $(date -u +%Y-%m-%d) on $(nproc) cores ($(uptime | sed 's/.*load average: /load /'))"
python3 "$root/bench/table.py" "$out" "$ext/ground-truth.json" | tee "$out/table.md"
