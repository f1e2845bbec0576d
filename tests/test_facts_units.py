"""The facts layer reads a paragraph whose line breaks were lost in bounded pieces: whole sentences,
and runs without a sentence end cut at spaces; nothing of the text is left out."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

import kartoteka.facts as facts_module
from kartoteka.facts import MAX_SENTENCE, MAX_UNIT, bounded_units
from kartoteka.ingest.source import source_from_bytes
from kartoteka.pipeline import analyze

WORDS = st.sampled_from(["Ivanov", "was", "arrested", "in", "1937", "and", "shot", "N.", "I.", "the", "Party", "x" * 9])
SENTENCE = st.lists(WORDS, min_size=1, max_size=12).map(" ".join).map(lambda s: s + st_end(s))
GAPS = st.sampled_from([" ", "  ", " ", "\n"])


def st_end(s: str) -> str:
    return "" if len(s) % 3 == 0 else "."  # some sentences run on without an end


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(SENTENCE, GAPS), min_size=1, max_size=40), st.integers(0, 3))
def test_pieces_are_bounded_ordered_and_cover_every_character(parts, lead):
    text = " " * lead + "".join(s + g for s, g in parts)
    span = [(lead, len(text))]
    # small limits, so that short generated texts are cut as a line of megabytes would be
    with mock.patch.object(facts_module, "MAX_UNIT", 60), mock.patch.object(facts_module, "MAX_SENTENCE", 25):
        units = bounded_units(text, [span])
    if len(text) - lead <= 60:
        assert units == [span]  # a paragraph within the limit is read whole, as before
        return
    pieces = [u[0] for u in units]
    assert all(len(u) == 1 for u in units)
    last = lead
    for s, e in pieces:
        assert last <= s < e <= len(text)
        assert e - s <= 60
        last = e
    covered = {i for s, e in pieces for i in range(s, e)}
    assert all(text[i].isspace() for i in range(lead, len(text)) if i not in covered)


def test_a_report_whose_line_breaks_were_lost_still_yields_its_facts():
    # one paragraph far over the limit, with facts all along it and one run without a sentence end
    sentence = "In 1937 N. I. Petrov was arrested, and in 1938 he was shot. The plant went on working. "
    filler = "and the works went on " * ((MAX_SENTENCE // 20) + 10)
    body = sentence * (MAX_UNIT // len(sentence) + 5) + filler + "In 1939 A. B. Sidorov was arrested. "
    text = "JPRS-UPA-89-999\n5 July 1989\n\n" + body.strip() + "\n"
    start = text.index(body.strip())
    assert len(bounded_units(text, [[(start, start + len(body.strip()))]])) > 2  # read in pieces, a cut run among them
    analysis = analyze(source_from_bytes(text.encode("utf-8"), "lost-breaks.txt"))
    arrested = [f for f in analysis.facts if f["type"] == "arrested"]
    assert {f["person"].split()[-1] for f in arrested} >= {"Petrov", "Sidorov"}
    last = max(arrested, key=lambda f: f["start"])
    assert "Sidorov" in text[last["start"] : last["end"]]  # found past the cut run, offsets in the source
    for f in analysis.facts:
        assert text[f["start"] : f["end"]] == f["evidence"]
