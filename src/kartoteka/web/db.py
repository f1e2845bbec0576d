"""A read-only connection to the store, shared by the request threads under a lock."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from kartoteka.errors import InputError
from kartoteka.store.backend import Store, _SqliteConn, connect, is_postgres
from kartoteka.store.migrations import require_current


def open_readonly(url: str) -> Store:
    """Open `url` for reading only: SQLite in `mode=ro` with `query_only`; PostgreSQL read-only sessions."""
    if is_postgres(url):
        store = connect(url, create=False)
        store.execute("SET default_transaction_read_only = on")
    else:
        path = Path(url.removeprefix("sqlite:///").removeprefix("sqlite://"))
        if not path.is_file():
            raise InputError(f"{path}: no such store (run `kartoteka ingest` first)")
        try:
            conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, isolation_level=None,
                                   check_same_thread=False, timeout=30)
            conn.execute("PRAGMA query_only = ON")
        except sqlite3.DatabaseError as error:
            raise InputError(f"{path}: not a kartoteka store ({error})") from None
        store = Store(url, _SqliteConn(conn), "sqlite")
    try:
        require_current(store)
    except Exception:
        store.close()
        raise
    return store


class Database:
    """One read-only store; `with db.use() as store:` serialises access across request threads."""

    def __init__(self, url: str):
        self.url = url
        self.store = open_readonly(url)
        self._lock = threading.RLock()

    @contextmanager
    def use(self) -> Iterator[Store]:
        with self._lock:
            yield self.store

    def close(self) -> None:
        self.store.close()
