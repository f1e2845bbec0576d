"""Server time of every web page and API endpoint on the corpus store: p50/p95/max per page, p95 over all.

    python bench/web.py [--db kartoteka.db] [--rounds 5]

Ingests the corpus into a temporary store when --db is not given. Requests go through FastAPI's test client
in-process (no network), after one warm-up pass (the app warms its caches at start, as `kartoteka serve` does).
The target is p95 < 200 ms for every page; the baseline named in the ratio column is that 200 ms budget.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "JPRS-UPA-89-042.txt"
BUDGET_MS = 200.0


def pages(client) -> dict[str, str]:
    reports = client.get("/api/reports").json()["reports"]
    number = reports[0]["number"]
    report = client.get(f"/api/reports/{number}").json()
    keys = [p["key"] for p in report["pages"]]
    biggest = max(report["pages"], key=lambda p: p["end"] - p["start"])["key"]
    stalin = client.get("/api/persons", params={"q": "Stalin"}).json()["persons"][0]["id"]
    yezhov = client.get("/api/persons", params={"q": "Yezhov"}).json()["persons"][0]["id"]
    fact = client.get("/api/facts", params={"type": "shot", "limit": 1}).json()["facts"][0]
    out = {
        "reports": "/",
        "reader (largest chapter)": f"/reports/{number}/d/{biggest}",
        "reader original + highlight": f"/reports/{number}/d/{fact['page']}?view=original&hl={fact['start']}-"
                                       f"{fact['end']}",
        "person card (Stalin)": f"/persons/{stalin}",
        "person card (Yezhov)": f"/persons/{yezhov}",
        "persons search": "/persons?q=Ezhov",
        "facts": "/facts",
        "facts filtered": "/facts?type=arrested&from=1929&to=1941",
        "facts agent": "/facts?agent=NKVD",
        "facts.csv": "/facts.csv",
        "fact": f"/facts/{number}/{fact['id']}",
        "timeline": "/timeline?from=1929&to=1941",
        "trajectories": "/trajectories",
        "trajectories band": "/trajectories/band?step=0&from=arrested&to=shot",
        "network": "/network",
        "network facts": "/network?kind=facts&n=60",
        "search": "/search?q=Zinoviev",
        "search (other spelling)": "/search?q=Ezhov",
        "docs": "/docs",
        "api reports": f"/api/reports/{number}",
        "api page": f"/api/reports/{number}/d/{biggest}",
        "api person": f"/api/persons/{stalin}",
        "api facts": "/api/facts?type=shot&from=1929&to=1941&limit=500",
        "api search": "/api/search?q=Bukharin",
        "api trajectories": "/api/trajectories",
    }
    for k in keys:
        out[f"reader d/{k}"] = f"/reports/{number}/d/{k}"
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an ingested store (default: ingest the corpus into a temporary one)")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from kartoteka.web import create_app

    db = args.db
    if not db:
        if not CORPUS.is_file():
            print(f"corpus not found at {CORPUS}", file=sys.stderr)
            return 2
        from kartoteka.store import connect
        from kartoteka.store.ingest import ingest

        db = str(Path(tempfile.mkdtemp()) / "bench.db")
        with connect(db) as store:
            ingest(store, [str(CORPUS)])
    t = time.perf_counter()
    client = TestClient(create_app(db, warm=True))
    start_ms = (time.perf_counter() - t) * 1000
    urls = pages(client)
    for url in urls.values():
        assert client.get(url).status_code == 200, url
    times: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(args.rounds):
        for name, url in urls.items():
            t = time.perf_counter()
            r = client.get(url)
            times[name].append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200, url
    print(f"store {db}; app start (with cache warm-up) {start_ms:.0f} ms; {args.rounds} rounds")
    print(f"{'page':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p95/200ms':>10}")
    worst = 0.0
    for name, ts in times.items():
        ts.sort()
        p95 = ts[min(len(ts) - 1, round(0.95 * (len(ts) - 1)))]
        worst = max(worst, p95)
        print(f"{name:34} {statistics.median(ts):8.1f} {p95:8.1f} {ts[-1]:8.1f} {p95 / BUDGET_MS:10.2f}")
    every = sorted(x for ts in times.values() for x in ts)
    p95_all = every[round(0.95 * (len(every) - 1))]
    print(f"p95 over all pages {p95_all:.1f} ms; worst page p95 {worst:.1f} ms; budget {BUDGET_MS:.0f} ms: "
          + ("OK" if worst < BUDGET_MS else "OVER"))
    return 0 if worst < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
