#!/usr/bin/env python3
"""Makes a test corpus for `dossier batch` from the repository's Corpus/ texts: documents that mix,
reorder and vary paragraphs of the GUM news texts and the Cockburn article (plain text, CRLF, a
byte-order mark, HTML pages with navigation and comments), in nested folders, plus bad files.

    Scripts/batch_corpus.py OUT_DIR [--docs 3000] [--seed 1] [--bad] [--jsonl FILE]

--bad adds documents that must become error records: invalid UTF-8, binary data, a file over
--max-doc-bytes (use --max-doc-bytes 2000000 with the batch run; the file is 3 MB), and a folder
that cannot be read when not run as root. --jsonl also writes the good documents as JSON Lines
({"id", "text"} or {"id", "html"}; --broken-line adds one that is not JSON) in the order `dossier batch` reads
the folder. Nothing is written inside the repository unless OUT_DIR is there.
"""
import argparse
import json
import os
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paragraphs():
    texts = sorted((ROOT / "Corpus" / "gum-news").glob("*.txt")) + sorted(ROOT.glob("Corpus/*.txt"))
    out = []
    for t in texts:
        for p in t.read_text(encoding="utf-8").split("\n\n"):
            if p.strip():
                out.append(p.strip())
    return out


def html_page(title, paras, rng):
    body = "\n".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>" for p in paras)
    nav = "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/sport'>Sport</a></nav>"
    comments = ""
    if rng.random() < 0.5:
        comments = ("<div class='comments'><div class='comment'><p>Jane Doe says:</p>"
                    "<p>The minister said nothing new.</p></div></div>")
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{nav}"
            f"<article><h1>{title}</h1>{body}</article>{comments}<footer>© News Ltd</footer></body></html>")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bad", action="store_true")
    ap.add_argument("--jsonl")
    ap.add_argument("--broken-line", action="store_true", help="put one line that is not JSON in the --jsonl file")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    paras = paragraphs()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    docs = []
    for i in range(a.docs):
        n = rng.randint(3, 14)
        start = rng.randrange(len(paras))
        chosen = [paras[(start + k) % len(paras)] for k in range(n)]
        if rng.random() < 0.3:
            rng.shuffle(chosen)
        title = chosen[0].split(".")[0][:80]
        folder = f"part{i % 7}/sec{i % 3}"
        kind = rng.random()
        if kind < 0.2:
            name, content, fmt = f"{folder}/doc{i:05d}.html", html_page(title, chosen[1:], rng), "html"
        elif kind < 0.25:
            name, content, fmt = f"{folder}/doc{i:05d}.htm", html_page(title, chosen[1:], rng), "html"
        else:
            text = "\n\n".join(chosen) + "\n"
            if rng.random() < 0.1:
                text = text.replace("\n", "\r\n")
            name, content, fmt = f"{folder}/doc{i:05d}.txt", text, "text"
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8")
        if fmt == "text" and rng.random() < 0.05:
            data = b"\xef\xbb\xbf" + data
        path.write_bytes(data)
        docs.append((name, content, fmt))
    (out / "part0" / "notes.md").write_text("not a document\n")
    (out / "part0" / ".hidden.txt").write_text("hidden, skipped\n")
    if a.bad:
        bad = out / "bad"
        bad.mkdir(exist_ok=True)
        (bad / "invalid-utf8.txt").write_bytes(b"Officials said \xff\xfe 300 people died.\n")
        (bad / "truncated-utf8.txt").write_bytes("Café in Baghdad".encode("utf-8")[:4])
        (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        (bad / "nul-bytes.html").write_bytes(b"<html>" + b"\x00" * 500 + b"</html>")
        (bad / "too-large.txt").write_bytes(b"The minister said 40 people died.\n" * 90000)
        (bad / "empty.txt").write_bytes(b"")
        locked = bad / "locked"
        locked.mkdir(exist_ok=True)
        (locked / "x.txt").write_text("locked away\n")
        os.chmod(locked, 0)
    if a.jsonl:
        def key(name):
            return name.encode("utf-8")
        # `dossier batch` walks folders depth first with each folder's entries in byte order.
        def walk_order(name):
            return [p.encode("utf-8") for p in name.split("/")]
        with open(a.jsonl, "w", encoding="utf-8") as f:
            for k, (name, content, fmt) in enumerate(sorted(docs, key=lambda d: walk_order(d[0]))):
                f.write(json.dumps({"id": name, fmt: content}, ensure_ascii=rng.random() < 0.5) + "\n")
                if k == 10 and a.broken_line:
                    f.write('{"id": "broken", "text": \n')
            f.write(json.dumps({"id": 42, "text": "Prime Minister Haider al-Abadi said on Monday that 12 people died."}) + "\n")
    print(f"{a.docs} documents in {out}" + (" with bad files" if a.bad else ""))


if __name__ == "__main__":
    main()
