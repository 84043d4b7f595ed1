#!/usr/bin/env bash
# Checks that Scripts/spark_pipe.py (PySpark local mode, RDD.pipe through `dossier batch - --output -`)
# writes the same records, byte for byte, as `dossier batch` on the same JSON Lines corpus.
# Not part of `swift test`: it needs pyspark (pip install pyspark) and Java 17.
#
#   Scripts/spark_pipe_check.sh [DOSSIER_BINARY] [DOCS]
set -euo pipefail
cd "$(dirname "$0")/.."
DOSSIER=${1:-}
DOCS=${2:-300}
if [ -z "$DOSSIER" ]; then
    for b in .build/release/dossier .build-batch/release/dossier .build/debug/dossier .build-batch/debug/dossier; do
        if [ -x "$b" ]; then DOSSIER=$b; break; fi
    done
fi
[ -x "$DOSSIER" ] || { echo "spark_pipe_check: build dossier first (swift build -c release)" >&2; exit 2; }
python3 -c "import pyspark" 2>/dev/null || { echo "spark_pipe_check: pip install pyspark" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 Scripts/batch_corpus.py "$WORK/corpus" --docs "$DOCS" --seed 7 --jsonl "$WORK/docs.jsonl" > /dev/null

passed=0; failed=0
check() { # name expected actual
    if cmp -s "$2" "$3"; then
        echo "ok: $1 ($(wc -l < "$3") records)"; passed=$((passed + 1))
    else
        echo "FAILED: $1: $2 and $3 differ"; cmp "$2" "$3" | head -3 || true; failed=$((failed + 1))
    fi
}

"$DOSSIER" batch "$WORK/docs.jsonl" --output "$WORK/expected.jsonl" --quiet
python3 Scripts/spark_pipe.py "$WORK/docs.jsonl" --output "$WORK/spark.jsonl" --dossier "$DOSSIER" --partitions 5 2> "$WORK/spark.log" || { cat "$WORK/spark.log" >&2; exit 1; }
check "spark_pipe.py on a JSONL corpus = dossier batch" "$WORK/expected.jsonl" "$WORK/spark.jsonl"

# A folder: spark_pipe.py turns it into JSON lines; dossier batch reads the files itself.
"$DOSSIER" batch "$WORK/corpus" --output "$WORK/expected-folder.jsonl" --quiet
python3 Scripts/spark_pipe.py "$WORK/corpus" --output "$WORK/spark-folder.jsonl" --dossier "$DOSSIER" --partitions 3 2> "$WORK/spark-folder.log" || { cat "$WORK/spark-folder.log" >&2; exit 1; }
check "spark_pipe.py on a folder = dossier batch" "$WORK/expected-folder.jsonl" "$WORK/spark-folder.jsonl"

# The streaming filter alone, as GNU parallel or Hadoop Streaming would run it.
"$DOSSIER" batch - --output - --quiet < "$WORK/docs.jsonl" > "$WORK/filter.jsonl"
check "dossier batch - --output - = dossier batch" "$WORK/expected.jsonl" "$WORK/filter.jsonl"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
