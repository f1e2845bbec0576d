"""The curated state as the pages see it (issue 9): per report, the machine's records next to the curated ones.

Pages show the curated state by default and the machine's own output with `?raw=1`. Either way a record that a
decision touched is marked: `status` (confirmed, edited, rejected, added, accepted), `curation` (the decisions, with
author and reason) and, for facts, `changes` ({field: [machine value, curated value]}). Reports that no decision
names are read exactly as stored.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from kartoteka.store.backend import Store

#: Fact fields whose machine and curated values a page shows side by side (old → new).
FACT_FIELDS = ("type", "year", "modality", "person")


@dataclass
class ReportCuration:
    sha: str
    number: str | None
    machine_facts: dict[str, dict] = field(default_factory=dict)
    facts: dict[str, dict] = field(default_factory=dict)  # curated, by id (added facts too)
    removed_facts: dict[str, dict] = field(default_factory=dict)
    persons: dict[str, dict] = field(default_factory=dict)
    removed_persons: dict[str, dict] = field(default_factory=dict)
    machine_corrections: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)
    removed_corrections: dict[tuple[int, int], dict] = field(default_factory=dict)
    notes: list[dict] = field(default_factory=list)
    orphans: list[dict] = field(default_factory=list)


def generation(store: Store) -> tuple:
    """Changes whenever a decision is recorded (the caches are rebuilt then)."""
    if not store.has_table("decisions"):
        return ()
    return tuple(store.one("SELECT count(*), coalesce(max(seq), 0) FROM decisions") or ())


def build(store: Store) -> dict[str, ReportCuration]:
    """Every stored report that some decision names -> its machine and curated records."""
    from kartoteka.curation.apply import apply
    from kartoteka.curation.store import curated_reports, load, machine, report_number

    out: dict[str, ReportCuration] = {}
    for sha in curated_reports(store):
        m = machine(store, sha)
        if m is None:
            continue
        machine_corrections = copy.deepcopy(m.corrections)
        cur = apply(load(store, sha), m)
        number = report_number(store, sha)
        for f in cur.facts:
            f.setdefault("report", number)
            f.setdefault("sha256", sha)
        out[sha] = ReportCuration(
            sha=sha, number=number, machine_facts={f["id"]: f for f in m.facts},
            facts={f["id"]: f for f in cur.facts}, removed_facts={f["id"]: f for f in cur.removed["facts"]},
            persons={p["id"]: p for p in cur.persons}, removed_persons={p["id"]: p for p in cur.removed["persons"]},
            machine_corrections=machine_corrections, corrections=cur.corrections,
            removed_corrections={(c["start"], c["end"]): c for c in cur.removed["corrections"]},
            notes=cur.notes, orphans=cur.orphans)
    return out


def title(decisions: list[dict]) -> str:
    """The decisions behind a mark, for its hover/focus text."""
    return "; ".join(f"{d.get('kind')} by {d.get('author')} ({str(d.get('created_at') or '')[:10]}): "
                     f"{d.get('reason')}" for d in decisions)


def changes(before: dict | None, after: dict) -> dict[str, list]:
    if before is None:
        return {}
    return {k: [before.get(k), after.get(k)] for k in FACT_FIELDS if before.get(k) != after.get(k)}


def mark_fact(f: dict[str, Any], rc: ReportCuration | None, raw: bool) -> dict[str, Any]:
    """Mark a fact (a copy the caller owns) with what curation did to it, in the raw or the curated view."""
    if rc is None:
        return f
    fid = f.get("id")
    if raw:
        if fid in rc.removed_facts:
            f["status"], f["curation"] = "rejected", rc.removed_facts[fid].get("curation", [])
        elif fid in rc.facts and rc.facts[fid].get("curation"):
            cur = rc.facts[fid]
            f["status"], f["curation"] = cur.get("status") or "changed", cur["curation"]
            f["changes"] = changes(f, cur)
    elif f.get("curation"):
        f.setdefault("status", "changed")
        f["changes"] = changes(rc.machine_facts.get(fid), f)
    if f.get("curation"):
        f["curation_title"] = title(f["curation"])
    return f


def corrections(rc: ReportCuration | None, stored: list[dict], raw: bool) -> list[dict]:
    """A report's corrections as the reader shows them: curated (rejected ones gone, added ones in), or the
    machine's with the curated status marked."""
    if rc is None:
        return stored
    if not raw:
        out = [dict(c) for c in rc.corrections]
    else:
        status = {(c["start"], c["end"]): c for c in rc.corrections if c.get("curation")}
        out = []
        for c in stored:
            c = dict(c)
            key = (c["start"], c["end"])
            if key in rc.removed_corrections:
                c["status"], c["curation"] = "rejected", rc.removed_corrections[key].get("curation", [])
            elif key in status and status[key].get("status") != "added":
                c["status"], c["curation"] = status[key].get("status"), status[key]["curation"]
            out.append(c)
    for c in out:
        if c.get("curation"):
            c["curation_title"] = title(c["curation"])
    return out


def person_record(rc: ReportCuration | None, pid: str, rec: dict, raw: bool) -> dict | None:
    """One report's record of a person: curated (None when merged into another), or the machine's, marked."""
    if rc is None:
        return rec
    if pid in rc.removed_persons:
        gone = rc.removed_persons[pid]
        into = next((p for p in rc.persons.values() if pid in (p.get("merged") or [])), None)
        if not raw:
            return None
        return {**rec, "status": "merged", "curation": gone.get("curation") or (into or {}).get("curation", []),
                "merged_into": (into or {}).get("name")}
    cur = rc.persons.get(pid)
    if cur is None or not cur.get("curation"):
        return rec
    if raw:
        return {**rec, "curation": cur["curation"], "curated_name": cur.get("name")}
    return {**cur, "raw_name": rec.get("name")}
