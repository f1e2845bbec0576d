"""`repair()` on generated text in the house style: whatever the damage, every proposal is faithful to
the source, proposals never overlap, and the repaired reading is exactly the applied ones in place."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kartoteka.repair import KINDS, repair
from kartoteka.repair.lexicon import Lexicon, get_lexicon

#: Pieces a report is made of, clean and damaged: names, glosses, doubled words, split and merged
#: words, hyphens, digits, superscripts, brackets and parentheses, tabs.
PIECES = (
    "Stalin|Kamenev|Kameney|Yezhov|Ezhov|the|the the|of|of did|of the of the|and|was|as|he|she|her|party|arty|"
    "F\tarty|interro gation|fi amework|platoonsthe|inRussian|wellas|wellknown|well-known|Malen-kov|pre-pared|"
    "five- year|[Labor and Defense Councill|[Feuchtwanger)|(RKKA)|]|[|(|)|Centra'|ret'rned|1937|l937|the 1030's|"
    "I January|¹|²|١٩٣٧|—|-|.|,|;|:|\"|'|disenfranchized|interregations|Medvedey|losif|stalin|IMilitary|OGU|OGPU|"
    "Lzakson|Izakson|Hyushka|Ilyushka|LZVESTIYA|IZVESTIYA|Lvov"
).split("|")
#: Mostly a space between pieces; sometimes none (run together), two (a page join) or a tab.
SEPARATORS = [" ", " ", " ", "", "  ", "\t"]
LINE = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=14).map(
    lambda pairs: "".join(piece + sep for piece, sep in pairs)
)
TEXT = st.lists(LINE, min_size=0, max_size=8).map(lambda lines: "\n".join(lines) + "\n")


def _small_lexicon() -> Lexicon:
    # a small fixed lexicon: the detectors then see most pieces as unknown, other paths than with the real one
    zipf = {
        w: 5.0
        for w in "the of and was as he she her party it interrogation framework platoons in well "
        "known prepared five year labor defense council central returned january military did".split()
    }
    zipf["russian"] = 4.5
    return Lexicon.from_tables(zipf, dictionary=list(zipf), bigrams={"well as": 2e9, "was unable": 1e8})


LEXICONS = {"small": _small_lexicon(), "installed": get_lexicon()}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from([0.0, 0.6, 0.9]), st.sampled_from(sorted(LEXICONS)))
def test_proposals_are_faithful_disjoint_and_applied_exactly(text, threshold, lexicon):
    r = repair(text, min_confidence=threshold, lexicon=LEXICONS[lexicon])
    last_end = 0
    for c in r.proposed:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.original != c.replacement
        assert c.kind in KINDS and 0.0 <= c.confidence <= 1.0 and c.reason
        assert c.start >= last_end  # sorted, never overlapping
        last_end = c.end
    applied = [c for c in r.proposed if c.confidence >= threshold]
    assert list(r.corrections) == applied
    rebuilt, at = [], 0
    for c in applied:
        rebuilt += [text[at : c.start], c.replacement]
        at = c.end
    assert r.text == "".join([*rebuilt, text[at:]])
    assert r.span_to_source(0, len(r.text)) == (0, len(text))
    changed = {i for c in applied for i in range(c.start, c.end)}
    growth = 0
    for c in applied:
        start = c.start + growth  # where the replacement stands in the repaired reading
        growth += len(c.replacement) - (c.end - c.start)
        assert r.text[start : start + len(c.replacement)] == c.replacement
        assert r.from_source(c.start) <= start  # a correction touching the one before maps to their region
        # the correction's source span, widened only over corrections it touches (one changed region)
        s, e = r.span_to_source(start, start + len(c.replacement))
        assert s <= c.start and c.end <= e
        assert all(i in changed for i in range(s, e))
