"""`kartoteka stats`: what the store holds."""

from __future__ import annotations

import click
from rich.table import Table

from kartoteka.cli import cli
from kartoteka.cli.common import console, print_json
from kartoteka.cli.ingest import db_option
from kartoteka.store import connect, default_url
from kartoteka.store.migrations import require_current
from kartoteka.store.read import stats as store_stats


@cli.command(
    epilog="Examples:\n\n\b\n  kartoteka stats\n  kartoteka stats --db postgresql://localhost/kartoteka --json"
)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON on stdout.")
def stats(db: str | None, as_json: bool) -> None:
    """Counts of reports, corpus persons, mentions, facts, corrections and source bytes in the store."""
    with connect(db or default_url(), create=False) as store:
        require_current(store)
        counts = store_stats(store)
    if as_json:
        print_json(counts)
        return
    table = Table(show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for key, value in counts.items():
        table.add_row(key, f"{value:,}")
    console.print(table)
