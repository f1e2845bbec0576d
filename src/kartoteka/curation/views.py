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
        ids = [person] if person.startswith("cp-") else [p["id"] for p in persons_by_name(store, person)]
        pairs = set()
        for cid in ids:
            pairs |= person_pairs(store, cid)
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
                rec = {**cache[sha][r["id"]], "report": r.get("report"), "sha256": sha}
                if rec.get("curation") and rec.get("name") and rec["name"] != r.get("name"):
                    card["name"] = rec["name"]  # renamed by a decision
                records.append(rec)
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


# -- curated persons: found by their curated names, and persons a split created -------------------------------------
#: Corpus-level id of a person that a `person.split` decision created (it has no machine corpus person).
SPLIT_CP = "cp-"


def split_cid(pid: str) -> str:
    return SPLIT_CP + pid


def is_split_cid(cid: str) -> bool:
    return cid.startswith(SPLIT_CP + "p-c-")


def split_person(store: Store, cid: str) -> tuple[str, dict] | None:
    """(report sha256, curated person record) of a person a split created, or None."""
    from kartoteka.curation.model import derived_id
    from kartoteka.curation.store import load

    if not is_split_cid(cid):
        return None
    pid = cid[len(SPLIT_CP):]
    have = set(_live_curated(store))
    for d in load(store):
        if d.kind == "person.split" and d.report in have and derived_id("p-c", d.id) == pid:
            cur = curate(store, d.report)
            found = next((p for p in (cur.persons if cur else []) if p["id"] == pid), None)
            return (d.report, found) if found else None
    return None


def name_matches(name: str, candidate: str) -> bool:
    """Does `candidate` (a curated name or alias) answer a search for `name`: same surname key, compatible initial."""
    from kartoteka.store.corpus_persons import surname_and_initial

    _, skey, initial = surname_and_initial(name, None)
    _, ckey, cinitial = surname_and_initial(candidate, None)
    return bool(skey) and skey == ckey and not (initial and cinitial and initial != cinitial)


def curated_person_ids(store: Store, name: str) -> list[str]:
    """Corpus person ids whose curated name or alias (a person record some decision touched) matches `name`;
    persons a split created get their own id (`split_cid`)."""
    out: list[str] = []
    for sha in _live_curated(store):
        cur = curate(store, sha)
        if cur is None:
            continue
        links = dict(store.all("SELECT person, corpus_person FROM corpus_person_links WHERE report = ?", (sha,)))
        for p in cur.persons:
            if not p.get("curation"):  # the machine's own records are found by the corpus persons' keys
                continue
            if not any(name_matches(name, n) for n in [p.get("name") or "", *(p.get("aliases") or [])] if n):
                continue
            cid = links.get(p["id"]) or (split_cid(p["id"]) if p.get("split_from") else None)
            if cid and cid not in out:
                out.append(cid)
    return out


def split_card(store: Store, cid: str) -> dict[str, Any] | None:
    """A `persons_by_name` card for a person a split created."""
    found = split_person(store, cid)
    if found is None:
        return None
    sha, p = found
    number = store.scalar("SELECT number FROM reports WHERE sha256 = ?", (sha,))
    return {"id": cid, "name": p.get("name"), "reports": [number or sha],
            "records": [{**p, "report": number, "sha256": sha}]}


def person_pairs(store: Store, cid: str) -> set[tuple[str, str]]:
    """(report, person id) of every report-level record behind a corpus person id (a split-created one too)."""
    if is_split_cid(cid):
        found = split_person(store, cid)
        return {(found[0], found[1]["id"])} if found else set()
    return {(r, p) for r, p in store.all("SELECT report, person FROM corpus_person_links WHERE corpus_person = ?",
                                         (cid,))}
