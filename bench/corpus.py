"""Corpus-scale benchmark of the store: ingest throughput (1 vs 2 workers), search latency, size, memory.

Builds N synthetic reports (~80 KB each) at run time in a temporary folder from shuffled paragraphs of
the shared corpus, each with its own report number and header (never written into the project), then:

- ingest reports/s with 1 process (baseline) and with `--workers 2` (Dask) on `--ingest-n` reports;
- peak RSS of every process of each ingest run (sampled with psutil);
- search latency p50/p95 over a store of `--search-n` reports, 50 fixed queries (20 names incl. other
  spellings, 15 phrases, 10 prefixes, 5 boolean), top 20 hits with snippets;
- store size per report.

    .venv/bin/python bench/corpus.py                       # 200 reports for ingest, 1000 for search
    .venv/bin/python bench/corpus.py --ingest-n 40 --search-n 100
    .venv/bin/python bench/corpus.py --search-db kartoteka.db      # search latency on an existing store
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("KARTOTEKA_CORPUS", ROOT.parent / "shared" / "corpus" / "JPRS-UPA-89-042.txt"))
REPORT_BYTES = 80_000

NAMES = ["Stalin", "Zinoviev", "Zinovyev", "Kamenev", "Bukharin", "Yezhov", "Ежов", "Ezhov", "Trotsky", "Kirov",
         "Molotov", "Kaganovich", "Ordzhonikidze", "Rykov", "Tukhachevsky", "Yagoda", "Vyshinsky", "Lenin",
         "Krupskaya", "Kalinin"]
PHRASES = ['"Central Committee"', '"Supreme Soviet"', '"party congress"', '"five-year plan"', '"cult of personality"',
           '"Red Army"', '"people\'s commissar"', '"Old Bolsheviks"', '"Civil War"', '"political prisoners"',
           '"Council of People\'s Commissars"', '"death sentence"', '"secret police"', '"Politburo members"',
           '"Seventeenth Party Congress"']
PREFIXES = ["repress*", "collectiv*", "rehabilit*", "arrest*", "Trotsk*", "industrial*", "purg*", "terror*",
            "Bolshev*", "opposit*"]
BOOLEAN = ["Stalin AND Trotsky", "Kirov NOT Leningrad", "Bukharin OR Rykov", "(Zinoviev OR Kamenev) AND trial",
           '"Central Committee" AND plenum']
QUERIES = NAMES + PHRASES + PREFIXES + BOOLEAN
assert len(QUERIES) == 50


def paragraphs() -> list[str]:
    text = CORPUS.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if len(p.strip()) > 300]


def build_reports(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """`n` synthetic reports in JPRS form, each from ~80 KB of shuffled corpus paragraphs."""
    paras = paragraphs()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    out = []
    for i in range(n):
        year = 88 + i % 4
        number = f"JPRS-UPA-{year}-{i % 900 + 100:03d}-{i // 900}" if n > 900 else f"JPRS-UPA-{year}-{i + 100:03d}"
        date = f"{1 + i % 28} {months[i % 12]} 19{year}"
        head = (f"{number}\n\nJPRS Report\n\nSoviet Union\n\nPolitical Affairs\n\n"
                f"{number}                    CONTENTS                    {date}\n\n"
                f"HISTORY\n\nSynthetic Report {i} ........................ 1\n\nHISTORY\n\nSynthetic Report {i}\n\n"
                f"{18300000 + i}a Moscow ZNAMYA in Russian No {1 + i % 12}, {months[i % 12].title()} {year} pp 1-40\n\n"
                "[Text] ")
        body: list[str] = []
        size = len(head)
        while size < REPORT_BYTES:
            p = rng.choice(paras)
            body.append(p)
            size += len(p) + 2
        path = folder / f"synthetic_{i:04d}.txt"
        path.write_text(head + "\n\n".join(body) + "\n", encoding="utf-8")
        out.append(path)
    return out


class RssSampler:
    """Peak RSS of a process and all its descendants, sampled every 100 ms."""

    def __init__(self, pid: int):
        import psutil

        self.root = psutil.Process(pid)
        self.peaks: dict[int, tuple[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                try:
                    rss = p.memory_info().rss
                    name = " ".join(p.cmdline()[1:4])[-60:]
                except psutil.Error:
                    continue
                if rss > self.peaks.get(p.pid, ("", 0))[1]:
                    self.peaks[p.pid] = (name, rss)
            time.sleep(0.1)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    seconds: float
    reports: int  # reports written by this run (new or re-derived)
    cpu: float  # user + system CPU seconds of the ingest process and all its descendants
    load: tuple[float, float]  # 1-minute load average at the start and at the end
    rss: list[int]

    @property
    def rate(self) -> float:
        return self.reports / self.seconds

    def describe(self) -> str:
        return (f"{self.rate:.2f} reports/s ({self.reports} in {self.seconds:.1f} s; CPU {self.cpu:.1f} s = "
                f"{self.cpu / max(self.reports, 1) * 1000:.0f} ms/report, {self.cpu / self.seconds:.2f} cores busy; "
                f"load {self.load[0]:.1f}->{self.load[1]:.1f})")


def _children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_ingest(folder: Path, db: Path, workers: int) -> Run:
    cmd = [sys.executable, "-m", "kartoteka", "ingest", str(folder), "--db", str(db), "--json"]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    load0, cpu0 = os.getloadavg()[0], _children_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with RssSampler(proc.pid) as sampler:
        out, err = proc.communicate()
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed with exit code {proc.returncode}: {err.decode()[-500:]}")
    summary = json.loads(out)
    if summary.get("skipped"):
        print(f"skipped: {summary['skipped'][:3]}", file=sys.stderr)
    return Run(elapsed, summary["reports"], _children_cpu() - cpu0, (load0, os.getloadavg()[0]),
               sorted((rss for _, rss in sampler.peaks.values()), reverse=True))


def search_latency(db: Path, repeats: int = 3) -> tuple[float, float, float, dict[str, tuple[float, int]]]:
    from kartoteka.store import connect, search

    store = connect(str(db))
    for q in QUERIES:  # warm the page cache
        search(store, q, limit=20)
    times: list[float] = []
    per_query: dict[str, float] = {}
    matches: dict[str, int] = {}
    for _ in range(repeats):
        for q in QUERIES:
            t = time.perf_counter()
            result = search(store, q, limit=20)
            dt = (time.perf_counter() - t) * 1000
            times.append(dt)
            per_query[q] = max(per_query.get(q, 0.0), dt)
            matches[q] = result.total
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    store.close()
    return p50, p95, times[-1], {q: (t, matches[q]) for q, t in per_query.items()}


def stats_reports(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM reports").fetchone()[0]


def store_bytes(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ingest-n", type=int, default=200)
    ap.add_argument("--search-n", type=int, default=1000)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--rounds", type=int, default=1, help="alternate 1-process and 2-worker ingests N times")
    ap.add_argument("--search-db", type=Path, help="only measure search on this existing SQLite store")
    args = ap.parse_args()
    if args.search_db:
        p50, p95, worst, per_query = search_latency(args.search_db)
        n = stats_reports(args.search_db)
        print(f"search over {n} reports, 50 queries x3, top 20 + snippets: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
              f"max {worst:.1f} ms (load {os.getloadavg()[0]:.1f})")
        for q, (t, m) in sorted(per_query.items(), key=lambda kv: -kv[1][0]):
            print(f"  {t:7.1f} ms {m:8,} blocks  {q}")
        return
    if not CORPUS.is_file():
        raise SystemExit(f"corpus not found at {CORPUS}")
    tmp = Path(tempfile.mkdtemp(prefix="kartoteka-bench-"))
    rows: list[tuple[str, str]] = []
    try:
        reports = build_reports(tmp / "reports", max(args.ingest_n, args.search_n))
        ingest_dir = tmp / "ingest"
        ingest_dir.mkdir()
        for p in reports[: args.ingest_n]:
            (ingest_dir / p.name).symlink_to(p)
        mb = sum(p.stat().st_size for p in reports[: args.ingest_n]) / 1e6
        print(f"{len(reports)} synthetic reports, {mb / args.ingest_n * 1000:.0f} KB each, in {tmp}", file=sys.stderr)

        ratios: list[float] = []
        for r in range(args.rounds):
            # Alternate the two set-ups so that a change in the machine's load hits both alike.
            for db in (tmp / "one.db", tmp / "two.db"):
                for f in db.parent.glob(db.name + "*"):
                    f.unlink()
            one = run_ingest(ingest_dir, tmp / "one.db", 1)
            two = run_ingest(ingest_dir, tmp / "two.db", 2)
            ratios.append(two.rate / one.rate)
            label = f" (round {r + 1})" if args.rounds > 1 else ""
            rows.append((f"ingest {args.ingest_n} reports, 1 process (baseline){label}", one.describe()))
            rows.append(("  peak RSS per process", ", ".join(f"{x / 2**20:.0f} MB" for x in one.rss)))
            rows.append((f"ingest {args.ingest_n} reports, --workers 2 (Dask){label}",
                         f"{two.rate / one.rate:.2f}x baseline: " + two.describe()))
            rows.append(("  peak RSS per process (max first)", ", ".join(f"{x / 2**20:.0f} MB" for x in two.rss)))
        if args.rounds > 1:
            rows.append((f"--workers 2 speed-up over {args.rounds} rounds",
                         f"median {statistics.median(ratios):.2f}x (" + ", ".join(f"{x:.2f}" for x in ratios) + ")"))
        size = store_bytes(tmp / "one.db")
        rows.append(("store size per report (SQLite)", f"{size / args.ingest_n / 1000:.0f} KB "
                     f"(source {mb / args.ingest_n * 1000:.0f} KB)"))

        search_db = tmp / "two.db"
        if args.search_n > args.ingest_n:
            more = run_ingest(tmp / "reports", search_db, 2)
            rows.append((f"ingest to {args.search_n} reports, --workers 2", more.describe()))
            rows.append(("  peak RSS per process (max first)", ", ".join(f"{r / 2**20:.0f} MB" for r in more.rss)))
            size = store_bytes(search_db)
            rows.append((f"store size per report at {args.search_n} (SQLite)", f"{size / args.search_n / 1000:.0f} KB"))
        load = os.getloadavg()[0]
        p50, p95, worst, per_query = search_latency(search_db)
        rows.append((f"search over {args.search_n} reports, 50 queries x3, top 20 + snippets",
                     f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms (load {load:.1f})"))
        slow = sorted(per_query.items(), key=lambda kv: -kv[1][0])[:3]
        rows.append(("  slowest queries", "; ".join(f"{q} {t:.1f} ms ({n:,} blocks)" for q, (t, n) in slow)))
        # What bounds the latency: ranking (bm25) is computed for every matching block.
        for bound in (20.0,):
            over = [(q, n) for q, (t, n) in per_query.items() if t > bound]
            fewest = min((n for _, n in over), default=0)
            under = [n for q, (t, n) in per_query.items() if t <= bound]
            rows.append((f"  queries over {bound:.0f} ms (worst of 3)",
                         f"{len(over)} of {len(per_query)}; they match {fewest:,}+ blocks; "
                         f"the largest match count under {bound:.0f} ms: {max(under, default=0):,} blocks"))
    finally:
        if not args.keep:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    width = max(len(a) for a, _ in rows)
    print(f"{'measure'.ljust(width)} | result")
    print(f"{'-' * width}-|-{'-' * 40}")
    for a, b in rows:
        print(f"{a.ljust(width)} | {b}")


if __name__ == "__main__":
    main()
