"""Persons on the corpus report (skipped when ../shared/corpus is absent), scored as ../shared/eval/README.md says."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "eval" / "persons-sample.jsonl"


@pytest.fixture(scope="module")
def corpus(corpus_path):
    from kartoteka.ingest import load_source
    from kartoteka.repair import repair
    from kartoteka.resolve import find_persons
    from kartoteka.structure import read_report

    source = load_source(corpus_path)
    report = read_report(source)
    rep = repair(source)
    return source, report, rep, find_persons(report, rep)


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_persons", ROOT / "bench" / "eval_persons.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_yezhov_forms_in_one_record(corpus):
    *_, persons = corpus
    yezhov = [p for p in persons if p.surname == "Yezhov"]
    assert len(yezhov) == 1
    assert {"Yezhov", "N. I. Yezhov"} <= set(yezhov[0].forms)
    assert yezhov[0].keys["loc"].endswith("Ezhov")


def test_stalin_with_aliases(corpus):
    *_, persons = corpus
    stalin = max((p for p in persons if p.surname == "Stalin"), key=lambda p: len(p.mentions))
    assert {"Koba", "Soso"} <= set(stalin.aliases)
    assert len(stalin.mentions) > 1000


def test_no_adjectives_or_isms_as_persons(corpus):
    *_, persons = corpus
    bad = {"Stalinist", "Leninist", "Trotskyite", "Trotskyites", "Bukharinites", "Stalinism", "Leninism"}
    assert not [p.surname for p in persons if p.surname in bad]
    assert not [p for p in persons if any(f.split()[-1] in bad for f in p.forms)]


def test_offsets_and_unique_ids(corpus):
    source, _, _, persons = corpus
    assert len({p.id for p in persons}) == len(persons)
    for p in persons:
        for m in p.mentions:
            assert source.text[m.start : m.end] == m.text


def test_sample_precision_and_recall_floors(corpus):
    if not SAMPLE.is_file():
        pytest.skip(f"labelled sample not found at {SAMPLE}")
    source, _, _, persons = corpus
    ev = _eval_module()
    labels = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    res = ev.score(source.text, persons, labels)
    # measured 0.990 / 0.986 with 4 labelled persons split; floors a little below so a regression fails
    assert res["precision"] >= 0.985, [r["name"] for r in res["false_records"]]
    assert res["recall"] >= 0.98, [m["surname"] for m in res["misses"]]
    assert len(res["split"]) <= 5, [lab["surname"] for lab, _ in res["split"]]


def test_ocr_damaged_initials_are_one_person(corpus):
    *_, persons = corpus
    for surname in ("Krestinskiy", "Mrachkovskiy", "Babel", "Zdrodovsky"):
        assert len([p for p in persons if p.surname == surname]) == 1, surname
    sverdlov = [p for p in persons if p.surname == "Sverdlov"]
    assert len(sverdlov) == 2  # Ya. M. and his brother V. M.
    sergo = next(p for p in persons if p.surname == "Ordzhonikidze" and "Sergo" in p.aliases)
    assert {"S. Ordzhonikidze", "G. K. Ordzhonikidze", "G. Ordzhonikidze"} <= set(sergo.forms)
    # namesakes stay apart
    assert {p.id for p in persons if p.surname == "Kaganovich"} == {"p-kaganovich-l-m", "p-kaganovich-m-m"}
    assert len([p for p in persons if p.surname == "Kamenev"]) == 2


def test_birth_name_of_a_namesake_is_not_an_alias(corpus):
    *_, persons = corpus
    trotsky = max((p for p in persons if p.surname == "Trotsky"), key=lambda p: len(p.mentions))
    assert "Bronshteyn" not in trotsky.aliases  # `the physicist Bronshteyn` (1937)
    assert any(p.surname == "Bronshteyn" and len(p.mentions) == 2 for p in persons)


def test_entities_on_corpus(corpus):
    from kartoteka.extract.entities import find_entities

    source, report, rep, persons = corpus
    ents = find_entities(report, rep, persons)
    kinds = {e.kind for e in ents}
    assert kinds == {"PERSON", "ORG", "PLACE", "DATE", "QUANTITY", "WORK"}
    for e in ents:
        assert source.text[e.start : e.end] == e.text
    assert any(e.kind == "ORG" and e.text == "RSDRP" and e.value.get("expansion") for e in ents)
    born = next(e for e in ents if e.kind == "DATE" and e.text.startswith("9 (21) December 1879"))
    assert born.value["edtf"] == "1879-12-21"


def test_shuffled_reports_from_the_corpus_never_break_clustering(corpus_path, tmp_path):
    """Regression: a list-evidence key with no bare mention raised IndexError (bench/corpus.py, seed 7)."""
    import sys

    bench = Path(__file__).resolve().parent.parent / "bench" / "corpus.py"
    spec = importlib.util.spec_from_file_location("bench_corpus", bench)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module
    spec.loader.exec_module(module)
    from kartoteka.ingest import load_source
    from kartoteka.repair import repair
    from kartoteka.resolve import find_persons
    from kartoteka.structure import read_report

    paths = module.build_reports(tmp_path, 60, seed=7)
    for path in paths[50:54]:  # synthetic_0052 was the one that failed
        source = load_source(path)
        report = read_report(source)
        persons = find_persons(report, repair(source))
        for p in persons:
            for m in p.mentions:
                assert source.text[m.start : m.end] == m.text
