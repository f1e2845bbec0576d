"""DDL for both backends. Statements are separated by lines holding only `;;`.

Offsets are `[start, "end")` into `reports.source_text` (`end` is quoted: it is an SQL keyword).
`persons.forms` holds the single-word spellings of a person's surname in the report, one a line (for
name expansion in search); `persons.json` is the person record without its mentions (those are rows of
`person_mentions`). `blocks.repaired_text` is NULL where the repaired reading equals the source (most
blocks), which keeps both the table and the full-text index small; the full-text index covers both columns, so a query
matches the repaired reading and the original OCR alike.

SQLite: an FTS5 external-content table over `blocks`, kept in step by triggers.
PostgreSQL: a stored `tsvector` column with a GIN index (`simple` configuration: no stemming, like
FTS5's `unicode61`, so both backends find the same blocks).
"""

from __future__ import annotations

#: Tables holding one report's derived layers (deleted and rewritten on re-derivation).
DERIVED_TABLES = (
    "blocks", "divisions", "footnotes", "glosses", "corrections",
    "persons", "person_mentions", "facts", "entities", "corpus_person_links",
)

_COMMON = """
CREATE TABLE reports (
    sha256 TEXT PRIMARY KEY,
    number TEXT,
    date TEXT,
    title TEXT,
    path TEXT,
    bytes BIGINT NOT NULL,
    encoding TEXT,
    warnings TEXT,
    source_text TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    derived_at TEXT NOT NULL
)
;;
CREATE TABLE blocks (
    id {id_pk},
    report TEXT NOT NULL REFERENCES reports(sha256),
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    role TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    division INTEGER,
    continues INTEGER,
    text TEXT NOT NULL,
    repaired_text TEXT{tsv},
    UNIQUE (report, idx)
)
;;
CREATE TABLE divisions (
    report TEXT NOT NULL REFERENCES reports(sha256),
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    number TEXT,
    ordinal INTEGER,
    title TEXT,
    level INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    parent INTEGER,
    PRIMARY KEY (report, idx)
){wr}
;;
CREATE TABLE footnotes (
    report TEXT NOT NULL REFERENCES reports(sha256),
    idx INTEGER NOT NULL,
    block INTEGER,
    number INTEGER,
    ordinal INTEGER,
    text TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    marker_start INTEGER,
    marker_end INTEGER,
    PRIMARY KEY (report, idx)
){wr}
;;
CREATE TABLE glosses (
    report TEXT NOT NULL REFERENCES reports(sha256),
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    term TEXT,
    gloss TEXT,
    term_start INTEGER,
    term_end INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (report, idx)
){wr}
;;
CREATE TABLE corrections (
    report TEXT NOT NULL REFERENCES reports(sha256),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    original TEXT NOT NULL,
    replacement TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT,
    confidence {real},
    PRIMARY KEY (report, idx)
){wr}
;;
CREATE TABLE persons (
    report TEXT NOT NULL REFERENCES reports(sha256),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    surname TEXT,
    key TEXT NOT NULL,
    surname_key TEXT NOT NULL,
    initial TEXT NOT NULL,
    forms TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (report, id)
){wr}
;;
CREATE INDEX persons_surname_key ON persons (surname_key)
;;
CREATE TABLE person_mentions (
    report TEXT NOT NULL REFERENCES reports(sha256),
    person TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
)
;;
CREATE INDEX person_mentions_person ON person_mentions (report, person)
;;
CREATE TABLE corpus_persons (
    id TEXT PRIMARY KEY,
    surname_key TEXT NOT NULL,
    initial TEXT NOT NULL,
    name TEXT NOT NULL
)
;;
CREATE INDEX corpus_persons_key ON corpus_persons (surname_key)
;;
CREATE TABLE corpus_person_links (
    corpus_person TEXT NOT NULL,
    report TEXT NOT NULL REFERENCES reports(sha256),
    person TEXT NOT NULL,
    PRIMARY KEY (report, person)
){wr}
;;
CREATE INDEX corpus_person_links_cp ON corpus_person_links (corpus_person)
;;
CREATE TABLE facts (
    report TEXT NOT NULL REFERENCES reports(sha256),
    id TEXT NOT NULL,
    person TEXT,
    type TEXT,
    year INTEGER,
    modality TEXT,
    start INTEGER,
    "end" INTEGER,
    json TEXT NOT NULL,
    PRIMARY KEY (report, id)
){wr}
;;
CREATE INDEX facts_type_year ON facts (type, year)
;;
CREATE INDEX facts_person ON facts (report, person)
;;
CREATE TABLE entities (
    report TEXT NOT NULL REFERENCES reports(sha256),
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (report, idx)
){wr}
;;
CREATE INDEX entities_kind ON entities (kind)
"""

_SQLITE_FTS = """
CREATE VIRTUAL TABLE blocks_fts USING fts5(
    text, repaired_text, content='blocks', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
)
;;
CREATE TRIGGER blocks_ai AFTER INSERT ON blocks BEGIN
    INSERT INTO blocks_fts(rowid, text, repaired_text) VALUES (new.id, new.text, new.repaired_text);
END
;;
CREATE TRIGGER blocks_ad AFTER DELETE ON blocks BEGIN
    INSERT INTO blocks_fts(blocks_fts, rowid, text, repaired_text)
    VALUES ('delete', old.id, old.text, old.repaired_text);
END
"""

_PG_FTS = """
CREATE INDEX blocks_tsv ON blocks USING GIN (tsv)
"""

_PG_TSV = (
    ",\n    tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text || ' ' || coalesce(repaired_text, ''))) STORED"
)


_CORPUS_PERSON_NAMES = """
CREATE TABLE corpus_person_names (
    surname_key TEXT NOT NULL,
    initial TEXT NOT NULL,
    name TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (surname_key, initial, name)
){wr}
"""


_SURNAME_FORMS = """
CREATE TABLE surname_forms (
    surname_key TEXT NOT NULL,
    form TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (surname_key, form)
){wr}
"""


def surname_forms_schema(dialect: str) -> str:
    """Migration 4: the single-word spellings of each surname key over the store, with the number of person
    records that use them (search expands a surname to its other spellings from here)."""
    return _SURNAME_FORMS.format(wr=" WITHOUT ROWID" if dialect == "sqlite" else "")


def corpus_person_names_schema(dialect: str) -> str:
    """Migration 3: person records counted per (surname key, own initial, name), for incremental linking."""
    return _CORPUS_PERSON_NAMES.format(wr=" WITHOUT ROWID" if dialect == "sqlite" else "")


def initial_schema(dialect: str) -> str:
    if dialect == "sqlite":
        common = _COMMON.format(id_pk="INTEGER PRIMARY KEY", real="REAL", tsv="", wr=" WITHOUT ROWID")
        return common + "\n;;\n" + _SQLITE_FTS
    return (
        _COMMON.format(
            id_pk="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", real="DOUBLE PRECISION", tsv=_PG_TSV, wr=""
        )
        + "\n;;\n"
        + _PG_FTS
    )
