"""`kartoteka entities FILE`: people, organisations, places, dates, quantities and works, in source offsets."""

from __future__ import annotations

from collections import Counter

import click
from rich.markup import escape
from rich.table import Table

from kartoteka.cli import cli
from kartoteka.cli.common import console, print_json
from kartoteka.extract.entities import find_entities
from kartoteka.extract.mention import KINDS
from kartoteka.ingest import load_source
from kartoteka.repair import repair
from kartoteka.resolve import find_persons
from kartoteka.structure import read_report


@cli.command(
    "entities",
    epilog=(
        "Examples:\n\n\b\n"
        "  kartoteka entities ../shared/corpus/JPRS-UPA-89-042.txt\n"
        "  kartoteka entities report.txt --json | jq '.entities[] | select(.kind == \"DATE\")'\n"
        "  kartoteka entities report.txt --kind ORG --kind PLACE\n"
    ),
)
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the entity mentions as JSON on stdout.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only these kinds (repeatable).")
def entities_command(file: str, as_json: bool, kinds: tuple[str, ...]) -> None:
    """Entity mentions of six kinds: PERSON (with the person id), ORG (with the report's expansion of an
    acronym), PLACE, DATE (EDTF), QUANTITY (number and unit) and WORK, each a [start, end) span of the source."""
    source = load_source(file)
    report = read_report(source)
    repaired = repair(source)
    ents = find_entities(report, repaired, find_persons(report, repaired))
    if kinds:
        ents = [e for e in ents if e.kind in kinds]
    if as_json:
        print_json({
            "source": source.to_json(),
            "entities": [
                {"kind": e.kind, "start": e.start, "end": e.end, "text": e.text, "value": e.value,
                 "confidence": round(e.confidence, 3)}
                for e in ents
            ],
        })
        return
    counts = Counter(e.kind for e in ents)
    table = Table(title=f"{len(ents)} entity mentions")
    for col in ("kind", "count", "most frequent"):
        table.add_column(col, overflow="fold")
    for kind in KINDS:
        if not counts.get(kind):
            continue
        top = Counter(_reading(e) for e in ents if e.kind == kind).most_common(6)
        table.add_row(kind, str(counts[kind]), escape(", ".join(f"{t} ({n})" for t, n in top)))
    console.print(table)


def _reading(e) -> str:
    """The mention as it reads: its repaired form where it has one (`F. AVDA` counts as PRAVDA)."""
    text = e.value.get("repaired", e.text) if isinstance(e.value, dict) else e.text
    return " ".join(text.split())
