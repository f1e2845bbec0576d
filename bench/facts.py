"""Benchmark: the fact layer on the corpus, against the reader (outline) in the same run.

Prints the median time of `find_facts` (given the report, repaired reading and persons, which are
computed once) and of each earlier stage, and the ratio of facts to outline. The whole-pipeline
comparison with spaCy is `bench/entities.py`.
Usage: python bench/facts.py [REPORT.txt] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "JPRS-UPA-89-042.txt"


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not Path(args.path).is_file():
        print(f"skipped: corpus not found at {args.path}")
        return 0
    from kartoteka.facts import find_facts
    from kartoteka.ingest import load_source
    from kartoteka.repair import repair
    from kartoteka.resolve import find_persons
    from kartoteka.structure import read_report

    source = load_source(args.path)
    report = read_report(source)
    repaired = repair(source)
    persons = find_persons(report, repaired)
    result = find_facts(report, repaired, persons)  # warm-up
    rows = [
        ("outline (baseline)", median_seconds(lambda: read_report(source), args.runs)),
        ("repair", median_seconds(lambda: repair(source), args.runs)),
        ("persons", median_seconds(lambda: find_persons(report, repaired), args.runs)),
        ("facts", median_seconds(lambda: find_facts(report, repaired, persons), args.runs)),
    ]
    print(f"report: {args.path}; {len(result.facts)} facts, {len(result.aggregates)} aggregates")
    print(f"{'stage':22} {'CPU s (median of ' + str(args.runs) + ')':>24}")
    for name, seconds in rows:
        print(f"{name:22} {seconds:24.3f}")
    print(f"ratio facts / outline: {rows[3][1] / rows[0][1]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
