#!/usr/bin/env python3
"""Writes Sources/Dossier/Language/en/ascii_fold.tsv: Latin letters with diacritics and their
lowercase ASCII folding ("ğ" → "g", "Æ" → "ae"), from Unicode's decompositions (Python's
unicodedata). Token keys fold through this table; ICU's transliterator handles the rest."""
import unicodedata
from pathlib import Path

extra = {"ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
         "ł": "l", "Ł": "l", "ı": "i", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ħ": "h", "Ħ": "h",
         "ŋ": "n", "Ŋ": "n", "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "‘": "'", "’": "'", "ĸ": "k", "ŀ": "l", "Ŀ": "l"}
rows = []
for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)) + [0x2018, 0x2019, 0x2BB, 0x2BC, 0x2BF, 0x2BE]:
    ch = chr(cp)
    if ch in extra:
        rows.append((cp, extra[ch]))
        continue
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if base and base.isascii() and base.isalpha():
        rows.append((cp, base.lower()))
out = Path(__file__).resolve().parents[2] / "Sources/Dossier/Language/en/ascii_fold.tsv"
out.write_text("# Code point (hex)<TAB>lowercase ASCII folding, built by Scripts/language/build_ascii_fold.py\n"
               + "".join(f"{cp:04X}\t{s}\n" for cp, s in rows), encoding="utf-8")
print(len(rows), "rows ->", out)
