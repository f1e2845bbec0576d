"""DATE mentions: EDTF values, Julian/Gregorian pairs, false-date guards, standoff offsets.

Fixture sentences are written for these tests in JPRS house style; none is corpus text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS, check_offsets
from kartoteka.extract.dates import find_dates
from kartoteka.extract.mention import Mention


def one(text: str) -> Mention:
    found = find_dates(text)
    check_offsets(text, found)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


def edtfs(text: str) -> list[str]:
    found = find_dates(text)
    check_offsets(text, found)
    return [m.value["edtf"] for m in found]  # type: ignore[index]


# --- Julian / Gregorian pairs ---------------------------------------------------------

@pytest.mark.parametrize("printed", ["9 (21) December 1879", "9(21) December 1879", "9 ( 21 ) December 1879"])
def test_paired_julian_gregorian(printed: str) -> None:
    m = one(f"The poet was born on {printed} in a village near Kutaisi.")
    assert m.text == printed
    assert m.value == {"edtf": "1879-12-21", "precision": "day", "calendar": "gregorian",
                       "julian": "1879-12-09", "printed": printed, "consistent": True}
    assert m.confidence == 1.0


def test_paired_twentieth_century_is_thirteen_days() -> None:
    m = one("The congress opened on 25 October (7 November) 1917 at Smolny.")
    assert m.value["edtf"] == "1917-11-07"
    assert m.value["julian"] == "1917-10-25"
    assert m.value["consistent"] is True


def test_paired_reverse_old_style_marker() -> None:
    m = one("He died on 21 December 1879 (9 December O.S.) in Tiflis.")
    assert m.value["edtf"] == "1879-12-21"
    assert m.value["julian"] == "1879-12-09"


def test_inconsistent_pair_gets_lower_confidence() -> None:
    m = one("He was arrested on 9 (25) December 1879 at the station.")
    assert m.value["consistent"] is False
    assert m.confidence < 1.0


def test_two_pairs_sharing_a_month_and_no_year() -> None:
    found = find_dates("The committee met on 10 (23) and 16 (29) October and voted.")
    assert [m.text for m in found] == ["10 (23)", "16 (29) October"]
    assert [m.value["edtf"] for m in found] == ["XXXX-10-23", "XXXX-10-29"]
    assert [m.value["julian"] for m in found] == ["XXXX-10-10", "XXXX-10-16"]
    assert all(m.value["needs_year"] and m.value["consistent"] for m in found)


def test_plain_date_is_never_converted() -> None:
    m = one("The insurrection began on 25 October 1917 in Petrograd.")
    assert m.value == {"edtf": "1917-10-25", "precision": "day"}


# --- ordinary forms -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "printed", "edtf"), [
    ("The secretary was killed on 1 December 1934 in Smolny.", "1 December 1934", "1934-12-01"),
    ("He returned in December 1934 from the south.", "December 1934", "1934-12"),
    ("This happened in 1937 when many were taken.", "1937", "1937"),
    ("JPRS-UPA-90-011\n\n5 JULY 1989\n", "5 JULY 1989", "1989-07-05"),
    ("Moscow PRAVDA in Russian 12 Feb 89 p 3", "12 Feb 89", "1989-02-12"),
    ("Moscow ISTORIYA SSSR in Russian No 4, Jan 89; pp 3-9", "Jan 89", "1989-01"),
    ("The decree of Sept 1937 was secret.", "Sept 1937", "1937-09"),
    ("The report of Feb. 1956 was read out.", "Feb. 1956", "1956-02"),
    ("They met in May of 1937 at the dacha.", "May of 1937", "1937-05"),
    ("He wrote to him on March 5, 1940 from exile.", "March 5, 1940", "1940-03-05"),
    ("END OF FICHE DATE FILMED 14 Aug 89\n", "14 Aug 89", "1989-08-14"),
])
def test_single_dates(text: str, printed: str, edtf: str) -> None:
    m = one(text)
    assert (m.text, m.value["edtf"]) == (printed, edtf)


def test_day_month_without_year_needs_year() -> None:
    m = one("The letter was sent on 5 March to the Central Committee.")
    assert m.value == {"edtf": "XXXX-03-05", "precision": "day", "needs_year": True}


def test_us_style_without_year_only_after_on() -> None:
    assert one("On May 16 the delegation left.").value["edtf"] == "XXXX-05-16"
    assert find_dates("In March 12 people were shot.") == []


@pytest.mark.parametrize(("text", "edtf"), [
    ("the purge of 1937-1938 was", "1937/1938"),
    ("the purge of 1937-38 was", "1937/1938"),
    ("the terror of 1936-1939 was", "1936/1939"),
    ("during the 1929-33 period", "1929/1933"),
    ("in 1937—1938 the camps", "1937/1938"),
    ("prices of January-February 1934 rose", "1934-01/1934-02"),
    ("the first year (July 1928—July 1929) of", "1928-07/1929-07"),
    ("the year 1928—July 1929 was", "1928/1929-07"),
    ("written August 1962 - November 1988 Moscow", "1962-08/1988-11"),
    ("the plenum on 24-26 October 1917 resolved", "1917-10-24/1917-10-26"),
    ("the plan of 1928/29-1932/33 was", "1928/1933"),
])
def test_intervals(text: str, edtf: str) -> None:
    assert edtfs(text) == [edtf]


@pytest.mark.parametrize(("text", "edtf", "qualifier"), [
    ("the late 1920s", "192X", "late"),
    ("the early 1930s", "193X", "early"),
    ("in the 1930's", "193X", None),
    ("in the 1930s", "193X", None),
    ("the mid-1930s", "193X", "mid"),
    ("the beginning of the 1930's", "193X", "beginning"),
    ("at the end of 1939", "1939", "end"),
    ("in late 1918 the", "1918", "late"),
    ("the 19th century", "18XX", None),
    ("the beginning of the 20th century", "19XX", "beginning"),
    ("the nineteenth century", "18XX", None),
])
def test_decades_centuries_qualifiers(text: str, edtf: str, qualifier: str | None) -> None:
    m = one(text)
    assert m.value["edtf"] == edtf
    assert m.value.get("qualifier") == qualifier


def test_two_centuries() -> None:
    assert edtfs("between the 19th and 20th centuries") == ["18XX", "19XX"]


@pytest.mark.parametrize(("text", "edtf"), [
    ("in summer 1983 the", "1983-22"),
    ("in the spring of 1928 grain", "1928-21"),
    ("the autumn of 1927 was", "1927-23"),
    ("the winter of 1932-1933 was", "1932-24"),
])
def test_seasons(text: str, edtf: str) -> None:
    assert edtfs(text) == [edtf]


def test_days_joined_by_and() -> None:
    found = find_dates("Her notes of 5 and 6 March 1923 came last of all.")
    assert [(m.text, m.value["edtf"]) for m in found] == [("5", "1923-03-05"), ("6 March 1923", "1923-03-06")]


def test_year_lists_chain_from_a_dated_one() -> None:
    assert edtfs("the verdicts of 1931, 1932 and 1935 were reversed") == ["1931", "1932", "1935"]


def test_bibliographic_year() -> None:
    assert edtfs("Moscow, 1931, p 45.") == ["1931"]


def test_year_as_modifier() -> None:
    assert edtfs("output stayed below the 1913 level") == ["1913"]


def test_paragraph_break_inside_a_date() -> None:
    m = one("He reached the capital on 10\n\nApril and stayed.")
    assert m.value["edtf"] == "XXXX-04-10"


# --- not dates ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Lenin, PSS, Vol 45, p 343.",
    "Ibid., pp 280-282.",
    "Ibid., p 1930.",
    "Vol 1930, No 23.",
    "a total of 1,000 people were shot",
    "some 1,033,000 tons of grain",
    "200 shootings a day",
    "SOYUZ No 23",
    "at 0430 hours the train",
    "at 1930 hours the train",
    "a list of 1000 people",
    "in 1900 people",
    "in 19937 he was shot",
    "the 17th Congress",
    "the five-year plan",
    "\n\n6\n\nThe session",
    "the beginning of the 1030's",
])
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_section_number_is_not_a_day() -> None:
    found = find_dates("\n\n6\n\nDecember 1934 was cold.")
    assert [m.text for m in found] == ["December 1934"]


def test_start_end_window_and_left_context() -> None:
    text = "It began in 1937 and ended in 1938."
    found = find_dates(text, start=text.index("1938"))
    assert [m.text for m in found] == ["1938"]  # "in" before `start` still counts as context
    assert find_dates(text, 0, text.index("1937") + 2) == []


def test_to_json_round_trip() -> None:
    m = one("on 1 December 1934")
    assert '"edtf": "1934-12-01"' in m.to_json()
    assert Mention.from_dict(m.to_dict()) == m


# --- properties -----------------------------------------------------------------------

_ALPHABET = st.sampled_from([*"0123456789 -—–()/,.'s\n\tDecmbrJanFbMyO.S",
    "December", "Jan", "in ", "the ", "late ", "1879", "1937", "19", "(21)", " of ", "summer",
    "century", "th",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_property_offsets_and_no_overlap_datey(text: str) -> None:
    check_offsets(text, find_dates(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(0, 50), st.integers(0, 250))
def test_property_never_raises(text: str, start: int, end: int) -> None:
    found = find_dates(text, start, end)
    check_offsets(text, found)
    assert all(start <= m.start and m.end <= max(start, min(end, len(text))) for m in found)


def test_long_single_line_runs() -> None:
    # Bounded patterns: a long line of near-misses must not go quadratic (no timing asserted).
    text = ("in 19 (2 Dece 1937-19 the 1930 mid- " * 20000)
    check_offsets(text, find_dates(text))


# --- corpus ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus() -> str:
    if not CORPUS.exists():
        pytest.skip(f"corpus file not found at {CORPUS}; corpus tests need ../shared/corpus/")
    return CORPUS.read_text(encoding="utf-8")


def test_corpus_dates(corpus: str) -> None:
    found = find_dates(corpus)
    check_offsets(corpus, found)
    birth = [m for m in found if m.text == "9 (21) December 1879"]
    assert birth, "the Julian/Gregorian birth date was not found"
    assert birth[0].value["edtf"] == "1879-12-21"
    assert birth[0].value["julian"] == "1879-12-09"
    precisions: dict[str, int] = {}
    for m in found:
        precisions[m.value["precision"]] = precisions.get(m.value["precision"], 0) + 1
    print(f"\ncorpus DATE mentions: {len(found)} {precisions}")


def test_ocr_capital_i_for_day_one() -> None:
    m = one("It happened during the night of I January 1930 in the capital.")
    assert (m.text, m.value["edtf"], m.value["ocr"]) == ("I January 1930", "1930-01-01", "I read as 1")
    assert m.confidence < 1.0
    assert find_dates("In January I went home.") == []


def test_apostrophe_year_and_typing_slip() -> None:
    assert one("the horses died, and in'33, a famine came").value["edtf"] == "1933"
    assert find_dates("the song '33 Years'") == []
    m = one("During 1936-1936 they arrested many.")
    assert m.value["edtf"] == "1936"
    assert m.confidence < 1.0
