"""The offset map between a source and its repaired reading: property tests over random edits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kartoteka.repair import Correction, Repaired
from kartoteka.repair.offsets import OffsetMap


@st.composite
def text_and_edits(draw, touching: bool = False):
    text = draw(st.text(alphabet="abcde \n-", min_size=0, max_size=80))
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=12)))
    edits = []
    pos = 0
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        start = max(a, pos)
        if start >= b:  # corrections always replace at least one source character
            continue
        repl = draw(st.text(alphabet="XYZ", max_size=5))
        edits.append((start, b, repl))
        pos = b if touching else b + 1
    return text, edits


def _apply(text: str, edits) -> str:
    out, pos = [], 0
    for s, e, r in edits:
        out.append(text[pos:s])
        out.append(r)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _repaired(text, edits) -> Repaired:
    corrections = [Correction(s, e, text[s:e], r, "other", "test", 1.0) for s, e, r in edits]
    return Repaired.build(text, corrections)


@settings(max_examples=300, deadline=None)
@given(text_and_edits())
def test_text_is_the_edits_applied(case):
    text, edits = case
    assert _repaired(text, edits).text == _apply(text, edits)


@settings(max_examples=300, deadline=None)
@given(text_and_edits(touching=True))
def test_maps_are_monotone_and_total(case):
    text, edits = case
    r = _repaired(text, edits)
    to = [r.to_source(i) for i in range(len(r.text) + 1)]
    fr = [r.from_source(i) for i in range(len(text) + 1)]
    assert to == sorted(to) and fr == sorted(fr)
    assert to[-1] == len(text)
    assert fr[0] == 0 and fr[-1] == len(r.text)
    # Back and forth never moves a position forward (inside a correction it snaps to its start).
    assert all(r.from_source(to[i]) <= i for i in range(len(r.text) + 1))
    assert all(r.to_source(fr[i]) >= i or fr[i] == r.from_source(i) for i in range(len(text) + 1))


@settings(max_examples=300, deadline=None)
@given(text_and_edits())
def test_edit_boundaries_map_to_each_other(case):
    text, edits = case
    r = _repaired(text, edits)
    delta = 0
    for s, e, repl in edits:
        rs, re_ = s + delta, s + delta + len(repl)
        assert r.from_source(s) == rs
        assert r.to_source(rs) == (s if repl else e)
        if repl:
            assert r.to_source(re_) == e
            assert r.text[rs:re_] == repl
        if e > s:
            assert r.from_source(e) == re_
        # A span starting or ending inside a correction covers all of it.
        if len(repl) >= 2:
            assert r.span_to_source(rs + 1, re_ - 1) == (s, e)
            assert r.span_to_source(rs, rs + 1) == (s, e)
        delta += len(repl) - (e - s)


@settings(max_examples=300, deadline=None)
@given(text_and_edits(touching=True))
def test_unchanged_characters_round_trip(case):
    text, edits = case
    r = _repaired(text, edits)
    changed = [False] * len(text)
    for s, e, _ in edits:
        for i in range(s, e):
            changed[i] = True
    for i, ch in enumerate(text):
        if not changed[i] and not any(s == e and s == i for s, e, _ in edits):
            j = r.from_source(i)
            assert r.text[j] == ch
            assert r.to_source(j) == i


def test_offset_map_rejects_overlaps_and_range_errors():
    import pytest

    with pytest.raises(ValueError):
        OffsetMap.from_edits(10, [(2, 5, "x"), (4, 6, "y")])
    m = OffsetMap.from_edits(10, [(2, 5, "x")])
    with pytest.raises(IndexError):
        m.to_source(99)
    with pytest.raises(IndexError):
        m.from_source(-1)
