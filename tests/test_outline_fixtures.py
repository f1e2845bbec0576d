"""The reader on small reports written for these tests in the JPRS house style."""

from __future__ import annotations

import itertools
import json

import pytest

from conftest import FIXTURES, run_cli
from kartoteka.ingest import source_from_bytes
from kartoteka.structure import read_report
from kartoteka.structure.blocks import continues_after_break
from kartoteka.structure.contents import parse_source
from kartoteka.structure.header import FrontLine, parse_header


def _text(report, rec) -> str:
    return report.text[rec.start : rec.end]


# --- the one-long-essay shape -------------------------------------------------------------

def test_essay_header(essay_report):
    h = essay_report.header
    assert (h.series, h.number, h.date) == ("JPRS", "JPRS-UPA-90-017", "1990-03-12")
    assert (h.region, h.subject) == ("Soviet Union", "Political Affairs")
    assert h.title == "NOTES ON THE VOLGA FLEET: A MEMOIR"
    assert h.author == "Anna Petrovna Lisitsyna"


def test_essay_contents_match_body_headings(essay_report):
    r = essay_report
    titles = [e.title for e in r.contents]
    assert titles[0] == "Part 1: The River Years"
    assert [e.page for e in r.contents] == ["1", "3", None, "7"]
    # the entry cut at the left margin still finds its chapter
    cut = r.contents[2]
    assert cut.title == "on of the Flotilla Command"
    assert r.divisions[cut.division].title == "Organization of the Flotilla Command"
    assert all(e.division is not None for e in r.contents)


def test_essay_divisions(essay_report):
    r = essay_report
    parts = [d for d in r.divisions if d.kind == "part"]
    chapters = [d for d in r.divisions if d.kind == "chapter"]
    sections = [d for d in r.divisions if d.kind == "section"]
    assert [(p.number, p.title, p.level) for p in parts] == [("1", "The River Years", 1)]
    assert [c.title for c in chapters] == [
        "The Shipyard at Zelenodolsk", "Organization of the Flotilla Command", "The Winter of Arrests (1937)"]
    assert [(c.number, c.ordinal, c.level) for c in chapters] == [(None, 1, 2), (None, 2, 2), (None, 3, 2)]
    assert [(s.number, s.ordinal) for s in sections] == [("١", 1), ("2", 2), ("1", 1), ("2", 2), ("٢", 1)]
    for s in sections:
        assert r.divisions[s.parent].kind == "chapter"
        parent = r.divisions[s.parent]
        assert parent.start <= s.start and s.end <= parent.end
    # a division spans its heading and never runs into the next one
    for a, b in itertools.pairwise(chapters):
        assert a.end <= b.start
    assert _text(r, chapters[0]).startswith("The Shipyard at Zelenodolsk")


def test_essay_instalments(essay_report):
    r = essay_report
    assert [(i.publication, i.number, i.month, i.year, i.pages) for i in r.instalments] == [
        ("VOLGA", 5, "May", 1989, [101, 140]), ("VOLGA", 6, "Jun", 1989, [88, 121])]
    first, second = r.instalments
    assert first.end <= second.start
    assert _text(r, second).startswith("[VOLGA No 6, Jun 89, pp 88-121]")
    assert second.end == r.articles[0].end


def test_essay_article_source_line(essay_report):
    (article,) = essay_report.articles
    sl = article.source_line
    assert (sl.code, sl.place, sl.publication, sl.language) == ("28400112a", "Kazan", "VOLGA", "Russian")
    assert [(i.number, i.month, i.year) for i in sl.issues] == [(5, "May", 1989), (6, "Jun", 1989)]
    assert article.title == "NOTES ON THE VOLGA FLEET: A MEMOIR"


def test_essay_footnotes_with_unnumbered_note(essay_report):
    r = essay_report
    notes = r.footnotes
    assert [(n.number, n.ordinal) for n in notes] == [(1, 1), (2, 2), (3, 3), (None, 4)]
    assert notes[3].text.startswith("The flotilla was disbanded")
    for n in notes:
        assert r.blocks[n.block_index].kind == "footnote"
        assert _text(r, n) == n.text
    # superscript marker and a digit glued to a closing quote
    assert r.text[notes[0].marker.start : notes[0].marker.end] == "¹"
    assert r.text[notes[1].marker.start : notes[1].marker.end] == "2"
    assert r.text[notes[1].marker.start - 1] == '"'
    assert r.text[notes[2].marker.start : notes[2].marker.end] == "³"
    assert notes[3].marker is None


def test_essay_glosses_of_each_kind(essay_report):
    r = essay_report
    by_term = {g.term: g for g in r.glosses}
    assert by_term["RSDRP"].kind == "expansion"
    assert by_term["RSDRP"].gloss == "Russian Social Democratic Workers Party"
    assert by_term["Narkomvoyenmor"].kind == "expansion"
    assert by_term['"Zavod na reke"'].kind == "translation"
    assert by_term["zavkom"].kind == "translation"
    assert by_term["Albrekht"].kind == "spelling"
    notes = [g for g in r.glosses if g.kind == "note"]
    assert [g.gloss for g in notes] == ["Great"]
    for g in r.glosses:
        assert r.text[g.start : g.end] == f"[{g.gloss}]"
        if g.term is not None:
            assert r.text[g.term_start : g.term_end] == g.term
    # instalment markers and processing indicators are not glosses
    assert not any(g.gloss.startswith(("VOLGA No", "Text")) for g in r.glosses)


def test_page_break_with_only_whitespace_is_one_block(essay_report):
    r = essay_report
    (block,) = [b for b in r.blocks if "green notebook that" in _text(r, b)]
    assert block.kind == "paragraph"
    assert _text(r, block).endswith("careful hand.\"2")
    assert "\n\nsurvived the war" in _text(r, block)


@pytest.mark.parametrize(
    ("prev", "nxt", "joined"),
    [
        ("were shot: M. V. Pavlov, A. K. Orlov, A. S.", "Kedrov, D. G. Rubin and others.", True),
        ("a directive issued by Ya.", "M. Sverdlov reached the front.", True),
        ("the war ended in 1918.", "Kedrov came back.", False),
        ("he wrote to Part I.", "The answer came.", False),
        # a list of names cut by the page break: an item, a comma and no full stop before it
        ("the artists Igor Orlov, K. Kedrov, L. Rubin, Mikh", "Pavlov, Natalya Sats and others were arrested.", True),
        ("Kedrov, Rubin, Pavlov, Orlov", "Kedrov. A new chapter began.", False),
        ("the speakers were Kedrov and Rubin", "Orlov, the chairman, closed the session.", False),
        # a date or an ordinal cut from what follows it
        ("Orlov and Kedrov came to Kazan in September", "1937, and the arrests began.", True),
        ("Orlov and Kedrov came to Kazan in September", "Then the arrests began.", False),
        ("The opposition was condemned at the 13th", "Party Conference in January.", True),
        ("The opposition was condemned for the second", "time in 1927.", True),
        # a translator's gloss belongs to the term before it, even after a misread full stop
        ("the chief engineer of Volkhovstroy.", "[Volkhov Power Station], V. M. Orlov;", True),
        ("the chief engineer of Volkhovstroy.", "[Text] The next article begins.", False),
    ],
)
def test_initials_cut_from_their_surname_by_a_page_break_join(prev, nxt, joined):
    assert continues_after_break(prev, nxt) is joined


def test_page_break_with_footnotes_between_continues(essay_report):
    r = essay_report
    (i,) = [k for k, b in enumerate(r.blocks) if _text(r, b).startswith("on the shoals below")]
    earlier = r.blocks[r.blocks[i].continues]
    assert _text(r, earlier).endswith("ran the barges aground")
    # material between: a footnotes heading and its notes
    between = r.blocks[r.blocks[i].continues + 1 : i]
    assert {b.kind for b in between} == {"heading", "footnote"}


def test_indicator_list_copyright_colophon(essay_report):
    r = essay_report
    kinds = [b.kind for b in r.blocks]
    assert kinds.count("indicator") == 2
    assert [_text(r, b) for b in r.blocks if b.kind == "list_item"] == [
        "- 1) List No 1 (gunboat captains)", "- 2) List No 2 (engineers)"]
    assert kinds.count("copyright") == 1
    assert kinds.count("colophon") == 1
    colophon = next(b for b in r.blocks if b.kind == "colophon")
    assert _text(r, colophon).endswith("END OF FICHE DATE FILMED 2 April 90")
    first_par = next(b for b in r.blocks if b.kind == "paragraph")
    assert _text(r, first_par).startswith("These pages were written")


def test_blocks_cover_every_printed_character_once(essay_report, collection_report):
    for r in (essay_report, collection_report):
        covered = bytearray(len(r.text))
        for b in r.blocks:
            assert b.start < b.end
            for k in range(b.start, b.end):
                assert not covered[k], "blocks overlap"
                covered[k] = 1
        missing = [k for k, ch in enumerate(r.text) if not ch.isspace() and not covered[k]]
        assert missing == []


# --- the collection shape with a damaged front --------------------------------------------

def test_collection_header_from_damaged_front(collection_report):
    h = collection_report.header
    assert (h.series, h.number, h.date) == ("JPRS", "JPRS-UPA-91-024", "1991-05-03")
    assert (h.region, h.subject) == ("Soviet Union", "Political Affairs")
    assert h.author is None


def test_collection_contents(collection_report):
    r = collection_report
    assert len(r.contents) == 4
    first = r.contents[0]
    assert first.title == "Deputy Chairman Defends Supreme Soviet Role as Stabilizing Force"
    assert first.section == "NATIONAL PARTY AND STATE AFFAIRS"
    assert (first.source.author, first.source.publication, first.source.issue, first.source.date) == (
        "B. Karpenko", "SOYUZ", 16, "1991-04")
    assert (first.page, first.page_number) == ("1", 1)
    second = r.contents[1]
    assert (second.source.publication, second.source.date) == ("IZVESTIYA", "1991-04-19")
    assert r.contents[3].source.publication == "PRAVDA UKRAINY"  # `PRA VDA` rejoined
    assert r.contents[3].section == "REPUBLIC PARTY AND STATE AFFAIRS"
    for e in r.contents:
        assert r.divisions[e.division].title == e.title


def test_collection_articles_and_divisions(collection_report):
    r = collection_report
    assert [a.source_line.code for a in r.articles] == ["914C0123A", "914C0124B", "914C0125A", "914C0126A"]
    assert r.articles[1].source_line.issues[0].day == 19
    parts = [d for d in r.divisions if d.kind == "part"]
    assert [p.title for p in parts] == ["NATIONAL PARTY AND STATE AFFAIRS", "REPUBLIC PARTY AND STATE AFFAIRS"]
    chapters = [d for d in r.divisions if d.kind == "chapter"]
    assert [r.divisions[c.parent].title for c in chapters] == [
        parts[0].title, parts[0].title, parts[1].title, parts[1].title]
    assert [a.division for a in r.articles] == [r.divisions.index(c) for c in chapters]
    # running heads are page furniture, not sections
    assert not [d for d in r.divisions if d.kind == "section"]
    heads = [b for b in r.blocks if b.role == "page_header"]
    assert [_text(r, b) for b in heads] == ["JPRS-UPA-91-024\n3 May 1991", "2"]


def test_collection_paragraph_continues_across_running_head(collection_report):
    r = collection_report
    (i,) = [k for k, b in enumerate(r.blocks) if _text(r, b).startswith("oblispolkom")]
    assert _text(r, r.blocks[r.blocks[i].continues]).endswith("and that the")


def _front(*lines: str):
    out, pos = [], 0
    for line in lines:
        out.append(FrontLine(line, pos, pos + len(line)))
        pos += len(line) + 2
    return out


def test_report_number_ocr_damage_is_repaired():
    h = parse_header(_front("JPRS-UPA-91-0I5", "JPRS Report", "Soviet Union", "Political Affairs"), "")
    assert h.number == "JPRS-UPA-91-015"
    h = parse_header(_front("JPRS-UPA-9 1-024", "JPRS-UPA-91-024"), "")
    assert h.number == "JPRS-UPA-91-024"


def test_damaged_year_taken_from_report_number():
    h = parse_header(_front("JPRS-UPA-91-024", "3 May mi"), "")
    assert h.date == "1991-05-03"


def test_region_subject_fall_back_to_report_code():
    h = parse_header(_front("JPRS-UMA-90-002", "12 JANUARY 1990"), "")
    assert (h.region, h.subject) == ("Soviet Union", "Military Affairs")


def test_contents_source_shapes():
    s = parse_source("PRAVDA, 16 Jul 91")
    assert (s.author, s.publication, s.issue, s.date) == (None, "PRAVDA", None, "1991-07-16")
    s = parse_source("Ye. Ligachev; KOMMUNIST No 7, May 90")
    assert (s.author, s.publication, s.issue, s.date) == ("Ye. Ligachev", "KOMMUNIST", 7, "1990-05")


def test_json_schema_keys(tmp_path):
    result = run_cli("outline", str(FIXTURES / "collection_report.txt"), "--json")
    assert result.returncode == 0
    payload = json.loads(result.stdout)
    assert set(payload) >= {"source", "report", "contents", "articles", "instalments", "divisions", "blocks",
                            "footnotes", "glosses"}
    assert set(payload["source"]) >= {"path", "sha256", "chars", "encoding", "warnings"}
    assert set(payload["report"]) >= {"series", "number", "date", "region", "subject", "title", "author"}
    assert set(payload["contents"][0]) >= {"title", "section", "source", "page", "page_number", "division",
                                           "start", "end"}
    assert set(payload["articles"][0]["source_line"]) >= {"code", "place", "publication", "language", "issues"}
    assert set(payload["blocks"][0]) >= {"kind", "start", "end", "division", "continues"}


def test_text_is_never_normalised():
    raw = "JPRS Report\r\n\r\nA paragraph\twith a tab.\r\n\r\nAnother one.\r\n"
    r = read_report(source_from_bytes(raw.encode()))
    assert r.text == raw
    assert [r.text[b.start : b.end] for b in r.blocks][-2:] == ["A paragraph\twith a tab.", "Another one."]


# --- a damaged collection front: two-level headings, wrapped titles, OCR in every field -----

def test_wrapped_titles_and_two_level_headings():
    from kartoteka.structure import read_path

    r = read_path(FIXTURES / "wrapped_contents_report.txt")
    h = r.header
    assert (h.number, h.date, h.region, h.subject) == (
        "JPRS-UEA-91-015", "1991-03-28", "Soviet Union", "Economic Affairs")
    assert len(r.contents) == 4
    third = r.contents[2]
    assert third.title == "Kolkhoz Chairmen Protest Fuel Shortages Ahead of Spring Sowing Campaign"
    assert (third.section, third.page_number) == ("AGRICULTURE", 9)
    assert r.contents[0].section == "ECONOMIC POLICY, ORGANIZATION, MANAGEMENT"
    assert r.contents[1].source.author == "Round Table"  # `/` read as `[`
    assert all(r.divisions[e.division].title == e.title for e in r.contents)


def test_front_without_body_still_lists_its_contents(tmp_path):
    text = (FIXTURES / "collection_report.txt").read_text(encoding="utf-8")
    cut = text.index("NATIONAL", text.index("CONTENTS") + 200)
    front = tmp_path / "front.txt"
    front.write_text(text[:cut], encoding="utf-8")
    payload = json.loads(run_cli("outline", str(front), "--json").stdout)
    assert payload["report"]["number"] == "JPRS-UPA-91-024"
    assert len(payload["contents"]) == 4
    assert {b["kind"] for b in payload["blocks"]} <= {"header", "contents"}


def test_fbis_front_with_weekday_date():
    front = ("FBIS-SOV-91-123\nDaily Report\n\nSoviet Union\n\nWednesday, 26 June 1991\n\nCONTENTS\n\n"
             "NATIONAL AFFAIRS\n\nPresident Addresses Deputies [TASS] .......... 1\n")
    r = read_report(source_from_bytes(front.encode()))
    assert (r.header.series, r.header.number, r.header.date, r.header.region) == (
        "FBIS", "FBIS-SOV-91-123", "1991-06-26", "Soviet Union")
    assert [(e.title, e.source.publication, e.page_number) for e in r.contents] == [
        ("President Addresses Deputies", "TASS", 1)]


def test_hard_wrapped_text_keeps_its_structure(tmp_path):
    """The same report with every paragraph and note wrapped at 70 columns, as OCR often gives it."""
    import textwrap

    text = (FIXTURES / "essay_report.txt").read_text(encoding="utf-8")
    wrapped = "\n\n".join(
        "\n".join(line for raw in part.split("\n") for line in (textwrap.wrap(raw, 70) or [raw]))
        for part in text.split("\n\n")
    )
    r = read_report(source_from_bytes(wrapped.encode()))
    plain = read_report(source_from_bytes(text.encode()))
    assert [(d.kind, d.title, d.number) for d in r.divisions] == [(d.kind, d.title, d.number) for d in plain.divisions]
    assert [(f.number, " ".join(f.text.split())) for f in r.footnotes] == [
        (f.number, " ".join(f.text.split())) for f in plain.footnotes]
    assert [(g.kind, g.term) for g in r.glosses] == [(g.kind, g.term) for g in plain.glosses]


def test_empty_brackets_are_a_note_not_a_crash():
    r = read_report(source_from_bytes(b"0[ ].\n\nThe term [  ] stays.\n"))
    assert [g.kind for g in r.glosses] == ["note", "note"]


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("JPRS-ULS-89-007\n\nJPRS Report\n\nScience & Technology\n\nUSSR: Life Sciences\n\nCONTENTS\n\n"
         "17 APRIL 1989\n\nBIOCHEMISTRY\n\nEnzyme Studies in Kiev [BIOKHIMIYA No 2, Feb 89] ........ 1\n",
         ("JPRS-ULS-89-007", "1989-04-17", "USSR", "Life Sciences", [("Enzyme Studies in Kiev", "1")])),
        ("JPRS-UEA-90-003\nJanuary 17, 1990\n\nJPRS Report\n\nSoviet Union\n\nEconomic Affairs\n\nCONTENTS\n\n"
         "INVESTMENT\n\nPlan Figures Discussed [PRAVDA, 3 Jan 90]\n\n3\n\nA Second Title [TRUD, 4 Jan 90] ...... 5\n",
         ("JPRS-UEA-90-003", "1990-01-17", "Soviet Union", "Economic Affairs",
          [("Plan Figures Discussed", "3"), ("A Second Title", "5")])),
        ("JPRS-CAR-90-012\n\nJPRS Report\n\nChina\n\nCONTENTS\n\n14 FEBRUARY 1990\n\nECONOMIC\n\n"
         "Reform Debated [RENMIN RIBAO, 2 Feb 90] ..... 1\n",
         ("JPRS-CAR-90-012", "1990-02-14", "China", None, [("Reform Debated", "1")])),
    ],
)
def test_more_fronts_of_the_family(front, expected):
    r = read_report(source_from_bytes(front.encode()))
    h = r.header
    assert (h.number, h.date, h.region, h.subject, [(e.title, e.page) for e in r.contents]) == expected
