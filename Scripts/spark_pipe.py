#!/usr/bin/env python3
"""Runs a corpus through `dossier batch` under PySpark in local mode, with `RDD.pipe`: each
partition of JSON Lines documents is piped through `dossier batch - --output -`, a streaming
filter that reads documents on standard input and writes their records on standard output.
The same pipe works on a cluster (ship the binary with --files or install it on the workers);
Hadoop Streaming and GNU parallel drive it the same way.

    pip install pyspark        # Java 17 must be on the machine
    Scripts/spark_pipe.py CORPUS --output records.jsonl [--dossier PATH] [--partitions N] [--master local[2]]

CORPUS is a .jsonl file of documents ({"id": …, "text": …} or {"id": …, "html": …}, one a line)
or a folder, whose .txt/.html/.htm files become such documents with ids relative to the folder,
in the order `dossier batch FOLDER` reads them (files that are not UTF-8 are left out with a
warning: `dossier batch` reads those itself and writes error records). Records come back in
input order: partitions are contiguous ranges of lines and are collected in order, so the output
equals `dossier batch CORPUS.jsonl --output …` byte for byte.
"""
import argparse
import json
import os
import shlex
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_dossier(explicit):
    if explicit:
        return os.path.abspath(explicit)
    for build in (".build/release", ".build-batch/release", ".build/debug", ".build-batch/debug"):
        candidate = ROOT / build / "dossier"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("dossier")
    if found:
        return found
    sys.exit("spark_pipe: no dossier binary found; build it (swift build -c release) or pass --dossier")


def folder_documents(folder):
    """JSON lines for a folder's documents, depth first, each folder's entries in byte order."""
    folder = Path(folder)

    def walk(path, prefix):
        names = sorted((n for n in os.listdir(path) if not n.startswith(".")), key=lambda n: n.encode("utf-8"))
        for name in names:
            full = os.path.join(path, name)
            if os.path.isdir(full):
                yield from walk(full, prefix + name + "/")
            elif os.path.isfile(full) and name.lower().rsplit(".", 1)[-1] in ("txt", "html", "htm") and "." in name:
                yield prefix + name, full

    for doc_id, full in walk(folder, ""):
        data = open(full, "rb").read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            print(f"spark_pipe: {full}: not UTF-8, left out", file=sys.stderr)
            continue
        key = "html" if doc_id.lower().endswith((".html", ".htm")) else "text"
        yield json.dumps({"id": doc_id, key: text.removeprefix("\ufeff")}, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="a .jsonl file of documents, or a folder")
    ap.add_argument("--output", required=True, help="where to write the records (JSON Lines)")
    ap.add_argument("--dossier", help="the dossier binary (default: the repository's build)")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--jobs", type=int, default=1, help="--jobs of each dossier process (Spark runs one per partition)")
    a = ap.parse_args()

    dossier = find_dossier(a.dossier)
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster(a.master).setAppName("dossier-batch").set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        if os.path.isdir(a.corpus):
            lines = sc.parallelize(list(folder_documents(a.corpus)), a.partitions)
        else:
            # Blank lines are no documents for dossier either; drop them so partitions stay dense.
            lines = sc.textFile(os.path.abspath(a.corpus), a.partitions).filter(lambda line: line.strip() != "")
        command = [dossier, "batch", "-", "--output", "-", "--quiet", "--jobs", str(a.jobs)]
        records = lines.pipe(shlex.join(command), checkCode=True)
        count = 0
        with open(a.output, "w", encoding="utf-8", newline="\n") as out:
            # toLocalIterator walks the partitions in order: records stay in input order.
            for record in records.toLocalIterator():
                out.write(record + "\n")
                count += 1
        print(f"spark_pipe: {count} records from {lines.getNumPartitions()} partitions in {a.output}", file=sys.stderr)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
