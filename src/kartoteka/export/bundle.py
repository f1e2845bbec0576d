"""Everything an exporter needs about one report, from a FILE (the pipeline runs) or from a store (`--db`).

A `Bundle` is plain data: the immutable source text and every derived record as the store keeps it
(offsets `[start, end)` into `text`). From a store, blocks, divisions, footnotes, glosses, corrections,
persons with their mentions, entities and facts are the stored rows; the report header, source lines and
instalments (not stored) are re-read from the stored source text by the structure reader, which is
deterministic, and citations are derived from the stored footnotes and glosses.

From a store the bundle holds the curated state by default (issue 9: the historians' decisions applied to facts,
persons and corrections; notes in `notes`); `curated=False` gives the machine's records as stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kartoteka.citations import Citation, WorkMention, find_citations, link_works
from kartoteka.errors import InputError
from kartoteka.structure.model import Block, Division, Footnote, Gloss, Marker, Report


@dataclass
class Bundle:
    report: Report  # structure; `report.text` is the source text
    corrections: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)  # person JSON with "mentions"
    entities: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    works: list[WorkMention] = field(default_factory=list)
    origin: str = "file"  # "file" or "store"
    notes: list[dict] = field(default_factory=list)  # curation notes (store, curated view)
    view: str = "machine"  # "machine" (a FILE, or a store read raw) or "curated"

    @property
    def text(self) -> str:
        return self.report.text

    @property
    def sha256(self) -> str:
        return self.report.source.sha256

    @property
    def number(self) -> str | None:
        return self.report.header.number

    @property
    def name(self) -> str:
        """A file-name stem for this report: its number, else the start of its hash."""
        return self.number or self.sha256[:12]

    @property
    def urn(self) -> str:
        return f"urn:sha256:{self.sha256}"

    def mentions(self) -> list[dict]:
        """Person mentions, each with its person id and name, in text order."""
        out = [{"person": p["id"], "name": p.get("name"), "start": m["start"], "end": m["end"],
                "text": m.get("text") or self.text[m["start"] : m["end"]]}
               for p in self.persons for m in p.get("mentions", [])]
        out.sort(key=lambda m: (m["start"], m["end"], m["person"]))
        return out


def from_file(path: str) -> Bundle:
    from kartoteka.ingest import load_source

    return from_analysis(_analyze(load_source(path)))


def _analyze(source):
    from kartoteka.pipeline import analyze

    return analyze(source)


def from_analysis(analysis) -> Bundle:
    report = analysis.report
    citations = find_citations(report)
    return Bundle(
        report=report,
        corrections=[c.to_json() for c in analysis.repaired.corrections],
        persons=list(analysis.persons),
        entities=list(analysis.entities),
        facts=list(analysis.facts),
        citations=citations,
        works=link_works(report, citations, [e for e in analysis.entities if e.get("kind") == "WORK"]
                         if analysis.entities else None),
    )


def from_store(url: str, report: str | None = None, curated: bool = True) -> list[Bundle]:
    """One bundle per stored report (or only `report`: a number or a sha256), curated unless `curated=False`."""
    from kartoteka.store.backend import connect

    store = connect(url, create=False)
    try:
        if not store.has_table("reports"):
            raise InputError(f"{url}: not a kartoteka store (no reports table)")
        rows = store.all("SELECT sha256, number, path, encoding, source_text FROM reports ORDER BY number, sha256")
        if report:
            rows = [r for r in rows if report in (r[0], r[1])]
            if not rows:
                raise InputError(f"no report {report!r} in {url}")
        bundles = [_bundle_from_store(store, *r) for r in rows]
        if curated:
            for b in bundles:
                _curate(store, b)
        return bundles
    finally:
        store.close()


def _bundle_from_store(store, sha: str, number: str | None, path: str | None, encoding: str | None,
                       text: str) -> Bundle:
    from kartoteka.ingest import Source
    from kartoteka.structure import read_report

    source = Source(path=path or sha, sha256=sha, text=text, encoding=encoding or "utf-8")
    report = read_report(source)
    q = lambda sql: store.all(sql, (sha,))  # noqa: E731
    report.blocks = [
        Block(kind=k, start=s, end=e, division=d, continues=c, role=r)
        for k, r, s, e, d, c in q('SELECT kind, role, start, "end", division, continues FROM blocks '
                                  "WHERE report = ? ORDER BY idx")
    ]
    report.divisions = [
        Division(kind=k, number=n, ordinal=o, title=t, level=lv, start=s, end=e, parent=p)
        for k, n, o, t, lv, s, e, p in q('SELECT kind, number, ordinal, title, level, start, "end", parent '
                                          "FROM divisions WHERE report = ? ORDER BY idx")
    ]
    report.footnotes = [
        Footnote(block_index=b, number=n, ordinal=o, text=t, start=s, end=e,
                 marker=Marker(ms, me) if ms is not None else None)
        for b, n, o, t, s, e, ms, me in q('SELECT block, number, ordinal, text, start, "end", marker_start, '
                                          "marker_end FROM footnotes WHERE report = ? ORDER BY idx")
    ]
    report.glosses = [Gloss(*row) for row in q('SELECT kind, term, gloss, term_start, term_end, start, "end" '
                                               "FROM glosses WHERE report = ? ORDER BY idx")]
    corrections = [
        {"start": s, "end": e, "original": o, "replacement": r, "kind": k, "reason": why, "confidence": c}
        for s, e, o, r, k, why, c in q('SELECT start, "end", original, replacement, kind, reason, confidence '
                                       "FROM corrections WHERE report = ? ORDER BY start, idx")
    ]
    mentions: dict[str, list[dict]] = {}
    for pid, s, e, t in q('SELECT person, start, "end", text FROM person_mentions WHERE report = ? ORDER BY start'):
        mentions.setdefault(pid, []).append({"start": s, "end": e, "text": t})
    persons = [{**json.loads(j), "id": pid, "mentions": mentions.get(pid, [])}
               for pid, j in q("SELECT id, json FROM persons WHERE report = ? ORDER BY id")]
    entities = [{"kind": k, "start": s, "end": e, "text": t, "value": _loads(v)}
                for k, s, e, t, v in q('SELECT kind, start, "end", text, value FROM entities WHERE report = ? '
                                       "ORDER BY idx")]
    facts = [json.loads(j) for (j,) in q("SELECT json FROM facts WHERE report = ? ORDER BY start, id")]
    citations = find_citations(report)
    works = [e for e in entities if e["kind"] == "WORK"]
    return Bundle(report=report, corrections=corrections, persons=persons, entities=entities, facts=facts,
                  citations=citations, works=link_works(report, citations, works if entities else None),
                  origin="store")


_ADDED_KEYS = ("report", "sha256")  # what the curation layer adds to each record; not part of a bundle's records


def _curate(store, b: Bundle) -> None:
    """Replace a store bundle's facts, persons and corrections by their curated state (when decisions name it)."""
    from kartoteka.curation.store import curate, curated_reports

    b.view = "curated"
    if b.sha256 not in curated_reports(store):
        return
    cur = curate(store, b.sha256)
    if cur is None:
        return
    b.facts = [{k: v for k, v in f.items() if k not in _ADDED_KEYS} for f in cur.facts]
    b.facts.sort(key=lambda f: (f.get("start") or 0, f.get("id") or ""))
    b.persons = [{k: v for k, v in p.items() if k not in _ADDED_KEYS} for p in cur.persons]
    b.persons.sort(key=lambda p: p.get("id") or "")
    b.corrections = cur.corrections
    b.notes = cur.notes


def _loads(value: Any) -> Any:
    if value is None:
        return None
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return value


def load(file: str | None, db: str | None, report: str | None = None, curated: bool = True) -> list[Bundle]:
    """The bundles a command works on: one for FILE, one per stored report for `--db` (curated unless
    `curated=False`)."""
    if bool(file) == bool(db):
        raise InputError("give a report FILE or --db URL (one of them)")
    return [from_file(file)] if file else from_store(db, report, curated=curated)
