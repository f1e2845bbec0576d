"""The reader on the real report (read from ../shared/corpus; skipped when it is absent)."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

# The body headings, by how they begin and end (the full titles stay in the report, not here).
CHAPTERS = [
    ("Stalin at the Head", "VKP(b)"),
    ("The Struggle Against", "Opposition"),
    ("Methods of Carrying Out", "Industrialization"),
    ("Aggravation of the Domestic", "Early 1930s"),
    ("The Assassination of S. M. Kirov.", "Leaders of the Opposition"),
    ("Attack on the Principal Party", "(1937-1938)"),
    ("Rehabilitations and Repressions,", "1939-1941"),
    ("Illegal Methods of", "Detention"),
    ("On the Personal Responsibility", "Terror of 1937-1938"),
    ("Conditions Which Facilitated", "Usurpation of Power"),
]


def _is(title: str | None, head_tail: tuple[str, str]) -> bool:
    return title is not None and title.startswith(head_tail[0]) and title.endswith(head_tail[1])


def test_header(corpus_report):
    h = corpus_report.header
    assert (h.series, h.number, h.date) == ("JPRS", "JPRS-UPA-89-042", "1989-07-05")
    assert (h.region, h.subject) == ("Soviet Union", "Political Affairs")
    assert h.author == "Roy Medvedev"  # not the cover's `Medvedey`
    assert h.title == "ON STALIN AND STALINISM: HISTORICAL ESSAYS"


def test_instalments(corpus_report):
    got = [(i.publication, i.number, i.month, i.year, i.pages) for i in corpus_report.instalments]
    assert got == [
        ("ZNAMYA", 1, "Jan", 1989, [159, 209]),
        ("ZNAMYA", 2, "Feb", 1989, [174, 222]),
        ("ZNAMYA", 3, "Mar", 1989, [144, 192]),
        ("ZNAMYA", 4, "Apr", 1989, [165, 203]),
    ]
    for a, b in itertools.pairwise(corpus_report.instalments):
        assert a.end <= b.start


def test_part_and_ten_chapters_with_body_titles(corpus_report):
    r = corpus_report
    parts = [d for d in r.divisions if d.kind == "part"]
    chapters = [d for d in r.divisions if d.kind == "chapter"]
    assert [(p.number, p.title, p.level) for p in parts] == [("1", "The Rise of Stalinism", 1)]
    assert len(chapters) == 10
    assert all(_is(c.title, ht) for c, ht in zip(chapters, CHAPTERS, strict=True))
    assert [(c.number, c.ordinal, c.level, c.parent) for c in chapters] == [
        (None, k, 2, r.divisions.index(parts[0])) for k in range(1, 11)]


def test_contents_entries_name_their_divisions(corpus_report):
    r = corpus_report
    assert len(r.contents) == 11
    titles = [r.divisions[e.division].title for e in r.contents]
    assert titles[0] == "The Rise of Stalinism"
    assert all(_is(t, ht) for t, ht in zip(titles[1:], CHAPTERS, strict=True))
    assert r.contents[1].page == "i"


def test_sections(corpus_report):
    r = corpus_report
    per_chapter = Counter(r.divisions[d.parent].ordinal for d in r.divisions if d.kind == "section")
    assert [per_chapter[k] for k in range(1, 11)] == [7, 5, 7, 10, 7, 7, 3, 3, 7, 13]
    labels = [d.number for d in r.divisions if d.kind == "section"]
    assert labels[0] == "١"  # Arabic-Indic one, as printed
    assert "31" in labels and "Ñ" in labels
    # text before a chapter's first number belongs to the chapter: chapter 4 starts without one
    ch4 = next(d for d in r.divisions if d.kind == "chapter" and d.ordinal == 4)
    first_section = next(d for d in r.divisions if d.kind == "section" and d.parent == r.divisions.index(ch4))
    assert first_section.number == "2" and first_section.ordinal == 1
    between = [b for b in r.blocks if ch4.heading_end <= b.start < first_section.start]
    assert between and all(r.divisions[b.division] is ch4 for b in between)


def test_five_footnote_blocks_with_35_notes(corpus_report):
    r = corpus_report
    assert len(r.footnotes) == 35
    headings = [i for i, b in enumerate(r.blocks) if b.role == "footnotes"]
    assert len(headings) == 5
    groups = Counter(max(h for h in headings if h < f.block_index) for f in r.footnotes)
    assert sorted(groups.values()) == [2, 3, 5, 12, 13]
    assert sum(1 for f in r.footnotes if f.number is None) == 2
    for f in r.footnotes:
        assert r.text[f.start : f.end] == f.text
        assert not f.text.startswith("-")


def test_markers_point_at_their_notes(corpus_report):
    r = corpus_report
    linked = [f for f in r.footnotes if f.marker]
    assert len(linked) >= 15
    for f in linked:
        assert f.marker.end <= r.blocks[f.block_index].start or f.marker.start > r.blocks[f.block_index].end
        printed = r.text[f.marker.start : f.marker.end].strip().translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
        assert printed.endswith(str(f.number if f.number is not None else printed))


def test_glosses(corpus_report):
    r = corpus_report
    kinds = Counter(g.kind for g in r.glosses)
    assert kinds["expansion"] >= 20 and kinds["translation"] >= 20 and kinds["spelling"] >= 1
    by_term = {}
    for g in r.glosses:
        by_term.setdefault(g.term, g)
    assert by_term["RSDRP"].kind == "expansion"
    assert by_term["PSS"].kind == "translation"
    assert by_term["Albrekht"].kind == "spelling"
    assert by_term['"Ottseubiytsa"'].kind == "translation"
    assert not any(g.gloss.startswith(("ZNAMYA No", "Text")) for g in r.glosses)


def test_page_break_split_is_one_paragraph(corpus_report):
    r = corpus_report
    hits = [b for b in r.blocks if "Go calmly to the\n\nNKVD" in r.text[b.start : b.end]]
    assert len(hits) == 1 and hits[0].kind == "paragraph"


def test_coverage_and_no_overlap(corpus_report):
    r = corpus_report
    covered = bytearray(len(r.text))
    last_end = 0
    for b in r.blocks:
        assert b.start >= last_end, "blocks overlap or are out of order"
        last_end = b.end
        covered[b.start : b.end] = b"\x01" * (b.end - b.start)
    assert not [k for k, ch in enumerate(r.text) if not ch.isspace() and not covered[k]]


def test_kinds_of_special_blocks(corpus_report):
    r = corpus_report
    kinds = Counter(b.kind for b in r.blocks)
    assert kinds["copyright"] == 1 and kinds["colophon"] == 1
    assert kinds["indicator"] == 4
    assert kinds["list_item"] >= 4
    colophon = next(b for b in r.blocks if b.kind == "colophon")
    assert r.text[colophon.start : colophon.end].startswith("This is a U.S. Government publication")
    assert r.text[colophon.end - 10 : colophon.end] == "26 July 89"


@pytest.mark.parametrize("layer", ["contents", "articles", "instalments", "divisions", "blocks", "footnotes"])
def test_every_record_points_into_the_source(corpus_report, layer):
    r = corpus_report
    for rec in getattr(r, layer):
        assert 0 <= rec.start < rec.end <= len(r.text)
        piece = r.text[rec.start : rec.end]
        assert piece == piece.strip(), "spans start and end on printed characters"


def test_contents_and_headings_point_at_what_they_name(corpus_report):
    r = corpus_report
    for e in r.contents:
        assert " ".join(r.text[e.start : e.end].split()).endswith(e.page or "")
    for d in r.divisions:
        heading = " ".join(r.text[d.heading_start : d.heading_end].split())
        assert (d.title or "") in heading and (d.number or "") in heading


def test_glosses_point_into_the_source(corpus_report):
    r = corpus_report
    for g in r.glosses:
        assert r.text[g.start : g.end] == f"[{g.gloss}]"
        if g.term is not None:
            assert r.text[g.term_start : g.term_end] == g.term
