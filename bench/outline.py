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


def median_seconds(fn, runs: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        t = clock()
        fn()
        times.append(clock() - t)
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
    print(f"report: {args.path} ({source.chars:,} characters); median of {args.runs} runs")
    print(f"{'':28} {'wall ms':>9} {'CPU ms':>9}")
    rows = []
    for name, fn in (("baseline read+decode file", lambda: load_source(args.path)),
                     ("kartoteka outline", lambda: read_report(source))):
        wall = median_seconds(fn, args.runs)
        cpu = median_seconds(fn, args.runs, time.process_time)
        rows.append((wall, cpu))
        print(f"{name:28} {wall * 1000:9.2f} {cpu * 1000:9.2f}")
    (bw, bc), (ow, oc) = rows
    print(f"ratio outline / read+decode: {ow / bw:.1f}x wall, {oc / bc:.1f}x CPU   goal: outline < 50 ms on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
