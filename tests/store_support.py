"""Helpers for the store tests: backends (SQLite file, PostgreSQL schema) and generated report variants."""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASE_REPORTS = [FIXTURES / "essay_report.txt", FIXTURES / "collection_report.txt",
                FIXTURES / "store" / "purge_report.txt"]
PG_ENV = "KARTOTEKA_TEST_PG"
PG_SKIP = f"PostgreSQL store tests skipped: set {PG_ENV}=postgresql://... (.ci/run starts a throwaway server)"

_NUMBER_RE = re.compile(r"JPRS-UPA-\d\d-\d\d\d")


def pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def fresh_pg_schema(base: str) -> str:
    """A new empty schema on the test server; the returned URL puts it first on the search path."""
    import psycopg

    name = "kt_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{name}"


def store_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return str(tmp_path / "store.db")
    base = pg_url()
    if not base:
        pytest.skip(PG_SKIP)
    return fresh_pg_schema(base)


def variants(folder: Path, n: int, start: int = 1) -> list[Path]:
    """`n` distinct reports: the fixtures with their own report numbers and one sentence of their own."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        base = BASE_REPORTS[i % len(BASE_REPORTS)].read_text(encoding="utf-8")
        number = f"JPRS-UPA-{88 + i % 4:02d}-{100 + i:03d}"
        text = _NUMBER_RE.sub(number, base)
        text += f"\nThis is generated variant number {i} of the store tests.\n"
        p = folder / f"report_{i:03d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


TABLES = ("reports", "blocks", "divisions", "footnotes", "glosses", "corrections", "persons", "person_mentions",
          "facts", "entities", "corpus_persons", "corpus_person_links")
_SKIP_COLUMNS = {"ingested_at", "derived_at", "id", "path", "tsv"}


def dump(store) -> dict[str, list[tuple]]:
    """Every table's content, sorted, without timestamps, paths and surrogate ids."""
    out = {}
    for table in TABLES:
        cur = store.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        keep = [i for i, n in enumerate(names) if n not in _SKIP_COLUMNS or (table == "persons" and n == "id")
                or (table == "facts" and n == "id") or (table == "corpus_persons" and n == "id")]
        out[table] = sorted((tuple(row[i] for i in keep) for row in cur.fetchall()), key=repr)
    return out
