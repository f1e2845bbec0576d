"""Curation through the CLI over a store: every decision kind, --raw, re-derivation, orphans, export/import."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kartoteka.cli import _register, cli
from kartoteka.curation.model import derived_id
from kartoteka.store import connect, ingest
from kartoteka.store.read import facts as read_facts
from kartoteka.store.read import persons_by_name
from store_support import store_url

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORTS = [FIXTURES / "persons_report.txt", FIXTURES / "essay_report.txt"]
MACHINE_TABLES = ("reports", "facts", "persons", "person_mentions", "corrections", "blocks")

_register()


def run(*args: str, ok: bool = True) -> dict | str:
    result = CliRunner().invoke(cli, [str(a) for a in args], env={"KARTOTEKA_USER": "ann"})
    if ok:
        assert result.exit_code == 0, (result.output, result.exception)
    else:
        assert result.exit_code != 0
        return result.output
    return json.loads(result.output) if "--json" in args else result.output


@pytest.fixture(params=["sqlite", "postgres"])
def db(request, tmp_path) -> str:
    url = store_url(request.param, tmp_path)  # PostgreSQL: a fresh schema on the test server, else skipped
    with connect(url) as store:
        ingest(store, [str(p) for p in REPORTS])
    return url


def sha_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def machine_dump(url: str) -> dict:
    with connect(url) as store:
        return {t: sorted(map(repr, store.all(f"SELECT * FROM {t}"))) for t in MACHINE_TABLES}


def curated_state(url: str) -> dict:
    with connect(url) as store:
        facts = sorted(read_facts(store), key=lambda f: f["id"])
        kamenev = persons_by_name(store, "Kamenev")
    for f in facts:
        for c in f.get("curation", []):
            c.pop("created_at")
    return {"facts": facts, "kamenev": kamenev}


def a_fact(url: str, type_: str | None = None) -> dict:
    with connect(url) as store:
        found = read_facts(store, curated=False)
    return next(f for f in found if type_ is None or f["type"] == type_)


def decide_everything(db: str) -> dict:
    """One decision of each kind; returns what the tests look for."""
    with connect(db) as store:
        reports = dict(store.all("SELECT sha256, number FROM reports"))
    persons_sha, essay_sha = sha_of(REPORTS[0]), sha_of(REPORTS[1])
    shot = a_fact(db, "shot")
    born = a_fact(db, "born")
    exiled = a_fact(db, "exiled")
    out = {"rejected": shot["id"], "edited": born["id"], "confirmed": exiled["id"]}
    run("curate", "fact", "reject", shot["id"], "--report", shot["sha256"], "--reason", "he died in prison",
        "--db", db)
    run("curate", "fact", "confirm", exiled["id"], "--reason", "agrees with the archive", "--db", db)
    run("curate", "fact", "edit", born["id"], "--year", "1878", "--reason", "Julian calendar", "--db", db)
    with connect(db) as store:
        text = store.scalar("SELECT source_text FROM reports WHERE sha256 = ?", (persons_sha,))
    start = text.index("Kamenev")
    add = run("curate", "fact", "add", start, start + 40, "--report", persons_sha, "--type", "expelled",
              "--year", "1927", "--person", "p-kamenev-l-b", "--reason", "stated two lines below", "--db", db, "--json")
    out["added"] = derived_id("f-c", add["decision"]["id"])
    run("curate", "person", "merge", "p-kamenev-l-b", "p-kamenev-s-s", "--report", persons_sha,
        "--reason", "test merge", "--db", db)
    run("curate", "person", "alias", "p-stalin", "Koba", "--report", persons_sha, "--reason", "party name",
        "--db", db)
    run("curate", "person", "rename", "p-bronshtein", "L. D. Bronshteyn", "--report", persons_sha,
        "--reason", "Trotsky's birth name", "--db", db)
    with connect(db) as store:
        mentions = store.all('SELECT start, "end" FROM person_mentions WHERE report = ? AND person = ? '
                             "ORDER BY start", (persons_sha, "p-eshev-n-i"))
    split = run("curate", "person", "split", "p-eshev-n-i", "--mention", f"{mentions[-1][0]}:{mentions[-1][1]}",
                "--name", "Another Yezhov", "--report", persons_sha, "--reason", "a namesake", "--db", db, "--json")
    out["split"] = derived_id("p-c", split["decision"]["id"])
    with connect(db) as store:
        corrections = store.all('SELECT start, "end" FROM corrections WHERE report = ? ORDER BY start', (essay_sha,))
        etext = store.scalar("SELECT source_text FROM reports WHERE sha256 = ?", (essay_sha,))
    (a0, a1), (r0, r1) = corrections[0], corrections[1]
    run("curate", "correction", "accept", a0, a1, "--report", reports[essay_sha], "--reason", "right", "--db", db)
    run("curate", "correction", "reject", r0, r1, "--report", essay_sha, "--reason", "wrong digit", "--db", db)
    w = etext.index("Lisitsyn")
    run("curate", "correction", "add", w, w + 8, "Lisitsin", "--report", essay_sha, "--reason", "test", "--db", db)
    run("curate", "note", w, w + 8, "see the 1956 file", "--report", essay_sha, "--reason", "cross-ref", "--db", db)
    out.update(persons_sha=persons_sha, essay_sha=essay_sha, accepted=(a0, a1), rejected_c=(r0, r1), added_c=(w, w + 8))
    return out


def test_every_decision_kind_through_the_cli(db):
    raw_before = run("facts", "--db", db, "--json", "--all")
    dump_before = machine_dump(db)
    got = decide_everything(db)
    curated = {f["id"]: f for f in run("facts", "--db", db, "--json", "--all")["facts"]}
    assert got["rejected"] not in curated
    assert curated[got["edited"]]["year"] == 1878 and curated[got["edited"]]["status"] == "edited"
    assert curated[got["confirmed"]]["status"] == "confirmed"
    assert curated[got["added"]]["type"] == "expelled" and curated[got["added"]]["person_id"] == "p-kamenev-l-b"
    # --raw is the machine's output, unchanged by any decision; the store's machine layers are untouched
    assert run("facts", "--db", db, "--json", "--all", "--raw") == raw_before
    assert machine_dump(db) == dump_before
    # persons
    kamenev = run("person", "L. B. Kamenev", "--db", db, "--json")
    assert "S. S. Kamenev" in kamenev["person"]["aliases"]
    assert len(kamenev["person"]["mentions"]) == 5
    raw_kamenev = run("person", "L. B. Kamenev", "--db", db, "--json", "--raw")
    assert len(raw_kamenev["person"]["mentions"]) == 3
    stalin = run("person", "Stalin", "--db", db, "--json")
    assert "Koba" in stalin["person"]["aliases"]
    # corrections and notes: the difference to the machine's output
    d = run("curate", "diff", "--report", got["essay_sha"], "--db", db, "--json")
    assert [tuple(c["id"]) for c in d["corrections"]["changed"]] == [got["accepted"]]
    assert [(c["start"], c["end"]) for c in d["corrections"]["removed"]] == [got["rejected_c"]]
    assert [(c["start"], c["end"], c["replacement"]) for c in d["corrections"]["added"]] == [(*got["added_c"],
                                                                                              "Lisitsin")]
    assert d["notes"][0]["note"] == "see the 1956 file"
    d = run("curate", "diff", "--report", got["persons_sha"], "--db", db, "--json")
    assert [p["id"] for p in d["persons"]["removed"]] == ["p-kamenev-s-s"]
    assert [p["id"] for p in d["persons"]["added"]] == [got["split"]]
    # the audit trail
    log = run("curate", "log", "--db", db, "--json")["decisions"]
    assert len(log) == 12 and all(e["author"] == "ann" and e["reason"] for e in log)
    assert run("curate", "orphans", "--db", db, "--json") == {"orphans": []}


def test_reason_and_author_are_required_and_the_log_is_append_only(db):
    f = a_fact(db)
    run("curate", "fact", "reject", f["id"], "--reason", " ", "--db", db, ok=False)
    result = CliRunner().invoke(cli, ["curate", "fact", "reject", f["id"], "--reason", "x", "--db", db], env={})
    assert result.exit_code != 0
    run("curate", "fact", "reject", f["id"], "--reason", "x", "--db", db)
    with connect(db) as store:
        for statement in ("UPDATE decisions SET reason = 'y'", "DELETE FROM decisions"):
            with pytest.raises(Exception, match="append-only"), store.transaction():
                store.execute(statement)
        assert store.scalar("SELECT count(*) FROM decisions") == 1


def test_revoke_keeps_the_decision_in_the_log(db):
    f = a_fact(db)
    made = run("curate", "fact", "reject", f["id"], "--reason", "x", "--db", db, "--json")["decision"]
    assert f["id"] not in {g["id"] for g in run("facts", "--db", db, "--json", "--all")["facts"]}
    run("curate", "revoke", made["id"], "--reason", "I misread", "--db", db)
    assert f["id"] in {g["id"] for g in run("facts", "--db", db, "--json", "--all")["facts"]}
    log = run("curate", "log", "--db", db, "--json")["decisions"]
    assert log[0]["superseded_by"] == log[1]["id"] and log[1]["kind"] == "revoke"


def test_rederivation_reapplies_every_decision(db):
    decide_everything(db)
    before = curated_state(db)
    with connect(db) as store:
        with store.transaction():
            store.execute("UPDATE reports SET pipeline_version = '0'")
        summary = ingest(store, [str(p) for p in REPORTS])
    assert summary.rederived == 2
    assert curated_state(db) == before
    assert run("curate", "orphans", "--db", db, "--json") == {"orphans": []}


def test_rederivation_with_new_ids_reattaches_by_span(db, monkeypatch):
    got = decide_everything(db)
    before = curated_state(db)
    store_ingest = sys.modules["kartoteka.store.ingest"]  # the package exports a function of the same name
    real = store_ingest.analyze

    def renamed(source):  # a newer pipeline that hashes fact ids differently (same places in the text)
        a = real(source)
        a.facts = [{**f, "id": "f-v2-" + f["id"][2:]} for f in a.facts]
        return a

    monkeypatch.setattr(store_ingest, "analyze", renamed)
    with connect(db) as store:
        with store.transaction():
            store.execute("UPDATE reports SET pipeline_version = '0'")
        assert ingest(store, [str(p) for p in REPORTS]).rederived == 2
    assert run("curate", "orphans", "--db", db, "--json") == {"orphans": []}
    after = curated_state(db)
    ids = {f["id"] for f in after["facts"]}
    assert "f-v2-" + got["edited"][2:] in ids and "f-v2-" + got["rejected"][2:] not in ids
    assert len(after["facts"]) == len(before["facts"])


def test_a_decision_whose_target_is_gone_is_orphaned_not_dropped(db, monkeypatch):
    got = decide_everything(db)
    store_ingest = sys.modules["kartoteka.store.ingest"]  # the package exports a function of the same name
    real = store_ingest.analyze

    def fewer(source):  # a newer pipeline that no longer finds the edited fact
        a = real(source)
        a.facts = [f for f in a.facts if f["id"] != got["edited"]]
        return a

    monkeypatch.setattr(store_ingest, "analyze", fewer)
    with connect(db) as store:
        with store.transaction():
            store.execute("UPDATE reports SET pipeline_version = '0'")
        ingest(store, [str(p) for p in REPORTS])
    orphans = run("curate", "orphans", "--db", db, "--json")["orphans"]
    assert [(o["decision"]["kind"], o["decision"]["target"]["id"]) for o in orphans] == [("fact.edit", got["edited"])]
    assert "Julian" in orphans[0]["decision"]["reason"]
    assert len(run("curate", "log", "--db", db, "--json")["decisions"]) == 12  # still in the trail


def test_export_import_into_a_fresh_store_reproduces_the_curated_state(db, tmp_path):
    decide_everything(db)
    out = tmp_path / "decisions.jsonl"
    run("curate", "export", "--db", db, "-o", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 12 and all(json.loads(line)["reason"] for line in lines)
    fresh = str(tmp_path / "fresh.db")
    # decisions may arrive before their reports: orphaned until the reports are ingested
    counts = run("curate", "import", out, "--db", fresh, "--json")
    assert counts == {"imported": 12, "skipped": 0, "orphans": 12}
    with connect(fresh) as store:
        ingest(store, [str(p) for p in REPORTS])
    assert curated_state(fresh) == curated_state(db)
    assert run("curate", "orphans", "--db", fresh, "--json") == {"orphans": []}
    again = run("curate", "import", out, "--db", fresh, "--json")
    assert again["imported"] == 0 and again["skipped"] == 12
    assert run("curate", "log", "--db", fresh, "--json")["decisions"][0]["author"] == "ann"
