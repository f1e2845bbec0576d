"""Citations: footnotes read as references, Ibid./op. cit. resolved, works in the text linked.

The fixture is a short report written for these tests in the JPRS house style; corpus facts are checked
against ../shared/corpus when it is there.
"""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from kartoteka.citations import find_citations, link_works
from kartoteka.citations.bib import to_bibtex, to_csl
from kartoteka.citations.parse import author_key, parse_footnote

FIXTURE = "\n".join([
    "",
    "",
    "JPRS Report",
    "",
    "Soviet Union",
    "",
    "Political Affairs NOTES ON A PROVINCIAL LIBRARY",
    "",
    "By Ivan Sergeyevich Gromov",
    "",
    "JPRS-UPA-91-003",
    "",
    "CONTENTS",
    "",
    "14 JANUARY 1991",
    "",
    "28400300 Tula ZARYA in Russian No 3, Mar 90",
    "",
    "[Essay by Ivan Gromov]",
    "",
    "The Reading Room\t\t1",
    "",
    "NOTES ON A PROVINCIAL LIBRARY",
    "",
    "28400300a Tula ZARYA in Russian No 3, Mar 90",
    "",
    "[Essay by Ivan Gromov]",
    "",
    "[ZARYA No 3, Mar 90, pp 40-61]",
    "",
    "[Text] The library on Sadovaya Street kept its catalogue in oak drawers.",
    "",
    "The Reading Room",
    "",
    "١",
    "",
    'The librarian, Mariya Petrovna Voronova, ordered the PSS [Complete Collected Works] of '
    'Lenin in 1926 and shelved the volumes by the window.¹ She read them slowly and wrote notes'
    ' in a school exercise book.²',
    "",
    'Later she lent the readers the book by Aleksey Tolstoy "Khozhdeniye po mukam" [Road to '
    'Calvary] and kept a list of who had it.³ The inspector, Pavel Rudin, came from Moscow in '
    '1937 and took the list away.⁴',
    "",
    'Voronova was arrested in March 1938. Her colleague Nina Sokolova quoted Marx to the '
    'investigator.⁵ The notes of the investigator were never found.⁶ Voronova was released in '
    '1946 and returned to Tula.⁷',
    "",
    "Footnotes",
    "",
    "- 1. V.I. Lenin, PSS [Complete Collected Works], Vol 12, p 45.",
    "- 2. Ibid., Vol 14, pp 200-203.",
    '- 3. A. N. Tolstoy, "Khozhdeniye po mukam" [Road to Calvary], Moscow, 1925, p 7.',
    "- 4. Ibid., p 9.",
    '- 5. K. Marx and F. Engels, "Sochineniya" [Works], Vol 3, p 18.',
    "- 6. V. I. Lenin, op. cit., Vol 20, p 4.",
    "- 7. Testimony of N. P. Sokolova, recorded by the author in 1965.",
    "- 8. See ibid., Vol 5, p 77. (The library kept this volume until 1950.)",
    "- 9. The library was closed in 1961 and its books went to the oblast archive.",
    "",
    "August 1988 - March 1990 Tula",
    '- COPYRIGHT: Izdatelstvo "Zarya". 1990',
    "",
    "END",
    "",
])


@pytest.fixture(scope="module")
def fixture_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("citations") / "library_report.txt"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def fixture_report(fixture_path):
    from kartoteka.structure import read_path

    return read_path(fixture_path)


@pytest.fixture(scope="module")
def cites(fixture_report):
    return find_citations(fixture_report)


def test_one_citation_per_footnote_with_offsets(fixture_report, cites):
    assert len(cites) == len(fixture_report.footnotes) == 9
    for c, f in zip(cites, fixture_report.footnotes, strict=True):
        assert (c.footnote, c.number, c.start, c.end) == (f.ordinal, f.number, f.start, f.end)
        assert fixture_report.text[c.start : c.end] == c.text
        if f.marker:
            assert c.marker == {"start": f.marker.start, "end": f.marker.end}
        if c.work_span:
            span = fixture_report.text[c.work_span["start"] : c.work_span["end"]]
            assert span == c.title


def test_full_citation_with_abbreviation_expanded(cites):
    c = cites[0]
    assert (c.kind, c.author, c.title, c.work) == ("full", "V. I. Lenin", "PSS", "Polnoye sobraniye sochineniy")
    assert (c.translation, c.volume, c.pages, c.ibid_of) == ("Complete Collected Works", "12", "45", None)
    assert c.authors == [{"given": "V. I.", "family": "Lenin"}]


def test_ibid_repeats_previous_with_new_volume_and_pages(cites):
    c = cites[1]
    assert (c.kind, c.ibid_of, c.author, c.work, c.volume, c.pages) == (
        "ibid", 0, "V. I. Lenin", "Polnoye sobraniye sochineniy", "14", "200-203")
    d = cites[3]  # "Ibid., p 9." after Tolstoy: same work, new page
    assert (d.ibid_of, d.author, d.work, d.pages, d.place, d.year) == (
        2, "A. N. Tolstoy", "Khozhdeniye po mukam", "9", "Moscow", "1925")


def test_op_cit_resolves_to_last_full_citation_of_author(cites):
    c = cites[5]
    assert (c.kind, c.ibid_of, c.work, c.volume, c.pages) == ("op_cit", 0, "Polnoye sobraniye sochineniy", "20", "4")
    marx = cites[4]
    assert (marx.author, marx.work, marx.translation) == ("K. Marx and F. Engels", "Sochineniya", "Works")
    assert [a["family"] for a in marx.authors] == ["Marx", "Engels"]


def test_testimony_see_ibid_and_commentary(cites):
    assert (cites[6].kind, cites[6].author, cites[6].work) == ("testimony", "N. P. Sokolova", None)
    see = cites[7]  # "See ibid." after a testimony repeats the last citation that names a work
    assert (see.kind, see.ibid_of, see.volume, see.pages) == ("ibid", 5, "5", "77")
    note = cites[8]
    assert (note.kind, note.author, note.work, note.ibid_of) == ("note", None, None, None)


def test_every_repeat_points_back(cites):
    for i, c in enumerate(cites):
        if c.kind in ("ibid", "op_cit"):
            assert c.ibid_of is not None and c.ibid_of < i
            assert cites[c.ibid_of].work == c.work


def test_works_in_the_text_link_to_their_citation(fixture_report, cites):
    works = link_works(fixture_report, cites)
    body = [w for w in works if w.title == "Khozhdeniye po mukam" and w.start < cites[0].start]
    assert body and body[0].citation == 2
    for w in works:
        assert fixture_report.text[w.start : w.end] == w.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ibid., Vol 34, pp 280-282.", {"kind": "ibid", "volume": "34", "pages": "280-282"}),
        ("V. I. Lenin, op. cit., Vol 33 p 109.", {"kind": "op_cit", "author": "V. I. Lenin", "volume": "33",
                                                  "pages": "109"}),
        ("V.D. Bonch-Bruyevich, \"Na postu\" [At the Post], Moscow, 1930, p 283. (A later edition cut it.)",
         {"kind": "full", "author": "V. D. Bonch-Bruyevich", "work": "Na postu", "place": "Moscow", "year": "1930",
          "pages": "283", "volume": None}),
        ("The district was abolished in 1957.", {"kind": "note", "author": None, "work": None}),
        ("From testimony by P. Ivanov, chairman of the soviet.", {"kind": "testimony", "author": "P. Ivanov"}),
    ],
)
def test_parse_footnote(text, expected):
    got = parse_footnote(text, 0)
    assert {k: got[k] for k in expected} == expected


def test_author_key_ignores_spacing_of_initials():
    assert author_key("V.I. Lenin") == author_key("V. I. Lenin") == ("lenin",)


def test_bibliography(cites):
    csl = to_csl(cites)
    assert [i["title"] for i in csl] == ["Polnoye sobraniye sochineniy", "Khozhdeniye po mukam", "Sochineniya"]
    assert csl[1]["author"] == [{"family": "Tolstoy", "given": "A. N."}]
    assert csl[1]["issued"] == {"date-parts": [[1925]]} and csl[1]["publisher-place"] == "Moscow"
    bib = to_bibtex(cites)
    assert bib.count("@book{") == 3
    assert "author = {Marx, K. and Engels, F.}" in bib


def test_cli_json(fixture_path):
    result = run_cli("citations", str(fixture_path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    first = data["citations"][0]
    for key in ("footnote", "number", "marker", "author", "work", "volume", "pages", "ibid_of", "start", "end"):
        assert key in first
    assert data["citations"][1]["ibid_of"] == 0
    assert any(w["citation"] == 2 for w in data["works"])


def test_cli_table_and_errors(fixture_path):
    result = run_cli("citations", str(fixture_path))
    assert result.returncode == 0 and b"9 citations" in result.stdout
    bad = run_cli("citations")
    assert bad.returncode == 2 and bad.stderr.decode().count("\n") == 1


# -- the corpus ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_cites(corpus_report):
    return find_citations(corpus_report)


def test_corpus_one_citation_per_footnote(corpus_report, corpus_cites):
    assert len(corpus_cites) == len(corpus_report.footnotes) == 35


def test_corpus_first_ibid(corpus_report, corpus_cites):
    first = corpus_report.footnotes[0].block_index
    same_block = [i for i, f in enumerate(corpus_report.footnotes) if f.block_index in (first, first + 1)]
    one, two = corpus_cites[same_block[0]], corpus_cites[same_block[1]]
    assert one.work == "Polnoye sobraniye sochineniy" and one.author == "V. I. Lenin"
    assert (two.kind, two.ibid_of, two.volume, two.pages) == ("ibid", same_block[0], "49", "101")


def test_corpus_op_cit_of_marx_and_engels(corpus_cites):
    hits = [c for c in corpus_cites if c.kind == "op_cit" and c.volume == "18" and c.pages == "516"]
    assert len(hits) == 1
    ante = corpus_cites[hits[0].ibid_of]
    assert ante.kind == "full" and ante.title == "Sochineniya" and ante.translation == "Works"
    assert ante.author == "K. Marx and F. Engels"


def test_corpus_every_repeat_resolves(corpus_report, corpus_cites):
    text = corpus_report.text
    for i, c in enumerate(corpus_cites):
        lowered = c.text.lower()
        if lowered.startswith(("ibid", "see ibid")) or "op. cit" in lowered or ", ibid" in lowered:
            assert c.kind in ("ibid", "op_cit"), c.text
            assert c.ibid_of is not None and c.ibid_of < i
            assert corpus_cites[c.ibid_of].work == c.work and c.work
        if c.kind == "op_cit":
            assert author_key(corpus_cites[c.ibid_of].author) == author_key(c.author)
        assert text[c.start : c.end] == c.text


def test_corpus_works_named_in_footnotes_link(corpus_report, corpus_cites):
    works = link_works(corpus_report, corpus_cites)
    ten_days = [w for w in works if w.title.startswith("Ten Days")]
    assert ten_days and ten_days[0].citation is not None
    assert corpus_cites[ten_days[0].citation].start <= ten_days[0].start
