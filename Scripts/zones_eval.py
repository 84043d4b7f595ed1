#!/usr/bin/env python3
"""Scores `dossier text --zone body` against gold article bodies with word-shingle precision,
recall and F1 (the measure of article-extraction benchmarks: bags of word n-grams, so line
wrapping and paragraph breaks do not matter).

    python3 Scripts/zones_eval.py [--bin .build-zones/debug/dossier] [--pages Corpus/pages] [--n 4]
                                  [--show-worst 5] [--json out.json]

Pages: <pages>/<split>/<template>/<name>.html and .txt (the text dump of the same page), gold in
<name>.body.txt. Prints micro-averaged P/R/F1 per split and format, then per template, plus the
baseline of taking the whole text. Exit status 0.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"\w+", re.U)


def shingles(text, n):
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < n:
        return collections.Counter([tuple(words)]) if words else collections.Counter()
    return collections.Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def score(pred, gold, n):
    p, g = shingles(pred, n), shingles(gold, n)
    tp = sum((p & g).values())
    return tp, sum(p.values()), sum(g.values())


def prf(tp, np_, ng):
    pr = tp / np_ if np_ else (1.0 if not ng else 0.0)
    rc = tp / ng if ng else 1.0
    f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f


def run(binary, path, zone):
    args = [binary, "text"] + (["--zone", zone] if zone else []) + [path]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        print("error: %s: %s" % (path, r.stderr.strip()), file=sys.stderr)
    return r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build-zones/debug/dossier")
    ap.add_argument("--pages", default="Corpus/pages")
    ap.add_argument("--n", type=int, default=4)
    ap.add_argument("--show-worst", type=int, default=0)
    ap.add_argument("--baseline", action="store_true", help="also score the whole text")
    ap.add_argument("--json")
    a = ap.parse_args()
    totals = collections.defaultdict(lambda: [0, 0, 0])
    per_doc = []
    for split in sorted(os.listdir(a.pages)):
        sd = os.path.join(a.pages, split)
        if not os.path.isdir(sd):
            continue
        for tmpl in sorted(os.listdir(sd)):
            td = os.path.join(sd, tmpl)
            for f in sorted(os.listdir(td)):
                if not f.endswith(".body.txt"):
                    continue
                name = f[:-len(".body.txt")]
                gold = open(os.path.join(td, f), encoding="utf-8").read()
                for fmt, ext in (("html", ".html"), ("dump", ".txt")):
                    path = os.path.join(td, name + ext)
                    pred = run(a.bin, path, "body")
                    s = score(pred, gold, a.n)
                    per_doc.append((split, tmpl, name, fmt, s, prf(*s)[2]))
                    for key in ((split, fmt, "*"), (split, fmt, tmpl)):
                        for i in range(3):
                            totals[key][i] += s[i]
                    if a.baseline:
                        whole = score(run(a.bin, path, None), gold, a.n)
                        for i in range(3):
                            totals[(split, fmt, "whole text")][i] += whole[i]
    print("%-8s %-5s %-12s %6s %6s %6s" % ("split", "fmt", "template", "P", "R", "F1"))
    out = {}
    for key in sorted(totals, key=lambda k: (k[0], k[1], k[2] != "*", k[2])):
        p, r, f = prf(*totals[key])
        out["/".join(key)] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        print("%-8s %-5s %-12s %6.3f %6.3f %6.3f" % (key[0], key[1], "ALL" if key[2] == "*" else key[2], p, r, f))
    if a.show_worst:
        print("\nworst pages:")
        for split, tmpl, name, fmt, s, f in sorted(per_doc, key=lambda d: d[5])[:a.show_worst]:
            p, r, _ = prf(*s)
            print("  %.3f (P %.3f R %.3f) %s/%s/%s %s" % (f, p, r, split, tmpl, name, fmt))
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(out, fh, indent=1)


if __name__ == "__main__":
    main()
