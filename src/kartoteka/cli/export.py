"""`kartoteka export FORMAT [FILE | --db URL] -o DIR`: everything kartoteka knows, in the formats other tools read."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from kartoteka.cli import cli
from kartoteka.cli.common import console, print_json

FORMATS = ("tei", "jsonld", "csv", "sqlite", "graph", "bib")


def run_export(fmt: str, bundles, out: Path) -> list[Path]:
    if fmt == "tei":
        from kartoteka.export.tei import export_tei

        return export_tei(bundles, out)
    if fmt == "jsonld":
        from kartoteka.export.jsonld import export_jsonld

        return export_jsonld(bundles, out)
    if fmt == "csv":
        from kartoteka.export.csv import export_csv

        return export_csv(bundles, out)
    if fmt == "sqlite":
        from kartoteka.export.sqlite import export_sqlite

        return export_sqlite(bundles, out)
    if fmt == "graph":
        from kartoteka.export.graph import export_graph

        return export_graph(bundles, out)
    from kartoteka.export.bib import export_bib

    return export_bib(bundles, out)


@cli.command(
    epilog="Examples:\n\n\b\n  kartoteka export tei report.txt -o out/\n"
    "  kartoteka export csv --db kartoteka.db -o csv/\n"
    "  kartoteka export sqlite report.txt -o site/ && datasette site/kartoteka.sqlite -m site/metadata.json\n"
    "  kartoteka export bib report.txt -o refs/\n\n"
    "Formats: tei (TEI P5, one file per report), jsonld (W3C Web Annotation), csv (persons, facts, mentions, "
    "corrections, citations), sqlite (for Datasette, with full-text search), graph (GraphML and GEXF person "
    "network), bib (cited works as CSL-JSON and BibTeX)."
)
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.argument("file", required=False)
@click.option("--db", help="Read from a store instead of a file (SQLite path or postgresql://...).")
@click.option("--report", "report_id", help="With --db: only this report (number or sha256).")
@click.option("-o", "--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write into (created if missing).")
@click.option("--json", "as_json", is_flag=True, help="Print the written files as JSON.")
@click.option("--raw", is_flag=True, help="With --db: the machine's records, without the curation decisions "
              "(the default writes the curated state).")
def export(fmt, file, db, report_id, out, as_json, raw) -> None:
    """Write a report (FILE, the pipeline runs on it) or every stored report (--db) as FORMAT into DIR.

    From a store the curated state is written (historians' decisions applied); --raw writes the machine's."""
    from kartoteka.export.bundle import load

    bundles = load(file, db, report_id, curated=not raw)
    written = run_export(fmt, bundles, out)
    if as_json:
        print_json({"format": fmt, "view": "raw" if raw or not db else "curated", "files": [str(p) for p in written]})
        return
    for p in written:
        console.print(escape(f"wrote {p} ({p.stat().st_size:,} bytes)"))
