"""`kartoteka ingest PATH...`: analyse reports and store them (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from kartoteka.cli import cli
from kartoteka.cli.common import console, err_console, print_json
from kartoteka.store import connect, default_url
from kartoteka.store import ingest as run_ingest
from kartoteka.store.read import stats


def db_option(f):
    return click.option(
        "--db", "db", default=None, metavar="URL",
        help="Store: a SQLite file (default: $KARTOTEKA_DB or kartoteka.db) or postgresql://user@host/db.",
    )(f)


@cli.command(
    epilog="Examples:\n\n\b\n  kartoteka ingest reports/ more/*.txt\n  kartoteka ingest reports/ --workers 2 "
    "--db postgresql://localhost/kartoteka\n  kartoteka ingest reports/ --json | jq .skipped"
)
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--workers", type=click.IntRange(1, 256), default=None, help="Analyse on a local Dask cluster of N workers."
)
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Analyse on an existing Dask scheduler.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def ingest(paths: tuple[str, ...], db: str | None, workers: int | None, scheduler: str | None, as_json: bool) -> None:
    """Store reports (files, folders, globs of .txt; PDFs with a text layer) with all their layers.

    Idempotent (a report is keyed by the sha256 of its bytes) and atomic per report; bad files are
    skipped and listed. Reports derived by an older pipeline are re-derived from the stored source.
    """
    url = db or default_url()
    with connect(url) as store:
        show = not as_json and err_console.is_terminal
        with Progress(
            TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=err_console, disable=not show, transient=True,
            # Refreshed from this thread on each file: no refresh thread runs when `--workers` forks.
            auto_refresh=False,
        ) as progress:
            task = progress.add_task("ingest", total=None)

            def on_file(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total, refresh=True)

            summary = run_ingest(store, list(paths), workers=workers, scheduler=scheduler, on_file=on_file)
        totals = stats(store)
    payload = {**summary.to_json(), "db": _safe(url), "store": totals}
    if as_json:
        print_json(payload)
        return
    table = Table(title=f"ingest into {_safe(url)}", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("files", str(summary.files))
    table.add_row("reports stored", f"{summary.new} new, {summary.rederived} re-derived, {summary.unchanged} unchanged")
    table.add_row("blocks", str(summary.blocks))
    table.add_row("persons", str(summary.persons))
    table.add_row("facts", str(summary.facts))
    table.add_row("corrections", str(summary.corrections))
    table.add_row("skipped", str(len(summary.skipped)))
    workers = f"{summary.workers} worker{'s' if summary.workers > 1 else ''}"
    if summary.in_main_process:
        workers += f"; {summary.in_main_process} analysed here while the cluster started"
    table.add_row("time", f"{summary.seconds:.1f} s ({workers})")
    table.add_row("store", f"{totals['reports']} reports, {totals['persons']} corpus persons, {totals['facts']} facts")
    console.print(table)
    for path, reason in summary.skipped:
        console.print(f"[yellow]skipped[/] {escape(f'{path}: {reason}')}")


def _safe(url: str) -> str:
    from kartoteka.store.backend import _redact

    return _redact(url)
