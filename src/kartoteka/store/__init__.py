"""The store: many reports and all their layers in SQLite (default) or PostgreSQL, with full-text search.

    >>> from kartoteka.store import connect, ingest, search
    >>> store = connect("kartoteka.db")            # or "postgresql://user@host/db"
    >>> ingest(store, ["reports/"])                # one transaction per report; idempotent by sha256
    >>> search(store, '"show trial" AND Zinoviev').hits
"""

from kartoteka.store.backend import DEFAULT_DB, Store, connect, default_url, is_postgres
from kartoteka.store.ingest import Summary, ingest
from kartoteka.store.migrations import SCHEMA_VERSION, upgrade
from kartoteka.store.search import Hit, Result, search

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "Hit",
    "Result",
    "Store",
    "Summary",
    "connect",
    "default_url",
    "ingest",
    "is_postgres",
    "search",
    "upgrade",
]
