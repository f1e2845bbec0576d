"""Curated views over the store, used by `store.read` (its `curated=True` path) and `kartoteka curate diff`.

Reports that no decision names are read exactly as the machine wrote them (the plain SQL path); only reports with
decisions are computed through `apply`. With no decisions at all the curated view *is* the raw one.
"""

from __future__ import annotations

from typing import Any

from kartoteka.curation.store import curate, curated_reports, machine
from kartoteka.store.backend import Store


def _live_curated(store: Store) -> list[str]:
    have = {r[0] for r in store.all("SELECT sha256 FROM reports")}
    return [s for s in curated_reports(store) if s in have]


def _order(f: dict) -> tuple:
    # the raw SQL order (`ORDER BY f.year, r.number, f.start`, NULL years first as SQLite sorts them)
    return (f.get("year") is not None, f.get("year") or 0, f.get("report") or "", f.get("start") or 0)


def curated_facts(store: Store, person: str | None, type: str | None, year_from: int | None, year_to: int | None,
                  report: str | None, limit: int | None) -> list[dict[str, Any]] | None:
    """Facts as `store.read.facts` returns them, curated; None when no decision touches a stored report."""
    shas = _live_curated(store)
    if not shas:
        return None
    from kartoteka.store.read import facts as read_facts
    from kartoteka.store.read import persons_by_name

    out = [f for f in read_facts(store, person, type, year_from, year_to, report, None, curated=False)
           if f["sha256"] not in shas]
    if report:
        shas = [s for s in shas if store.one("SELECT 1 FROM reports WHERE sha256 = ? AND (number = ? OR sha256 = ?)",
                                             (s, report, report))]
    pairs: set[tuple[str, str]] | None = None
    if person:
        ids = [person] if person.startswith("cp-") else [p["id"] for p in persons_by_name(store, person, curated=False)]
        pairs = set()
        for cid in ids:
            pairs |= {(r, p) for r, p in store.all(
                "SELECT report, person FROM corpus_person_links WHERE corpus_person = ?", (cid,))}
    for sha in shas:
        cur = curate(store, sha)
        for f in cur.facts if cur else []:
            if pairs is not None and (sha, f.get("person_id")) not in pairs:
                continue
            if type and f.get("type") != type:
                continue
            if year_from is not None and (f.get("year") is None or f["year"] < year_from):
                continue
            if year_to is not None and (f.get("year") is None or f["year"] > year_to):
                continue
            out.append(f)
    out.sort(key=_order)
    return out[: int(limit)] if limit else out


def curate_cards(store: Store, cards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`store.read.persons_by_name` cards with each report's person record replaced by its curated record
    (a person merged into another disappears from its card; the survivor carries the mentions)."""
    shas = set(_live_curated(store))
    if not shas:
        return cards
    cache: dict[str, dict[str, dict]] = {}
    for card in cards:
        records = []
        for r in card["records"]:
            sha = r.get("sha256")
            if sha not in shas:
                records.append(r)
                continue
            if sha not in cache:
                cur = curate(store, sha)
                cache[sha] = {p["id"]: p for p in (cur.persons if cur else [])}
            if r.get("id") in cache[sha]:
                records.append({**cache[sha][r["id"]], "report": r.get("report"), "sha256": sha})
        card["records"] = records
    return cards


def _by_id(records: list[dict], key) -> dict:
    return {key(r): r for r in records}


def diff(store: Store, sha: str) -> dict[str, Any]:
    """What curation changed in one report: removed, added and changed records per layer, notes and orphans."""
    m = machine(store, sha)
    cur = curate(store, sha)
    if m is None or cur is None:
        return {}
    out: dict[str, Any] = {"report": sha}
    layers = (("facts", lambda r: r["id"]), ("persons", lambda r: r["id"]),
              ("corrections", lambda r: (r["start"], r["end"])))
    for layer, key in layers:
        raw = _by_id(getattr(m, layer), key)
        new = _by_id(getattr(cur, layer), key)
        changed = []
        for k in raw.keys() & new.keys():
            before, after = raw[k], new[k]
            fields = sorted(f for f in (before.keys() | after.keys())
                            if f not in ("curation", "status") and before.get(f) != after.get(f))
            if fields or after.get("status"):
                changed.append({"id": k if isinstance(k, str) else list(k), "status": after.get("status"),
                                "fields": {f: {"raw": before.get(f), "curated": after.get(f)} for f in fields
                                           if f != "mentions"},
                                "curation": after.get("curation", [])})
        out[layer] = {
            "removed": [raw[k] for k in raw.keys() - new.keys()],
            "added": [new[k] for k in new.keys() - raw.keys()],
            "changed": sorted(changed, key=lambda c: str(c["id"])),
        }
    out["notes"] = cur.notes
    out["orphans"] = cur.orphans
    return out
