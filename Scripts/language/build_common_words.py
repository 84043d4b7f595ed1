#!/usr/bin/env python3
"""Writes Sources/Dossier/Language/en/common_words.txt: the most frequent English words (wordfreq,
Zipf scale), lowercase and alphabetic. The name rules use it to tell everyday words ("Red",
"Cross", "Passion") from names that no list holds.

usage: pip install wordfreq==3.1.1 && python3 Scripts/language/build_common_words.py [N]
Source: wordfreq (Robyn Speer), data CC BY-SA 4.0 (see wordfreq's README)."""
import sys
from pathlib import Path
from wordfreq import top_n_list

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
out = Path(__file__).resolve().parents[2] / "Sources/Dossier/Language/en/common_words.txt"
words = [w for w in top_n_list("en", n * 2) if w.isalpha() and w.isascii() and len(w) >= 2][:n]
out.write_text(
    "# The most frequent English words, lowercase (wordfreq 3.1.1, CC BY-SA 4.0), built by\n"
    "# Scripts/language/build_common_words.py. Everyday words, for telling names from words.\n"
    + "\n".join(words) + "\n", encoding="utf-8")
print(f"{len(words)} words -> {out}")
