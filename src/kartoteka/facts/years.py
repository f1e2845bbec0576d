"""The year of an event: stated in its clause, else fixed by its sentence or paragraph; never guessed."""

from __future__ import annotations

import re

from kartoteka.extract.dates import find_dates
from kartoteka.extract.mention import Mention

_YEAR = re.compile(r"^(\d{4})")
_RANGE = re.compile(r"^(\d{4})[^/]*/(\d{4})")


_BOUND = re.compile(r"\b(?:prior\s+to|until|till|before|up\s+to|no\s+later\s+than)\s+$", re.IGNORECASE)


_REPEATED = re.compile(r"\b(?:several|many|numerous)\s+times\b|\brepeatedly\b|\bmore\s+than\s+once\b",
                       re.IGNORECASE)


# `Two years later`, `the next year`, `After 3 years`: a shift from the year stated before
_LATER = re.compile(
    r"(?<![-\w])(a|one|two|three|four|five|[1-5])\s+years?\s+later\b|\bthe\s+(?:following|next)\s+year\b"
    r"|\bafter\s+(a|one|two|three|four|five|[1-5])\s+years?\b",
    re.IGNORECASE,
)

# words that tie a paragraph's time to the one before it: `On the next day`, `Five years later`
_ANCHOR = re.compile(
    r"\b(?:the\s+(?:next|following|same)\s+(?:day|year|month)|that\s+(?:same\s+)?(?:day|year|month)|"
    r"(?<![-\w])(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+later)\b",
    re.IGNORECASE,
)

# `was later arrested`, `Subsequently X was shot`: the event moved on from the year stated before it
_MOVED_ON = re.compile(
    r"(?<!years\s)(?<!year\s)(?<!soon\s)(?<!shortly\s)\b(?:later|subsequently|afterwards|eventually)\b", re.IGNORECASE
)

# `the trial in 1936`, `his death in 1980`: a year that a noun of another event takes
_OWNED = re.compile(r"\s+(?:in|of)\s+(?:the\s+(?:\w+\s+)?(?:of\s+)?)?$", re.IGNORECASE)


_OWN_VERB = re.compile(r"\w+\s+(?:in|since)\s+(?:(?:early|late|mid-?)\s+)?", re.IGNORECASE)


_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b", re.IGNORECASE)


_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}

# how far an event's year may come from: its clause only, its sentence, or its paragraph before it
# (OWN: only a year its own noun takes, `the anniversary of his death` is not in the year stated)
OWN, CLAUSE, SENTENCE, PARAGRAPH = -1, 0, 1, 2


class Years:
    """Years stated in a paragraph, by position, from its DATE mentions.

    A span of several years (`in 1929-1931`) is kept as a year that fixes none: an event inside it
    has no one year, and it ends what an earlier year fixed. A year that a noun of an event takes
    (`the trial in 1936`) is no other event noun's."""

    def __init__(self, text: str, mentions: list[Mention] | None = None, triggers: list | None = None,
                 carried: tuple[int, str] | None = None) -> None:
        self.text = text
        self.carried = carried
        self.mentions = find_dates(text) if mentions is None else mentions
        self.items = year_items(text, self.mentions)
        self.owner: dict[int, int] = {}  # item position -> start of the event noun that takes it
        nouns = [t for t in triggers or () if t.role == "noun"]
        self.noun_starts = {t.start for t in nouns}
        for start, _year, _edtf in self.items:
            for t in nouns:
                if t.end <= start and _OWNED.match(text, t.end, start):
                    self.owner[start] = t.start

    def of_clause(self, cs: int, ce: int, ss: int, se: int, pivot: int, scope: int = PARAGRAPH,
                  masks: tuple[tuple[int, int], ...] = ()) -> tuple[int, str] | None:
        """The year of an event stated at `pivot`: the clause's, else the sentence's, else the
        paragraph's before the sentence, shifted by `a year later`; none for repeated events.
        `scope` narrows where it may come from; years inside `masks` (an apposition) are not its."""
        comma = self.text.find(",", pivot, ce)
        if _REPEATED.search(self.text, max(cs, pivot - 80), min(comma if comma > 0 else ce, pivot + 40)):
            return None  # `Several times Stalin was arrested`: no one year
        if scope == OWN:
            # the year the event's own word takes: `his death in 1924`, `have been rehabilitated in 1956`
            owned = [it for it in self.items if self.owner.get(it[0]) == pivot
                     or (pivot < it[0] and _OWN_VERB.fullmatch(self.text, pivot, it[0]))]
            return _value(owned[0]) if owned else None
        moved = [m.end() for m in _MOVED_ON.finditer(self.text, ss, pivot)]
        if moved:
            # `In 1900 ... who was later arrested`, `Later X was shot`: not in 1900; a year after
            # `later` is the event's (`later, in 1937, arrested`)
            scope = CLAUSE
            cs = max(cs, moved[-1])
        item = self._near(cs, ce, pivot, masks)
        if item is None and scope >= SENTENCE:
            item = self._near(ss, se, pivot, masks)
        if item is not None:
            return _value(item)
        if scope < PARAGRAPH or any(ss <= it[0] < se for it in self.items):
            return None  # the sentence's years are another event's: the paragraph's are no nearer
        year = self.before(ss, pivot)
        later = list(_LATER.finditer(self.text, self._since(ss), pivot))
        m = later[-1] if later else None
        if year and m:
            count = (m.group(1) or m.group(2) or "a").lower()
            shifted = year[0] + (int(count) if count.isdigit() else _NUMBERS.get(count, 1))
            return shifted, str(shifted)
        return year

    def _near(self, start: int, end: int, pivot: int, masks: tuple[tuple[int, int], ...] = ()):
        # a year another event's noun takes is not this noun's (`his release ... his death in 1980`);
        # a verb may take it (`After Kirov's death in 1934 Yagoda was appointed`)
        noun = pivot in self.noun_starts
        inside = [it for it in self.items if start <= it[0] < end
                  and (not noun or self.owner.get(it[0], pivot) == pivot)
                  and not any(a <= it[0] < b for a, b in masks)]
        if not inside:
            return None
        before = [it for it in inside if it[0] <= pivot]
        if before:
            return before[-1]
        # a year after the event inside a relative clause is another's (`killed A and B, who broke with
        # the service already in 1929`)
        after = [it for it in inside if not _RELATIVE.search(self.text, pivot, it[0])]
        return after[0] if after else None

    def near(self, start: int, end: int, pivot: int) -> tuple[int, str] | None:
        item = self._near(start, end, pivot)
        return _value(item) if item else None

    def before(self, pos: int, pivot: int | None = None) -> tuple[int, str] | None:
        """The last year stated before `pos`; none stated, the previous paragraph's when the text
        before `pivot` ties to it (`On the next day`)."""
        earlier = [it for it in self.items if it[0] < pos]
        if earlier:
            return _value(earlier[-1])
        if self.carried and _ANCHOR.search(self.text, 0, pos if pivot is None else pivot):
            return self.carried
        return None

    def _since(self, pos: int) -> int:
        """Where the year in force at `pos` was stated (0: before the paragraph)."""
        earlier = [it[0] for it in self.items if it[0] < pos]
        return earlier[-1] if earlier else 0


def year_items(text: str, mentions: list[Mention]) -> list[tuple[int, int | None, str]]:
    """(position, year or None for a span of years, EDTF) of the DATE mentions that state a year."""
    items = []
    for d in mentions:
        value = d.value if isinstance(d.value, dict) else {"edtf": d.value}
        edtf = str(value.get("edtf", ""))
        m = _YEAR.match(edtf)
        # `prior to 1928`, `until 1940`: a bound, not the year something happened
        if m and 1850 <= int(m.group(1)) <= 1995 and "X" not in edtf[:4] and not _BOUND.search(
            text, max(0, d.start - 12), d.start
        ):
            span = _RANGE.match(edtf)
            items.append((d.start, None if span and span.group(1) != span.group(2) else int(m.group(1)), edtf))
    return items


def last_year(text: str, mentions: list[Mention]) -> tuple[int, str] | None:
    """The year in force at the end of a paragraph (what `the next day` in the next one refers to)."""
    items = year_items(text, mentions)
    return _value(items[-1]) if items else None


def _value(item: tuple[int, int | None, str]) -> tuple[int, str] | None:
    return (item[1], item[2]) if item[1] is not None else None
