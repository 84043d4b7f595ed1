#!/usr/bin/env python3
"""Validate Dossier gazetteer files and print counts. Run from the repo root:

    python3 Scripts/gazetteers/check.py

Exit status 1 if any TSV row is malformed or an id is duplicated.
"""
from __future__ import annotations

import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.abspath(os.path.join(HERE, "..", "..", "Gazetteers"))
TYPES = {"person", "place", "organisation"}
FLAG = re.compile(r"^(common|pop=\d+|country=[A-Z]{2})$")
ID = re.compile(r"^(geonames:\d+|iso3166:[A-Z]{2}|iso3166-2:[A-Z]{2}-[A-Z0-9]{1,3}|dossier:[a-z0-9]+(-[a-z0-9]+)*)$")


def check_tsv(path, errors, all_ids):
    rel = os.path.relpath(path, GAZ)
    entries = names = 0
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            where = f"{rel}:{ln}"
            if len(cols) != 5:
                errors.append(f"{where}: {len(cols)} columns")
                continue
            rid, typ, canon, aliases, flags = cols
            if not ID.match(rid):
                errors.append(f"{where}: bad id {rid!r}")
            if rid in all_ids:
                errors.append(f"{where}: duplicate id {rid} (first in {all_ids[rid]})")
            all_ids.setdefault(rid, where)
            if typ not in TYPES:
                errors.append(f"{where}: bad type {typ!r}")
            if not canon.strip() or canon != canon.strip():
                errors.append(f"{where}: empty or padded canonical")
            al = aliases.split("|") if aliases else []
            for a in al:
                if not a.strip() or a != a.strip():
                    errors.append(f"{where}: empty or padded alias in {aliases!r}")
            if canon in al:
                errors.append(f"{where}: canonical repeated as alias")
            if len(set(al)) != len(al):
                errors.append(f"{where}: duplicate alias")
            for fl in (flags.split(",") if flags else []):
                if not FLAG.match(fl):
                    errors.append(f"{where}: bad flag {fl!r}")
            entries += 1
            names += 1 + len(al)
    return entries, names


def check_list(path, errors):
    rel = os.path.relpath(path, GAZ)
    seen = set()
    n = 0
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line != line.strip() or "\t" in line:
                errors.append(f"{rel}:{ln}: bad name {line!r}")
            if line in seen:
                errors.append(f"{rel}:{ln}: duplicate {line!r}")
            seen.add(line)
            n += 1
    return seen


def check_demonyms(path, errors, place_names):
    rel = os.path.relpath(path, GAZ)
    n = 0
    seen = set()
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            where = f"{rel}:{ln}"
            if len(cols) != 3:
                errors.append(f"{where}: {len(cols)} columns")
                continue
            dem, place, kind = cols
            if not dem.strip():
                errors.append(f"{where}: empty demonym")
            if dem in seen:
                errors.append(f"{where}: duplicate demonym {dem!r}")
            seen.add(dem)
            if kind not in {"nationality", "ethnic", "religious", "regional"}:
                errors.append(f"{where}: bad kind {kind!r}")
            if place and place not in place_names:
                errors.append(f"{where}: place {place!r} is not a canonical place name")
            n += 1
    return n


def main():
    errors = []
    ids = {}
    total_entries = total_names = 0
    place_canon = set()
    for path in sorted(glob.glob(os.path.join(GAZ, "**", "*.tsv"), recursive=True)):
        if os.path.basename(path) == "demonyms.tsv":
            continue
        e, n = check_tsv(path, errors, ids)
        total_entries += e
        total_names += n
        print(f"{os.path.relpath(path, GAZ)}\t{e} entries\t{n} names")
        if "/places/" in path:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if not line.startswith("#") and line.count("\t") == 4:
                        place_canon.add(line.split("\t")[2])
    dem = os.path.join(GAZ, "demonyms.tsv")
    if os.path.exists(dem):
        n = check_demonyms(dem, errors, place_canon)
        total_names += n
        print(f"demonyms.tsv\t{n} demonyms")
    for path in sorted(glob.glob(os.path.join(GAZ, "names", "*.txt"))):
        s = check_list(path, errors)
        total_names += len(s)
        print(f"{os.path.relpath(path, GAZ)}\t{len(s)} names")
    print(f"TOTAL\t{total_entries} entity rows\t{total_names} names (canonicals + aliases + demonyms + name lists)")
    for e in errors[:50]:
        print("ERROR", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} errors", file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
