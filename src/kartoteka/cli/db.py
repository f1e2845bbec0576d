"""`kartoteka db upgrade`: bring a store's schema to this version of kartoteka."""

from __future__ import annotations

import click

from kartoteka.cli import cli
from kartoteka.cli.common import console, print_json
from kartoteka.cli.ingest import db_option
from kartoteka.store import connect, default_url
from kartoteka.store.migrations import SCHEMA_VERSION, current_version
from kartoteka.store.migrations import upgrade as run_upgrade


@cli.group(epilog="Example:\n\n\b\n  kartoteka db upgrade --db kartoteka.db")
def db() -> None:
    """Manage the store (schema migrations)."""


@db.command(epilog="Example:\n\n\b\n  kartoteka db upgrade --db postgresql://localhost/kartoteka")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
def upgrade(db: str | None, as_json: bool) -> None:
    """Apply the schema migrations the store is missing (creates an empty store when there is none)."""
    with connect(db or default_url()) as store:
        before = current_version(store)
        applied = run_upgrade(store)
    payload = {"from": before, "to": SCHEMA_VERSION, "applied": [f"{m.version}: {m.description}" for m in applied]}
    if as_json:
        print_json(payload)
    elif applied:
        console.print(f"schema {before} -> {SCHEMA_VERSION}: " + "; ".join(payload["applied"]))
    else:
        console.print(f"schema is current (version {SCHEMA_VERSION})")
