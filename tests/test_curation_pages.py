"""Curation on every view (issue 9): the pages, the API, timeline and exports show the curated state by default and
the machine's with `?raw=1` / `--raw`, marking what a decision changed; decisions made from the pages themselves;
and the machine layers and source text never change."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")

from fastapi.testclient import TestClient

from conftest import run_cli
from kartoteka.curation.store import load, record
from kartoteka.curation.web import build
from kartoteka.export.bundle import from_store
from kartoteka.store import connect, ingest
from kartoteka.store.read import facts as read_facts
from kartoteka.store.read import timeline as read_timeline
from kartoteka.web import create_app

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PERSONS, ESSAY = FIXTURES / "persons_report.txt", FIXTURES / "essay_report.txt"
PERSONS_SHA, ESSAY_SHA = (hashlib.sha256(p.read_bytes()).hexdigest() for p in (PERSONS, ESSAY))


@pytest.fixture
def db(tmp_path) -> str:
    url = str(tmp_path / "store.db")
    with connect(url) as store:
        ingest(store, [str(PERSONS), str(ESSAY)])
    return url


def decide(db: str, user: str = "ann", **form) -> str:
    with connect(db) as store:
        return record(store, build(store, form, user)).id


def fact(db: str, type_: str, person: str) -> dict:
    with connect(db) as store:
        return next(f for f in read_facts(store, curated=False) if f["type"] == type_ and f["person"] == person)


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)


def test_a_rejected_fact_leaves_the_curated_views_and_returns_with_raw(db):
    born = fact(db, "born", "Stalin")
    decide(db, kind="fact.reject", id=born["id"], report=PERSONS_SHA, reason="the <b>date</b> is the old style")
    client = TestClient(create_app(db))
    row = f'id="fact-{born["id"]}"'

    curated, raw = client.get("/facts"), client.get("/facts", params={"raw": "1"})
    assert row not in curated.text and "Show the machine's output" in curated.text
    assert row in raw.text and "curated-rejected" in raw.text
    mark = re.search(r'class="curation-mark s-rejected" tabindex="0" title="([^"]*)"', raw.text).group(1)
    assert "fact.reject by ann" in mark and "&lt;b&gt;date&lt;/b&gt;" in mark  # author and reason, escaped
    assert "<b>date</b>" not in raw.text
    assert 'name="raw" value="1"' in raw.text  # the filter form keeps the view

    ids = lambda r: {x["id"] for x in csv.DictReader(io.StringIO(r.text))}  # noqa: E731
    assert born["id"] not in ids(client.get("/facts.csv"))
    raw_csv = list(csv.DictReader(io.StringIO(client.get("/facts.csv", params={"raw": "1"}).text)))
    [gone] = [r for r in raw_csv if r["id"] == born["id"]]
    assert gone["status"] == "rejected" and "by ann" in gone["curation"]

    api = client.get("/api/facts").json()
    api_raw = client.get("/api/facts", params={"raw": "true"}).json()
    assert api["view"] == "curated" and api_raw["view"] == "raw"
    assert api_raw["total"] == api["total"] + 1
    assert born["id"] not in {f["id"] for f in api["facts"]}
    assert next(f for f in api_raw["facts"] if f["id"] == born["id"])["status"] == "rejected"
    one = client.get(f"/api/facts/{PERSONS_SHA}/{born['id']}").json()
    assert one["status"] == "rejected" and one["curation"][0]["author"] == "ann"  # a permalink keeps working

    def born_1879(data):
        return sum(s["counts"][data["years"].index(1879)] for s in data["series"] if s["type"] == "born"
                   ) if 1879 in data["years"] else 0

    assert born_1879(client.get("/api/timeline").json()) == born_1879(
        client.get("/api/timeline", params={"raw": "1"}).json()) - 1
    with connect(db) as store:
        count = lambda rows: sum(r["count"] for r in rows if (r["year"], r["type"]) == (1879, "born"))  # noqa: E731
        assert count(read_timeline(store)) == count(read_timeline(store, curated=False)) - 1

    cid = client.get("/api/persons", params={"q": "Stalin"}).json()["persons"][0]["id"]
    assert born["id"] not in {f["id"] for f in client.get(f"/api/persons/{cid}").json()["facts"]}
    assert born["id"] in {f["id"] for f in client.get(f"/api/persons/{cid}", params={"raw": 1}).json()["facts"]}
    assert row not in client.get(f"/persons/{cid}").text
    assert row in client.get(f"/persons/{cid}", params={"raw": "1"}).text
    for path in ("/timeline", "/trajectories", "/network?kind=facts", "/search?q=Stalin"):
        assert client.get(path).status_code == 200 and client.get(path + ("&" if "?" in path else "?") + "raw=1"
                                                                   ).status_code == 200


def test_an_edited_fact_shows_old_and_new(db):
    exiled = fact(db, "exiled", "Trotsky")
    decide(db, kind="fact.edit", id=exiled["id"], report=PERSONS_SHA, year="1900", reason="archive file")
    client = TestClient(create_app(db))
    old_new = f"<del>{exiled['year']}</del> → <ins>1900</ins>"
    assert old_new in client.get("/facts").text and old_new in client.get("/facts?raw=1").text
    cur = client.get(f"/api/facts/{PERSONS_SHA}/{exiled['id']}").json()
    raw = client.get(f"/api/facts/{PERSONS_SHA}/{exiled['id']}", params={"raw": 1}).json()
    assert (cur["year"], raw["year"]) == (1900, exiled["year"])
    assert cur["changes"] == raw["changes"] == {"year": [exiled["year"], 1900]}
    assert cur["status"] == "edited"


def test_person_card_rename_and_merge(db):
    decide(db, kind="person.rename", id="p-bronshtein", report=PERSONS_SHA, name="L. D. Bronshteyn-Trotsky",
           reason="one man")
    decide(db, kind="person.merge", id="p-kamenev-l-b", other="p-kamenev-s-s", report=PERSONS_SHA,
           reason="the same Kamenev")
    client = TestClient(create_app(db))
    ids = lambda q: [p["id"] for p in client.get("/api/persons", params={"q": q}).json()["persons"]]  # noqa: E731
    bron = ids("Bronshteyn")[0]
    card, raw = client.get(f"/api/persons/{bron}").json(), client.get(f"/api/persons/{bron}?raw=1").json()
    assert card["name"] == "L. D. Bronshteyn-Trotsky" and raw["name"] != card["name"]
    assert card["name_change"][1] == "L. D. Bronshteyn-Trotsky" and "person.rename by ann" in card["curation_title"]
    page = client.get(f"/persons/{bron}").text
    assert "<ins>L. D. Bronshteyn-Trotsky</ins>" in page
    died = fact(db, "died", "Kamenev")
    with connect(db) as store:
        cps = dict(store.all("SELECT person, corpus_person FROM corpus_person_links WHERE report = ?", (PERSONS_SHA,)))
    ss, lb = cps["p-kamenev-s-s"], cps["p-kamenev-l-b"]
    assert died["id"] in {f["id"] for f in client.get(f"/api/persons/{ss}?raw=1").json()["facts"]}
    gone = client.get(f"/api/persons/{ss}").json()
    assert died["id"] not in {f["id"] for f in gone["facts"]} and gone["merged_into"]
    assert died["id"] in {f["id"] for f in client.get(f"/api/persons/{lb}").json()["facts"]}


def test_reader_marks_a_rejected_correction_and_shows_notes(db):
    with connect(db) as store:
        (start, end), *_ = store.all('SELECT start, "end" FROM corrections WHERE report = ? ORDER BY start',
                                     (ESSAY_SHA,))
        para = store.one('SELECT start, "end" FROM blocks WHERE report = ? AND kind = ? ORDER BY idx',
                         (ESSAY_SHA, "paragraph"))
    decide(db, kind="correction.reject", report=ESSAY_SHA, start=str(start), end=str(end), reason="OCR was right")
    decide(db, kind="note", report=ESSAY_SHA, start=str(para[0]), end=str(para[1]), text="see <the> memoir",
           reason="context")
    client = TestClient(create_app(db))
    number = client.get(f"/api/reports/{ESSAY_SHA}").json()["number"]
    pages = client.get(f"/api/reports/{number}").json()["pages"]
    key = next(p["key"] for p in pages if p["start"] <= start < p["end"])
    cur = client.get(f"/api/reports/{number}/d/{key}").json()
    raw = client.get(f"/api/reports/{number}/d/{key}", params={"raw": 1}).json()
    assert (start, end) not in {(c["start"], c["end"]) for c in cur["corrections"]}
    [rejected] = [c for c in raw["corrections"] if (c["start"], c["end"]) == (start, end)]
    assert rejected["status"] == "rejected" and "OCR was right" in rejected["curation_title"]
    html = client.get(f"/reports/{number}/d/{key}", params={"raw": 1}).text
    assert "corr c-rejected" in html
    note_key = next(p["key"] for p in pages if p["start"] <= para[0] < p["end"])
    assert "see &lt;the&gt; memoir" in client.get(f"/reports/{number}/d/{note_key}").text
    assert "memoir" not in client.get(f"/reports/{number}/d/{note_key}?raw=1").text


def test_decisions_from_the_pages(db):
    client = TestClient(create_app(db, editable_user="ann"))
    assert 'class="curate fact-curate"' not in TestClient(create_app(db)).get("/facts").text  # read-only server
    page = client.get("/facts")
    assert 'class="curate fact-curate"' in page.text and 'name="reason" required' in page.text
    born = fact(db, "born", "Stalin")
    form = {"kind": "fact.reject", "id": born["id"], "report": PERSONS_SHA, "reason": "double entry",
            "next": "/facts?type=born"}
    assert client.post("/curate/decide", data=form).status_code == 403  # no token
    r = client.post("/curate/decide", data={**form, "csrf": csrf_of(page.text)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/facts?type=born&done=d-")
    back = client.get(r.headers["location"])
    assert "Recorded decision d-" in back.text and f'id="fact-{born["id"]}"' not in back.text
    raw = client.get("/facts?raw=1").text
    assert f'id="fact-{born["id"]}"' in raw and "Revoke fact.reject by ann" in raw  # undo offered where it applies
    evil = {**form, "csrf": csrf_of(page.text), "next": "//evil.example/x", "kind": "fact.confirm",
            "id": fact(db, "exiled", "Trotsky")["id"]}
    assert client.post("/curate/decide", data=evil, follow_redirects=False).headers["location"].startswith(
        "/curate?done=")

    cid = client.get("/api/persons", params={"q": "Bronshteyn"}).json()["persons"][0]["id"]
    card = client.get(f"/persons/{cid}").text
    assert 'value="person.rename"' in card and 'value="person.merge"' in card and 'value="person.alias"' in card
    r = client.post("/curate/decide", data={"kind": "person.alias", "id": cid, "report": PERSONS_SHA,
                                            "alias": "Lev Davidovich", "reason": "memoirs", "next": f"/persons/{cid}",
                                            "csrf": csrf_of(card)})
    assert r.status_code == 200 and "Lev Davidovich" in r.text  # followed back to the card

    number = client.get(f"/api/reports/{ESSAY_SHA}").json()["number"]
    pages = client.get(f"/api/reports/{number}").json()["pages"]
    key = next(p["key"] for p in pages if client.get(f"/api/reports/{number}/d/{p['key']}").json()["corrections"])
    reader = client.get(f"/reports/{number}/d/{key}")
    assert 'class="curate note-curate"' in reader.text and 'value="correction.accept"' in reader.text
    with connect(db) as store:
        assert [(d.kind, d.author) for d in load(store)] == [("fact.reject", "ann"), ("fact.confirm", "ann"),
                                                             ("person.alias", "ann")]


def test_export_curated_by_default_raw_on_request(db, tmp_path):
    born = fact(db, "born", "Stalin")
    decide(db, kind="fact.reject", id=born["id"], report=PERSONS_SHA, reason="not so")
    decide(db, kind="person.rename", id="p-bronshtein", report=PERSONS_SHA, name="L. D. Bronshteyn", reason="x")
    (cur,) = [b for b in from_store(db) if b.sha256 == PERSONS_SHA]
    (raw,) = [b for b in from_store(db, curated=False) if b.sha256 == PERSONS_SHA]
    assert born["id"] not in {f["id"] for f in cur.facts} and born["id"] in {f["id"] for f in raw.facts}
    assert cur.view == "curated" and raw.view == "machine"
    assert next(p for p in cur.persons if p["id"] == "p-bronshtein")["name"] == "L. D. Bronshteyn"
    for flag, present in (([], False), (["--raw"], True)):
        out = tmp_path / ("raw" if flag else "curated")
        assert run_cli("export", "csv", "--db", db, "-o", str(out), *flag).returncode == 0
        assert (born["id"] in (out / "facts.csv").read_text(encoding="utf-8")) is present


def _snapshot(db: str) -> dict[str, list]:
    with connect(db) as store:
        tables = [r[0] for r in store.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(map(repr, store.all(f'SELECT * FROM "{t}"'))) for t in tables if t != "decisions"}


def test_curation_never_edits_the_source_or_the_machine_tables(db, tmp_path):
    before = _snapshot(db)
    with connect(db) as store:
        before_texts = dict(store.all("SELECT sha256, source_text FROM reports"))
    f0, f1 = fact(db, "born", "Stalin"), fact(db, "exiled", "Trotsky")
    with connect(db) as store:
        (c0, c0e), *_ = store.all('SELECT start, "end" FROM corrections WHERE report = ? ORDER BY start', (ESSAY_SHA,))
    decide(db, kind="fact.reject", id=f0["id"], report=PERSONS_SHA, reason="r")
    decide(db, kind="fact.edit", id=f1["id"], report=PERSONS_SHA, year="1900", type="arrested", reason="r")
    decide(db, kind="fact.add", report=PERSONS_SHA, start="0", end="20", type="born", reason="r")
    decide(db, kind="person.merge", id="p-kamenev-l-b", other="p-kamenev-s-s", report=PERSONS_SHA, reason="r")
    decide(db, kind="person.rename", id="p-stalin", report=PERSONS_SHA, name="I. V. Dzhugashvili", reason="r")
    decide(db, kind="correction.reject", report=ESSAY_SHA, start=str(c0), end=str(c0e), reason="r")
    decide(db, kind="correction.add", report=ESSAY_SHA, start="0", end="4", replacement="XXXX", reason="r")
    decide(db, kind="note", report=ESSAY_SHA, start="0", end="4", text="n", reason="r")
    client = TestClient(create_app(db, editable_user="ann"))
    for raw in ("", "?raw=1"):
        for path in ("/facts", "/facts.csv", "/timeline", "/trajectories", "/network?kind=facts", "/api/facts",
                     "/api/curation"):
            assert client.get(path + (raw.replace("?", "&") if "?" in path else raw)).status_code == 200
    assert run_cli("export", "csv", "--db", db, "-o", str(tmp_path / "out")).returncode == 0
    assert _snapshot(db) == before
    with connect(db) as store:
        for sha, text in store.all("SELECT sha256, source_text FROM reports"):
            source = PERSONS if sha == PERSONS_SHA else ESSAY
            assert hashlib.sha256(source.read_bytes()).hexdigest() == sha
            assert text and len(text) == len(before_texts[sha])
        assert len(load(store)) == 8
    diff = client.get("/api/curation", params={"report": PERSONS_SHA}).json()["reports"][0]
    assert f0["id"] in {f["id"] for f in diff["facts"]["removed"]}
