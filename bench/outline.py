"""Benchmark: in-process time to outline the corpus, against reading and decoding the file.

Prints the median of several runs of each and their ratio. Goal: outline under 50 ms on one core.
Usage: python bench/outline.py [REPORT.txt] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from kartoteka.ingest import load_source
from kartoteka.structure import read_report

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "JPRS-UPA-89-042.txt"


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if not Path(args.path).is_file():
        print(f"skipped: corpus not found at {args.path}")
        return 0
    source = load_source(args.path)
    read_report(source)  # warm up imports and regex caches
    baseline = median_seconds(lambda: load_source(args.path), args.runs)
    outline = median_seconds(lambda: read_report(source), args.runs)
    print(f"report: {args.path} ({source.chars:,} characters)")
    print(f"baseline  read+decode file : {baseline * 1000:8.2f} ms (median of {args.runs})")
    print(f"kartoteka outline          : {outline * 1000:8.2f} ms (median of {args.runs})")
    print(f"ratio outline / read+decode: {outline / baseline:8.1f}x   goal: outline < 50 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
