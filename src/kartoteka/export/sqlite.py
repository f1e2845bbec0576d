"""A SQLite database for Datasette: one row per record, foreign keys between tables, FTS5 full-text search.

Tables: reports, blocks, persons, mentions, facts, corrections, citations (`ibid_of` a foreign key to the
repeated citation), works, entities. Every table keyed by an integer `id` with a `report` foreign key;
records carry `start`/`end` offsets into `reports.source_text`. Full-text search (FTS5, external content,
the names Datasette detects: `<table>_fts`) over blocks.text, facts.evidence, citations.text and
persons.name. A `metadata.json` beside the database gives Datasette titles, descriptions, label columns
and the search settings: `datasette kartoteka.sqlite -m metadata.json`.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from kartoteka.export import tables
from kartoteka.export.bundle import Bundle

SCHEMA = """
CREATE TABLE reports (id INTEGER PRIMARY KEY, sha256 TEXT UNIQUE NOT NULL, number TEXT, date TEXT, title TEXT,
    author TEXT, urn TEXT NOT NULL, source_text TEXT NOT NULL);
CREATE TABLE blocks (id INTEGER PRIMARY KEY, report INTEGER NOT NULL REFERENCES reports(id), idx INTEGER NOT NULL,
    kind TEXT NOT NULL, role TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE persons (id INTEGER PRIMARY KEY, report INTEGER NOT NULL REFERENCES reports(id),
    person_id TEXT NOT NULL, name TEXT NOT NULL, surname TEXT, forms TEXT, aliases TEXT, roles TEXT,
    mentions INTEGER, fbis TEXT, loc TEXT, cyrillic TEXT, UNIQUE (report, person_id));
CREATE TABLE mentions (id INTEGER PRIMARY KEY, report INTEGER NOT NULL REFERENCES reports(id),
    person INTEGER NOT NULL REFERENCES persons(id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL);
CREATE TABLE facts (id INTEGER PRIMARY KEY, report INTEGER NOT NULL REFERENCES reports(id), fact_id TEXT NOT NULL,
    person INTEGER REFERENCES persons(id), type TEXT, year INTEGER, date TEXT, place TEXT, agent TEXT,
    according_to TEXT, modality TEXT, confidence REAL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    evidence TEXT NOT NULL);
CREATE TABLE corrections (id INTEGER PRIMARY KEY, report INTEGER NOT NULL REFERENCES reports(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, original TEXT NOT NULL, replacement TEXT NOT NULL,
    kind TEXT NOT NULL, reason TEXT, confidence REAL);
CREATE TABLE citations (id INTEGER PRIMARY KEY, report INTEGER NOT NULL REFERENCES reports(id), idx INTEGER NOT NULL,
    footnote INTEGER, number INTEGER, kind TEXT NOT NULL, author TEXT, work TEXT, title TEXT, translation TEXT,
    volume TEXT, pages TEXT, ibid_of INTEGER REFERENCES citations(id), place TEXT, year TEXT,
    marker_start INTEGER, marker_end INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE works (id INTEGER PRIMARY KEY, report INTEGER NOT NULL REFERENCES reports(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, title TEXT, translation TEXT,
    citation INTEGER REFERENCES citations(id));
CREATE TABLE entities (id INTEGER PRIMARY KEY, report INTEGER NOT NULL REFERENCES reports(id), kind TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, value TEXT);
CREATE INDEX mentions_person ON mentions (person);
CREATE INDEX facts_person ON facts (person);
CREATE INDEX facts_type_year ON facts (type, year);
CREATE INDEX citations_ibid ON citations (ibid_of);
CREATE INDEX works_citation ON works (citation);
CREATE INDEX entities_kind ON entities (kind);
"""

#: table -> columns indexed for full-text search
FTS = {"blocks": ("text",), "facts": ("evidence",), "citations": ("text", "author", "work"), "persons": ("name",)}


def _metadata(path: Path) -> dict:
    db = path.stem
    return {
        "title": "kartoteka export",
        "description": "Records derived from OCR'd translation reports; start/end are offsets into "
                       "reports.source_text.",
        "databases": {db: {"tables": {
            "reports": {"label_column": "number", "description": "One row per report (source text included)."},
            "blocks": {"label_column": "text", "fts_table": "blocks_fts", "fts_pk": "id",
                       "description": "Paragraphs, headings and footnotes as printed."},
            "persons": {"label_column": "name", "fts_table": "persons_fts", "fts_pk": "id"},
            "mentions": {"label_column": "text", "description": "Where each person is named."},
            "facts": {"label_column": "evidence", "fts_table": "facts_fts", "fts_pk": "id",
                      "description": "Claims about people, each with its evidence span."},
            "corrections": {"label_column": "replacement", "description": "OCR repairs: original -> replacement."},
            "citations": {"label_column": "text", "fts_table": "citations_fts", "fts_pk": "id",
                          "description": "Footnotes as references; ibid_of points at the repeated citation."},
            "works": {"label_column": "title"},
            "entities": {"label_column": "text"},
        }}},
    }


def export_sqlite(bundles: list[Bundle], out: Path, name: str = "kartoteka.sqlite") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SCHEMA)
        with conn:
            for b in bundles:
                _write(conn, b)
            for table, columns in FTS.items():
                cols = ", ".join(columns)
                conn.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5({cols}, content='{table}', "
                             f"content_rowid='id', tokenize='unicode61 remove_diacritics 2')")
                conn.execute(f"INSERT INTO {table}_fts(rowid, {cols}) SELECT id, {cols} FROM {table}")
        conn.execute("VACUUM")
    finally:
        conn.close()
    meta = out / "metadata.json"
    meta.write_text(json.dumps(_metadata(path), indent=2), encoding="utf-8")
    return [path, meta]


def _insert(conn: sqlite3.Connection, table: str, row: dict) -> int:
    cols = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" * len(row))
    return conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values())).lastrowid


def _write(conn: sqlite3.Connection, b: Bundle) -> None:
    h = b.report.header
    rid = _insert(conn, "reports", {"sha256": b.sha256, "number": h.number, "date": h.date, "title": h.title,
                                    "author": h.author, "urn": b.urn, "source_text": b.text})
    text = b.text
    for i, blk in enumerate(b.report.blocks):
        _insert(conn, "blocks", {"report": rid, "idx": i, "kind": blk.kind, "role": blk.role, "start": blk.start,
                                 "end": blk.end, "text": text[blk.start : blk.end]})
    pk: dict[str, int] = {}
    for p in tables.persons(b):
        row = {**p, "report": rid, "person_id": p["id"]}
        del row["id"]
        pk[p["id"]] = _insert(conn, "persons", row)
    for m in b.mentions():
        _insert(conn, "mentions", {"report": rid, "person": pk[m["person"]], "start": m["start"], "end": m["end"],
                                   "text": m["text"]})
    for f in tables.facts(b):
        row = {**f, "report": rid, "fact_id": f["id"], "person": pk.get(f["person_id"])}
        for k in ("id", "person_id"):
            del row[k]
        _insert(conn, "facts", row)
    for c in tables.corrections(b):
        _insert(conn, "corrections", {**c, "report": rid})
    cpk: list[int] = []
    for c in tables.citations(b):
        row = {**c, "report": rid, "idx": c["index"], "ibid_of": cpk[c["ibid_of"]] if c["ibid_of"] is not None
               else None}
        del row["index"]
        cpk.append(_insert(conn, "citations", row))
    for w in tables.works(b):
        _insert(conn, "works", {**w, "report": rid, "citation": cpk[w["citation"]] if w["citation"] is not None
                                else None})
    for e in tables.entities(b):
        _insert(conn, "entities", {**e, "report": rid})
