"""Property tests: for generated reports, blocks never overlap, cover all printed text, and
every offset round-trips to the characters the record names."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kartoteka.errors import InputError
from kartoteka.ingest import source_from_bytes
from kartoteka.structure import read_report
from kartoteka.structure.model import BLOCK_KINDS

WORDS = ["the", "Stalin", "arrested", "Yezhov", "NKVD", "of", "in", "1937", "commissar", "Kirov", "and",
         "VKP(b)", "was", "shot", "Krestinskiy", "party", "\"Pravda\"", "[Text]", "-", "—", "²"]

word = st.sampled_from(WORDS) | st.text(alphabet="abcXYZ().,;:[]\"'-¹ 1234567890ЕжовÑ١", min_size=1, max_size=8)
sentence = st.lists(word, min_size=1, max_size=25).map(" ".join)
end = st.sampled_from([".", "", ",", "?\"", ".\"3", ".¹"])
paragraph = st.builds(lambda s, e: s + e, sentence, end)
element = st.one_of(
    paragraph,
    paragraph,
    st.sampled_from(["Footnotes", "1", "2", "١", "Part 1: The Rise", "END", "[Text]",
                     "[ZNAMYA No 2, Feb 89, pp 174-222]", "- COPYRIGHT: Izdatelstvo. 1989",
                     "18300508a Moscow ZNAMYA in Russian No 1, Jan 89", "JPRS-UPA-89-042", "5 JULY 1989",
                     "CONTENTS", "Stalin at the Head of the\tVKP(b)\ti"]),
    st.builds(lambda n, s: f"- {n}. {s}", st.integers(0, 40), sentence),
    st.builds(lambda s: f"- {s}", sentence),
    st.builds(lambda a, b: a + "\n" + b, paragraph, paragraph),
)
separator = st.sampled_from(["\n\n", "\n\n\n", "\r\n\r\n", "\n \t\n", "\n\n\n\n"])


@st.composite
def reports(draw) -> str:
    parts = draw(st.lists(element, min_size=1, max_size=30))
    out = [draw(st.sampled_from(["", "\n", "  \n\n"]))]
    for p in parts:
        out.append(p)
        out.append(draw(separator))
    return "".join(out)


def _check(text: str) -> None:
    r = read_report(source_from_bytes(text.encode("utf-8")))
    assert r.text == text
    last = 0
    covered = bytearray(len(text))
    for b in r.blocks:
        assert b.kind in BLOCK_KINDS
        assert last <= b.start < b.end <= len(text)
        piece = text[b.start : b.end]
        assert piece == piece.strip()
        covered[b.start : b.end] = b"\x01" * (b.end - b.start)
        last = b.end
        if b.continues is not None:
            assert r.blocks[b.continues].end <= b.start
        if b.division is not None:
            d = r.divisions[b.division]
            assert d.start <= b.start < d.end
    assert all(covered[k] or ch.isspace() for k, ch in enumerate(text))
    for d in r.divisions:
        assert 0 <= d.start < d.end <= len(text)
        if d.parent is not None:
            p = r.divisions[d.parent]
            assert p.start <= d.start and d.end <= p.end and p.level < d.level
    for f in r.footnotes:
        assert text[f.start : f.end] == f.text
        assert r.blocks[f.block_index].kind == "footnote"
        if f.marker:
            assert f.marker.start < f.marker.end
    for g in r.glosses:
        assert text[g.start : g.end] == f"[{g.gloss}]"
        if g.term_start is not None:
            assert text[g.term_start : g.term_end] == g.term
    for e in r.contents:
        assert 0 <= e.start < e.end <= len(text)
    for i in r.instalments:
        assert text[i.marker_start : i.marker_end].startswith("[")
        assert i.start <= i.marker_start < i.marker_end <= i.end
    json.dumps(r.to_json())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
@example("the.\n\nCONTENTS\n\nthe.\n\n¹\n\n")  # a superscript is a digit to isdigit() but no number to int()
def test_generated_reports_keep_the_invariants(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=400).filter(lambda s: s.strip() and "\x00" not in s))
def test_arbitrary_text_never_breaks_the_reader(text):
    try:
        source_from_bytes(text.encode("utf-8"))
    except InputError:  # binary by the control-character rule: refused, not a report
        return
    _check(text)
