"""The Python API: kartoteka.read(path) and kartoteka.connect(db)."""

from __future__ import annotations

import pytest

import kartoteka
from conftest import run_cli
from test_citations import FIXTURE


@pytest.fixture(scope="module")
def fixture_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "library_report.txt"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


def test_read(fixture_path):
    r = kartoteka.read(fixture_path)
    assert len(r) == 1
    report = r.reports[0]
    assert report.number == "JPRS-UPA-91-003" and report.date == "1991-01-14"
    assert len(r.citations) == 9
    assert r.citations[1].ibid_of == 0 and r.citations[1].work == "Polnoye sobraniye sochineniy"
    assert r.citations[0].text == report.text[r.citations[0].start : r.citations[0].end]
    assert r.persons and all(p.name for p in r.persons)
    for m in r.mentions:
        assert report.text[m.start : m.end] == m.text
    for f in r.facts:
        assert f.text == f.evidence
    voronova = report.person("Voronova")
    assert voronova is not None and "Voronova" in voronova.name


def test_to_pandas(fixture_path):
    pytest.importorskip("pandas")
    r = kartoteka.read(fixture_path)
    df = r.citations.to_pandas()
    assert len(df) == 9 and {"author", "work", "volume", "pages", "ibid_of", "report"} <= set(df.columns)
    assert len(r.persons.to_pandas()) == len(r.persons)


def test_connect(fixture_path, tmp_path):
    db = tmp_path / "k.db"
    assert run_cli("ingest", str(fixture_path), "--db", str(db)).returncode == 0
    store = kartoteka.connect(str(db))
    read = kartoteka.read(fixture_path)
    assert len(store.reports) == 1
    assert len(store.facts) == len(read.facts)
    assert [c.to_json() for c in store.citations] == [c.to_json() for c in read.citations]
    out = store.export("csv", tmp_path / "csv")
    assert len(out) == 5


def test_connect_missing_store(tmp_path):
    from kartoteka.errors import InputError

    with pytest.raises(InputError):
        kartoteka.connect(str(tmp_path / "missing.db"))
