"""`kartoteka persons FILE`: one record per distinct real person the report names."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.table import Table

from kartoteka.cli import cli
from kartoteka.cli.common import console, print_json
from kartoteka.ingest import load_source
from kartoteka.repair import repair
from kartoteka.resolve import find_persons
from kartoteka.structure import read_report


def _short(items: list[str], n: int = 4) -> str:
    s = ", ".join(items[:n])
    return s + (f" (+{len(items) - n})" if len(items) > n else "")


@cli.command(
    "persons",
    epilog=(
        "Examples:\n\n\b\n"
        "  kartoteka persons ../shared/corpus/JPRS-UPA-89-042.txt\n"
        "  kartoteka persons report.txt --json | jq '.persons[] | select(.surname == \"Yezhov\")'\n"
    ),
)
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the persons as JSON on stdout.")
def persons_command(file: str, as_json: bool) -> None:
    """People the report names, resolved across spellings, initials, possessives and aliases.

    Each person has a stable id, the fullest name the text gives, every surface form, aliases, role
    phrases, FBIS/LOC/Cyrillic keys, and every mention as [start, end) source offsets.
    """
    source = load_source(file)
    report = read_report(source)
    persons = find_persons(report, repair(source))
    if as_json:
        print_json({"source": source.to_json(), "persons": [p.to_json() for p in persons]})
        return
    persons = sorted(persons, key=lambda p: (-len(p.mentions), p.id))
    table = Table(title=f"{len(persons)} persons")
    for col in ("name", "forms", "mentions", "roles"):
        table.add_column(col, overflow="fold")
    for p in persons:
        table.add_row(escape(p.name), escape(_short(p.forms)), str(len(p.mentions)), escape(_short(p.roles, 2)))
    console.print(table)
