"""Curation through the web: only behind `editable_user`, CSRF-protected, reason required, every decision kind."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")

from fastapi.testclient import TestClient

from kartoteka.curation.store import load
from kartoteka.store import connect, ingest
from kartoteka.store.read import facts as read_facts
from kartoteka.web import create_app

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PERSONS, ESSAY = FIXTURES / "persons_report.txt", FIXTURES / "essay_report.txt"


@pytest.fixture
def db(tmp_path) -> str:
    url = str(tmp_path / "store.db")
    with connect(url) as store:
        ingest(store, [str(PERSONS), str(ESSAY)])
    return url


def token(client: TestClient) -> str:
    page = client.get("/curate")
    assert page.status_code == 200
    return re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)


def test_the_default_server_stays_read_only(db):
    client = TestClient(create_app(db))
    assert client.get("/curate").status_code == 404
    assert client.post("/curate/decide", data={"kind": "note"}).status_code == 405


def test_csrf_origin_and_reason_are_required(db):
    client = TestClient(create_app(db, editable_user="ann"))
    fid = read_facts(connect(db), curated=False)[0]["id"]
    form = {"kind": "fact.reject", "id": fid, "reason": "wrong"}
    assert client.post("/curate/decide", data=form).status_code == 403
    assert client.post("/curate/decide", data={**form, "csrf": "0" * 64}).status_code == 403
    csrf = token(client)
    assert client.post("/curate/decide", data={**form, "csrf": csrf},
                       headers={"origin": "http://evil.example"}).status_code == 403
    assert client.post("/curate/decide", data={**form, "csrf": csrf, "reason": "  "}).status_code == 400
    other = TestClient(create_app(db, editable_user="bob"))  # a token is bound to its own cookie and server
    assert other.post("/curate/decide", data={**form, "csrf": csrf}).status_code == 403
    with connect(db) as store:
        assert load(store) == []
    assert client.post("/curate/decide", data={**form, "csrf": csrf}, follow_redirects=False).status_code == 303
    with connect(db) as store:
        [d] = load(store)
    assert (d.kind, d.author, d.reason, d.target["id"]) == ("fact.reject", "ann", "wrong", fid)


def test_every_decision_kind_through_the_web(db):
    client = TestClient(create_app(db, editable_user="ann"))
    csrf = token(client)
    persons_sha, essay_sha = (hashlib.sha256(p.read_bytes()).hexdigest() for p in (PERSONS, ESSAY))
    with connect(db) as store:
        facts = read_facts(store, curated=False)
        corrections = store.all('SELECT start, "end" FROM corrections WHERE report = ? ORDER BY start', (essay_sha,))
        mentions = store.all('SELECT start, "end" FROM person_mentions WHERE report = ? AND person = ? ORDER BY start',
                             (persons_sha, "p-eshev-n-i"))
    f0, f1, f2 = facts[0]["id"], facts[1]["id"], facts[2]["id"]
    (c0, c0e), (c1, c1e) = corrections[0], corrections[1]
    forms = [
        {"kind": "fact.confirm", "id": f0},
        {"kind": "fact.reject", "id": f1},
        {"kind": "fact.edit", "id": f2, "year": "1901"},
        {"kind": "fact.add", "report": persons_sha, "start": "0", "end": "20", "type": "born", "person": "p-stalin"},
        {"kind": "person.merge", "report": persons_sha, "id": "p-kamenev-l-b", "other": "p-kamenev-s-s"},
        {"kind": "person.split", "report": persons_sha, "id": "p-eshev-n-i",
         "mentions": f"{mentions[-1][0]}:{mentions[-1][1]}", "name": "Another Yezhov"},
        {"kind": "person.rename", "report": persons_sha, "id": "p-bronshtein", "name": "L. D. Bronshteyn"},
        {"kind": "person.alias", "report": persons_sha, "id": "p-stalin", "alias": "Koba"},
        {"kind": "correction.accept", "report": essay_sha, "start": str(c0), "end": str(c0e)},
        {"kind": "correction.reject", "report": essay_sha, "start": str(c1), "end": str(c1e)},
        {"kind": "correction.add", "report": essay_sha, "start": "0", "end": "4", "replacement": "JPRS"},
        {"kind": "note", "report": essay_sha, "start": "0", "end": "4", "text": "a note"},
    ]
    for form in forms:
        r = client.post("/curate/decide", data={**form, "csrf": csrf, "reason": "checked " + form["kind"]},
                        follow_redirects=False)
        assert r.status_code == 303, (form, r.text[-400:])
    with connect(db) as store:
        decisions = load(store)
        last = decisions[-1].id
        r = client.post("/curate/decide", data={"kind": "revoke", "decision": last, "csrf": csrf, "reason": "undo"},
                        follow_redirects=False)
        assert r.status_code == 303
        decisions = load(store)
        from kartoteka.curation.store import orphans

        assert orphans(store) == []
        curated = {f["id"]: f for f in read_facts(store)}
    assert [d.kind for d in decisions] == [f["kind"] for f in forms] + ["revoke"]
    assert all(d.author == "ann" for d in decisions)
    assert f1 not in curated and curated[f2]["year"] == 1901 and curated[f0]["status"] == "confirmed"
    page = client.get("/curate")
    assert "checked person.merge" in page.text and "Orphaned decisions (0)" in page.text
    bad = client.post("/curate/decide", data={"kind": "fact.reject", "id": "f-nope", "csrf": csrf, "reason": "x"})
    assert bad.status_code == 400 and "no fact f-nope" in bad.text
