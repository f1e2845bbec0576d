"""Dated events (party congresses, named trials, deaths, 1917) as years of facts, and the standoff
span of what fixed each fact's year. Sentences written for these tests in the house style."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kartoteka.facts import dated_events, find_facts_in
from kartoteka.facts.dated_events import CONGRESSES, find_dated_events
from test_facts_rules import facts, persons_in


def _one(text: str):
    found = find_dated_events(text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "year"),
    [
        ("Delegates gathered at the Ninth Party Congress in Moscow.", "Ninth Party Congress", 1920),
        ("The speech at the 15th VKP(b) Congress was long.", "15th VKP(b) Congress", 1927),
        ("The XVII Congress of the VKP(b) heard the report.", "XVII Congress of the VKP(b)", 1934),
        ("The Twenty-Second CPSU Congress voted on it.", "Twenty-Second CPSU Congress", 1961),
        ("He went abroad to the Second Congress of the RSDLP.", "Second Congress of the RSDLP", 1903),
        ("Minsk saw the 1st RSDLP Congress.", "1st RSDLP Congress", 1898),
        ("The 22d Congress met in the Kremlin.", "22d Congress", 1961),
        ("The last was the 28th Party Congress.", "28th Party Congress", 1990),
        ("The delegates of the 10th RKP(b) Congress went to Kronstadt.", "10th RKP(b) Congress", 1921),
        ("The so-called Congress of Victors applauded.", "Congress of Victors", 1934),
        ("The Seventh (April) Conference of the RSDLP voted for it.", "Seventh (April) Conference of the RSDLP", 1917),
        ("The 17th Party Conference adopted the second plan.", "17th Party Conference", 1932),
        ('Newspapers wrote much about the "Shakhty case" then.', '"Shakhty case"', 1928),
        ('There followed the trial of the so-called "Industrial Party" in Moscow.',
         'trial of the so-called "Industrial Party"', 1930),
        ('The court heard the case of the "Union Bureau" of the Mensheviks.', 'case of the "Union Bureau"', 1931),
        ("British engineers of Metro-Vickers stood in the dock.", "Metro-Vickers", 1933),
        ("The Zinoviev-Kamenev trial opened in August.", "Zinoviev-Kamenev trial", 1936),
        ("The Trotskyite-Zinovyevite Center was invented by the NKVD.", "Trotskyite-Zinovyevite Center", 1936),
        ("The Parallel Anti-Soviet Trotskyite Center trial followed.", "Parallel Anti-Soviet Trotskyite Center trial",
         1937),
        ("The Tukhachevsky case shook the army.", "Tukhachevsky case", 1937),
        ('Then came the "parallel center" trial.', '"parallel center" trial', 1937),
        ('The defendants in the trial of the "Right-Trotskyite Bloc" confessed.',
         'trial of the "Right-Trotskyite Bloc"', 1938),
        ("The Bukharin-Rykov trial was the third of them.", "Bukharin-Rykov trial", 1938),
        ("He went home the day after Dzerzhinsky's death.", "Dzerzhinsky's death", 1926),
        ("Many stayed silent on the day of the murder of S. M. Kirov.", "murder of S. M. Kirov", 1934),
        ("The city mourned in the week of Ordzhonikidze's death.", "Ordzhonikidze's death", 1937),
        ("A month after the death of Frunze the post was filled.", "death of Frunze", 1925),
        ("The army was weak at the time of the February Revolution.", "February Revolution", 1917),
        ("In the days of the October Revolution he was in Petrograd.", "October Revolution", 1917),
        ("The February-March Plenum heard Yezhov.", "February-March Plenum", 1937),
        ("Parades marked the tenth anniversary of the October Revolution.",
         "the tenth anniversary of the October Revolution", 1927),
    ],
)
def test_gazetteer_surfaces_and_years(text, surface, year):
    m = _one(text)
    assert (m.text, m.year) == (surface, year)
    assert text[m.start : m.end] == m.text


def test_every_party_congress_has_its_year():
    assert sorted(CONGRESSES) == list(range(1, 29))
    for n, year in CONGRESSES.items():
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n not in (11, 12, 13) else 0, "th")
        assert _one(f"At the {n}{suffix} Party Congress it was decided.").year == year


@pytest.mark.parametrize(
    "text",
    [
        "At the Second Congress of Soviets the decree was adopted.",
        "The Eighth Komsomol Congress elected a new bureau.",
        "The Sixth Congress of the Comintern met in 1928.",
        "The Comintern's Seventh Congress proclaimed the popular front.",
        "The First Congress of Soviet Writers opened with a speech.",
        "The Third Conference of the Komsomol met in the autumn.",
        "It was the first party congress after the war.",
        "The Tenth Congress of the Ukrainian Communist Party met in Kharkov.",
        "Stalin's death sentences were signed at night.",
        "The death of Lenin's sister went unnoticed.",
        "Stalin's murder of his rivals went on.",
        "There was an attempted assassination of Lenin.",
        "The Industrial Party existed only in the indictment.",
    ],
)
def test_not_a_dated_event(text):
    assert not [m for m in find_dated_events(text) if m.year is not None]


def test_spans_plurals_and_topics():
    civil_war = _one("During the Civil War he commanded a division.")
    assert (civil_war.kind, civil_war.year) == ("span", None)
    assert _one("He spoke at the 20th and 22nd party congresses.").year is None  # two congresses, two years
    assert not _one("He quoted the decisions of the 20th Congress.").time  # a topic, not a time
    assert not _one("He was accused of organizing Kirov's murder.").time
    assert _one("He arrived on the eve of the 17th Congress.").time
    assert _one("The split showed as early as in the 14th Congress.").time


def _years(text: str) -> dict:
    return {(f.person, f.type): f.year for f in facts(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dated event in the clause, the sentence or the paragraph fixes the year like a date
        ("At the Ninth Party Congress Orlov was elected to the Central Committee.", {("Orlov", "elected"): 1920}),
        ("The Twelfth RKP(b) Congress met in Moscow. Pavlov was elected a candidate member of the Central Committee.",
         {("Pavlov", "elected"): 1923}),
        ("In 1931 Rykov lost his post. The 16th Congress still elected Rykov to the Central Committee.",
         {("Rykov", "elected"): 1930}),
        ("On the tenth anniversary of the October Revolution, Orlov was expelled from the party.",
         {("Orlov", "expelled"): 1927}),
        # a year stated in the clause wins over an event named there
        ("At the 12th Party Congress in April 1922 Orlov was elected to the Central Committee.",
         {("Orlov", "elected"): 1922}),
        # `after X` bounds the time and fixes no year, for the event and for the death named
        ("After the 16th Congress, Tomskiy was removed from the Politburo.", {("Tomskiy", "expelled"): None}),
        # ... but `soon after` (a few days, the day after) is so near that the event's year is the year
        ("Soon after Kirov's murder Pavlov was arrested.", {("Kirov", "killed"): 1934, ("Pavlov", "arrested"): 1934}),
        ("After Lenin's death, Orlov was elected to the Politburo.",
         {("Lenin", "died"): None, ("Orlov", "elected"): None}),
        # ... and keeps an earlier year only within the bound
        ("In 1924 Orlov moved to Moscow. After the 13th Congress, Orlov was elected a secretary.",
         {("Orlov", "elected"): 1924}),
        ("In 1930 Orlov was expelled from the party. After Stalin's death Orlov was released.",
         {("Orlov", "expelled"): 1930, ("Stalin", "died"): None, ("Orlov", "released"): None}),
        # another body's congress, a span, a topic: no year
        ("At the Second Congress of Soviets, Orlov was elected to the VTsIK.", {("Orlov", "elected"): None}),
        ("In 1917 Orlov joined the party. During the Civil War Orlov was arrested by the Whites.",
         {("Orlov", "arrested"): None}),
        ("Of the delegates to the 17th Congress, Orlov and Pavlov were arrested.",
         {("Orlov", "arrested"): None, ("Pavlov", "arrested"): None}),
        # `a few days later` keeps the year in force (a congress's here); `later` alone moves it on
        ("At the Ninth Party Congress Orlov spoke twice. A few days later Orlov was appointed commissar of supply.",
         {("Orlov", "appointed"): 1920}),
        ("At the Ninth Party Congress Orlov spoke twice. Later Orlov was appointed commissar of supply.",
         {("Orlov", "appointed"): None}),
        # the event a trigger names itself is its own year; deaths of several persons are not one
        ("Kirov's murder shocked the whole party.", {("Kirov", "killed"): 1934}),
        ('The "Industrial Party" trial sentenced Orlov to be shot.',
         {("Orlov", "sentenced"): 1930, ("Orlov", "tried"): 1930}),
        ("The murder of Kirov shocked the city.", {("Kirov", "killed"): 1934}),
        ("The murder of Kirov, Orlov and Pavlov shocked the city.",
         {("Kirov", "killed"): None, ("Orlov", "killed"): None, ("Pavlov", "killed"): None}),
    ],
)
def test_years_from_dated_events(text, expected):
    assert _years(text) == expected


def test_year_source_is_the_span_that_fixed_the_year():
    text = ("In 1936 Pavlov lost his post. Two years later Pavlov was shot. "
            "At the Ninth Party Congress Orlov was elected.")
    by = {(f.person, f.type): f for f in facts(text)}
    shot, elected = by[("Pavlov", "shot")], by[("Orlov", "elected")]
    assert (shot.year, shot.year_source["text"], shot.year_source["shift"]["text"]) == (1938, "1936", "Two years later")
    assert "event" not in shot.year_source
    assert elected.year_source == {"start": text.index("Ninth"), "end": text.index(" Orlov"),
                                   "text": "Ninth Party Congress", "event": "party congress 9"}
    assert facts("Sokolov was arrested.")[0].year_source is None


def test_year_source_of_a_year_carried_from_the_paragraph_before():
    first = "On 3 May 1921 Orlov and Pavlov reached Samara by the night train."
    follow = "On the next day Orlov was appointed secretary of the gubkom."
    text = first + "\n\n" + follow
    found = find_facts_in(text, [(0, len(first)), (len(first) + 2, len(text))], persons_in(text))
    [fact] = [f for f in found if f.start > len(first)]
    assert (fact.type, fact.year, fact.year_source["text"]) == ("appointed", 1921, "3 May 1921")
    assert text[fact.year_source["start"] : fact.year_source["end"]] == "3 May 1921"


def test_year_source_offsets_over_the_corpus(corpus_path):
    from kartoteka.facts import analyze_facts
    from kartoteka.ingest import load_source

    source = load_source(corpus_path)
    found = analyze_facts(source).facts
    assert len(found) > 500
    for f in found:
        data = f.to_json()
        ys = data["year_source"]
        assert (ys is None) == (data["year"] is None), data
        if ys is not None:
            assert source.text[ys["start"] : ys["end"]] == ys["text"], data
    assert any(f.year_source and f.year_source.get("event") for f in found)


_FRAGMENTS = [
    "the 17th Party Congress", "the Seventeenth Congress of the VKP(b)", 'the so-called "Industrial Party" trial',
    "the trial of the Mensheviks", "after Lenin's death", "the murder of S. M. Kirov", "the Bukharin-Rykov trial",
    "the Tukhachevsky case", "the October Revolution", "during the Civil War", "the Congress of Victors",
    "the 15th Party Conference", "Kirov assassination", "the doctors' plot", "the Trotskyite-Zinovyevite Center",
    "He spoke", "in 1937", ", and", ". ", "\n\n", "İ", "trial", "case of the", "Zinovyev-", " ",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40), st.integers(min_value=0, max_value=400))
def test_scanning_around_key_words_finds_what_a_whole_scan_finds(parts, pad):
    """The gazetteer runs its patterns only around key words (`congress`, `trial` names); a scan of the
    whole text with every pattern must find the same mentions."""
    text = ("x " * pad).join(parts) if pad % 7 == 0 else " ".join(parts)
    whole = {name: [[0, len(text)]] for name in dated_events._KEYS}
    original = dated_events._key_windows
    try:
        dated_events._key_windows = lambda _text: whole
        expected = dated_events.find_dated_events(text)
    finally:
        dated_events._key_windows = original
    assert dated_events.find_dated_events(text) == expected
