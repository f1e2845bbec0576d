"""`kartoteka curate ...`: historians' decisions over the machine's records, an append-only audit trail.

Every decision needs an author (`--user` or `$KARTOTEKA_USER`) and a reason (`--reason`). The machine layers are
never edited: `kartoteka facts/person --db` show the curated state, `--raw` the machine's own output.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from kartoteka.cli import cli
from kartoteka.cli.common import console, print_json
from kartoteka.cli.ingest import db_option
from kartoteka.errors import InputError
from kartoteka.facts import FACT_TYPES, MODALITIES


def _store(db: str | None, write: bool = True, create: bool = False):
    from kartoteka.curation.store import require
    from kartoteka.store import connect, default_url
    from kartoteka.store.migrations import require_current, upgrade

    store = connect(db or default_url(), create=create)
    if create:
        upgrade(store)  # `curate import` into a fresh store: decisions may arrive before their reports
    else:
        require_current(store)
    if write:
        require(store)
    return store


def decision_options(f):
    f = click.option("--json", "as_json", is_flag=True, help="Print the decision as JSON.")(f)
    f = click.option("--reason", required=True, help="Why (required, shown in the audit trail).")(f)
    f = click.option("--user", envvar="KARTOTEKA_USER", required=True,
                     help="Author of the decision (default: $KARTOTEKA_USER).")(f)
    return db_option(f)


def _span(value: str) -> tuple[int, int]:
    try:
        a, b = value.split(":", 1)
        return int(a), int(b)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not START:END") from None


def _decide(db, user, reason, as_json, sha, kind, target, payload, supersedes=None) -> None:
    from kartoteka.curation.model import Decision
    from kartoteka.curation.store import curate, record

    with _store(db) as store:
        d = record(store, Decision(report=sha, kind=kind, target=target, payload=payload, author=user,
                                   reason=reason, supersedes=supersedes))
        cur = curate(store, sha)
        orphan = next((o for o in (cur.orphans if cur else []) if o["decision"]["id"] == d.id), None)
    if as_json:
        print_json({"decision": d.to_json(), "orphan": orphan["why"] if orphan else None})
    else:
        console.print(escape(f"{d.id}: {kind} by {user} ({d.created_at})"))
    if orphan:
        click.echo(f"kartoteka: warning: decision {d.id} does not apply: {orphan['why']}", err=True)


@cli.group(epilog="Examples:\n\n\b\n"
           "  export KARTOTEKA_USER=ann\n"
           "  kartoteka curate fact reject f-0f14b0c840bc --reason 'the year is his arrest, not his birth'\n"
           "  kartoteka curate person merge p-kamenev-l-b p-kamenev-s-s --report JPRS-UPA-89-042 --reason '...'\n"
           "  kartoteka curate log --json\n"
           "  kartoteka curate export -o decisions.jsonl && kartoteka curate import decisions.jsonl --db other.db")
def curate() -> None:
    """Correct what the machine got wrong: decisions with author, time and reason that survive re-derivation."""


# -- facts ------------------------------------------------------------------------------------------------------
@curate.group("fact")
def fact_group() -> None:
    """Confirm, reject, edit or add a fact."""


def _fact_verdict(kind: str):
    @fact_group.command(kind, help=f"{kind.capitalize()} a fact by its id (f-...).")
    @click.argument("fact_id")
    @click.option("--report", help="The report (number or sha256) when the id is in several.")
    @decision_options
    def command(fact_id, report, db, user, reason, as_json) -> None:
        from kartoteka.curation.targets import fact_target

        with _store(db) as store:
            sha, target = fact_target(store, fact_id, report)
        _decide(db, user, reason, as_json, sha, f"fact.{kind}", target, {})

    return command


_fact_verdict("confirm")
_fact_verdict("reject")


@fact_group.command("edit")
@click.argument("fact_id")
@click.option("--report", help="The report (number or sha256) when the id is in several.")
@click.option("--type", "type_", type=click.Choice(FACT_TYPES), help="The right fact type.")
@click.option("--year", type=int, help="The right year.")
@click.option("--modality", type=click.Choice(MODALITIES), help="The right modality.")
@click.option("--person", "person_id", help="The right person (p-... of the same report, or cp-...).")
@decision_options
def fact_edit(fact_id, report, type_, year, modality, person_id, db, user, reason, as_json) -> None:
    """Edit a fact's type, year, modality or person."""
    from kartoteka.curation.targets import fact_target, person_target

    payload: dict = {k: v for k, v in (("type", type_), ("year", year), ("modality", modality)) if v is not None}
    with _store(db) as store:
        sha, target = fact_target(store, fact_id, report)
        if person_id:
            payload["person"] = person_target(store, person_id, sha)[1]
    if not payload:
        raise InputError("nothing to edit: give --type, --year, --modality or --person")
    _decide(db, user, reason, as_json, sha, "fact.edit", target, payload)


@fact_group.command("add")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.option("--report", required=True, help="The report (number or sha256).")
@click.option("--type", "type_", type=click.Choice(FACT_TYPES), required=True, help="The fact type.")
@click.option("--year", type=int, help="The year.")
@click.option("--modality", type=click.Choice(MODALITIES), default="asserted", show_default=True)
@click.option("--person", "person_id", help="Whom it is about (p-... of the report, or cp-...).")
@decision_options
def fact_add(start, end, report, type_, year, modality, person_id, db, user, reason, as_json) -> None:
    """Add a fact the machine missed, from the evidence span [START, END) of the source."""
    from kartoteka.curation.targets import person_target, span_target

    with _store(db) as store:
        sha, target = span_target(store, report, start, end)
        payload: dict = {"type": type_, "year": year, "modality": modality}
        if person_id:
            payload["person"] = person_target(store, person_id, sha)[1]
    _decide(db, user, reason, as_json, sha, "fact.add", target, payload)


# -- persons ----------------------------------------------------------------------------------------------------
@curate.group("person")
def person_group() -> None:
    """Merge, split, rename a person or add an alias (persons of one report: p-..., or cp-... held by one)."""


@person_group.command("merge")
@click.argument("person_id")
@click.argument("other_id")
@click.option("--report", help="The report (number or sha256) when an id is in several.")
@decision_options
def person_merge(person_id, other_id, report, db, user, reason, as_json) -> None:
    """OTHER_ID is the same person as PERSON_ID: its mentions and facts join PERSON_ID."""
    from kartoteka.curation.targets import person_target

    with _store(db) as store:
        sha, target = person_target(store, person_id, report)
        _sha2, other = person_target(store, other_id, sha)
    _decide(db, user, reason, as_json, sha, "person.merge", target, {"other": other})


@person_group.command("split")
@click.argument("person_id")
@click.option("--mention", "mentions", multiple=True, required=True, metavar="START:END",
              help="A mention that belongs to another person (repeat).")
@click.option("--name", required=True, help="Name of the person those mentions name.")
@click.option("--report", help="The report (number or sha256) when the id is in several.")
@decision_options
def person_split(person_id, mentions, name, report, db, user, reason, as_json) -> None:
    """Move some mentions (and the facts anchored on them) of a person to a new person."""
    from kartoteka.curation.targets import mention_spans, person_target

    with _store(db) as store:
        sha, target = person_target(store, person_id, report)
        spans = mention_spans(store, sha, [_span(m) for m in mentions])
    _decide(db, user, reason, as_json, sha, "person.split", target, {"mentions": spans, "name": name})


@person_group.command("rename")
@click.argument("person_id")
@click.argument("name")
@click.option("--report", help="The report (number or sha256) when the id is in several.")
@decision_options
def person_rename(person_id, name, report, db, user, reason, as_json) -> None:
    """Give a person the right name (the old one is kept as an alias)."""
    from kartoteka.curation.targets import person_target

    with _store(db) as store:
        sha, target = person_target(store, person_id, report)
    _decide(db, user, reason, as_json, sha, "person.rename", target, {"name": name})


@person_group.command("alias")
@click.argument("person_id")
@click.argument("alias")
@click.option("--report", help="The report (number or sha256) when the id is in several.")
@decision_options
def person_alias(person_id, alias, report, db, user, reason, as_json) -> None:
    """Add an alias (a pseudonym, a birth name) to a person."""
    from kartoteka.curation.targets import person_target

    with _store(db) as store:
        sha, target = person_target(store, person_id, report)
    _decide(db, user, reason, as_json, sha, "person.alias", target, {"alias": alias})


# -- corrections and notes --------------------------------------------------------------------------------------
@curate.group("correction")
def correction_group() -> None:
    """Accept or reject an OCR correction, or add one the machine missed (by its source span)."""


def _correction_verdict(kind: str):
    @correction_group.command(kind, help=f"{kind.capitalize()} the correction at [START, END) of the source.")
    @click.argument("start", type=int)
    @click.argument("end", type=int)
    @click.option("--report", required=True, help="The report (number or sha256).")
    @decision_options
    def command(start, end, report, db, user, reason, as_json) -> None:
        from kartoteka.curation.targets import span_target

        with _store(db) as store:
            sha, target = span_target(store, report, start, end, prefix="c")
            if store.one('SELECT 1 FROM corrections WHERE report = ? AND start = ? AND "end" = ?',
                         (sha, start, end)) is None:
                raise InputError(f"no machine correction at [{start}, {end}) in {report}")
        _decide(db, user, reason, as_json, sha, f"correction.{kind}", target, {})

    return command


_correction_verdict("accept")
_correction_verdict("reject")


@correction_group.command("add")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.argument("replacement")
@click.option("--report", required=True, help="The report (number or sha256).")
@decision_options
def correction_add(start, end, replacement, report, db, user, reason, as_json) -> None:
    """Read the source characters [START, END) as REPLACEMENT (the source itself is never changed)."""
    from kartoteka.curation.targets import span_target

    with _store(db) as store:
        sha, target = span_target(store, report, start, end, prefix="c")
    _decide(db, user, reason, as_json, sha, "correction.add", target, {"replacement": replacement})


@curate.command("note")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.argument("text")
@click.option("--report", required=True, help="The report (number or sha256).")
@decision_options
def note(start, end, text, report, db, user, reason, as_json) -> None:
    """Attach a note to the source span [START, END)."""
    from kartoteka.curation.targets import span_target

    with _store(db) as store:
        sha, target = span_target(store, report, start, end)
    _decide(db, user, reason, as_json, sha, "note", target, {"text": text})


@curate.command("revoke")
@click.argument("decision_id")
@decision_options
def revoke(decision_id, db, user, reason, as_json) -> None:
    """Withdraw an earlier decision (it stays in the log, superseded)."""
    with _store(db) as store:
        sha = store.scalar("SELECT report FROM decisions WHERE id = ?", (decision_id,))
    if sha is None:
        raise InputError(f"no decision {decision_id}")
    _decide(db, user, reason, as_json, sha, "revoke", {"id": decision_id}, {}, supersedes=decision_id)


# -- the trail --------------------------------------------------------------------------------------------------
@curate.command("log")
@db_option
@click.option("--report", help="Only decisions about this report (number or sha256).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def log(db, report, as_json) -> None:
    """Every decision, oldest first, with who made it, when and why (superseded ones marked)."""
    from kartoteka.curation.store import load, report_sha

    with _store(db, write=False) as store:
        decisions = load(store, report_sha(store, report) if report else None)
        numbers = dict(store.all("SELECT sha256, number FROM reports"))
    by = {d.supersedes: d.id for d in decisions if d.supersedes}
    rows = [{**d.to_json(), "report_number": numbers.get(d.report), "superseded_by": by.get(d.id)}
            for d in decisions]
    if as_json:
        print_json({"decisions": rows})
        return
    table = Table(title=f"{len(rows)} decisions")
    for col in ("id", "when", "who", "kind", "target", "reason", "superseded by"):
        table.add_column(col, overflow="fold")
    for r in rows:
        t = r["target"]
        where = t.get("id") or f"[{t.get('start')}, {t.get('end')})"
        cells = (r["id"], r["created_at"], r["author"], r["kind"], f"{r['report_number'] or ''} {where}",
                 r["reason"], r["superseded_by"] or "")
        table.add_row(*(escape(str(c or "")) for c in cells))
    console.print(table)


@curate.command("orphans")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def orphans_command(db, as_json) -> None:
    """Decisions whose target can no longer be found (after re-derivation, or a report not in this store)."""
    from kartoteka.curation.store import orphans

    with _store(db, write=False) as store:
        found = orphans(store)
    if as_json:
        print_json({"orphans": found})
        return
    table = Table(title=f"{len(found)} orphaned decisions")
    for col in ("id", "kind", "author", "reason", "why"):
        table.add_column(col, overflow="fold")
    for o in found:
        d = o["decision"]
        table.add_row(*(escape(str(c or "")) for c in (d["id"], d["kind"], d["author"], d["reason"], o["why"])))
    console.print(table)


@curate.command("diff")
@db_option
@click.option("--report", required=True, help="The report (number or sha256).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def diff_command(db, report, as_json) -> None:
    """What curation changed in a report: records removed, added and changed against the machine's output."""
    from kartoteka.curation.store import report_sha
    from kartoteka.curation.views import diff

    with _store(db, write=False) as store:
        out = diff(store, report_sha(store, report))
    if as_json:
        print_json(out)
        return
    for layer in ("facts", "persons", "corrections"):
        d = out[layer]
        console.print(f"[bold]{layer}[/]: {len(d['removed'])} removed, {len(d['added'])} added, "
                      f"{len(d['changed'])} changed")
        for r in d["removed"]:
            console.print(escape(f"  - {r.get('id') or (r['start'], r['end'])}"))
        for r in d["added"]:
            console.print(escape(f"  + {r.get('id') or (r['start'], r['end'])}"))
        for c in d["changed"]:
            fields = ", ".join(f"{k}: {v['raw']!r} -> {v['curated']!r}" for k, v in c["fields"].items())
            console.print(escape(f"  ~ {c['id']} {c['status'] or ''} {fields}"))
    console.print(f"[bold]notes[/]: {len(out['notes'])}; [bold]orphans[/]: {len(out['orphans'])}")


@curate.command("export")
@db_option
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: stdout).")
def export_command(db, out) -> None:
    """Every decision as JSON Lines (one decision a line), to share and re-apply in another store."""
    from kartoteka.curation.model import dumps
    from kartoteka.curation.store import export

    with _store(db, write=False) as store:
        lines = [dumps(r) + "\n" for r in export(store)]
    if out:
        out.write_text("".join(lines), encoding="utf-8")
        click.echo(f"kartoteka: {len(lines)} decisions written to {out}", err=True)
    else:
        sys.stdout.writelines(lines)


@curate.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def import_command(file, db, as_json) -> None:
    """Append the decisions of a JSON Lines file (from `curate export`); ids already here are skipped."""
    from kartoteka.curation.store import import_records, orphans, read_jsonl

    lines = sys.stdin.readlines() if str(file) == "-" else file.read_text(encoding="utf-8").splitlines()
    with _store(db, create=True) as store:
        counts = import_records(store, read_jsonl(lines))
        counts["orphans"] = len(orphans(store))
    if as_json:
        print_json(counts)
    else:
        console.print(f"{counts['imported']} imported, {counts['skipped']} already here, "
                      f"{counts['orphans']} orphaned (see `kartoteka curate orphans`)")
