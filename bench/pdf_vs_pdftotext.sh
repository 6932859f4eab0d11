#!/usr/bin/env bash
# PDF ingest time as a ratio to pdftotext on the same files, in one run.
# Both are timed as whole commands (process start, read, write), best of N runs each:
#   treatywatch ingest FILE.pdf into a fresh database  vs  pdftotext FILE.pdf OUT.txt
# Usage: bench/pdf_vs_pdftotext.sh TREATYWATCH_BINARY [RUNS] [PDF...]
set -euo pipefail
tw=${1:?usage: pdf_vs_pdftotext.sh TREATYWATCH_BINARY [RUNS] [PDF...]}
runs=${2:-5}
shift 2 || shift $#
here=$(cd "$(dirname "$0")/.." && pwd)
pdfs=("$@")
[ ${#pdfs[@]} -gt 0 ] || pdfs=("$here/../shared/corpus/A-RES-79-243.pdf")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

best_ms() {  # best wall time in ms of running "$@" $runs times
  local best=999999999 start end ms
  for _ in $(seq "$runs"); do
    rm -f "$work"/t.db*
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}

printf '%-28s %10s %12s %8s\n' "file" "pdftotext" "treatywatch" "ratio"
for pdf in "${pdfs[@]}"; do
  ref=$(best_ms pdftotext "$pdf" "$work/out.txt")
  ours=$(best_ms "$tw" --db "$work/t.db" ingest "$pdf")
  ratio=$(python3 -c "print(f'{max($ours,1)/max($ref,1):.2f}')")
  printf '%-28s %8s ms %9s ms %7sx\n' "$(basename "$pdf")" "$ref" "$ours" "$ratio"
done
echo "target: treatywatch ingest (read + clean-up + parse + store) <= 1.3x pdftotext"
