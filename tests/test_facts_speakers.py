"""First-person events in a quotation are its speaker's; the author's own `I` names no one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kartoteka.facts.speakers import closes_quotation, quotations
from test_facts_rules import SURNAMES, in_paragraphs


def _pairs(*paragraphs: str) -> set[tuple[str, str, str]]:
    return {(f.person, f.type, f.modality) for f in in_paragraphs(*paragraphs)[1]}


def test_the_speaker_named_before_a_quotation_says_its_i():
    text = 'Orlov wrote in his memoirs: "My thoughts grew freer in the course of my life in prisons and camps."'
    assert _pairs(text) == {("Orlov", "imprisoned", "asserted")}


def test_the_speaker_named_after_a_quotation_says_its_i():
    text = '"I found myself in cell No 12 of the internal prison," the Kazan agronomist P. I. Pavlov recalls.'
    assert _pairs(text) == {("Pavlov", "imprisoned", "asserted")}


def test_a_paragraph_that_introduces_a_quotation_names_the_speaker_of_the_next():
    first = "Recalling this time, the engineer D. Sokolov wrote the following in his novel:"
    second = '"That winter the first wave of arrests swept me into prison. The cells were full.'
    third = '"Later I was sent to the camps."'
    assert _pairs(first, second, third) == {("Sokolov", "imprisoned", "asserted"), ("Sokolov", "arrested", "asserted")}


def test_the_authors_own_i_names_no_one():
    # no speaker beside the quotation: the author's `I`, or an unnamed one's
    assert _pairs("Orlov was a friend of mine. I was arrested in 1937, and in prison I heard of it.") == set()
    assert _pairs('Orlov came in. "I was arrested in 1937," someone said.') == set()
    # a paragraph that opens a quotation nobody introduced
    assert _pairs("Orlov spoke at length.", '"I was arrested in 1937."') == set()


def test_freeing_oneself_of_a_mentality_is_no_release():
    assert _pairs('Orlov wrote: "I gradually freed myself from the mentality of a bureaucrat."') == set()


def test_him_thrown_into_a_cell_was_imprisoned():
    assert ("Sokolov", "imprisoned", "asserted") in _pairs(
        "For months Sokolov gave no testimony. They threw him into a cell full of water.")


def test_a_woman_speaker_is_the_i_of_her_quotation():
    SURNAMES.add("Orlova")
    try:
        text = 'Orlova wrote in her memoirs: "I was arrested in 1937."'
        assert _pairs(text) == {("Orlova", "arrested", "asserted")}
    finally:
        SURNAMES.discard("Orlova")


@given(st.text(alphabet='ab "“”', max_size=40))
def test_quotation_spans_lie_inside_the_text_and_between_marks(text):
    spans = quotations(text)
    for start, end in spans:
        assert 0 < start <= end <= len(text)
        assert text[start - 1] in '"“”'
    # an even count of marks closes every quotation it opens
    marks = sum(text.count(m) for m in '"“”')
    assert closes_quotation(text) == (marks % 2 == 0)
    assert len(spans) == (marks + 1) // 2


def test_person_refs_from_another_paragraph_carry_no_span():
    # (a paragraph-level speaker is a person named before: its fact points at that mention)
    first = "Then V. Sokolov related:"
    second = '"My arrest came in the night."'
    text, found = in_paragraphs(first, second)
    assert [(f.person, f.type) for f in found] == [("Sokolov", "arrested")]
    mention = found[0].person_mention
    assert text[mention[0] : mention[1]] == "V. Sokolov"


def test_recollections_by_a_person_presented_below_are_theirs_across_a_paragraph_that_lost_its_mark():
    _text, found = in_paragraphs(
        "Recollections of that day by Nikolay Orlov, his younger brother, are presented below. He was summoned.",
        '"I ran to the study, but the guards stood in my way.',
        "On seeing the picture, Sokolov became violent.",  # (its opening mark lost: the quotation goes on)
        '"At last, in May 1941, I too was arrested."',
    )
    assert {(f.person, f.type, f.year) for f in found} == {
        ("Orlov", "arrested", 1941)}


def test_a_quotation_closed_before_leaves_the_next_is_to_no_one():
    _text, found = in_paragraphs(
        "Recollections of that day by Nikolay Orlov are presented below.",
        '"I ran to the study."',
        "I think this version is not persuasive.",
        '"At last, in 1941, I too was arrested."',
    )
    assert found == []


def test_a_paragraph_announcing_passages_of_a_letter_names_their_writer():
    first = ("Stalin could not destroy every witness. Orlov survived the camps. In 1967 he sent a letter to the "
             "Procuracy. Here are a few passages from this letter.")
    second = '"Sokolov and I were held in two prisons. The guards beat us."'
    assert _pairs(first, second) == {("Orlov", "imprisoned", "asserted"), ("Sokolov", "imprisoned", "asserted")}
    # announced without naming whose text it is: no speaker (the paragraph names no one)
    assert _pairs("Here are a few passages from this letter.", '"I was held in a cell."') == set()


def test_a_we_event_a_dash_distributes_goes_to_each_named_and_to_the_speaker():
    text = ('Orlov wrote: "We never met there, and we were held in two separate prisons-I in the old fortress, '
            'and Sokolov in a camp prison."')
    assert {(p, t) for p, t, _m in _pairs(text)} == {("Orlov", "imprisoned"), ("Sokolov", "imprisoned")}
    # one item after the dash is no distribution of `we`
    assert _pairs('Orlov wrote: "We were held in two separate prisons-I in the old fortress."') == set()
    # outside a quotation `I` is the author's: only the named one
    assert {(p, t) for p, t, _m in _pairs(
        "We were held in two separate prisons-I in the old fortress, and Sokolov in a camp prison.")} == {
        ("Sokolov", "imprisoned")}
