"""Exports round-trip: every exported span equals the source characters; counts equal the store's."""

from __future__ import annotations

import csv
import json
import os
import sqlite3

import pytest

from conftest import run_cli
from kartoteka.export.bundle import from_file, from_store
from test_citations import FIXTURE

TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def fixture_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "library_report.txt"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bundle(fixture_path):
    return from_file(str(fixture_path))


@pytest.fixture(scope="module")
def store_url(fixture_path, tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "k.db"
    result = run_cli("ingest", str(fixture_path), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return str(db)


def check_tei(root, text: str, b) -> None:
    checked = 0
    for el in root.iter():
        c = el.get("corresp")
        if not c or not c.startswith("src:"):
            continue
        s, e = map(int, c[4:].split(","))
        assert "".join(el.xpath(".//text()[not(ancestor::t:corr)]", namespaces=NS)) == text[s:e]
        checked += 1
    assert checked
    count = lambda xp: len(root.xpath(xp, namespaces=NS))  # noqa: E731
    assert count("//t:text//t:persName[@ref]") + count("//t:span[@type='persName']") == len(b.mentions())
    assert count("//t:text//t:choice") + count("//t:span[@type='choice']") == len(b.corrections)
    assert count("//t:listEvent/t:event") == len(b.facts)
    assert count("//t:listPerson/t:person") == len(b.persons)
    assert count("//t:listBibl/t:bibl") == len(b.citations)
    assert count("//t:note[@place='foot']") == len(b.report.footnotes)
    ids = set(root.xpath("//@xml:id"))
    for ptr in root.xpath("//@target | //@ref | //t:span/@from | //t:span/@to | //@prev", namespaces=NS):
        for target in ptr.split():
            assert target.startswith("#") and target[1:] in ids, target
    assert root.find(f"{TEI}teiHeader//{TEI}prefixDef").get("replacementPattern").startswith(f"{b.urn}#char=")


def test_tei_from_file(bundle, tei_schema):
    from lxml import etree

    from kartoteka.export.tei import tei_bytes

    root = etree.fromstring(tei_bytes(bundle))
    check_tei(root, bundle.text, bundle)
    assert tei_schema.validate(root), tei_schema.error_log
    heads = root.xpath("//t:body//t:head", namespaces=NS)
    assert heads and heads[0].text == "The Reading Room"
    assert root.xpath("//t:sourceDesc/t:bibl[@type='sourceLine']", namespaces=NS)


def test_tei_nesting_standoff():
    from kartoteka.export.tei import Point, Span, nest, place_point

    a, b, c = Span(0, 10, "persName"), Span(2, 4, "choice"), Span(3, 12, "placeName")
    root, crossing = nest(0, 20, [a, b, c])
    assert root.children == [a] and a.children == [b] and crossing == [c]
    place_point(root, Point(3, "o3"))
    assert isinstance(b.children[0], Point)


def test_jsonld(bundle, tmp_path):
    from kartoteka.export.jsonld import export_jsonld

    (path,) = export_jsonld([bundle], tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data["first"]["items"]
    assert data["total"] == len(items) == len(bundle.mentions()) + len(bundle.facts) + len(bundle.corrections) + sum(
        1 for e in bundle.entities if e["kind"] != "PERSON")
    text = bundle.text
    for a in items:
        assert a["type"] == "Annotation" and a["target"]["source"] == f"urn:sha256:{bundle.sha256}"
        pos, quote = a["target"]["selector"]
        s, e = pos["start"], pos["end"]
        assert quote["exact"] == text[s:e]
        assert text[:s].endswith(quote["prefix"]) and text[e:].startswith(quote["suffix"])


def test_csv(bundle, tmp_path):
    from kartoteka.export.csv import export_csv

    files = {p.name: p for p in export_csv([bundle], tmp_path)}
    assert set(files) == {"persons.csv", "facts.csv", "mentions.csv", "corrections.csv", "citations.csv"}
    rows = {}
    for name, p in files.items():
        assert p.read_bytes().startswith(b"\xef\xbb\xbf")
        with p.open(encoding="utf-8-sig", newline="") as fh:
            rows[name] = list(csv.DictReader(fh))
    assert len(rows["persons.csv"]) == len(bundle.persons)
    assert len(rows["facts.csv"]) == len(bundle.facts)
    assert len(rows["citations.csv"]) == len(bundle.citations) == 9
    for m in rows["mentions.csv"]:
        assert bundle.text[int(m["start"]) : int(m["end"])] == m["text"]
    for f in rows["facts.csv"]:
        assert bundle.text[int(f["start"]) : int(f["end"])] == f["evidence"]
    assert rows["citations.csv"][1]["ibid_of"] == "0"


def test_sqlite_for_datasette(bundle, tmp_path):
    from kartoteka.export.sqlite import export_sqlite

    db, meta = export_sqlite([bundle], tmp_path)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == len(bundle.mentions())
    assert conn.execute("SELECT count(*) FROM citations WHERE ibid_of IS NOT NULL").fetchone()[0] == 4
    hits = conn.execute("SELECT rowid FROM citations_fts WHERE citations_fts MATCH 'Sochineniya'").fetchall()
    assert len(hits) == 1
    text = conn.execute("SELECT source_text FROM reports").fetchone()[0]
    for s, e, t in conn.execute('SELECT start, "end", text FROM blocks'):
        assert text[s:e] == t
    fks = {r[2] for r in conn.execute("PRAGMA foreign_key_list(mentions)")}
    assert fks == {"reports", "persons"}
    assert json.loads(meta.read_text())["databases"]["kartoteka"]["tables"]["facts"]["fts_table"] == "facts_fts"
    conn.close()


def test_datasette_opens_it(bundle, tmp_path):
    pytest.importorskip("datasette")
    import asyncio

    from datasette.app import Datasette

    from kartoteka.export.sqlite import export_sqlite

    db, meta = export_sqlite([bundle], tmp_path)

    async def go():
        ds = Datasette([str(db)], metadata=json.loads(meta.read_text()))
        tables = await (await ds.client.get("/kartoteka.json")).aread()
        search = await ds.client.get("/kartoteka/citations.json?_search=Sochineniya&_shape=array")
        mention = await ds.client.get("/kartoteka/mentions.json?_labels=on&_shape=array&_size=1")
        return json.loads(tables), search.json(), mention.json()

    tables, search, mention = asyncio.run(go())
    assert {"persons", "facts", "citations", "mentions"} <= {t["name"] for t in tables["tables"]}
    assert len(search) == 1 and search[0]["work"] == "Sochineniya"
    assert isinstance(mention[0]["person"], dict) and mention[0]["person"]["label"]


def test_graph(bundle, tmp_path):
    nx = pytest.importorskip("networkx")
    from kartoteka.export.graph import export_graph

    graphml, gexf = export_graph([bundle], tmp_path)
    g = nx.read_graphml(graphml)
    assert g.number_of_nodes() == len(bundle.persons)
    assert nx.read_gexf(gexf).number_of_nodes() == len(bundle.persons)


@pytest.mark.parametrize("fmt", ["tei", "jsonld", "csv", "sqlite", "graph", "bib"])
def test_cli_from_file_and_store(fmt, fixture_path, store_url, tmp_path):
    for source in ([str(fixture_path)], ["--db", store_url]):
        out = tmp_path / ("file" if len(source) == 1 else "db")
        result = run_cli("export", fmt, *source, "-o", str(out), "--json")
        assert result.returncode == 0, result.stderr
        files = json.loads(result.stdout)["files"]
        assert files and all(os.path.getsize(f) > 0 for f in files)


def test_store_bundle_counts_equal_the_store(store_url):
    (b,) = from_store(store_url)
    conn = sqlite3.connect(store_url)
    count = lambda t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: E731
    assert len(b.mentions()) == count("person_mentions")
    assert len(b.facts) == count("facts")
    assert len(b.corrections) == count("corrections")
    assert len(b.persons) == count("persons")
    assert len(b.citations) == count("footnotes") == 9
    assert len(b.entities) == count("entities")
    assert b.origin == "store"


def test_store_tei_roundtrip(store_url):
    from lxml import etree

    from kartoteka.export.tei import tei_bytes

    (b,) = from_store(store_url)
    check_tei(etree.fromstring(tei_bytes(b)), b.text, b)


def test_export_errors(tmp_path):
    result = run_cli("export", "tei", "-o", str(tmp_path))
    assert result.returncode == 2 and b"FILE or --db" in result.stderr
    result = run_cli("export", "nope", "x.txt", "-o", str(tmp_path))
    assert result.returncode == 2


# -- the corpus ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_bundle(corpus_path):
    return from_file(str(corpus_path))


def test_corpus_tei_valid_and_anchored(corpus_bundle, tei_schema):
    from lxml import etree

    from kartoteka.export.tei import tei_bytes

    root = etree.fromstring(tei_bytes(corpus_bundle))
    check_tei(root, corpus_bundle.text, corpus_bundle)
    assert tei_schema.validate(root), str(tei_schema.error_log)[:2000]


def test_corpus_jsonld_and_csv_spans(corpus_bundle, tmp_path):
    from kartoteka.export.jsonld import annotations

    text = corpus_bundle.text
    items = annotations(corpus_bundle)
    assert len(items) > 5000
    for a in items:
        pos, quote = a["target"]["selector"]
        assert quote["exact"] == text[pos["start"] : pos["end"]]
