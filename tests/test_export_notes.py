"""Curation notes in the exports (issue 9): a TEI `<note>` in standOff pointing at the span, a JSON-LD annotation
with motivation "commenting", and notes.csv; none in the raw view."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from kartoteka.curation.store import record
from kartoteka.curation.web import build
from kartoteka.export.bundle import from_store
from kartoteka.store import connect, ingest

ESSAY = Path(__file__).resolve().parent / "fixtures" / "essay_report.txt"
SHA = hashlib.sha256(ESSAY.read_bytes()).hexdigest()


@pytest.fixture
def noted(tmp_path) -> tuple[str, str, tuple[int, int]]:
    url = str(tmp_path / "store.db")
    with connect(url) as store:
        ingest(store, [str(ESSAY)])
        start, end = store.one('SELECT start, "end" FROM blocks WHERE report = ? AND kind = ? ORDER BY idx',
                               (SHA, "paragraph"))
        d = record(store, build(store, {"kind": "note", "report": SHA, "start": str(start), "end": str(end),
                                        "text": "compare the memoir", "reason": "context"}, "ann"))
    return url, d.id, (start, end)


def test_notes_in_tei_jsonld_and_csv(noted, tmp_path):
    lxml = pytest.importorskip("lxml.etree")
    from kartoteka.export.csv import export_csv
    from kartoteka.export.jsonld import annotations
    from kartoteka.export.tei import tei_bytes

    url, did, (start, end) = noted
    (b,) = from_store(url)
    (raw,) = from_store(url, curated=False)
    text = b.text

    root = lxml.fromstring(tei_bytes(b))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    [note] = root.findall(".//t:standOff//t:note[@type='curation']", ns)
    assert note.text == "compare the memoir" and note.get("resp") == "ann"
    assert note.get("corresp") == f"src:{start},{end}"
    a, z = (t.lstrip("#") for t in note.get("target").split())
    anchors = {el.get("{http://www.w3.org/XML/1998/namespace}id") for el in root.iter("{*}anchor")}
    assert {a, z} <= anchors and (a, z) == (f"o{start}", f"o{end}")
    assert [n.text for n in note.findall("t:note[@type='reason']", ns)] == ["context"]
    assert not lxml.fromstring(tei_bytes(raw)).findall(".//t:note[@type='curation']", ns)

    [ann] = [x for x in annotations(b) if x["motivation"] == "commenting"]
    assert ann["body"][0]["value"] == "compare the memoir" and ann["creator"]["name"] == "ann"
    pos, quote = ann["target"]["selector"]
    assert (pos["start"], pos["end"]) == (start, end) and quote["exact"] == text[start:end]
    assert not [x for x in annotations(raw) if x["motivation"] == "commenting"]

    assert "notes.csv" in {p.name for p in export_csv([b], tmp_path / "cur")}
    with (tmp_path / "cur" / "notes.csv").open(encoding="utf-8-sig", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert (row["id"], row["start"], row["end"], row["note"], row["author"]) == (did, str(start), str(end),
                                                                                  "compare the memoir", "ann")
    assert row["text"] == text[start:end]
    with (tmp_path / "cur" / "notes.csv").open(encoding="utf-8-sig") as fh:
        assert fh.read().count("compare the memoir") == 1
    assert "notes.csv" not in {p.name for p in export_csv([raw], tmp_path / "raw")}  # no notes: no notes.csv
    assert json.loads(json.dumps(ann)) == ann


def test_notes_tei_is_valid(noted, tei_schema):
    lxml = pytest.importorskip("lxml.etree")
    from kartoteka.export.tei import tei_bytes

    (b,) = from_store(noted[0])
    root = lxml.fromstring(tei_bytes(b))
    assert tei_schema.validate(root), str(tei_schema.error_log)[:2000]
