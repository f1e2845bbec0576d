"""`kartoteka outline FILE`: the report's structure as a tree, or as JSON."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.tree import Tree

from kartoteka.cli import cli
from kartoteka.cli.common import console, print_json
from kartoteka.ingest import load_source
from kartoteka.structure import Report, read_report


@cli.command(
    epilog="Examples:\n\n\b\n  kartoteka outline report.txt\n  kartoteka outline report.txt --json | jq .report"
)
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the structure as JSON on stdout.")
def outline(file: str, as_json: bool) -> None:
    """Rebuild the structure of a JPRS/FBIS report: header, contents, parts, chapters,
    sections, instalments, footnotes and glosses, with character offsets."""
    report = read_report(load_source(file))
    if as_json:
        print_json(report.to_json())
        return
    console.print(render_tree(report))
    for warning in report.source.warnings:
        console.print(f"[yellow]warning:[/] {escape(str(warning))}")


def _short(s: str | None, n: int = 70) -> str:
    if s is None:
        return "-"
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render_tree(report: Report) -> Tree:
    h = report.header
    label = f"[bold]{escape(h.number or '(no report number)')}[/] " + escape(
        f"{h.date or ''}  {h.region or ''} / {h.subject or ''}"
    )
    tree = Tree(label)
    if h.title or h.author:
        tree.add(f"[italic]{escape(_short(h.title))}[/] by {escape(h.author or '-')}")
    if report.contents:
        contents = tree.add(f"Contents ({len(report.contents)} entries)")
        for e in report.contents:
            page = f" p {e.page}" if e.page else ""
            unmatched = "" if e.division is not None else " [dim](no heading)[/]"
            contents.add(escape(f"{_short(e.title)}{page}") + unmatched)
    for ins in report.instalments:
        pages = f"pp {ins.pages[0]}-{ins.pages[1]}" if ins.pages else ""
        tree.add(f"[cyan]{escape(f'{ins.publication} No {ins.number}, {ins.month} {ins.year} {pages}')}[/]")
    nodes: dict[int, Tree] = {}
    counts = _block_counts(report)
    for i, d in enumerate(report.divisions):
        parent = nodes.get(d.parent) if d.parent is not None else tree
        if d.kind == "section":
            name = f"§ {escape(str(d.number))} [dim](#{d.ordinal})[/]"
        else:
            name = escape(_short(d.title or (f"§ {d.number}" if d.number else f"{d.kind} {d.ordinal}")))
        extra = f" [dim]{counts.get(i, 0)} paragraphs[/]" if counts.get(i) else ""
        nodes[i] = (parent or tree).add(f"{d.kind} {d.ordinal}: {name}{extra}")
    blocks = report.blocks
    footnote_blocks = sum(
        1 for i, b in enumerate(blocks) if b.role == "footnotes" and i + 1 < len(blocks)
    )
    tree.add(
        f"{len(blocks)} blocks, {len(report.footnotes)} footnotes in {footnote_blocks} blocks "
        f"({sum(1 for f in report.footnotes if f.marker)} linked to markers), {len(report.glosses)} glosses"
    )
    return tree


def _block_counts(report: Report) -> dict[int, int]:
    counts: dict[int, int] = {}
    for b in report.blocks:
        if b.kind == "paragraph" and b.division is not None:
            counts[b.division] = counts.get(b.division, 0) + 1
    return counts
