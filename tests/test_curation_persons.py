"""Curated persons everywhere (issue 9 follow-up): a renamed person and an added alias are found by name, a person a
split created has its own card, and co-occurrence links follow the curated persons."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")

from fastapi.testclient import TestClient

from conftest import run_cli
from kartoteka.curation.store import record
from kartoteka.curation.web import build
from kartoteka.store import connect, ingest
from kartoteka.store.read import persons_by_name
from kartoteka.web import create_app
from store_support import store_url

PERSONS = Path(__file__).resolve().parent / "fixtures" / "persons_report.txt"
SHA = hashlib.sha256(PERSONS.read_bytes()).hexdigest()


@pytest.fixture(params=["sqlite", "postgres"])
def db(request, tmp_path) -> str:
    url = store_url(request.param, tmp_path)  # PostgreSQL: a fresh schema on the test server, else skipped
    with connect(url) as store:
        ingest(store, [str(PERSONS)])
    return url


def decide(db: str, **form) -> str:
    with connect(db) as store:
        return record(store, build(store, {"report": SHA, "reason": "archive file", **form}, "ann")).id


def cp_of(db: str, pid: str) -> str:
    with connect(db) as store:
        return store.scalar("SELECT corpus_person FROM corpus_person_links WHERE report = ? AND person = ?", (SHA, pid))


def test_renamed_person_and_added_alias_are_found_by_name(db):
    decide(db, kind="person.rename", id="p-orlov-v-m", name="V. M. Orlovskiy")
    decide(db, kind="person.alias", id="p-bokis-g", alias="Velikanov")
    orlov, bokis = cp_of(db, "p-orlov-v-m"), cp_of(db, "p-bokis-g")
    with connect(db) as store:
        assert [p["id"] for p in persons_by_name(store, "Orlovskiy")] == [orlov]
        assert persons_by_name(store, "Orlovskiy")[0]["name"] == "V. M. Orlovskiy"
        assert [p["id"] for p in persons_by_name(store, "Velikanov")] == [bokis]
        assert persons_by_name(store, "Orlovskiy", curated=False) == []  # the machine's view does not know it
        assert [p["id"] for p in persons_by_name(store, "Orlov")] == [orlov]  # the old name still finds him

    out = run_cli("person", "Orlovskiy", "--db", db, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["person"]["name"] == "V. M. Orlovskiy"
    assert run_cli("person", "Orlovskiy", "--db", db, "--raw").returncode == 1

    client = TestClient(create_app(db))
    api = client.get("/api/persons", params={"q": "Velikanov"}).json()["persons"]
    assert [p["id"] for p in api] == [bokis]
    assert client.get("/api/persons", params={"q": "Velikanov", "raw": 1}).json()["persons"] == []
    page = client.get("/persons", params={"q": "Orlovskiy"}).text
    assert f"/persons/{orlov}" in page


def test_a_person_created_by_a_split_has_its_own_card(db):
    arrested = "f-7905445ed35a"  # the arrest of "L. Babel" at [2052, 2060)
    decide(db, kind="person.split", id="p-babel-i-f", mentions="2052:2060", name="L. Babel")
    client = TestClient(create_app(db))
    [found] = client.get("/api/persons", params={"q": "L. Babel"}).json()["persons"]
    assert found["id"].startswith("cp-p-c-") and found["name"] == "L. Babel" and found["mention_count"] == 1
    card = client.get(f"/api/persons/{found['id']}").json()
    assert [f["id"] for f in card["facts"]] == [arrested] and card["split_from"] == "p-babel-i-f"
    assert "person.split by ann" in card["curation_title"]
    assert "L. Babel" in client.get(f"/persons/{found['id']}").text
    old = client.get(f"/api/persons/{cp_of(db, 'p-babel-i-f')}").json()
    assert arrested not in {f["id"] for f in old["facts"]} and old["mention_count"] == 1
    raw_old = client.get(f"/api/persons/{cp_of(db, 'p-babel-i-f')}", params={"raw": 1}).json()
    assert arrested in {f["id"] for f in raw_old["facts"]} and raw_old["mention_count"] == 2

    out = run_cli("person", "L. Babel", "--db", db, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["person"]["name"] == "L. Babel" and [f["id"] for f in data["facts"]] == [arrested]


def test_cooccurrence_follows_the_curated_persons(db):
    lb, ss = cp_of(db, "p-kamenev-l-b"), cp_of(db, "p-kamenev-s-s")
    client = TestClient(create_app(db))

    def linked(view: dict) -> set[frozenset]:
        return {frozenset((e["a"], e["b"])) for e in view["edges"]}

    raw_card = client.get(f"/api/persons/{lb}").json()
    assert ss in {c["id"] for c in raw_card["cooccurring"]}
    assert frozenset((lb, ss)) in linked(client.get("/api/network", params={"n": 150}).json())

    decide(db, kind="person.merge", id="p-kamenev-l-b", other="p-kamenev-s-s")
    card = client.get(f"/api/persons/{lb}").json()
    assert ss not in {c["id"] for c in card["cooccurring"]}  # merged: one person, no link to itself
    assert ss in {c["id"] for c in client.get(f"/api/persons/{lb}", params={"raw": 1}).json()["cooccurring"]}
    net = client.get("/api/network", params={"n": 150}).json()
    assert frozenset((lb, ss)) not in linked(net) and ss not in {n["id"] for n in net["nodes"]}
    raw_net = client.get("/api/network", params={"n": 150, "raw": 1}).json()
    assert frozenset((lb, ss)) in linked(raw_net)


def test_a_rejected_fact_does_not_link(db):
    stalin = cp_of(db, "p-stalin")
    zhukov = cp_of(db, "p-shukov-g-k")
    added = decide(db, kind="fact.add", start="1749", end="1789", type="born", person="p-shukov-g-k")
    client = TestClient(create_app(db))
    net = lambda: client.get("/api/network", params={"n": 150, "kind": "facts"}).json()  # noqa: E731
    assert frozenset((stalin, zhukov)) in {frozenset((e["a"], e["b"])) for e in net()["edges"]}
    from kartoteka.curation.model import derived_id

    decide(db, kind="fact.reject", id=derived_id("f-c", added))
    assert frozenset((stalin, zhukov)) not in {frozenset((e["a"], e["b"])) for e in net()["edges"]}


def test_home_page_counts_are_the_curated_ones(db):
    with connect(db) as store:
        persons, facts = (int(store.scalar(f"SELECT count(*) FROM {t} WHERE report = ?", (SHA,))) for t in
                          ("persons", "facts"))
    decide(db, kind="person.merge", id="p-kamenev-l-b", other="p-kamenev-s-s")
    decide(db, kind="fact.reject", id="f-e143ca94c751")
    client = TestClient(create_app(db))
    [cur] = client.get("/api/reports").json()["reports"]
    [raw] = client.get("/api/reports", params={"raw": 1}).json()["reports"]
    assert (cur["counts"]["persons"], cur["counts"]["facts"]) == (persons - 1, facts - 1)
    assert (raw["counts"]["persons"], raw["counts"]["facts"]) == (persons, facts)

    def row(html: str) -> list[str]:
        import re

        return re.findall(r'<td class="num">(?:<a [^>]*>)?(\d+)', html)[:3]  # blocks, persons, facts

    assert row(client.get("/").text)[1:] == [str(persons - 1), str(facts - 1)]
    assert row(client.get("/", params={"raw": 1}).text)[1:] == [str(persons), str(facts)]


def test_cooccurring_and_network_names_are_the_curated_ones(db):
    alksnis, orlov = cp_of(db, "p-alksnis-ya-i"), cp_of(db, "p-orlov-v-m")
    decide(db, kind="person.rename", id="p-orlov-v-m", name="V. M. Orlovskiy")
    client = TestClient(create_app(db))

    def named(params: dict) -> dict:
        return {c["id"]: c["name"] for c in client.get(f"/api/persons/{alksnis}", params=params).json()["cooccurring"]}

    assert named({})[orlov] == "V. M. Orlovskiy" and named({"raw": 1})[orlov] == "V. M. Orlov"
    nodes = {n["id"]: n["name"] for n in client.get("/api/network", params={"n": 150}).json()["nodes"]}
    assert nodes[orlov] == "V. M. Orlovskiy"


def test_the_reader_links_a_split_mention_to_the_person_the_split_created(db):
    decide(db, kind="person.split", id="p-babel-i-f", mentions="2052:2060", name="L. Babel")
    client = TestClient(create_app(db))
    [new] = client.get("/api/persons", params={"q": "L. Babel"}).json()["persons"]
    old = cp_of(db, "p-babel-i-f")
    report = client.get("/api/reports").json()["reports"][0]["number"]
    pages = client.get(f"/api/reports/{report}").json()["pages"]
    page = next(p["key"] for p in pages if p["start"] <= 2052 < p["end"])
    base = f"/api/reports/{report}/d/{page}"

    def link(params: dict) -> str | None:
        data = client.get(base, params={"html": 1, **params}).json()
        return next(m["person"] for m in data["mentions"] if (m["start"], m["end"]) == (2052, 2060))

    assert link({}) == new["id"] and link({"raw": 1}) == old
    html = client.get(f"/reports/{report}/d/{page}").text
    assert f'/persons/{new["id"]}' in html and "L. Babel" in html
    raw_html = client.get(f"/reports/{report}/d/{page}", params={"raw": 1}).text
    assert f'/persons/{new["id"]}' not in raw_html
