#!/usr/bin/env bash
# Crash safety of `dossier batch`: kills runs with SIGKILL at random moments (and sometimes kills
# the --resume too), checks that the killed output holds only whole lines, then finishes with
# --resume and compares the result with a clean run byte for byte (cmp).
#
#   Scripts/batch_crash_check.sh [DOSSIER_BINARY] [ROUNDS] [DOCS]
set -euo pipefail
cd "$(dirname "$0")/.."
DOSSIER=${1:-}
ROUNDS=${2:-10}
DOCS=${3:-1500}
if [ -z "$DOSSIER" ]; then
    for b in .build/release/dossier .build-batch/release/dossier .build/debug/dossier .build-batch/debug/dossier; do
        if [ -x "$b" ]; then DOSSIER=$b; break; fi
    done
fi
[ -x "$DOSSIER" ] || { echo "batch_crash_check: build dossier first (swift build -c release)" >&2; exit 2; }

WORK=$(mktemp -d)
cleanup() { chmod -R u+rwx "$WORK" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
python3 Scripts/batch_corpus.py "$WORK/corpus" --docs "$DOCS" --bad --broken-line --jsonl "$WORK/docs.jsonl" > /dev/null
ARGS=("$WORK/corpus" "$WORK/docs.jsonl" --max-doc-bytes 2000000 --quiet)

start=$(date +%s%N)
"$DOSSIER" batch "${ARGS[@]}" --output "$WORK/clean.jsonl"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "clean run: $(wc -l < "$WORK/clean.jsonl") records in ${ms} ms"

# Starts a run, kills it with SIGKILL after a random time below the clean run's, and checks that
# only whole lines are left. Prints how far it got.
kill_run() { # extra arguments
    "$DOSSIER" batch "${ARGS[@]}" --output "$WORK/out.jsonl" "$@" &
    local pid=$! wait_ms=$(( (RANDOM * 32768 + RANDOM) % (ms > 0 ? ms : 1) ))
    sleep "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [ -s "$WORK/out.jsonl" ] && [ "$(tail -c 1 "$WORK/out.jsonl" | od -An -c | tr -d ' ')" != '\n' ]; then
        echo "  killed at ${wait_ms} ms: the output ends in a partial line"; partial=$((partial + 1))
    fi
    echo "  killed at ${wait_ms} ms: $(wc -l < "$WORK/out.jsonl" 2>/dev/null || echo 0) lines out"
}

passed=0; failed=0; partial=0
for round in $(seq 1 "$ROUNDS"); do
    rm -f "$WORK/out.jsonl" "$WORK/out.jsonl.progress"
    echo "round $round"
    kill_run
    if [ $((RANDOM % 2)) -eq 0 ]; then kill_run --resume; fi   # a resume killed in turn
    "$DOSSIER" batch "${ARGS[@]}" --output "$WORK/out.jsonl" --resume
    if cmp "$WORK/clean.jsonl" "$WORK/out.jsonl" && [ ! -e "$WORK/out.jsonl.progress" ]; then
        passed=$((passed + 1))
    else
        echo "  FAILED: the resumed output differs from the clean run"; failed=$((failed + 1))
    fi
done
echo "partial lines after a kill: $partial"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$partial" -eq 0 ]
