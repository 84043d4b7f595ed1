#!/usr/bin/env bash
# Builds the libFuzzer target for the Dossier pipeline and runs it on Fuzz/corpus.
#
#   Fuzz/run.sh [SECONDS] [extra libFuzzer flags…]     default 600 s
#   Fuzz/run.sh build                                  only build
#   Fuzz/run.sh repro FILE…                            run the target once on each file
#   Fuzz/run.sh minimize                               shrink the corpus to the inputs that add coverage
#
# The corpus grows in Fuzz/corpus (kept small: inputs of at most 4 KiB). Crashes land in
# Fuzz/crashes as crash-*/timeout-*/oom-*; turn each into a regression test in
# Tests/DossierTests/HardeningRegressionTests.swift. Run it under `nice -n 19` next to other work.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scratch="$here/.build-fuzz"
mkdir -p "$here/corpus" "$here/crashes"

build() {
    # SwiftPM does not notice files added to a path dependency: drop the build plan so that it
    # scans the root package's sources again (compiled objects are kept).
    rm -f "$scratch/release.yaml"
    swift build -c release --package-path "$here" --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld >&2
}
binary() { echo "$(swift build -c release --package-path "$here" --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld --show-bin-path)/DossierFuzz"; }

case "${1:-}" in
    build) build; exit 0 ;;
    repro) shift; build; exec "$(binary)" -runs=1 "$@" ;;
    minimize)
        # Keeps a small set of inputs with the same coverage (libFuzzer's set-cover merge), plus the
        # hand-written seeds.
        build
        rm -rf "$here/corpus.min" && mkdir "$here/corpus.min"
        "$(binary)" -set_cover_merge=1 -max_len=4096 -timeout=20 "$here/corpus.min" "$here/corpus" >&2
        for seed in "$here"/corpus/*; do
            [[ "$(basename "$seed")" =~ ^[0-9a-f]{40}$ ]] || cp "$seed" "$here/corpus.min/"
        done
        rm -rf "$here/corpus" && mv "$here/corpus.min" "$here/corpus"
        echo "corpus: $(ls "$here/corpus" | wc -l) files, $(du -sh "$here/corpus" | cut -f1)" >&2
        exit 0 ;;
esac

seconds="${1:-600}"
shift || true
build
bin="$(binary)"
# -rss_limit_mb: a leak or blow-up shows as oom-*; -timeout: a single input over 20 s is a hang.
exec "$bin" "$here/corpus" \
    -max_total_time="$seconds" -max_len=4096 -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$here/crashes/" -dict="$here/dossier.dict" -print_final_stats=1 "$@"
