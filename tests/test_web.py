"""The web app and JSON API (FastAPI's test client) on a small store ingested from fixtures.

`web_store` holds the essay fixture plus a report written here whose title is a script tag and whose text
has an HTML tag in it: both must render as text. The same store serves the browser tests.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")

from fastapi.testclient import TestClient

from kartoteka.web import create_app

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NUMBER = "JPRS-UPA-92-031"
SCRIPT = "<script>alert(1)</script>"

#: A report in JPRS form written for these tests: one chapter, a repression path for two people, a
#: commissar in three spellings, glosses, footnotes with markers, and markup that must stay text.
WEB_REPORT = """

JPRS Report

Soviet Union

Political Affairs <script>alert(1)</script>

By Sergey Ilich Vorontsov

JPRS-UPA-92-031

CONTENTS

14 APRIL 1992

28400777 Perm KAMA in Russian No 3, Mar 91

[Recollections by Sergey Vorontsov, "Zapiski s Kamy," published in KAMA]

Part 1: The Kama Years\t\t1
The Depot at Perm\t2

<script>alert(1)</script>

28400777a Perm KAMA in Russian No 3, Mar 91

[Recollections by Sergey Vorontsov]

[KAMA No 3, Mar 91; pp 40-77]

[Text] I set down here what the depot workers told me about the years before the war.

Part 1: The Kama Years

The Depot at Perm

1

The depot chief in 1934 was Nikolay Fedorovich Rybakov, an old railwayman. Rybakov was arrested in March 1937 by \
the NKVD. In June 1937 Rybakov was sentenced by the Military Collegium to ten years. Rybakov was shot in 1938. He \
was rehabilitated in 1957.¹

His deputy, Pavel Semenovich Gusev, was arrested in 1937 as well. Gusev was released in 1939 and went back to the \
depot. The people's commissar Yezhov signed the list that named both men.²

2

Later histories write the commissar's name as Ezhov; the OGPU [United State Political Administration] files spell \
it in Cyrillic as Ежов. A note in the margin reads <img src=x onerror=alert(1)> and nothing else.

Footnotes

- 1. Depot archive, file 12, p 3.
- 2. Family papers of the author.
"""


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> str:
    from kartoteka.store import connect
    from kartoteka.store.ingest import ingest

    folder = tmp_path_factory.mktemp("web")
    report = folder / "web_report.txt"
    report.write_text(WEB_REPORT, encoding="utf-8")
    db = str(folder / "web.db")
    with connect(db) as store:
        ingest(store, [str(report), str(FIXTURES / "essay_report.txt")])
    return db


@pytest.fixture(scope="module")
def client(web_store) -> TestClient:
    return TestClient(create_app(web_store))


def person_id(client: TestClient, name: str) -> str:
    persons = client.get("/api/persons", params={"q": name}).json()["persons"]
    assert persons, name
    return persons[0]["id"]


# -- API ---------------------------------------------------------------------------------------
def test_api_reports_list_and_one(client):
    reports = client.get("/api/reports").json()["reports"]
    numbers = {r["number"] for r in reports}
    assert {NUMBER, "JPRS-UPA-90-017"} <= numbers
    ours = next(r for r in reports if r["number"] == NUMBER)
    assert ours["title"] == SCRIPT and ours["counts"]["facts"] >= 5
    one = client.get(f"/api/reports/{NUMBER}").json()
    assert one["number"] == NUMBER
    assert any(p["kind"] == "chapter" for p in one["pages"])
    assert one["instalments"] and one["instalments"][0]["label"].startswith("KAMA No 3, Mar 1991, pp 40-77")
    assert client.get("/api/reports/JPRS-NOPE-00-000").status_code == 404


def test_api_page_blocks_point_at_the_source(client, web_store):
    report = client.get(f"/api/reports/{NUMBER}").json()
    page = next(p for p in report["pages"] if p["kind"] == "chapter")["key"]
    data = client.get(f"/api/reports/{NUMBER}/d/{page}").json()
    text = WEB_REPORT
    paras = [b for b in data["blocks"] if b["kind"] == "paragraph"]
    assert paras
    for b in paras:
        assert b["text"] == text[b["start"] : b["end"]]
        assert NUMBER in b["cite"] and "paragraph" in b["cite"]
    for m in data["mentions"]:
        assert text[m["start"] : m["end"]].split()[-1].strip(".,;") in {"Rybakov", "Gusev", "Yezhov", "Ezhov",
                                                                      "Ежов", "Vorontsov"}


def test_api_persons_any_spelling(client):
    for spelling in ("Yezhov", "Ezhov", "Ежов"):
        persons = client.get("/api/persons", params={"q": spelling}).json()["persons"]
        assert [p["name"] for p in persons] == ["Yezhov"], spelling
    card = client.get(f"/api/persons/{person_id(client, 'Rybakov')}").json()
    assert card["name"] == "Nikolay Fedorovich Rybakov"
    assert set(card["keys"]) >= {"fbis", "loc", "cyrillic"}
    types = [f["type"] for f in card["facts"]]
    assert {"arrested", "sentenced", "shot", "rehabilitated"} <= set(types)
    for f in card["facts"]:
        assert WEB_REPORT[f["start"] : f["end"]] == f["evidence"]
        assert f["cite"].startswith(NUMBER)
    assert any(o["name"] == "Pavel Semenovich Gusev" or o["name"] == "Yezhov" for o in card["cooccurring"]) or \
        card["cooccurring"] == []
    assert client.get("/api/persons/cp-nope").status_code == 404


def test_api_facts_filters_and_limits(client):
    shot = client.get("/api/facts", params={"type": "shot"}).json()
    assert shot["total"] >= 2 and all(f["type"] == "shot" for f in shot["facts"])
    window = client.get("/api/facts", params={"from": 1938, "to": 1957}).json()
    assert window["facts"] and all(1938 <= f["year"] <= 1957 for f in window["facts"])
    by_person = client.get("/api/facts", params={"person": "Gusev"}).json()
    assert {f["type"] for f in by_person["facts"]} == {"arrested", "released"}
    page = client.get("/api/facts", params={"limit": 2, "offset": 1}).json()
    assert len(page["facts"]) == 2 and page["limit"] == 2 and page["offset"] == 1
    assert client.get("/api/facts", params={"limit": 100000}).status_code == 422
    agent = client.get("/api/facts", params={"agent": "NKVD"}).json()
    assert agent["total"] >= 1 and all("NKVD" in f["evidence"] for f in agent["facts"])


def test_api_search_offers_person_first(client):
    data = client.get("/api/search", params={"q": "Ezhov"}).json()
    assert data["persons"] and data["persons"][0]["name"] == "Yezhov"
    assert data["total"] >= 1
    hit = data["hits"][0]
    assert hit["url"].startswith(f"/reports/{NUMBER}/d/") and "hl=" in hit["url"]


def test_api_trajectories_and_network(client):
    t = client.get("/api/trajectories").json()
    bands = {(b["from"], b["to"]) for b in t["bands"]}
    assert ("arrested", "sentenced") in bands and ("arrested", "released") in bands
    band = next(b for b in t["bands"] if (b["from"], b["to"]) == ("arrested", "released"))
    persons = client.get("/api/trajectories/band", params={"step": band["step"], "from": "arrested",
                                                           "to": "released"}).json()["persons"]
    assert [p["person"] for p in persons] == ["Pavel Semenovich Gusev"]
    assert {a["agent"] for a in t["agents"]} >= {"NKVD", "Military Collegium"}
    net = client.get("/api/network", params={"n": 10}).json()
    assert net["nodes"] and net["edges"]
    assert client.get("/api/timeline").json()["years"]


def test_openapi_and_local_docs(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/reports", "/api/persons", "/api/facts", "/api/search"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "http://" not in docs.text and "https://" not in docs.text  # no CDN
    for src in re.findall(r'(?:src|href)="(/[^"]+)"', docs.text):
        assert client.get(src).status_code == 200, src


# -- pages --------------------------------------------------------------------------------------
def test_pages_render(client):
    pid = person_id(client, "Rybakov")
    report = client.get(f"/api/reports/{NUMBER}").json()
    page = next(p for p in report["pages"] if p["kind"] == "chapter")["key"]
    for url in ("/", "/reports", f"/reports/{NUMBER}/d/{page}", f"/persons/{pid}", "/persons?q=Ezhov", "/facts",
                "/timeline", "/trajectories", "/network", "/network?kind=facts", "/search?q=Rybakov",
                "/trajectories/band?step=0&from=arrested&to=sentenced"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "<main>" in r.text
    assert client.get(f"/reports/{NUMBER}", follow_redirects=False).status_code == 307
    assert client.get(f"/reports/{NUMBER}/d/999").status_code == 404


def test_reader_marks_mentions_footnotes_glosses_and_corrections(client):
    report = client.get(f"/api/reports/{NUMBER}").json()
    page = next(p for p in report["pages"] if p["kind"] == "chapter")["key"]
    html = client.get(f"/reports/{NUMBER}/d/{page}").text
    assert re.search(r'<a class="person" href="/persons/cp-[0-9a-f]+"[^>]*>Nikolay Fedorovich Rybakov</a>', html)
    assert 'id="fnref-0"' in html and 'href="#fn-0"' not in html  # the marker links to the note by page URL
    assert re.search(r'href="/reports/[^"]+#fn-0"', html) and 'id="fn-0"' in html and "#fnref-0" in html
    assert '<span class="gloss"' in html and "United State Political Administration" in html
    essay = client.get("/api/reports/JPRS-UPA-90-017").json()
    for p in essay["pages"]:
        repaired = client.get(f"/reports/JPRS-UPA-90-017/d/{p['key']}").text
        original = client.get(f"/reports/JPRS-UPA-90-017/d/{p['key']}", params={"view": "original"}).text
        if '<ins class="corr"' in repaired:
            assert 'class="corr orig"' in original and "original OCR:" in repaired and "confidence" in repaired
            break
    else:
        pytest.fail("no correction marked in the essay fixture")


def test_highlight_on_arrival(client):
    card = client.get(f"/api/persons/{person_id(client, 'Gusev')}").json()
    f = next(f for f in card["facts"] if f["type"] == "released")
    html = client.get(f"/reports/{NUMBER}/d/{f['page']}", params={"hl": f"{f['start']}-{f['end']}"}).text
    marks = re.findall(r'<mark class="hl"( id="hl")?>(.*?)</mark>', html, re.S)
    assert marks and marks[0][0]
    assert re.sub(r"<[^>]+>", "", "".join(m[1] for m in marks)) == f["evidence"]
    # nonsense highlights are ignored, not errors
    for hl in ("9-1", "abc", "0-99999999"):
        assert client.get(f"/reports/{NUMBER}/d/{f['page']}", params={"hl": hl}).status_code == 200


def test_facts_csv(client):
    r = client.get("/facts.csv", params={"type": "arrested"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and all(row["type"] == "arrested" for row in rows)
    assert {"Rybakov", "Gusev"} <= {row["person"].split()[-1] for row in rows}


def test_cite_texts(client):
    report = client.get(f"/api/reports/{NUMBER}").json()
    page = next(p for p in report["pages"] if p["kind"] == "chapter")["key"]
    data = client.get(f"/api/reports/{NUMBER}/d/{page}").json()
    para = next(b for b in data["blocks"] if b["kind"] == "paragraph")
    assert para["cite"].startswith(f"{NUMBER}; 14 April 1992; KAMA No 3, Mar 1991, pp 40-77")
    assert "Chapter: The Depot at Perm" in para["cite"] and "paragraph 1" in para["cite"]
    r = client.get(para["permalink"], follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"].endswith(f"#b{para['block']}")


# -- security -----------------------------------------------------------------------------------
def test_script_title_and_text_render_as_text(client):
    pages = ["/", f"/reports/{NUMBER}/d/front", "/search?q=alert", "/search?q=" + SCRIPT, "/persons?q=" + SCRIPT,
             "/facts?person=" + SCRIPT, "/timeline?person=" + SCRIPT]
    report = client.get(f"/api/reports/{NUMBER}").json()
    pages += [f"/reports/{NUMBER}/d/{p['key']}" for p in report["pages"]]
    for url in pages:
        html = client.get(url).text
        assert SCRIPT not in html, url
        assert "<img src=x" not in html, url
    front = client.get(f"/reports/{NUMBER}/d/front").text + client.get("/").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in front
    chapter = "".join(client.get(f"/reports/{NUMBER}/d/{p['key']}").text for p in report["pages"])
    assert "&lt;img src=x onerror=alert(1)&gt;" in chapter


def test_sql_injection_is_harmless(client):
    evil = "'; DROP TABLE reports; --"
    for url, params in (("/api/search", {"q": evil}), ("/api/persons", {"q": evil}), ("/api/facts",
                        {"person": evil, "type": evil, "report": evil}), ("/search", {"q": evil}),
                        ("/facts", {"person": evil, "type": evil}), ("/persons", {"q": evil})):
        assert client.get(url, params=params).status_code in (200, 400), url
    assert client.get(f"/api/reports/{evil}").status_code == 404
    assert len(client.get("/api/reports").json()["reports"]) == 2


def test_headers_read_only_and_limits(client):
    for url in ("/", "/api/reports", "/docs", "/static/app.css", "/nope"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert r.headers["x-content-type-options"] == "nosniff"
    assert client.post("/api/reports", json={}).status_code == 405
    assert client.delete("/api/reports").status_code == 405
    assert client.get("/search", params={"q": "x" * 5000}).status_code == 414
    assert client.get("/api/search", params={"q": "x" * 301}).status_code == 422
    assert client.get("/api/facts", params={"limit": 0}).status_code == 422


def test_server_is_read_only(web_store):
    import sqlite3

    app = create_app(web_store)
    with pytest.raises(sqlite3.OperationalError):
        app.state.db.store.execute("DELETE FROM reports")


def test_serve_refuses_missing_store(tmp_path):
    from conftest import run_cli

    r = run_cli("serve", "--db", str(tmp_path / "missing.db"))
    assert r.returncode == 2
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "no such store" in err[0]
    assert not (tmp_path / "missing.db").exists()
