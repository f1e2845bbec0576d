"""DDL of the decisions table (migration 2).

`decisions` is append-only: the store refuses UPDATE and DELETE on it (a trigger on both backends). A decision
that replaces or withdraws an earlier one names it in `supersedes`; "superseded by" is computed, never written
back. `report` is the report's sha256 and deliberately not a foreign key: decisions outlive every derived layer,
and an imported decision may name a report this store does not hold yet (it is listed as orphaned until then).
`seq` orders decisions within a store (import keeps the original `created_at` and `id`).
"""

from __future__ import annotations

_TABLE = """
CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL UNIQUE,
    report TEXT NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    payload TEXT NOT NULL,
    author TEXT NOT NULL CHECK (length(trim(author)) > 0),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at TEXT NOT NULL,
    supersedes TEXT
)
;;
CREATE INDEX decisions_report ON decisions (report, seq)
"""

_SQLITE_GUARD = """
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END
;;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END
"""

_PG_GUARD = """
CREATE FUNCTION decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'decisions are append-only';
END
$$
;;
CREATE TRIGGER decisions_no_change BEFORE UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION decisions_append_only()
"""


def decisions_schema(dialect: str) -> str:
    return _TABLE + "\n;;\n" + (_SQLITE_GUARD if dialect == "sqlite" else _PG_GUARD)
