#!/usr/bin/env bash
# Instruction counts per pipeline stage, exact and reproducible (valgrind callgrind, one
# --toggle-collect run per stage), over the first N documents of the bench corpus (default 200).
#   Scripts/profile_stages.sh [BINARY] [N]      (default binary: .build-perf/release/dossier)
# Needs valgrind and the bench corpus (Scripts/bench makes it in $DOSSIER_BENCH_CACHE/corpus-v1).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build-perf/release/dossier}")
n=${2:-200}
corpus=${DOSSIER_BENCH_CACHE:-$HOME/.cache/dossier-bench}/corpus-v1
[ -d "$corpus/docs" ] || { echo "no bench corpus in $corpus: run Scripts/bench first" >&2; exit 1; }
cd "$corpus"
mapfile -t docs < <(ls docs | head -n "$n" | sed 's|^|docs/|')
bytes=$(cat "${docs[@]}" | wc -c)
"$bin" extract "${docs[0]}" > /dev/null   # warm the gazetteer cache
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null ${1:+--toggle-collect="$1"} "$bin" extract "${docs[@]}" 2>&1 >/dev/null \
        | awk '/Collected/ {print $4}'
}
total=$(count "")
printf '%s documents, %s bytes; instructions (M) and instructions a byte\n' "${#docs[@]}" "$bytes"
row() { awk -v n="$1" -v c="$2" -v b="$bytes" 'BEGIN { printf "%-28s %10.1f %8.0f\n", n, c / 1e6, c / b }'; }
row "whole run" "$total"
# stage name, then the mangled-name pattern of its entry point (closures excluded: a nested match toggles off)
while read -r name pattern; do
    c=$(count "$pattern")
    row "$name" "$c"
done <<'STAGES'
startup(gazetteers) *PipelineC6cached*
read *DocumentReaderV4read*
zones *ZoneDetector*detect*
tokens *TokenizerV8tokenize*XEfU_
sentences *SentenceSplitterV5split*
entities *EntityRecognizerV9recognize*
alias-resolver *AliasResolverV7resolve*
repeated-names *RepeatedNameResolverV7resolve*
metonymy *MetonymyResolverV7resolve*
figures *FigureExtractorV7extract*
quotes *QuoteExtractorV7extract*
STAGES
# Records are written straight from each document's analysis (`Pipeline.extract(_:to:)`), partly
# inlined there: what the extraction costs beyond the analysis.
extracted=$(count '*PipelineC7extract_2to*')
analysed=$(count '*PipelineC7analyse*')
row "records and JSON writing" "$((extracted - analysed))"
