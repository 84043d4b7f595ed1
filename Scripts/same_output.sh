#!/usr/bin/env bash
# Checks that an optimisation changed no output: runs two `dossier` binaries over the bench corpus
# (all 3,391 documents) and over every text and HTML file in Corpus/, and compares the records byte
# for byte.
#   Scripts/same_output.sh OLD_BINARY NEW_BINARY
# Build OLD from the commit before the change (e.g. in a `git worktree`). Each binary is run once
# first, so that a gazetteer cache rebuild is not part of the comparison. Exits 1 on a difference.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -eq 2 ] || { sed -n 2,7p "$0" >&2; exit 2; }
old=$(realpath "$1"); new=$(realpath "$2")
corpus=${DOSSIER_BENCH_CACHE:-$HOME/.cache/dossier-bench}/corpus-v1
[ -d "$corpus/docs" ] || { echo "no bench corpus in $corpus: run Scripts/bench first" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mapfile -t corpus_files < <(cd "$root" && { ls Corpus/*.txt Corpus/gum-news/*.txt; find Corpus/pages -type f \( -name '*.html' -o -name '*.txt' \) | sort; })
status=0
for which in old new; do
    bin=${!which}
    "$bin" extract "$root/Corpus/unz-cockburn-iraq-isis-sleeper-cells.txt" > /dev/null
    (cd "$corpus" && ls docs | sed 's|^|docs/|' | xargs "$bin" extract) > "$tmp/$which.bench"
    (cd "$root" && "$bin" extract "${corpus_files[@]}") > "$tmp/$which.corpus"
done
for part in bench corpus; do
    if cmp -s "$tmp/old.$part" "$tmp/new.$part"; then
        echo "$part: identical ($(wc -l < "$tmp/new.$part") records)"
    else
        echo "$part: DIFFERENT"; diff "$tmp/old.$part" "$tmp/new.$part" | head -20; status=1
    fi
done
exit $status
