"""`kartoteka repair`: the reversible OCR repair layer of one report."""

from __future__ import annotations

import time

import click
from rich.markup import escape
from rich.table import Table

from kartoteka.cli import cli
from kartoteka.cli.common import console, print_json
from kartoteka.ingest import load_source
from kartoteka.repair import DEFAULT_MIN_CONFIDENCE, KINDS, repair


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ").replace("\t", " ")
    right = text[end : end + width].replace("\n", " ").replace("\t", " ")
    return escape(f"…{left}[{text[start:end]}]{right}…")


@cli.command(
    "repair",
    epilog=(
        "Examples:\n\n\b\n"
        "  kartoteka repair ../shared/corpus/JPRS-UPA-89-042.txt\n"
        "  kartoteka repair report.txt --json | jq '.stats'\n"
        "  kartoteka repair report.txt --text > repaired.txt\n"
        "  kartoteka repair report.txt --min-confidence 0.8\n"
    ),
)
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Corrections, source and stats as JSON.")
@click.option("--text", "as_text", is_flag=True, help="Print the repaired reading instead of a table.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_MIN_CONFIDENCE,
    show_default=True,
    help="Apply only corrections at or above this confidence.",
)
def repair_command(file: str, as_json: bool, as_text: bool, min_confidence: float) -> None:
    """Propose and apply reversible OCR repairs: misread names and words, split and merged words,
    hyphens left inside words.

    The source is never changed: each correction is a [start, end) span of the source with its
    replacement, kind, the evidence that decided it, and a confidence.
    """
    if as_json and as_text:
        raise click.UsageError("choose one of --json and --text")
    source = load_source(file)
    t0 = time.perf_counter()
    result = repair(source, min_confidence=min_confidence)
    seconds = time.perf_counter() - t0
    if as_text:
        click.echo(result.text, nl=False)
        return
    applied = result.corrections
    if as_json:
        by_kind = {kind: 0 for kind in KINDS}
        for c in applied:
            by_kind[c.kind] += 1
        print_json(
            {
                "source": source.to_json(),
                "corrections": [c.to_json() for c in applied],
                "stats": {"corrections": len(applied), "by_kind": by_kind, "seconds": round(seconds, 3)},
            }
        )
        return
    table = Table(title=f"{len(applied)} corrections applied (confidence ≥ {min_confidence})")
    for col in ("original", "replacement", "kind", "confidence", "context"):
        table.add_column(col, overflow="fold")
    for c in sorted(applied, key=lambda c: (-c.confidence, c.start)):
        context = _context(source.text, c.start, c.end)
        table.add_row(escape(c.original), escape(c.replacement), c.kind, f"{c.confidence:.2f}", context)
    console.print(table)
