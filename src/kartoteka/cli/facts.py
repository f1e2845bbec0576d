"""`kartoteka facts`, `kartoteka person`, `kartoteka timeline`: what happened to whom, with evidence.

Each reads one report FILE (the whole pipeline runs on it) or a store with `--db`.
"""

from __future__ import annotations

from collections import Counter

import click
from rich.markup import escape
from rich.table import Table

from kartoteka.cli import cli
from kartoteka.cli.common import console, fail, print_json
from kartoteka.facts import FACT_TYPES

_TYPES = click.Choice(FACT_TYPES)


_AGGREGATES: list[dict] = []


def _from_file(path: str) -> tuple[list[dict], list[dict]]:
    """(persons, facts) of one report file, as JSON records; its aggregates go to `_AGGREGATES`."""
    from kartoteka.ingest import load_source
    from kartoteka.pipeline import analyze

    analysis = analyze(load_source(path))
    report = analysis.report.header.number or analysis.source.path
    facts = [{**f, "report": report, "sha256": analysis.source.sha256} for f in analysis.facts]
    persons = [{**p, "report": report} for p in analysis.persons]
    _AGGREGATES[:] = [{**a, "report": report} for a in analysis.aggregates]
    return persons, facts


def _store(db: str):
    from kartoteka.store.backend import connect

    return connect(db, create=False)


def _select(facts: list[dict], type_: str | None, person_ids: set[str] | None, year_from: int | None,
            year_to: int | None, all_modalities: bool) -> list[dict]:
    out = []
    for f in facts:
        if not all_modalities and f["modality"] != "asserted":
            continue
        if type_ and f["type"] != type_:
            continue
        if person_ids is not None and f["person_id"] not in person_ids:
            continue
        if year_from is not None and (f["year"] is None or f["year"] < year_from):
            continue
        if year_to is not None and (f["year"] is None or f["year"] > year_to):
            continue
        out.append(f)
    return out


def matching_persons(persons: list[dict], name: str) -> list[dict]:
    """Persons of one report whose name, any form or alias matches `name` in any spelling."""
    from kartoteka.names import name_key

    words = name.replace(".", ". ").split()
    if not words:
        return []
    key = name_key(words[-1])
    initials = [w[0].upper() for w in words[:-1]]
    found = []
    for p in persons:
        forms = [p["surname"], p["name"], *p.get("forms", []), *p.get("aliases", [])]
        if not any(f and name_key(f.split()[-1]) == key for f in forms):
            continue
        if initials and not any(initials[0] in (f.split()[0][:1].upper() if len(f.split()) > 1 else "")
                                for f in forms if f):
            continue
        found.append(p)
    # the person most often named first: a bare surname means the most prominent bearer
    found.sort(key=lambda p: -len(p.get("mentions", [])))
    return found


def _chronological(f: dict) -> tuple:
    """Undated facts last; within a year, in the order the report states them."""
    return (f["year"] is None, f["year"] or 0, f["start"], (f.get("trigger") or {}).get("start", 0))


def _evidence(f: dict, width: int = 160) -> str:
    text = " ".join(f["evidence"].split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _where(f: dict) -> str:
    w = f.get("where") or {}
    parts = [w.get("instalment"), w.get("chapter"), f"§ {w['section']}" if w.get("section") else None,
             f"¶ {w['paragraph']}" if w.get("paragraph") else None]
    return "; ".join(p for p in parts if p)


def _facts_table(facts: list[dict], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("year", "type", "person", "agent", "evidence", "modality"):
        table.add_column(col, overflow="fold")
    for f in facts:
        table.add_row(str(f["year"] or "-"), f["type"], escape(f["person"]), escape(f.get("agent") or ""),
                      escape(_evidence(f, 110)), f["modality"])
    return table


def _load(file: str | None, db: str | None) -> tuple[list[dict], list[dict] | None]:
    if bool(file) == bool(db):
        fail("give a report FILE or --db URL (one of them)")
    if file:
        return _from_file(file)
    return [], None


@cli.command(epilog="Examples:\n\n\b\n  kartoteka facts report.txt --type shot --from 1936 --to 1938\n"
                    "  kartoteka facts --db kartoteka.db --person Ezhov --json")
@click.argument("file", required=False)
@click.option("--db", help="Read from a store instead of a file (SQLite path or postgresql://...).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--type", "type_", type=_TYPES, help="Only facts of this type.")
@click.option("--person", help="Only facts about this person (any spelling: Yezhov, Ezhov, Ежов).")
@click.option("--year", type=int, help="Only facts of this year.")
@click.option("--from", "year_from", type=int, help="Only facts from this year on.")
@click.option("--to", "year_to", type=int, help="Only facts up to this year.")
@click.option("--all", "all_modalities", is_flag=True, help="Also facts that are reported, denied or hypothetical.")
@click.option("--raw", is_flag=True, help="With --db: the machine's facts, without the curation decisions.")
def facts(file, db, as_json, type_, person, year, year_from, year_to, all_modalities, raw) -> None:
    """Facts about people (arrested, shot, exiled, released, rehabilitated, appointed...) with the
    person, year, agent, source and the evidence span that states each."""
    if year is not None:
        year_from = year_to = year
    persons, found = _load(file, db)
    if found is None:
        from kartoteka.store.read import facts as read_facts

        found = read_facts(_store(db), person=person, type=type_, year_from=year_from, year_to=year_to,
                           curated=not raw)
        selected = _select(found, None, None, None, None, all_modalities)
    else:
        ids = {p["id"] for p in matching_persons(persons, person)} if person else None
        selected = _select(found, type_, ids, year_from, year_to, all_modalities)
    aggregates = [a for a in _AGGREGATES if (all_modalities or a["modality"] == "asserted")
                  and (not type_ or a["type"] == type_) and not person
                  and (year_from is None or (a["year"] is not None and a["year"] >= year_from))
                  and (year_to is None or (a["year"] is not None and a["year"] <= year_to))]
    if as_json:
        print_json({"facts": selected, "aggregates": aggregates})
        return
    console.print(_facts_table(selected, f"{len(selected)} facts"))
    if aggregates:
        table = Table(title=f"{len(aggregates)} claims about groups")
        for col in ("year", "type", "count", "group", "evidence"):
            table.add_column(col, overflow="fold")
        for a in aggregates:
            count = ("~" if a["count"].get("approximate") else "") + f"{a['count']['number']:,}"
            table.add_row(str(a["year"] or "-"), a["type"], count, escape(a["group"]), escape(_evidence(a, 110)))
        console.print(table)


@cli.command(
    epilog="Examples:\n\n\b\n  kartoteka person Ezhov report.txt\n  kartoteka person Ежов --db kartoteka.db --json"
)
@click.argument("name")
@click.argument("file", required=False)
@click.option("--db", help="Read from a store instead of a file.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--raw", is_flag=True, help="With --db: the machine's records, without the curation decisions.")
def person(name, file, db, as_json, raw) -> None:
    """A person card: names and forms, spellings (FBIS, LOC, Cyrillic), roles, and a dated timeline
    of facts with the quoted evidence and where it stands in the report."""
    persons, found = _load(file, db)
    if found is None:
        from kartoteka.store.read import facts as read_facts
        from kartoteka.store.read import persons_by_name

        store = _store(db)
        matches = persons_by_name(store, name, curated=not raw)
        if not matches:
            fail(f"no person named {name!r} in the store", code=1)
        card = matches[0]
        records = card["records"]
        record = max(records, key=lambda r: len(r.get("mentions", []))) if records else {}
        person_json = {**record, "id": card["id"], "name": card["name"], "reports": card["reports"]}
        timeline = [f for f in read_facts(store, person=card["id"], curated=not raw) if f["modality"] == "asserted"]
    else:
        matches = matching_persons(persons, name)
        if not matches:
            fail(f"no person named {name!r} in {file}", code=1)
        person_json = matches[0]
        timeline = _select(found, None, {person_json["id"]}, None, None, False)
    timeline.sort(key=_chronological)
    if as_json:
        print_json({"person": person_json, "facts": timeline})
        return
    keys = person_json.get("keys", {})
    console.print(f"[bold]{escape(person_json['name'])}[/]  ({escape(str(person_json.get('id')))})")
    console.print(escape(f"forms: {', '.join(person_json.get('forms', []))}"))
    if person_json.get("aliases"):
        console.print(escape(f"aliases: {', '.join(person_json['aliases'])}"))
    spellings = f"FBIS {keys.get('fbis', '-')} · LOC {keys.get('loc', '-')} · {keys.get('cyrillic', '-')}"
    console.print(escape(f"spellings: {spellings}"))
    if person_json.get("roles"):
        console.print(escape("roles: " + "; ".join(person_json["roles"][:8])))
    console.print(f"mentions: {len(person_json.get('mentions', []))}")
    if not timeline:
        console.print("timeline: no asserted facts")
        return
    table = Table(title="timeline")
    for col in ("year", "type", "evidence", "where"):
        table.add_column(col, overflow="fold")
    for f in timeline:
        table.add_row(str(f["year"] or "-"), f["type"], escape(f"“{_evidence(f, 140)}”"), escape(_where(f)))
    console.print(table)


@cli.command(epilog="Examples:\n\n\b\n  kartoteka timeline report.txt\n  kartoteka timeline --db kartoteka.db --json")
@click.argument("file", required=False)
@click.option("--db", help="Read from a store instead of a file.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--raw", is_flag=True, help="With --db: the machine's facts, without the curation decisions.")
def timeline(file, db, as_json, raw) -> None:
    """Facts by year and type (asserted facts with a year; from a store, the curated facts unless --raw)."""
    _persons, found = _load(file, db)
    if found is None:
        from kartoteka.store.read import facts as read_facts

        found = read_facts(_store(db), curated=not raw)
    counts = Counter((f["year"], f["type"]) for f in found if f["modality"] == "asserted" and f["year"] is not None)
    rows = [{"year": y, "type": t, "count": c} for (y, t), c in sorted(counts.items())]
    if as_json:
        print_json({"timeline": rows})
        return
    years = sorted({r["year"] for r in rows})
    types = [t for t in FACT_TYPES if any(r["type"] == t for r in rows)]
    table = Table(title="facts by year and type")
    table.add_column("year")
    for t in types:
        table.add_column(t, justify="right")
    for y in years:
        table.add_row(str(y), *[str(counts.get((y, t), "")) for t in types])
    console.print(table)
