"""A gazetteer of dated events of Soviet history, and their mentions in a text.

A historian reads `at the Eighth Party Congress` or `the Industrial Party trial` as a date: the
event has one year, known from general history, not from the report. Written from general
knowledge, by category, each complete in itself:

- the numbered congresses of the party (RSDLP, RKP(b), VKP(b), CPSU), 1st (1898) to 28th (1990), and its
  numbered conferences, 1st (1905) to 19th (1988); no other body's (of Soviets, Komsomol, trade unions,
  writers, the Comintern);
- show trials known by a conventional name (Shakhty, Industrial Party, Union Bureau, Metro-Vickers,
  the three Moscow trials, the Tukhachevskiy case, the doctors' case);
- deaths and murders a report uses as dates (Lenin's death, Kirov's murder, ...);
- the revolutions of 1917 and the February-March Plenum of 1937;
- events of several years (the Civil War, collectivization, the Great Terror), kept as spans that fix
  no year, and only where a temporal preposition makes them a time (`during the Civil War`).

A mention is a span of the text and the event's canonical name and year; `the fifth anniversary
of Lenin's death` is a mention of its own whose year is five after the death's (`base` keeps the
death's). A mention that is the topic of a noun or an accusation (`the decisions of the 20th
Congress`, `accused of organizing Kirov's murder`) is no time and is left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kartoteka.names import name_key


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    text: str
    event: str  # canonical name
    year: int | None  # None: an event of several years, or an anniversary of unknown count
    base_start: int  # the span of the event itself (without `the fifth anniversary of`)
    base_end: int
    base_year: int | None
    kind: str  # congress, trial, death, revolution, plenum, span
    base_event: str  # the event's own canonical name (differs from `event` for an anniversary)
    time: bool = True  # False: a topic (`the decisions of the 20th Congress`), the time of nothing but itself


_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_TENS = {"twenty": 20, "thirty": 30}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}

# the party's congresses: number -> year
CONGRESSES = {
    1: 1898, 2: 1903, 3: 1905, 4: 1906, 5: 1907, 6: 1917, 7: 1918, 8: 1919, 9: 1920, 10: 1921, 11: 1922,
    12: 1923, 13: 1924, 14: 1925, 15: 1927, 16: 1930, 17: 1934, 18: 1939, 19: 1952, 20: 1956, 21: 1959,
    22: 1961, 23: 1966, 24: 1971, 25: 1976, 26: 1981, 27: 1986, 28: 1990,
}

_ORD_WORD = (r"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|"
             r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
             r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth)")
_ORD = rf"(?:{_ORD_WORD}|\d{{1,2}}(?:st|nd|rd|th|d)|\b[IVX]{{2,6}}\b)"
_PARTY = r"(?:Party|party|Bolshevik|RKP\s?\(b\)|VKP\s?\(b\)|CPSU|KPSS|RSDLP(?:\s?\(b\))?|RSDRP(?:\s?\(b\))?|Communist)"
_PARTY_NAME = (
    r"(?:VKP\s?\(b\)|RKP\s?\(b\)|CPSU|KPSS|RSDLP(?:\s?\(b\))?|RSDRP(?:\s?\(b\))?|[Pp]arty|"
    r"All-Union\s+Communist\s+Party(?:\s+\((?:Bolsheviks?|b)\))?|Russian\s+Communist\s+Party(?:\s+\((?:Bolsheviks?|b)\))?|"
    r"Communist\s+Party\s+of\s+the\s+Soviet\s+Union|Russian\s+Social[- ]Democratic\s+(?:Workers|Labou?r)['’]?\s+Party)"
)
_CONGRESS = re.compile(
    rf"(?P<ords>{_ORD}(?:\s*(?:,|and|-|–|through|to)\s*{_ORD})*)\s+(?:\((?:[A-Z][a-z]+)\)\s+)?"
    rf"(?:{_PARTY}\s+){{0,3}}(?P<word>[Cc]ongress(?:es)?)"
    rf"(?P<of>\s+of\s+the\s+{_PARTY_NAME}(?![-\w]))?",
    re.IGNORECASE,
)
# the party's conferences (between congresses, numbered apart): number -> year
CONFERENCES = {
    1: 1905, 2: 1906, 3: 1907, 4: 1907, 5: 1908, 6: 1912, 7: 1917, 8: 1919, 9: 1920, 10: 1921, 11: 1921,
    12: 1922, 13: 1924, 14: 1925, 15: 1926, 16: 1929, 17: 1932, 18: 1941, 19: 1988,
}
_CONFERENCE = re.compile(
    rf"(?P<ords>{_ORD}(?:\s*(?:,|and|-|–|through|to)\s*{_ORD})*)\s+(?:\((?:[A-Z][a-z]+)\)\s+)?"
    rf"(?:All-Russian\s+|All-Union\s+)?(?:{_PARTY}\s+){{0,3}}(?P<word>[Cc]onferences?)"
    rf"(?P<of>\s+of\s+the\s+{_PARTY_NAME}(?:\s+\((?:Bolsheviks?|b)\))?(?![-\w]))?",
    re.IGNORECASE,
)
# `the 17th Congress of Soviets`, `the Sixth Congress of the Comintern`: another body's numbering
_OTHER_BODY_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_OTHER_BODY_BEFORE = re.compile(
    r"(?:\bits|\btheir|Comintern|Komsomol|VLKSM|Profintern|Soviets|union|unions|writers|International|Kolkhoz|Ukrainian|Georgian|"
    r"Belorussian|Armenian|Azerbaijani|Kazakh|Uzbek|republic|oblast|kray)(?:['’]s?)?\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_VICTORS = re.compile(r"[\"“]?Congress\s+of\s+(?:the\s+)?Victors[\"”]?")


def _ordinal(token: str) -> int | None:
    token = token.strip().lower().replace("-", " ")
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|d)", token)
    if m:
        return int(m.group(1))
    parts = token.split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ORDINALS[:9]:
        return _TENS[parts[0]] + _ORDINALS.index(parts[1]) + 1
    if token in _ORDINALS:
        return _ORDINALS.index(token) + 1
    if re.fullmatch(r"[ivx]+", token):
        return _roman(token.upper())
    return None


def _roman(s: str) -> int | None:
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total if 0 < total < 40 else None


def _congresses(text: str, windows: dict[str, list[list[int]]]):
    yield from _numbered(text, _CONGRESS, CONGRESSES, "party congress", windows["congress"], "congress")
    yield from _numbered(text, _CONFERENCE, CONFERENCES, "party conference", windows["conference"], "conference")
    for m in _around(_VICTORS, windows["victors"], text):
        yield m.start(), m.end(), "party congress 17", 1934, "congress"


def _numbered(text: str, pattern: re.Pattern, table: dict[int, int], label: str, windows: list[list[int]],
              kind: str):
    for m in _around(pattern, windows, text):
        if not m.group("of") and _OTHER_BODY_AFTER.match(text, m.end()):
            continue
        if _OTHER_BODY_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        ords = re.findall(_ORD, m.group("ords"), re.IGNORECASE)
        if not ords or any(not o[0].isdigit() and not o[0].isupper() for o in ords) or any(
            re.fullmatch(r"[ivx]+", o, re.IGNORECASE) and not o.isupper() for o in ords
        ):
            continue  # words and roman numerals capitalized (`Eighth`, `XVII`): `the first party congress after`
        numbers = [_ordinal(o) for o in ords]
        if any(n not in table for n in numbers):
            continue
        if len(numbers) == 2 and re.search(rf"{_ORD}\s*(?:-|–|through|to)\s*{_ORD}", m.group("ords"), re.IGNORECASE):
            numbers = list(range(numbers[0], numbers[1] + 1))  # `the 15th-17th congresses`
        years = {table[n] for n in numbers}
        year = years.pop() if len(years) == 1 else None  # several congresses of several years: none
        name = f"{label}s " + ", ".join(str(n) for n in numbers) if len(numbers) > 1 else f"{label} {numbers[0]}"
        yield m.start(), m.end(), name, year, kind


_Q = r"(?:so-called\s+)?[\"“'‘]?"
_QE = r"[\"”'’]?,?"
_QE_END = r"[\"”'’]?"
_TRIAL_WORD = r"(?:show\s+)?(?:trial|case|affair|process|proceedings)"


def _named_case(name: str, bare: bool = False) -> str:
    """`the trial of the so-called "X"`, `the "X" trial`, `the case of X`; with `bare`, `X` alone."""
    parts = [
        rf"{_TRIAL_WORD}\s+(?:(?:of|on|in|against)\s+(?:the\s+)?(?:case\s+of\s+(?:the\s+)?)?){_Q}(?:{name}){_QE_END}",
        rf"{_Q}(?:{name}){_QE}\s+{_TRIAL_WORD}",
    ]
    if bare:
        parts.append(rf"(?:{name})")
    return "|".join(f"(?:{p})" for p in parts)


_ZINOVYEV = r"Zinov(?:y|i)?ev"
_TROTSKY = r"Trotsk(?:y|i|iy)(?:ite|ist)"
TRIALS: tuple[tuple[str, int, str], ...] = (
    ("Shakhty trial", 1928, _named_case(r"Shakhty|Shakhtinsk\w*")),
    ("Industrial Party trial", 1930, _named_case(r"Industrial\s+Party|Prompartiya")),
    ("Union Bureau of the Mensheviks trial", 1931,
     _named_case(r"(?:All-)?Union\s+Bureau(?:\s+of\s+the\s+Mensheviks)?|Menshevik\s+(?:Union\s+)?Bureau")
     + r"|[Tt]rial\s+of\s+the\s+Mensheviks|Menshevik\s+trial"),
    ("Metro-Vickers trial", 1933, _named_case(r"Metro(?:politan)?-?\s?Vickers", bare=True)),
    ("Trotskyite-Zinovyevite Center trial", 1936, _named_case(
        rf"{_ZINOVYEV}-Kamenev|Kamenev-{_ZINOVYEV}", ) + "|" + _named_case(
        rf"(?:(?:Anti-Soviet\s+)?United\s+)?(?:{_TROTSKY}-{_ZINOVYEV}(?:ite|ist)|{_ZINOVYEV}(?:ite|ist)-{_TROTSKY})"
        r"\s+(?:Terrorist\s+)?Cent(?:er|re)", bare=True) + r"|[Tt]rial\s+of\s+the\s+Sixteen"),
    ("Parallel Anti-Soviet Trotskyite Center trial", 1937, _named_case(
        rf"Parallel\s+(?:Anti-Soviet\s+)?(?:{_TROTSKY}\s+)?Cent(?:er|re)", bare=True) + "|" + _named_case(
        r"Pyatakov-Radek|Radek-Pyatakov") + r"|[Tt]rial\s+of\s+the\s+Seventeen"),
    ("Tukhachevskiy case", 1937, r"Tukhachevsk(?:iy|y|i)(?:['’]s)?\s+(?:case|affair|trial)|"
     r"trial\s+of\s+(?:M\.\s?N\.\s?)?Tukhachevsk(?:iy|y|i)\b" + "|" + _named_case(
        rf"Anti-Soviet\s+{_TROTSKY}\s+Military\s+Organi[sz]ation", bare=True)),
    ("Right-Trotskyite Bloc trial", 1938, _named_case(
        rf"(?:Anti-Soviet\s+)?(?:Right-{_TROTSKY}|{_TROTSKY}-Right)\s+[Bb]loc|(?:Anti-Soviet\s+)?[Bb]loc\s+of\s+"
        rf"(?:the\s+)?Rights?(?:ists)?\s+and\s+{_TROTSKY}s", bare=True) + "|" + _named_case(
        r"Bukharin-Rykov|Rykov-Bukharin") + r"|[Tt]rial\s+of\s+the\s+Twenty-One"),
    ("doctors' case", 1953, r"[Dd]octors['’]?\s+(?:[Pp]lot|[Cc]ase|[Aa]ffair)|"
     r"(?:case|affair)\s+of\s+the\s+(?:Kremlin\s+)?doctors\b|[Dd]octor-[Pp]oisoners"),
)
_TRIALS = [(name, year, re.compile(p, re.IGNORECASE)) for name, year, p in TRIALS]
# a word every way of naming the trial contains: the full patterns run only around these (scanning a
# whole report with each costs seconds; these are found in milliseconds)
_TRIAL_KEYS = {
    "Shakhty trial": r"Shakht",
    "Industrial Party trial": r"Industrial\s+Party|Prompartiya",
    "Union Bureau of the Mensheviks trial": r"Bureau|Menshevik",
    "Metro-Vickers trial": r"Vickers",
    "Trotskyite-Zinovyevite Center trial": r"Zinov\w*-|-Zinov|Sixteen",
    "Parallel Anti-Soviet Trotskyite Center trial": r"Parallel|Pyatakov-|-Pyatakov|Seventeen",
    "Tukhachevskiy case": r"Tukhachevsk|Military\s+Organi",
    "Right-Trotskyite Bloc trial": r"bloc|Bukharin-|-Bukharin|Twenty-One",
    "doctors' case": r"doctor",
}
# key words are found in the lowercased text, one literal scan each (a case-blind scan, or one
# alternation of them all, costs five to twenty times more)
_OTHER_KEYS = {
    "congress": "congress", "conference": "conference", "victors": "victors",
    "death": "death|murder|assassination|killing|suicide|funeral|demise", "named": "february|october",
}
_KEYS = {name: key.lower() for name, key in {**_TRIAL_KEYS, **_OTHER_KEYS}.items()}
_KEY_SCAN = {name: re.compile(key) for name, key in _KEYS.items()}
_KEY_SCAN_CASELESS = {name: re.compile(key, re.IGNORECASE) for name, key in _KEYS.items()}
#: How far around a key word a match may reach (`the trial of the case of the so-called "..."`).
_REACH = 160


def _key_windows(text: str) -> dict[str, list[list[int]]]:
    """For each key (a trial's name, `congress`, `conference`): the merged windows of `text` around
    its key words, in which its full pattern may match."""
    lower = text.lower()
    # (lowercasing keeps offsets unless a letter lowercases to two: `İ`; then scan case-blind)
    scans, target = (_KEY_SCAN, lower) if len(lower) == len(text) else (_KEY_SCAN_CASELESS, text)
    windows: dict[str, list[list[int]]] = {}
    for name, scan in scans.items():
        spans = windows[name] = []
        for k in scan.finditer(target):
            lo, hi = max(0, k.start() - _REACH), min(len(text), k.end() + _REACH)
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = hi
            else:
                spans.append([lo, hi])
    return windows


def _around(pattern: re.Pattern, windows: list[list[int]], text: str):
    """The matches of `pattern` in `text` inside `windows` (merged, in order), none overlapping."""
    last_end = -1
    for lo, hi in windows:
        for m in pattern.finditer(text, lo, hi):
            if m.start() >= last_end:
                last_end = m.end()
                yield m

# deaths a report uses as dates: the person's name key -> (canonical name, year, the nouns that name
# that death: an attempt on Stalin or Lenin is no death of theirs)
_MURDER = ("murder", "assassination", "killing", "death", "funeral")
_DEATH_WORDS = ("death", "funeral", "demise")
DEATHS = {
    "lenin": ("death of Lenin", 1924, _DEATH_WORDS), "ilič": ("death of Lenin", 1924, _DEATH_WORDS),
    "kirov": ("murder of Kirov", 1934, _MURDER), "stalin": ("death of Stalin", 1953, _DEATH_WORDS),
    "frunse": ("death of Frunze", 1925, _DEATH_WORDS), "dseršinski": ("death of Dzerzhinskiy", 1926, _DEATH_WORDS),
    "ordšonikidse": ("death of Ordzhonikidze", 1937, (*_DEATH_WORDS, "suicide")),
    "kuibyšev": ("death of Kuybyshev", 1935, _DEATH_WORDS), "gorki": ("death of Gorkiy", 1936, _DEATH_WORDS),
    "sverdlov": ("death of Sverdlov", 1919, _DEATH_WORDS), "trotski": ("murder of Trotsky", 1940, _MURDER),
}
_DEATH_NOUN = r"(?P<noun>death|murder|assassination|killing|suicide|funeral|demise)"
_NOT_THE_DEATH = r"(?!\s+(?:sentences?|penalty|penalties|warrants?|lists?|squads?|row|camps?|rate|toll|of\b))"
_INITIALS = r"(?:(?:[A-Z][a-z]?\.\s?){1,3})?"
_DEATH = re.compile(
    rf"\b{_INITIALS}(?P<a>[A-Z][a-z]+)(?:['’]s)\s+(?:untimely\s+|sudden\s+|tragic\s+)?{_DEATH_NOUN}\b{_NOT_THE_DEATH}"
    rf"|\b{_DEATH_NOUN.replace('noun', 'noun2')}\s+of\s+(?:(?:[A-Z][a-z]?\.\s?){{1,3}}|Sergo\s+|Comrade\s+)?"
    rf"(?P<c>[A-Z][a-z]+)\b(?![-'’])"
    rf"|\b(?P<b>Kirov)\s+(?P<noun3>murder|assassination)\b(?!\s+of\b)"
)
# a death is a time only after a temporal word (`after Lenin's death`, `the day of Kirov's funeral`)
_DEATH_TIME = re.compile(
    r"\b(?:after|before|following|since|until|till|upon|prior\s+to|up\s+to|in\s+the\s+wake\s+of|"
    r"(?:the|a|that|same)\s+(?:day|days|year|month|week|weeks|eve|time|moment|hours?|morning|evening|night|"
    r"anniversary)\s+(?:of|after|before))\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_NAMED = (
    ("February Revolution", 1917, r"February\s+(?:Bourgeois[- ](?:Democratic\s+)?)?Revolution"),
    ("October Revolution", 1917, r"(?:Great\s+)?October\s+(?:Socialist\s+)?(?:Revolution|"
                                 r"(?:[Aa]rmed\s+)?(?:[Ii]nsurrection|[Uu]prising|[Cc]oup))"),
    ("February-March Plenum", 1937, r"February-March\s+(?:\(\d{4}\)\s+)?(?:(?:VKP\s?\(b\)\s+)?Central\s+Committee\s+)?"
                                    r"Plenum|Plenum\s+of\s+February-March"),
)
_NAMED_RE = [(name, year, re.compile(p)) for name, year, p in _NAMED]
# events of several years: a time only after a temporal preposition, and then no one year
_SPANS = re.compile(
    r"\b(?:(?:during|throughout)\s+(?:the\s+)?(?:(?:years|time|period|course)\s+of\s+(?:the\s+)?)?|in\s+the\s+"
    r"(?:years|time|period|course)\s+of\s+(?:the\s+)?)(?P<name>"
    r"Civil\s+War|Great\s+Patriotic\s+War|(?:mass\s+|complete\s+|forced\s+)?collectivi[sz]ation|Great\s+Terror|"
    r"Great\s+Purge|Yezhovshchina|NEP|first\s+five-year\s+plan|First\s+Five-Year\s+Plan|"
    # `perished during the years of the terror`: no one year either
    r"(?:(?<=years of )|(?<=years of the ))(?:terror|repressions?|purges|mass\s+repressions?))\b",
    re.IGNORECASE,
)

_ANNIVERSARY = re.compile(
    rf"(?:the\s+)?(?:(?P<n>{_ORD_WORD}|\d{{1,2}}(?:st|nd|rd|th|d))\s+)?anniversary\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# `the decisions of the 20th Congress`, `delegates to the 17th Congress`, `accused of organizing Kirov's
# murder`: the event is a topic, not the time of what the clause tells
_TIME_NOUNS = {"day", "days", "time", "times", "period", "month", "months", "week", "weeks", "year", "years",
               "moment", "session", "sessions", "sitting", "sittings", "opening", "closing", "close", "course", "end",
               "beginning", "start", "height", "hours", "hour", "morning", "evening", "night", "wake",
               "aftermath", "anniversary", "eve", "case", "trial", "affair", "process", "proceedings"}
# words before `in the 17th Congress` that are no noun owning it (`as early as in the 17th Congress`)
_FUNCTION_WORDS = {"as", "and", "or", "but", "even", "only", "already", "also", "just", "still", "yet", "then", "was",
                   "were", "is", "are", "been", "be", "it", "there", "here", "not", "once", "again", "both", "either"}
_TOPIC_OF = re.compile(r"\b([\w-]+)\s+(?:of|for|with|to|from|in)\s+(?:the\s+)?(?:so-called\s+)?[\"“]?$", re.IGNORECASE)
_TOPIC = re.compile(
    r"\b(?:delegates?|deputies|guests)\s+(?:to|at)\s+(?:the\s+)?$"
    r"|\b(?:accus\w*|charg\w*|blam\w*|implicat\w*|complicity|involvement|involved\s+in|guilt\w*|responsib\w*|"
    r"organi[sz](?:ing|ers?)|plott\w*|instigat\w*|investigat\w*|inquiry|suspect\w*|preparing|preparations?\s+for|"
    r"convening|convocation)\b[^.;:!?]{0,40}$",
    re.IGNORECASE,
)


def _death_mentions(text: str, windows: list[list[int]]):
    for m in _around(_DEATH, windows, text):
        word = m.group("a") or m.group("b") or m.group("c")
        noun = (m.group("noun") or m.group("noun2") or m.group("noun3")).lower()
        known = DEATHS.get(name_key(word))
        if known and noun in known[2]:
            yield m.start(), m.end(), known[0], known[1], "death"


def _all(text: str):
    windows = _key_windows(text)
    yield from _congresses(text, windows)
    for name, year, pattern in _TRIALS:
        for m in _around(pattern, windows[name], text):
            yield m.start(), m.end(), name, year, "trial"
    yield from _death_mentions(text, windows["death"])
    for name, year, pattern in _NAMED_RE:
        for m in _around(pattern, windows["named"], text):
            yield m.start(), m.end(), name, year, "plenum" if "Plenum" in name else "revolution"
    for m in _SPANS.finditer(text):
        name = re.sub(r"\s+", " ", m.group("name")).lower()
        yield m.start("name"), m.end("name"), name, None, "span"


def find_dated_events(text: str) -> list[EventMention]:
    """Mentions of dated events in `text`, in order, overlaps resolved to the longest; a topic is kept
    with `time` False (it dates only itself: `Kirov's murder shocked the party`)."""
    found = sorted(_all(text), key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[EventMention] = []
    last_end = -1
    for start, end, name, year, kind in found:
        if start < last_end:
            continue
        # a span may start with a closing quote's comma: trim trailing punctuation and spaces
        while end > start and text[end - 1] in " ,":
            end -= 1
        if len(re.findall(r"[\"“”]", text[start:end])) % 2 and end < len(text) and text[end] in "\"”":
            end += 1  # `the "Shakhty case"`: the quotation closes after the case word
        last_end = end
        head = text[max(0, start - 80) : start]
        m_start, m_year, m_name = start, year, name
        anniversary = _ANNIVERSARY.search(head)
        if anniversary:
            m_start = start - len(head) + anniversary.start()
            count = _ordinal(anniversary.group("n")) if anniversary.group("n") else None
            m_year = year + count if year is not None and count else None
            m_name = f"{count or ''}{_suffix(count) if count else ''} anniversary of {name}".strip()
        before = text[max(0, m_start - 80) : m_start]
        time = kind == "span" or not _is_topic(before)
        if kind == "death" and not anniversary and not _DEATH_TIME.search(before):
            time = False  # `who organized Kirov's murder`, `Kirov's murder shocked the party`
        out.append(EventMention(m_start, end, text[m_start:end], m_name, m_year, start, end, year, kind, name, time))
    return out


def _is_topic(head: str) -> bool:
    if _TOPIC.search(head):
        return True
    m = _TOPIC_OF.search(head)
    # (a participle takes its own time: `convicted in the Shakhty case`)
    word = m.group(1).lower() if m else ""
    return bool(m and word not in _TIME_NOUNS and word not in _FUNCTION_WORDS and not word.endswith("ed"))


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
