#!/usr/bin/env bash
# `treatywatch diff` against peer diff tools on the same generated pairs of 10k, 40k and 160k
# words (bench/make_diff_pairs: real treaty text, articles moved, split, joined, inserted,
# deleted, reworded, brackets removed, with the ground truth): wall time of whole commands,
# best of N, as a ratio to treatywatch, and quality (article link F1, move recall/precision)
# from one scorer for every tool (bench/diff_peers.py says how peers are scored).
# Peers: git diff --no-index --word-diff --histogram; python3 difflib SequenceMatcher on
# words (autojunk=False); diff-match-patch (npm, word mode + diff_cleanupSemantic).
# Usage: bench/diff_vs_peers.sh [BUILD_DIR] [RUNS] [TIMEOUT_SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
runs=${2:-5}
timeout=${3:-600}
tw="$build/src/cli/treatywatch"
pairs="$build/bench/diff-pairs"
for need in "$tw" "$build/bench/make_diff_pairs"; do
  [ -x "$need" ] || { echo "diff_vs_peers: $need not built (make build)" >&2; exit 2; }
done
if [ ! -d "$here/node_modules/diff-match-patch" ]; then
  echo "diff_vs_peers: diff-match-patch not installed (npm ci in $here); it is left out" >&2
fi
"$build/bench/make_diff_pairs" "$pairs" 1 >/dev/null
python3 "$here/bench/diff_peers.py" run --pairs "$pairs" --treatywatch "$tw" \
  --runs "$runs" --timeout "$timeout"
