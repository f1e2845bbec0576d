"""`kartoteka citations FILE`: the report's footnotes as structured references, with works named in the text."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.table import Table

from kartoteka.cli import cli
from kartoteka.cli.common import console, print_json


def citations_json(bundles) -> dict:
    many = len(bundles) > 1 or any(b.origin == "store" for b in bundles)
    out: dict = {"citations": [], "works": []}
    for b in bundles:
        extra = {"report": b.number, "sha256": b.sha256} if many else {}
        out["citations"] += [{**c.to_json(), **extra} for c in b.citations]
        out["works"] += [{**w.to_json(), **extra} for w in b.works]
    return out


@cli.command(epilog="Examples:\n\n\b\n  kartoteka citations report.txt\n"
                    "  kartoteka citations report.txt --json | jq '.citations[] | select(.ibid_of != null)'\n"
                    "  kartoteka citations --db kartoteka.db --json")
@click.argument("file", required=False)
@click.option("--db", help="Read from a store instead of a file (SQLite path or postgresql://...).")
@click.option("--report", "report_id", help="With --db: only this report (number or sha256).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--works", "show_works", is_flag=True, help="Also list the works named in the text.")
def citations(file, db, report_id, as_json, show_works) -> None:
    """Footnotes as references: author, work (abbreviations expanded), volume, pages, and for every
    Ibid. and op. cit. the citation it repeats; works named in the text linked to their citation."""
    from kartoteka.export.bundle import load

    bundles = load(file, db, report_id)
    if as_json:
        print_json(citations_json(bundles))
        return
    for b in bundles:
        table = Table(title=f"{b.name}: {len(b.citations)} citations")
        for col in ("#", "fn", "kind", "author", "work", "vol", "pages", "repeats"):
            table.add_column(col, overflow="fold")
        for i, c in enumerate(b.citations):
            work = c.work or ("" if c.kind != "note" else _short(c.text))
            table.add_row(str(i), str(c.number if c.number is not None else "?"), c.kind, escape(c.author or ""),
                          work if c.work is None else escape(work), escape(c.volume or ""), escape(c.pages or ""),
                          "" if c.ibid_of is None else f"#{c.ibid_of}")
        console.print(table)
        if show_works:
            wt = Table(title=f"{len(b.works)} works named in the text")
            for col in ("start", "title", "translation", "citation"):
                wt.add_column(col, overflow="fold")
            for w in b.works:
                wt.add_row(str(w.start), escape(w.title), escape(w.translation or ""),
                           "" if w.citation is None else f"#{w.citation}")
            console.print(wt)


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return f"[dim]{escape(s if len(s) <= n else s[: n - 1] + '…')}[/]"
