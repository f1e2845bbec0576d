"""`facts`, `person` and `timeline` on a report file, through the real command line."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli

REPORT = """JPRS Report

Soviet Union

Political Affairs

JPRS-UPA-90-031

CONTENTS

2 APRIL 1990

A Village Teacher Remembers

28400115a Kazan VOLGA in Russian No 3, Mar 90

[Text] In the autumn of 1936 N. I. Yezhov was appointed people's commissar of internal affairs.

In 1937 the teacher P. S. Kuzmenkov was arrested by the NKVD. A year later Kuzmenkov was shot.

Only in 1956 was Kuzmenkov rehabilitated. The rumor that Kuzmenkov was released in 1940 was false.
"""


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("facts") / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return str(path)


def _json(*args):
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_facts_json_schema_and_evidence(report_file):
    facts = _json("facts", report_file, "--json")["facts"]
    by = {(f["person"], f["type"]): f for f in facts}
    assert ("Kuzmenkov", "arrested") in by and ("Kuzmenkov", "shot") in by
    assert by[("Kuzmenkov", "arrested")]["year"] == 1937
    assert by[("Kuzmenkov", "arrested")]["agent"] == "the NKVD"
    assert by[("Yezhov", "appointed")]["year"] == 1936
    keys = {"id", "person_id", "person", "person_mention", "type", "year", "year_source", "date", "place", "agent",
            "according_to", "start", "end", "evidence", "confidence", "modality"}
    for f in facts:
        assert keys <= set(f)
        assert REPORT[f["start"] : f["end"]] == f["evidence"]
        assert f["modality"] == "asserted"
        # the year points at the source characters that fixed it (standoff, like the evidence)
        ys = f["year_source"]
        assert (ys is None) == (f["year"] is None)
        if ys is not None:
            assert REPORT[ys["start"] : ys["end"]] == ys["text"]
            assert str(f["year"]) in ys["text"] or "shift" in ys  # `A year later` moves it on
    shot = by[("Kuzmenkov", "shot")]
    source = shot["year_source"]
    assert (shot["year"], source["text"], source["shift"]["text"]) == (1938, "1937", "A year later")


def test_filters_and_all_modalities(report_file):
    shot = _json("facts", report_file, "--json", "--type", "shot")["facts"]
    assert {f["type"] for f in shot} == {"shot"}
    in_1937 = _json("facts", report_file, "--json", "--year", "1937")["facts"]
    assert in_1937 and all(f["year"] == 1937 for f in in_1937)
    by_loc_spelling = _json("facts", report_file, "--json", "--person", "Ezhov")["facts"]
    assert {f["person"] for f in by_loc_spelling} == {"Yezhov"}
    everything = _json("facts", report_file, "--json", "--all")["facts"]
    assert any(f["modality"] == "reported" and f["type"] == "released" for f in everything)
    assert not any(f["type"] == "released" for f in _json("facts", report_file, "--json")["facts"])


def test_person_card_in_another_spelling(report_file):
    card = _json("person", "Ежов", report_file, "--json")
    assert card["person"]["surname"] == "Yezhov"
    assert [f["type"] for f in card["facts"]] == ["appointed"]


def test_person_not_found_is_a_clear_error(report_file):
    result = run_cli("person", "Nobodyov", report_file)
    assert result.returncode == 1
    assert b"no person named" in result.stderr and b"Traceback" not in result.stderr


def test_timeline_counts(report_file):
    rows = _json("timeline", report_file, "--json")["timeline"]
    counts = {(r["year"], r["type"]): r["count"] for r in rows}
    assert counts[(1937, "arrested")] == 1
    assert counts[(1936, "appointed")] == 1


def test_file_or_db_is_required():
    result = run_cli("facts")
    assert result.returncode == 2
    assert b"FILE or --db" in result.stderr


def test_the_same_commands_over_a_store(report_file, tmp_path):
    db = str(tmp_path / "k.db")
    ingest = run_cli("ingest", report_file, "--db", db, "--json")
    assert ingest.returncode == 0, ingest.stderr.decode()
    from_file = {(f["person"], f["type"], f["start"]) for f in _json("facts", report_file, "--json")["facts"]}
    from_db = {(f["person"], f["type"], f["start"]) for f in _json("facts", "--db", db, "--json")["facts"]}
    assert from_db == from_file
    card = _json("person", "Kuzmenkov", "--db", db, "--json")
    assert [f["type"] for f in card["facts"]] == ["arrested", "shot", "rehabilitated"]
    rows = _json("timeline", "--db", db, "--json")["timeline"]
    assert {"year": 1937, "type": "arrested", "count": 1} in rows


def test_person_card_without_facts_says_so(tmp_path):
    path = tmp_path / "quiet.txt"
    path.write_text(REPORT.replace("[Text] In the autumn", "[Text] A. B. Sorokin spoke. In the autumn"),
                    encoding="utf-8")
    result = run_cli("person", "Sorokin", str(path))
    assert result.returncode == 0, result.stderr.decode()
    assert b"no asserted facts" in result.stdout and b"Sorokin" in result.stdout
