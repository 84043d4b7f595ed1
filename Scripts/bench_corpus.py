#!/usr/bin/env python3
"""Builds the benchmark corpus for Scripts/bench: distinct English news-style documents, plain text.

    Scripts/bench_corpus.py [--out DIR] [--mb 12] [--seed 8]

Default DIR: $DOSSIER_BENCH_CACHE/corpus-v1 (DOSSIER_BENCH_CACHE defaults to ~/.cache/dossier-bench).
Writes DIR/docs/NNNNNN.txt, DIR/docs.jsonl ({"id", "text"} per line, the same texts, for the peers)
and DIR/MANIFEST (size, count, seed, sources). Never writes inside the repository. Output is
byte-for-byte reproducible for a given seed and repository state.

Why synthetic: no registry this project reaches (PyPI, Debian) ships a sizeable corpus of raw
English news text (checked: Reuters/Brown/20 Newsgroups/BBC/CNN carriers, NLTK data, gensim, trafilatura,
goose3, newspaper3k and friends; they only ship loaders that download at run time). So the corpus is
built from the real news articles in the repository (Corpus/gum-news, the GUM news texts, and the Cockburn
article, ~65 KB), made into distinct documents:
  * each document takes 4-16 paragraphs from random source articles, in a random order;
  * every gold entity mention (person, place, organisation) is replaced, consistently within the
    document, by a random name of the same type from Gazetteers/ (curated people, cities, countries,
    organisations, given name + surname), so names vary across the corpus as in real news;
  * digits are redrawn (years stay plausible), so figures vary too;
  * a headline and a dateline start each document.
Every document is distinct (checked by hash). Sentences repeat across documents with other names and
numbers in them: it is a throughput corpus, not an accuracy one.
"""
import argparse
import hashlib
import json
import os
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def tsv_names(path, min_pop=0):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            continue
        if min_pop:
            m = re.search(r"pop=(\d+)", cols[4] if len(cols) > 4 else "")
            if not m or int(m.group(1)) < min_pop:
                continue
        out.append(cols[2])
    return sorted(set(out))


def word_list(path):
    return [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]


def sources():
    """(name, text, [(start, end, type)]) for each distinct source article, sorted by name."""
    seen = set()
    out = []
    files = sorted((ROOT / "Corpus" / "gum-news").glob("*.txt")) + sorted((ROOT / "Corpus").glob("*.txt"))
    for f in files:
        text = f.read_text(encoding="utf-8")
        h = hashlib.sha1(text.encode()).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        spans = []
        gold = f.with_name(f.stem + ".gold.jsonl")
        if gold.exists():
            for line in gold.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                t = {"person": "person", "organisation": "organisation", "organization": "organisation",
                     "place": "place"}.get(r.get("type"))
                if t and r["text"][:1].isupper() and text[r["start"]:r["end"]] == r["text"]:
                    spans.append((r["start"], r["end"], t))
        out.append((f.stem, text, spans))
    return out


def paragraphs(text, spans):
    """Splits an article at blank lines: (paragraph text, its entity spans relative to it)."""
    out = []
    pos = 0
    for part in re.split(r"(\n\s*\n)", text):
        if part.strip() and not re.fullmatch(r"\n\s*\n", part):
            lo, hi = pos, pos + len(part)
            inner = sorted({(s - lo, e - lo, t) for s, e, t in spans if s >= lo and e <= hi})
            # drop nested spans: keep the outermost
            flat = []
            for s, e, t in inner:
                if flat and s < flat[-1][1]:
                    if e - s > flat[-1][1] - flat[-1][0]:
                        flat[-1] = (s, e, t)
                    continue
                flat.append((s, e, t))
            out.append((part.strip("\n"), flat))
        pos += len(part)
    return out


class Namer:
    def __init__(self, rng):
        g = ROOT / "Gazetteers"
        self.rng = rng
        self.people = tsv_names(g / "people" / "curated.tsv")
        self.given = word_list(g / "names" / "given.txt")
        self.surnames = word_list(g / "names" / "surnames.txt")
        self.places = (tsv_names(g / "places" / "countries.tsv") + tsv_names(g / "places" / "curated.tsv")
                       + tsv_names(g / "places" / "cities.tsv", min_pop=200000))
        self.orgs = tsv_names(g / "organisations" / "curated.tsv")

    def fresh(self, kind):
        r = self.rng
        if kind == "person":
            if r.random() < 0.4 and self.people:
                return r.choice(self.people)
            return f"{r.choice(self.given)} {r.choice(self.surnames)}"
        if kind == "place":
            return r.choice(self.places)
        return r.choice(self.orgs)


def redraw_digits(text, rng):
    def sub(m):
        s = m.group(0)
        if len(s) == 4 and s[:2] in ("19", "20"):
            return str(rng.randint(1990, 2026))
        first = str(rng.randint(1, 9)) if s[0] != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in s[1:])
    return re.sub(r"\d+", sub, text)


def rename(par, spans, mapping, namer):
    out, pos = [], 0
    for s, e, t in spans:
        key = (par[s:e], t)
        if key not in mapping:
            mapping[key] = namer.fresh(t)
        out.append(par[pos:s])
        out.append(mapping[key])
        pos = e
    out.append(par[pos:])
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    cache = Path(os.environ.get("DOSSIER_BENCH_CACHE", Path.home() / ".cache" / "dossier-bench"))
    ap.add_argument("--out", default=str(cache / "corpus-v1"))
    ap.add_argument("--mb", type=float, default=12.0)
    ap.add_argument("--seed", type=int, default=8)
    a = ap.parse_args()
    out = Path(a.out).resolve()
    if ROOT in out.parents or out == ROOT:
        raise SystemExit("bench_corpus: the corpus must live outside the repository")
    rng = random.Random(a.seed)
    namer = Namer(rng)
    srcs = sources()
    pool = []  # (source index, paragraph, spans)
    for i, (_, text, spans) in enumerate(srcs):
        for par, ps in paragraphs(text, spans):
            if len(par) > 80:  # body paragraphs, not headlines or datelines
                pool.append((i, par, ps))
    docs_dir = out / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    for old in docs_dir.glob("*.txt"):
        old.unlink()
    target = int(a.mb * 1_000_000)
    total, n, hashes = 0, 0, set()
    with open(out / "docs.jsonl", "w", encoding="utf-8") as jl:
        while total < target:
            mapping = {}
            k = rng.randint(4, 16)
            chosen = [pool[rng.randrange(len(pool))] for _ in range(k)]
            body = [redraw_digits(rename(p, s, mapping, namer), rng) for _, p, s in chosen]
            first = re.split(r"(?<=[.!?])\s", body[0], maxsplit=1)[0]
            headline = first[:90].rstrip(" ,;:") if len(first) > 20 else "News in brief"
            dateline = f"{rng.choice(DAYS)}, {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2005, 2026)}"
            text = headline + "\n\n" + dateline + "\n\n" + "\n\n".join(body) + "\n"
            h = hashlib.sha1(text.encode()).hexdigest()
            if h in hashes:
                continue
            hashes.add(h)
            doc_id = f"{n:06d}"
            (docs_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            jl.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            total += len(text.encode("utf-8"))
            n += 1
    manifest = {
        "documents": n, "bytes": total, "seed": a.seed, "version": 1,
        "sources": [name for name, _, _ in srcs], "paragraph_pool": len(pool),
    }
    (out / "MANIFEST").write_text(json.dumps(manifest, indent=1) + "\n")
    print(f"bench_corpus: {n} documents, {total / 1e6:.2f} MB in {out}")


if __name__ == "__main__":
    main()
