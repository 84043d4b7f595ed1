#!/usr/bin/env bash
# The "done when" of `dossier batch` on a generated corpus of a few thousand documents plus bad files:
# --jobs 2 against --jobs 1 (best of N runs each, alternating), byte-identical outputs, an error
# record for each bad file and every good document present. Run on a quiet machine: other load
# on the cores skews the timing.
#
#   Scripts/batch_speed_check.sh [DOSSIER_BINARY] [DOCS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
DOSSIER=${1:-}
DOCS=${2:-3000}
RUNS=${3:-3}
if [ -z "$DOSSIER" ]; then
    for b in .build/release/dossier .build-batch/release/dossier; do
        if [ -x "$b" ]; then DOSSIER=$b; break; fi
    done
fi
[ -x "$DOSSIER" ] || { echo "batch_speed_check: build a release dossier first (swift build -c release)" >&2; exit 2; }

WORK=$(mktemp -d)
cleanup() { chmod -R u+rwx "$WORK" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
python3 Scripts/batch_corpus.py "$WORK/corpus" --docs "$DOCS" --bad > /dev/null

best1=""; best2=""
for run in $(seq 1 "$RUNS"); do
    for j in 1 2; do
        s=$(date +%s%N)
        "$DOSSIER" batch "$WORK/corpus" --output "$WORK/jobs$j.jsonl" --jobs "$j" --max-doc-bytes 2000000 --quiet
        t=$(( ($(date +%s%N) - s) / 1000000 ))
        echo "run $run --jobs $j: $t ms"
        if [ "$j" = 1 ]; then [ -z "$best1" ] || [ "$t" -lt "$best1" ] && best1=$t; fi
        if [ "$j" = 2 ]; then [ -z "$best2" ] || [ "$t" -lt "$best2" ] && best2=$t; fi
    done
done
passed=0; failed=0
speedup=$(python3 -c "print(f'{$best1 / $best2:.2f}')")
echo "best --jobs 1: $best1 ms, best --jobs 2: $best2 ms, speedup ${speedup}x"
if python3 -c "import sys; sys.exit(0 if $best1 / $best2 >= 1.6 else 1)"; then passed=$((passed + 1)); else echo "FAILED: speedup under 1.6"; failed=$((failed + 1)); fi
if cmp "$WORK/jobs1.jsonl" "$WORK/jobs2.jsonl"; then echo "ok: outputs byte-identical"; passed=$((passed + 1)); else failed=$((failed + 1)); fi
if python3 - "$WORK/corpus" "$WORK/jobs2.jsonl" <<'PY'
import json, os, sys
root, out = sys.argv[1], sys.argv[2]
docs, errors = [], {}
for line in open(out, encoding="utf-8"):
    r = json.loads(line)
    if not docs or docs[-1] != r["doc"]:
        docs.append(r["doc"])
    if r["kind"] == "error":
        errors[r["doc"]] = r["error"]
assert len(docs) == len(set(docs)), "a document's records are not contiguous"
good = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs
              if f.endswith((".txt", ".html", ".htm")) and not f.startswith(".") and "/bad/" not in os.path.join(d, f) + "/"
              and not os.path.relpath(d, root).startswith("bad"))
bad = ["bad/binary.txt", "bad/invalid-utf8.txt", "bad/nul-bytes.html", "bad/too-large.txt", "bad/truncated-utf8.txt"]
missing = [d for d in good if d not in set(docs) or d in errors]
assert not missing, f"good documents missing: {missing[:5]}"
assert all(b in errors for b in bad), f"bad files without an error record: {[b for b in bad if b not in errors]}"
print(f"ok: {len(good)} good documents present, error records for {len(errors)} bad files: {', '.join(sorted(errors))}")
PY
then passed=$((passed + 1)); else failed=$((failed + 1)); fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
