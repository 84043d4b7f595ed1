"""Shared helpers for the Dossier gazetteer build (hand-written, project licence)."""
from __future__ import annotations

import functools
import os
import re
import unicodedata

from anyascii import anyascii

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
GAZ = os.path.join(REPO, "Gazetteers")
DATA = os.path.join(HERE, "data")

# A word counts as a "common English word" when its lowercase form is a
# lowercase entry of Webster's 2nd (english-words package, "web2" list) AND
# its wordfreq Zipf frequency is at least this (about once per 600k words).
COMMON_ZIPF = 3.2


def latin_only(s: str) -> bool:
    """True when every letter of s is a Latin-script letter."""
    for ch in s:
        if ch.isalpha():
            try:
                name = unicodedata.name(ch)
            except ValueError:
                return False
            if not name.startswith("LATIN"):
                return False
    return True


def fold(s: str) -> str:
    """ASCII fold of a Latin-script name: 'Erdoğan' -> 'Erdogan'."""
    out = anyascii(s)
    out = out.replace("`", "'")
    out = re.sub(r"\s+", " ", out).strip()
    return out


def slug(s: str) -> str:
    s = fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


@functools.lru_cache(maxsize=1)
def web2_lower() -> frozenset:
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=False)
    return frozenset(w for w in words if w.islower())


@functools.lru_cache(maxsize=1)
def not_common() -> frozenset:
    return frozenset(read_list(os.path.join(DATA, "not_common_words.txt")))


def read_list(path: str) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


@functools.lru_cache(maxsize=None)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def common_word(name: str) -> bool:
    """Is this single-token name also a common lowercase English word?"""
    if " " in name or "-" in name:
        return False
    w = name.lower()
    if w in not_common():
        return False
    return w in web2_lower() and zipf(w) >= COMMON_ZIPF


def write_tsv(path: str, header: list[str], rows: list[tuple]) -> int:
    """rows: (id, type, canonical, aliases list, flags list). Sorted by id."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n")
        f.write("# id\ttype\tcanonical\taliases\tflags\n")
        for rid, typ, canon, aliases, flags in sorted(rows, key=lambda r: sort_key(r[0])):
            for field in (rid, typ, canon, *aliases, *flags):
                assert "\t" not in field and "\n" not in field and "|" not in field, field
            f.write("\t".join([rid, typ, canon, "|".join(aliases), ",".join(flags)]) + "\n")
            n += 1
    return n


def sort_key(rid: str):
    prefix, _, rest = rid.partition(":")
    if rest.isdigit():
        return (prefix, int(rest), "")
    return (prefix, 0, rest)


def clean_aliases(canon: str, aliases, casefold: bool = True) -> list[str]:
    """Dedupe (case-insensitive unless casefold=False), drop the canonical, keep order."""
    key = (lambda x: x.casefold()) if casefold else (lambda x: x)
    seen = {key(canon)}
    out = []
    for a in aliases:
        a = re.sub(r"\s+", " ", a.replace("|", " ")).strip()
        if not a or key(a) in seen:
            continue
        seen.add(key(a))
        out.append(a)
    return out
