"""A tiny DB-API adapter over sqlite3 and psycopg 3: the one place for dialect differences.

SQL in the store is written once with `?` placeholders; `Store.sql` turns them into `%s` for psycopg.
Every write happens inside `Store.transaction()`: one transaction, committed whole or not at all.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kartoteka.errors import InputError

DEFAULT_DB = "kartoteka.db"


def default_url() -> str:
    return os.environ.get("KARTOTEKA_DB") or DEFAULT_DB


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


class Store:
    """An open store. `dialect` is "sqlite" or "postgres"."""

    def __init__(self, url: str, conn: Any, dialect: str):
        self.url = url
        self.conn = conn
        self.dialect = dialect
        self._in_tx = False

    # -- SQL -------------------------------------------------------------------------------------
    def sql(self, statement: str) -> str:
        if self.dialect == "postgres":
            return statement.replace("%", "%%").replace("?", "%s")
        return statement

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self.sql(statement), tuple(params))
        return cur

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        cur = self.conn.cursor()
        cur.executemany(self.sql(statement), rows)

    def script(self, statements: str) -> None:
        """Run DDL: statements separated by lines holding only `;;` (triggers contain `;`)."""
        for statement in statements.split("\n;;\n"):
            if statement.strip():
                self.conn.cursor().execute(statement)

    def all(self, statement: str, params: Sequence[Any] = ()) -> list[tuple]:
        return [tuple(r) for r in self.execute(statement, params).fetchall()]

    def one(self, statement: str, params: Sequence[Any] = ()) -> tuple | None:
        row = self.execute(statement, params).fetchone()
        return tuple(row) if row is not None else None

    def scalar(self, statement: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(statement, params)
        return row[0] if row else None

    def has_table(self, name: str) -> bool:
        if self.dialect == "sqlite":
            q = "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?"
        else:
            q = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
        return self.one(q, (name,)) is not None

    # -- transactions ----------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Store]:
        if self._in_tx:
            yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._in_tx = True
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()
        finally:
            self._in_tx = False

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(url: str | None = None, create: bool = True) -> Store:
    """Open the store at `url`: a SQLite path (or `sqlite:///path`) or a `postgresql://` URL."""
    url = url or default_url()
    if is_postgres(url):
        try:
            import psycopg
        except ImportError:
            raise InputError(
                "PostgreSQL support needs psycopg: pip install 'kartoteka[postgres]'"
            ) from None
        try:
            conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as error:
            raise InputError(f"cannot connect to {_redact(url)}: {str(error).strip().splitlines()[0]}") from None
        return Store(url, _PgConn(conn), "postgres")
    path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a store file")
    if not create and not p.exists():
        raise InputError(f"{p}: no such store (run `kartoteka ingest` first)")
    try:
        conn = sqlite3.connect(str(p), isolation_level=None, timeout=60, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.DatabaseError as error:
        raise InputError(f"{p}: not a kartoteka store ({error})") from None
    return Store(url, _SqliteConn(conn), "sqlite")


def _redact(url: str) -> str:
    if "@" in url and ":" in url.split("@")[0].split("//", 1)[-1]:
        head, tail = url.split("@", 1)
        scheme, rest = head.split("//", 1)
        return f"{scheme}//{rest.split(':')[0]}:***@{tail}"
    return url


class _SqliteConn:
    """sqlite3 in autocommit mode with explicit BEGIN/COMMIT."""

    def __init__(self, conn: sqlite3.Connection):
        self._c = conn

    def cursor(self) -> sqlite3.Cursor:
        return self._c.cursor()

    def execute(self, *a: Any) -> sqlite3.Cursor:
        return self._c.execute(*a)

    def commit(self) -> None:
        if self._c.in_transaction:
            self._c.execute("COMMIT")

    def rollback(self) -> None:
        if self._c.in_transaction:
            self._c.execute("ROLLBACK")

    def close(self) -> None:
        self._c.close()


class _PgConn:
    """psycopg 3 in autocommit mode with explicit BEGIN/COMMIT (reads never hold a snapshot open)."""

    def __init__(self, conn: Any):
        self._c = conn
        self._open = False

    def cursor(self) -> Any:
        return self._c.cursor()

    def execute(self, statement: str) -> Any:
        if statement == "BEGIN IMMEDIATE":
            statement = "BEGIN"
        if statement == "BEGIN":
            self._open = True
        return self._c.execute(statement)

    def commit(self) -> None:
        if self._open:
            self._open = False
            self._c.execute("COMMIT")

    def rollback(self) -> None:
        if self._open:
            self._open = False
            self._c.execute("ROLLBACK")

    def close(self) -> None:
        self._c.close()
