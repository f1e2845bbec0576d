"""The query language: parsing, translation to FTS5 and tsquery, hostile input."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kartoteka.store import query as q


def fts(text: str) -> str:
    parsed = q.parse(text)
    return q.to_fts5(parsed.root) if parsed.root else ""


def tsq(text: str) -> str:
    parsed = q.parse(text)
    return q.to_tsquery(parsed.root) if parsed.root else ""


@pytest.mark.parametrize(
    ("query", "fts5", "pg"),
    [
        ("Yezhov", '"yezhov"', "'yezhov'"),
        ("Yezhov Zinovyev", '("yezhov" AND "zinovyev")', "('yezhov' & 'zinovyev')"),
        ('"show trial"', '"show trial"', "('show' <-> 'trial')"),
        ("rehabilit*", '"rehabilit" *', "'rehabilit':*"),
        ("a OR b", '("a" OR "b")', "('a' | 'b')"),
        ("a AND b", '("a" AND "b")', "('a' & 'b')"),
        ("stalin NOT trotsky", '("stalin" NOT ("trotsky"))', "('stalin' & !'trotsky')"),
        ("(a OR b) c", '(("a" OR "b") AND "c")', "(('a' | 'b') & 'c')"),
        ('"Zinovyev\'s trial" OR kamenev*', '("zinovyev s trial" OR "kamenev" *)',
         "(('zinovyev' <-> 's' <-> 'trial') | 'kamenev':*)"),
    ],
)
def test_translation(query, fts5, pg):
    assert fts(query) == fts5
    assert tsq(query) == pg


@pytest.mark.parametrize(
    "query",
    ["", "   ", "NOT", "NOT stalin", "AND OR", "()", '"', '""', "*", "((((", "))))", "'; --", "OR OR OR"],
)
def test_empty_or_meaningless_queries_have_no_root(query):
    assert q.parse(query).root is None


@pytest.mark.parametrize(
    "query",
    ["'; DROP TABLE reports; --", '"unbalanced quote', "Robert'); DROP TABLE blocks;--", "a NEAR(b c)",
     "col:value", "^start", "a + b", "{x y}:z", "a AND (b OR", "NOT NOT a", 'a" OR "b', "x" * 5000],
)
def test_hostile_input_is_only_words(query):
    match = fts(query)
    # every token is inside double quotes; outside them only operators, parentheses and prefix stars remain
    outside = "".join(part for i, part in enumerate(match.split('"')) if i % 2 == 0)
    assert set(outside.replace("AND", "").replace("OR", "").replace("NOT", "")) <= set("() *")
    pg = tsq(query)
    outside_pg = "".join(part for i, part in enumerate(pg.split("'")) if i % 2 == 0)
    assert set(outside_pg.replace(":*", "")) <= set("()&|!<-> ")


@pytest.fixture(scope="module")
def fts_db():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("CREATE TABLE reports (x)")
    conn.execute("INSERT INTO t VALUES ('the show trial of Zinovyev', 'Yezhov read every folder')")
    return conn


def test_hostile_queries_run_without_error(fts_db):
    for query in ["'; DROP TABLE reports; --", '"unbalanced', "a NEAR(b c)", "col:value", "{x y}:z"]:
        match = fts(query)
        if match:
            fts_db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()
    assert fts_db.execute("SELECT count(*) FROM reports").fetchone() == (0,)


def test_queries_match_as_meant(fts_db):
    def hits(query):
        return fts_db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts(query),)).fetchone()[0]

    assert hits('"show trial"') == 1
    assert hits('"trial show"') == 0
    assert hits("zinov*") == 1
    assert hits("zinovyev AND yezhov") == 1
    assert hits("zinovyev NOT yezhov") == 0
    assert hits("nobody OR yezhov") == 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_any_text_parses_and_runs(fts_db, text):
    match = fts(text)
    if match:
        fts_db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()
    tsq(text)


def test_variants_become_alternatives():
    parsed = q.parse("Zinoviev trial")
    root = q.with_variants(parsed.root, {"zinoviev": [("zinovyev",), ("зиновьев",)]})
    assert q.to_fts5(root) == '(("zinoviev" OR "zinovyev" OR "зиновьев") AND "trial")'
    assert q.to_tsquery(root) == "(('zinoviev' | 'zinovyev' | 'зиновьев') & 'trial')"
