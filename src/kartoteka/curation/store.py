"""Decisions in the store: append, list, export/import as JSON Lines, and the curated state of a report.

Only `decisions` is ever written here (INSERT only). The machine layers are read as stored; the curated state is
computed from them and the decisions at read time, so re-derivation (which rewrites the machine layers) re-applies
every decision by itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from kartoteka.curation.apply import Curated, Machine, active, apply
from kartoteka.curation.model import Decision, dumps
from kartoteka.errors import InputError
from kartoteka.store.backend import Store

_COLUMNS = "id, seq, report, kind, target, payload, author, reason, created_at, supersedes"


def has_table(store: Store) -> bool:
    return store.has_table("decisions")


def require(store: Store) -> None:
    if not has_table(store):
        raise InputError(f"{store.url}: no decisions table (run `kartoteka db upgrade`)")


def record(store: Store, d: Decision) -> Decision:
    """Append one decision (its own transaction). Returns it with its `seq`."""
    d.validate()
    require(store)
    with store.transaction():
        if d.supersedes and store.one("SELECT 1 FROM decisions WHERE id = ?", (d.supersedes,)) is None:
            raise InputError(f"no decision {d.supersedes} to supersede")
        d.seq = int(store.scalar("SELECT coalesce(max(seq), 0) FROM decisions") or 0) + 1
        store.execute(
            f"INSERT INTO decisions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (d.id, d.seq, d.report, d.kind, dumps(d.target), dumps(d.payload), d.author, d.reason.strip(),
             d.created_at, d.supersedes),
        )
    return d


def _decision(row: tuple) -> Decision:
    did, seq, report, kind, target, payload, author, reason, created_at, supersedes = row
    return Decision(id=did, seq=int(seq), report=report, kind=kind, target=json.loads(target),
                    payload=json.loads(payload), author=author, reason=reason, created_at=created_at,
                    supersedes=supersedes)


def load(store: Store, report: str | None = None) -> list[Decision]:
    """Every decision (superseded ones too), in the order they were made in this store."""
    if not has_table(store):
        return []
    if report:
        rows = store.all(f"SELECT {_COLUMNS} FROM decisions WHERE report = ? ORDER BY seq", (report,))
    else:
        rows = store.all(f"SELECT {_COLUMNS} FROM decisions ORDER BY seq")
    return [_decision(r) for r in rows]


def curated_reports(store: Store) -> list[str]:
    """sha256 of every report some decision names."""
    if not has_table(store):
        return []
    return [r[0] for r in store.all("SELECT DISTINCT report FROM decisions ORDER BY report")]


def report_sha(store: Store, ref: str) -> str:
    """A report number (JPRS-UPA-89-042) or sha256 (or a unique prefix of it) -> sha256."""
    rows = store.all("SELECT sha256 FROM reports WHERE number = ? OR sha256 = ?", (ref, ref))
    if not rows and len(ref) >= 8:
        rows = store.all("SELECT sha256 FROM reports WHERE sha256 LIKE ?", (ref.lower() + "%",))
    if not rows:
        raise InputError(f"no report {ref!r} in the store")
    if len(rows) > 1:
        raise InputError(f"{ref!r} names {len(rows)} reports; give the sha256")
    return rows[0][0]


def report_number(store: Store, sha: str) -> str | None:
    return store.scalar("SELECT number FROM reports WHERE sha256 = ?", (sha,))


def machine(store: Store, sha: str) -> Machine | None:
    """The machine's records of one report as stored (None when the store does not hold it)."""
    row = store.one("SELECT number, source_text FROM reports WHERE sha256 = ?", (sha,))
    if row is None:
        return None
    number, text = row
    facts = [{**json.loads(j), "report": number, "sha256": sha}
             for (j,) in store.all('SELECT json FROM facts WHERE report = ? ORDER BY start, id', (sha,))]
    mentions: dict[str, list[dict]] = {}
    for person, start, end, mtext in store.all(
        'SELECT person, start, "end", text FROM person_mentions WHERE report = ? ORDER BY start', (sha,)
    ):
        mentions.setdefault(person, []).append({"start": start, "end": end, "text": mtext})
    persons = [{**json.loads(j), "mentions": mentions.get(pid, []), "report": number, "sha256": sha}
               for pid, j in store.all("SELECT id, json FROM persons WHERE report = ? ORDER BY id", (sha,))]
    keys = ("start", "end", "original", "replacement", "kind", "reason", "confidence")
    corrections = [dict(zip(keys, r, strict=True)) for r in store.all(
        'SELECT start, "end", original, replacement, kind, reason, confidence FROM corrections '
        "WHERE report = ? ORDER BY start, \"end\"", (sha,))]
    return Machine(sha256=sha, text=text, facts=facts, persons=persons, corrections=corrections)


def curate(store: Store, sha: str, decisions: list[Decision] | None = None) -> Curated | None:
    m = machine(store, sha)
    if m is None:
        return None
    out = apply(load(store, sha) if decisions is None else decisions, m)
    number = report_number(store, sha)
    for f in out.facts:
        f.setdefault("report", number)
        f.setdefault("sha256", sha)
    for p in out.persons:
        p.setdefault("report", number)
        p.setdefault("sha256", sha)
    return out


def orphans(store: Store) -> list[dict[str, Any]]:
    """Every active decision that no longer finds its target, with why (a report not in the store counts)."""
    out: list[dict[str, Any]] = []
    for sha in curated_reports(store):
        decisions = load(store, sha)
        cur = curate(store, sha, decisions)
        if cur is None:
            out.extend({"decision": d.to_json(), "why": f"report {sha[:12]} is not in this store"}
                       for d in active(decisions))
        else:
            out.extend(cur.orphans)
    return out


def export(store: Store) -> list[dict[str, Any]]:
    """Every decision as a JSON record (with the report's number for people), in order."""
    numbers = dict(store.all("SELECT sha256, number FROM reports"))
    return [{**d.to_json(), "report_number": numbers.get(d.report)} for d in load(store)]


def import_records(store: Store, records: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Append decisions made elsewhere, keeping their ids, authors and times; ids already here are skipped.

    A decision that supersedes one not present is still imported: what it withdraws simply is not here.
    """
    require(store)
    counts = {"imported": 0, "skipped": 0}
    decisions = [Decision.from_json(r) for r in records]
    with store.transaction():
        seq = int(store.scalar("SELECT coalesce(max(seq), 0) FROM decisions") or 0)
        for d in sorted(decisions, key=lambda d: (d.seq, d.created_at, d.id)):
            if store.one("SELECT 1 FROM decisions WHERE id = ?", (d.id,)) is not None:
                counts["skipped"] += 1
                continue
            seq += 1
            store.execute(
                f"INSERT INTO decisions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (d.id, seq, d.report, d.kind, dumps(d.target), dumps(d.payload), d.author, d.reason,
                 d.created_at, d.supersedes),
            )
            counts["imported"] += 1
    return counts


def read_jsonl(lines: Iterable[str]) -> list[dict[str, Any]]:
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise InputError(f"line {n}: not JSON ({error.msg})") from None
    return out
