"""find_entities and `kartoteka entities` on the fixture written for these tests."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kartoteka.extract.entities import find_entities
from kartoteka.ingest import load_source
from kartoteka.repair import repair
from kartoteka.resolve import find_persons
from kartoteka.structure import read_report

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "persons_report.txt"


@pytest.fixture(scope="module")
def ents():
    source = load_source(FIXTURE)
    report = read_report(source)
    rep = repair(source)
    persons = find_persons(report, rep)
    return source, persons, find_entities(report, rep, persons)


def first(ents, kind, text):
    return next(e for e in ents if e.kind == kind and e.text == text)


def test_all_kinds_and_exact_spans(ents):
    source, _, found = ents
    assert {e.kind for e in found} == {"PERSON", "ORG", "PLACE", "DATE", "QUANTITY", "WORK"}
    for e in found:
        assert source.text[e.start : e.end] == e.text
    spans = sorted((e.start, e.end) for e in found)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "mentions overlap"


def test_person_mentions_carry_the_person_id(ents):
    _, persons, found = ents
    ids = {p.id for p in persons}
    people = [e for e in found if e.kind == "PERSON"]
    assert people and all(e.value["id"] in ids for e in people)
    assert first(found, "PERSON", "N. I. Yezhov").value == {"id": "p-eshev-n-i"}
    assert not [e for e in people if e.text in ("Stalinist", "Kirov", "Rubashov")]


def test_org_with_the_report_expansion(ents):
    _, _, found = ents
    assert first(found, "ORG", "NKVD").value["expansion"] == "People's Commissariat of Internal Affairs"
    assert first(found, "ORG", "Politburo")


def test_dates_julian_pair_and_quantities(ents):
    _, _, found = ents
    born = first(found, "DATE", "9 (21) December 1879")
    assert born.value["edtf"] == "1879-12-21" and born.value.get("julian") == "1879-12-09"
    assert first(found, "QUANTITY", "around 20 years").value["number"] == 20
    assert any(e.kind == "QUANTITY" and e.text.startswith("44,000") for e in found)
    assert not [e for e in found if e.kind == "QUANTITY" and e.text.startswith("1936")]


def test_work_with_translation_gloss_and_place(ents):
    _, _, found = ents
    work = first(found, "WORK", '"Kratkaya biografiya"')
    assert work.value == {"title": "Kratkaya biografiya", "translation": "Short Biography"}
    assert first(found, "PLACE", "Gori")


def test_cli_entities_json_and_kinds():
    from kartoteka.cli import _register, cli

    _register()
    runner = CliRunner()
    res = runner.invoke(cli, ["entities", str(FIXTURE), "--json", "--kind", "ORG"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["entities"] and {e["kind"] for e in data["entities"]} == {"ORG"}
    assert set(data["entities"][0]) >= {"kind", "start", "end", "text", "value"}
    res = runner.invoke(cli, ["entities", str(FIXTURE)])
    assert res.exit_code == 0 and "PERSON" in res.output
    res = runner.invoke(cli, ["entities", "/nonexistent/file.txt"])
    assert res.exit_code != 0


def _entities_of(tmp_path, text: str):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    source = load_source(path)
    report = read_report(source)
    rep = repair(source)
    return source.text, rep, find_entities(report, rep, find_persons(report, rep))


def test_entities_are_read_in_the_repaired_reading_and_point_at_the_source(tmp_path):
    text = (
        "The delegates met in Moscow. " * 101
        + "Later the congress went to Mosow, and troops moved to Buryat- Mongolia and the Moscow- Volga Canal. "
        + "Mines stood in the town of Leninsk-Kuznetsk; the GPU-NKVD organs ruled the Chechen-Ingush lands. "
        + "He wrote for SOTSIAL-DEMOKRAT and for the weekly (BED-NOTA), and sat on the AUCCTU Secretariat.\n"
    )
    source_text, rep, found = _entities_of(tmp_path, text)
    assert rep.corrections, "the fixture must hold repairs"
    for e in found:
        assert source_text[e.start : e.end] == e.text
    by_text = {(e.kind, e.text): e for e in found}
    mosow = by_text[("PLACE", "Mosow")]
    assert mosow.value["repaired"] == "Moscow"
    # a name inside a wider correction points at its own characters
    for name in ("Buryat", "Mongolia", "Volga", "Chechen", "Ingush"):
        assert ("PLACE", name) in by_text, name
    assert ("PLACE", "Leninsk-Kuznetsk") in by_text  # the context names the whole
    assert {("ORG", "GPU"), ("ORG", "NKVD")} <= set(by_text)
    assert ("WORK", "SOTSIAL-DEMOKRAT") in by_text
    assert ("ORG", "BED") not in by_text  # a capitals part beside no other name is no acronym
    assert ("ORG", "AUCCTU") in by_text  # a trade-union body, not a periodical, for all its vowels


def test_cli_table_counts_a_repaired_mention_under_its_repaired_form(tmp_path):
    from kartoteka.cli import _register, cli

    _register()
    path = tmp_path / "r.txt"
    path.write_text("The delegates met in Moscow. " * 101 + "Later they went to Mosow.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["entities", str(path), "--kind", "PLACE"])
    assert res.exit_code == 0, res.output
    assert "Moscow (102)" in res.output and "Mosow" not in res.output


_PIECES = [
    "Moscow", "Mosow", "Buryat- Mongolia", "GPU-NKVD", "PR()-LETARSKAYA", "PROLETARSKAYA", "F. AVDA", "PRAVDA",
    "the Syrtsov-Lominadze group", "S. I. Syrtsov", "on 9 (21) December 1879", "300 km", "Centra' Committee",
    "the town of Leninsk-Kuznetsk", "interro gation", "were arrested", "and", ",", ".", "\n\n", "Kameney",
    "Kamenev", "in the", "1937",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40))
def test_entities_found_in_any_repaired_reading_point_at_their_source_characters(tmp_path_factory, pieces):
    text = "Moscow " + " ".join(pieces) + "\n"
    source_text, _rep, found = _entities_of(tmp_path_factory.mktemp("e"), text)
    for e in found:
        assert source_text[e.start : e.end] == e.text
        if isinstance(e.value, dict) and "repaired" in e.value:
            assert e.value["repaired"] != e.text
    spans = sorted((e.start, e.end) for e in found)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "mentions overlap"
