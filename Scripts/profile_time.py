#!/usr/bin/env python3
"""Where the time goes, per pipeline stage: `perf record` (the software clock, which works in this
sandbox) over the whole bench corpus on one core, then each sample is charged to the outermost
pipeline stage on its call stack.

    Scripts/profile_time.py [BINARY] [--stage NAME] [--top N]

BINARY defaults to .build-perf/release/dossier. `--stage NAME` also lists the functions where that
stage's samples land. Samples with no usable stack (ICU is built without frame pointers) are
charged to the library they land in. Percentages vary by a point or two from run to run;
`Scripts/profile_stages.sh` gives exact instruction counts instead.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("DOSSIER_BENCH_CACHE", Path.home() / ".cache" / "dossier-bench")) / "corpus-v1"

# The type that opens each stage, as it appears in Swift's mangled names.
STAGES = {
    "DocumentReader": "read", "ZoneDetector": "zones", "Tokenizer": "tokens", "SentenceSplitter": "sentences",
    "MatchContext": "match context", "EntityRecognizer": "entities", "AliasResolver": "alias",
    "RepeatedNameResolver": "repeated names", "MetonymyResolver": "metonymy", "FigureExtractor": "figures",
    "QuoteExtractor": "quotes", "RecordBuilder": "records", "JSONLinesWriter": "JSON writing",
    "PipelineArguments": "start-up", "Gazetteer": "start-up", "LanguageData": "start-up",
    "Pipeline": "pipeline (stages inlined into it, freeing each document)",
}
MANGLED = re.compile(r"\$s7(Dossier|ICUText|dossier)(\d+)")


def type_of(frame):
    m = MANGLED.search(frame)
    return frame[m.end():m.end() + int(m.group(2))] if m else None


def stage_of(stack):
    for frame in reversed(stack):  # outermost first
        t = type_of(frame)
        if t == "Pipeline" and "cached" in frame:
            return "start-up"
        if t in STAGES and t != "Pipeline":
            return STAGES[t]
    for frame in stack:  # innermost Pipeline frame: a stage inlined into it
        if type_of(frame) == "Pipeline":
            return STAGES["Pipeline"]
    if any(type_of(f) == "ExtractCommand" for f in stack):
        return "command loop (reading files, freeing records)"
    leaf = stack[0]
    if "libicu" in leaf:
        return "ICU (no call stack)"
    if "kernel" in leaf:
        return "kernel"
    return "other"


def symbol(frame):
    parts = frame.split()
    return parts[1].rsplit("+", 1)[0] if len(parts) > 1 else frame


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary", nargs="?", default=str(ROOT / ".build-perf" / "release" / "dossier"))
    ap.add_argument("--stage")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    if not (CORPUS / "docs").is_dir():
        sys.exit(f"no bench corpus in {CORPUS}: run Scripts/bench first")
    binary = os.path.realpath(args.binary)
    docs = sorted(p.name for p in (CORPUS / "docs").iterdir())
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "perf.data")
        cmd = [binary, "extract"] + [f"docs/{d}" for d in docs]
        subprocess.run([binary, "extract", f"docs/{docs[0]}"], cwd=CORPUS, stdout=subprocess.DEVNULL, check=True)
        subprocess.run(["perf", "record", "-q", "-F", "20000", "-g", "-o", data, "--", "taskset", "-c", "0"] + cmd,
                       cwd=CORPUS, stdout=subprocess.DEVNULL, check=True)
        script = subprocess.run(["perf", "script", "-i", data], capture_output=True, text=True, check=True).stdout
    stages, leaves = collections.Counter(), collections.Counter()
    total = 0
    for block in script.split("\n\n"):
        stack = [line.strip() for line in block.splitlines()[1:] if line[:1] in (" ", "\t")]
        if not stack:
            continue
        total += 1
        stage = stage_of(stack)
        stages[stage] += 1
        if stage == args.stage:
            leaves[symbol(stack[0])] += 1
    print(f"{total} samples ({len(docs)} documents)")
    for name, n in stages.most_common():
        print(f"{100 * n / total:6.2f}%  {name}")
    if args.stage:
        print(f"\n{args.stage}: where its samples land")
        for name, n in leaves.most_common(args.top):
            print(f"{100 * n / total:6.2f}%  {name[:110]}")


if __name__ == "__main__":
    main()
