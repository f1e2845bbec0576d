"""Turn an `Analysis` into rows (in a worker) and write one report in ONE transaction (in the main process)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kartoteka.names import name_key
from kartoteka.pipeline import Analysis, version_key
from kartoteka.store import surname_forms
from kartoteka.store.backend import Store
from kartoteka.store.corpus_persons import surname_and_initial, update
from kartoteka.store.schema import DERIVED_TABLES


@dataclass
class Rows:
    """One report as plain rows, ready to insert. Small and picklable (what Dask workers return)."""

    sha256: str
    report: tuple
    version: str
    blocks: list[tuple] = field(default_factory=list)
    divisions: list[tuple] = field(default_factory=list)
    footnotes: list[tuple] = field(default_factory=list)
    glosses: list[tuple] = field(default_factory=list)
    corrections: list[tuple] = field(default_factory=list)
    persons: list[tuple] = field(default_factory=list)
    person_mentions: list[tuple] = field(default_factory=list)
    facts: list[tuple] = field(default_factory=list)
    entities: list[tuple] = field(default_factory=list)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def to_rows(a: Analysis) -> Rows:
    src = a.source
    text = src.text
    h = a.report.header
    sha = src.sha256
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = Rows(
        sha256=sha,
        version=a.version,
        report=(sha, h.number, h.date, h.title, src.path, len(text.encode("utf-8")), src.encoding,
                _dumps(list(src.warnings)), text, a.version, now, now),
    )
    rep = a.repaired
    for i, b in enumerate(a.report.blocks):
        original = text[b.start : b.end]
        rs, re_ = rep.span_from_source(b.start, b.end) if rep.corrections else (b.start, b.end)
        repaired = rep.text[rs:re_] if rep.corrections else original
        rows.blocks.append((sha, i, b.kind, b.role, b.start, b.end, b.division, b.continues, original,
                            None if repaired == original else repaired))
    for i, d in enumerate(a.report.divisions):
        rows.divisions.append((sha, i, d.kind, d.number, d.ordinal, d.title, d.level, d.start, d.end, d.parent))
    for i, f in enumerate(a.report.footnotes):
        m = f.marker
        rows.footnotes.append((sha, i, f.block_index, f.number, f.ordinal, f.text, f.start, f.end,
                               m.start if m else None, m.end if m else None))
    for i, g in enumerate(a.report.glosses):
        rows.glosses.append((sha, i, g.kind, g.term, g.gloss, g.term_start, g.term_end, g.start, g.end))
    for i, c in enumerate(rep.corrections):
        rows.corrections.append((sha, i, c.start, c.end, c.original, c.replacement, c.kind, c.reason,
                                 float(c.confidence)))
    seen: set[str] = set()
    for p in a.persons:
        pid = str(p.get("id"))
        if pid in seen:
            continue
        seen.add(pid)
        name = p.get("name") or p.get("surname") or ""
        key, skey, initial = surname_and_initial(name, p.get("surname"))
        if not skey:
            continue
        mentions = p.get("mentions") or []
        forms = {w for f in [p.get("surname"), name, *(p.get("forms") or []), *(p.get("aliases") or [])]
                 if isinstance(f, str) and f.split() for w in [f.split()[-1].strip(".,;:")] if name_key(w) == skey}
        forms |= {m.get("text", "").split()[-1] for m in mentions if m.get("text", "").split()
                  and name_key(m["text"].split()[-1]) == skey}
        record = {k: v for k, v in p.items() if k != "mentions"}
        rows.persons.append((sha, pid, name, p.get("surname"), key, skey, initial, "\n".join(sorted(forms)),
                             _dumps(record)))
        for m in mentions:
            rows.person_mentions.append((sha, pid, m["start"], m["end"], m.get("text") or text[m["start"] : m["end"]]))
    fact_ids: set[str] = set()
    for i, f in enumerate(a.facts):
        fid = str(f.get("id") if f.get("id") is not None else i)
        if fid in fact_ids:
            continue
        fact_ids.add(fid)
        rows.facts.append((sha, fid, f.get("person_id"), f.get("type"), f.get("year"), f.get("modality"),
                           f.get("start"), f.get("end"), _dumps(f)))
    for i, e in enumerate(a.entities):
        value = e.get("value")
        rows.entities.append((sha, i, e["kind"], e["start"], e["end"], e.get("text") or "",
                              None if value is None else _dumps(value)))
    return rows


_INSERTS = {
    "blocks": 'INSERT INTO blocks (report, idx, kind, role, start, "end", division, continues, text, repaired_text) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "divisions": 'INSERT INTO divisions (report, idx, kind, number, ordinal, title, level, start, "end", parent) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "footnotes": 'INSERT INTO footnotes (report, idx, block, number, ordinal, text, start, "end", marker_start, '
    "marker_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "glosses": 'INSERT INTO glosses (report, idx, kind, term, gloss, term_start, term_end, start, "end") '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "corrections": 'INSERT INTO corrections (report, idx, start, "end", original, replacement, kind, reason, '
    "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "persons": "INSERT INTO persons (report, id, name, surname, key, surname_key, initial, forms, json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "person_mentions": 'INSERT INTO person_mentions (report, person, start, "end", text) VALUES (?, ?, ?, ?, ?)',
    "facts": 'INSERT INTO facts (report, id, person, type, year, modality, start, "end", json) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "entities": 'INSERT INTO entities (report, idx, kind, start, "end", text, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
}


def stored_version(store: Store, sha256: str) -> str | None:
    return store.scalar("SELECT pipeline_version FROM reports WHERE sha256 = ?", (sha256,))


def write(store: Store, rows: Rows) -> str:
    """Write one report in one transaction. Returns "new", "rederived" or "unchanged"."""
    with store.transaction():
        have = stored_version(store, rows.sha256)
        if have is not None and version_key(have) >= version_key(rows.version):
            return "unchanged"
        removed: list[tuple] = []
        removed_forms: list[tuple] = []
        if have is None:
            store.execute(
                "INSERT INTO reports (sha256, number, date, title, path, bytes, encoding, warnings, source_text, "
                "pipeline_version, ingested_at, derived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.report,
            )
        else:
            # Re-derivation: the stored source stays; only the derived layers are replaced.
            removed = store.all("SELECT surname_key, initial, name, count(*) FROM persons WHERE report = ? "
                                "GROUP BY surname_key, initial, name", (rows.sha256,))
            removed_forms = store.all("SELECT surname_key, forms FROM persons WHERE report = ?", (rows.sha256,))
            for table in DERIVED_TABLES:
                store.execute(f"DELETE FROM {table} WHERE report = ?", (rows.sha256,))
            r = rows.report
            store.execute(
                "UPDATE reports SET number = ?, date = ?, title = ?, pipeline_version = ?, derived_at = ? "
                "WHERE sha256 = ?",
                (r[1], r[2], r[3], rows.version, r[11], rows.sha256),
            )
        for table, statement in _INSERTS.items():
            store.executemany(statement, getattr(rows, table))
        update(store, removed, [(p[0], p[1], p[5], p[6], p[2]) for p in rows.persons])
        surname_forms.update(store, removed_forms, [(p[5], p[7]) for p in rows.persons])
    return "new" if have is None else "rederived"
