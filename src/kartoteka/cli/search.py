"""`kartoteka search QUERY`: full text over every stored report (repaired reading and original OCR)."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.table import Table

from kartoteka.cli import cli
from kartoteka.cli.common import console, print_json
from kartoteka.cli.ingest import db_option
from kartoteka.store import connect, default_url
from kartoteka.store import search as run_search
from kartoteka.store.migrations import require_current


@cli.command(
    epilog="Query syntax: words, \"phrases\", prefix*, AND, OR, NOT, (groups). Surnames of persons in the\n"
    "store also match their other spellings (Zinoviev finds Zinovyev, Ежов finds Yezhov).\n\n"
    "Examples:\n\n\b\n  kartoteka search 'Zinoviev AND \"show trial\"'\n  kartoteka search 'rehabilit* NOT Bukharin' "
    "--limit 5 --json"
)
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Hits to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON on stdout.")
def search(query: str, db: str | None, limit: int, as_json: bool) -> None:
    """Search the blocks of all stored reports; hits carry snippets and source offsets."""
    with connect(db or default_url(), create=False) as store:
        require_current(store)
        result = run_search(store, query, limit=limit)
    if as_json:
        print_json(result.to_json())
        return
    if not result.hits:
        console.print(escape(f"no hits for {query!r}"))
        return
    table = Table(
        title=escape(f"{result.total} blocks match {query!r}" + (f" (top {limit})" if result.total > limit else ""))
    )
    table.add_column("report")
    table.add_column("block", justify="right")
    table.add_column("offsets", justify="right")
    table.add_column("snippet", overflow="fold")
    for h in result.hits:
        parts = h.snippet.split("**")
        snippet = "".join(f"[bold yellow]{escape(p)}[/]" if i % 2 else escape(p) for i, p in enumerate(parts))
        where = escape(h.report or h.sha256[:12])
        if h.division:
            where += f"\n[dim]{escape(h.division[:40])}[/]"
        table.add_row(where, str(h.block), f"{h.start}-{h.end}", snippet)
    console.print(table)
