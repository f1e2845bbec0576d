"""QUANTITY mentions: numbers, units, qualifiers, ranges; what is not a quantity.

Fixture sentences are written for these tests in JPRS house style; none is corpus text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS, check_offsets
from kartoteka.extract.dates import find_dates
from kartoteka.extract.mention import Mention
from kartoteka.extract.quantities import find_quantities


def qs(text: str) -> list[Mention]:
    found = find_quantities(text)
    check_offsets(text, found)
    return found


def one(text: str) -> Mention:
    found = qs(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize(("text", "printed", "number", "unit"), [
    ("In one oblast 44,000 people were deported.", "44,000 people", 44000, "people"),
    ("The plan called for 1,033,000 tons of grain.", "1,033,000 tons", 1033000, "tons"),
    ("The party received 6.4 million votes in the elections.", "6.4 million votes", 6400000, "votes"),
    ("Output fell to 70 percent of the prewar level.", "70 percent", 70, "percent"),
    ("It rose by 12% in a year.", "12%", 12, "percent"),
    ("He was given 17 years' confinement.", "17 years", 17, "years"),
    ("The commission checked 400 lists.", "400 lists", 400, "lists"),
    ("He personally approved 200 shootings.", "200 shootings", 200, "shootings"),
    ("Only 5 bishops remained free.", "5 bishops", 5, "bishops"),
    ("About 1,000 ordinary clergy were arrested.", "About 1,000 ordinary clergy", 1000, "clergy"),
    ("The factory built 49,300 motor vehicles.", "49,300 motor vehicles", 49300, "vehicles"),
    ("In Kiev 1 000 persons were taken.", "1 000 persons", 1000, "persons"),
    ("the census showed 31.2 million Ukrainians", "31.2 million Ukrainians", 31200000, "ukrainians"),
    ("Thirteen volumes were published.", "Thirteen volumes", 13, "volumes"),
    ("The motion failed by three votes.", "three votes", 3, "votes"),
    ("He named twenty-five thousand workers.", "twenty-five thousand workers", 25000, "workers"),
    ("A dozen bishops signed it.", "A dozen bishops", 12, "bishops"),
    ("He served a 10-year sentence.", "10-year", 10, "year"),
])
def test_numbers_and_units(text: str, printed: str, number: int, unit: str) -> None:
    m = one(text)
    assert (m.text, m.value["number"], m.value["unit"]) == (printed, number, unit)
    assert m.kind == "QUANTITY"


def test_approximate_and_qualifiers() -> None:
    m = one("I worked on it for around 20 years in all.")
    assert m.text == "around 20 years"
    assert m.value == {"number": 20, "unit": "years", "approximate": True, "qualifier": "around"}
    m = one("The works produced more than 100,000 motor vehicles.")
    assert m.value["qualifier"] == "more than"
    assert m.value["approximate"] is False
    assert m.value["number"] == 100000


def test_ranges() -> None:
    m = one("Between 50,000-60,000 persons passed through.")
    assert m.value["range"] == [50000, 60000]
    assert m.value["number"] == 50000
    m = one("some 6-7 million peasants perished")
    assert m.value["range"] == [6000000, 7000000]
    m = one("from 100,000 to 200,000 members")
    assert m.value["range"] == [100000, 200000]


def test_dot_thousands_separator() -> None:
    assert one("he names 200.000 executed in that year").value["number"] == 200000
    m = one("a count of 200.000-300,000 victims")
    assert m.value["range"] == [200000, 300000]
    assert one("production reached 2.5 million tons").value["number"] == 2500000


def test_vague_spelled_counts() -> None:
    m = one("thousands of communists were sent to the villages")
    assert (m.value["number"], m.value["unit"], m.value["approximate"]) == (1000, "communists", True)
    m = one("hundreds of thousands of prosperous peasants left")
    assert m.value["number"] == 100000
    assert m.value["unit"] == "peasants"
    assert m.value["qualifier"] == "hundreds of thousands"
    assert one("several hundred tractors").value["approximate"] is True
    assert one("they expelled tens of thousands.").value["number"] == 10000


def test_exact_scaling_and_possessive_modifier() -> None:
    assert one("a rise to 16.6 billion rubles").value["number"] == 16600000000
    assert one("Twelve people's commissars resigned").value["unit"] == "commissars"
    assert qs("on May Day 1936 N. Demchenko spoke") == []


def test_paragraph_break_before_unit() -> None:
    m = one("in the capital alone more than 1 000\n\npeople were shot")
    assert m.value["unit"] == "people"


@pytest.mark.parametrize("text", [
    "Lenin, PSS, Vol 48, p 162.",
    "Ibid., Vol 34, pp 280-282.",
    "ZNAMYA No 1, Jan 89",
    "Nos 3-4 of the journal",
    "under Article 58 of the code",
    "the 17th Congress and the 3d Army",
    "\n\n6\n\nThe session opened",
    "- 1. V. I. Lenin, PSS.",
    "- 12. Ibid.",
    "elected to the Executive Committee.4 His son",
    "JPRS-UPA-89-042",
    "18300508a Moscow ZNAMYA",
    "the train left at 0430 hours",
    "Part 1: The Rise of Stalinism\t1\n",
    "the five-year plan",
    "one of the leaders",
    "in 19937 he was shot",
    "the campaign began.\" 10\n\nIn January",
    "the book \"Moscow. 1937\" was",
    "the agenda: 1. On the opposition",
    "call (202) 555-0199 for copies",
    "the beginning of the 1030's",
])
def test_not_quantities(text: str) -> None:
    assert qs(text) == []


def test_dates_are_not_quantities() -> None:
    text = "In 1937 some 200 shootings were approved; in 1937-1938 and on 9 (21) December 1879."
    found = qs(text)
    assert [m.text for m in found] == ["some 200 shootings"]
    dates = find_dates(text)
    assert not any(d.overlaps(q) for d in dates for q in found)


def test_bare_year_sized_number_with_unit_is_a_count() -> None:
    assert one("a list of 1000 people").value["number"] == 1000


def test_unseparated_five_digit_count_is_suspect() -> None:
    m = one("a total of 12500 prisoners")
    assert m.value["unseparated"] is True
    assert m.confidence < 1.0


def test_dates_argument_reuses_result() -> None:
    text = "In 1937 there were 1,000 arrests."
    assert find_quantities(text, dates=find_dates(text)) == find_quantities(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789 -—,.%'\n\t",
    "thousand", "hundreds of ", "million ", "people", "in ", "p ", "No ", "Vol ", "1937", "two ",
    "around ", "more than ", "of ", "(21) December ", "1,000", "200.000",
]), max_size=40).map("".join))
def test_property_offsets_numbery(text: str) -> None:
    found = qs(text)
    dates = find_dates(text)
    assert not any(d.overlaps(q) for d in dates for q in found)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(0, 50), st.integers(0, 250))
def test_property_never_raises(text: str, start: int, end: int) -> None:
    found = find_quantities(text, start, end)
    check_offsets(text, found)
    assert all(start <= m.start and m.end <= max(start, min(end, len(text))) for m in found)


def test_long_single_line_runs() -> None:
    text = "more than 1 000 200.000-3 thousands of two hundred and 5 people, " * 10000
    check_offsets(text, find_quantities(text))


@pytest.fixture(scope="module")
def corpus() -> str:
    if not CORPUS.exists():
        pytest.skip(f"corpus file not found at {CORPUS}; corpus tests need ../shared/corpus/")
    return CORPUS.read_text(encoding="utf-8")


def test_corpus_quantities(corpus: str) -> None:
    dates = find_dates(corpus)
    found = find_quantities(corpus, dates=dates)
    check_offsets(corpus, found)
    tons = [m for m in found if m.text.startswith("1,033,000")]
    assert tons, "1,033,000 tons not found"
    assert tons[0].value["number"] == 1033000
    assert tons[0].value["unit"] == "tons"
    # No DATE overlaps a QUANTITY (both lists are sorted: sweep them together).
    i = 0
    for q in found:
        while i < len(dates) and dates[i].end <= q.start:
            i += 1
        assert i == len(dates) or not dates[i].overlaps(q), (dates[i].text, q.text)
    with_unit = sum(1 for m in found if m.value["unit"])
    print(f"\ncorpus QUANTITY mentions: {len(found)} (with unit {with_unit}); DATE mentions: {len(dates)}")
