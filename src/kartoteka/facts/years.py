"""The year of an event: stated in its clause, else fixed by its sentence or paragraph; never guessed."""

from __future__ import annotations

import re

from kartoteka.extract.dates import find_dates
from kartoteka.extract.mention import Mention

_YEAR = re.compile(r"^(\d{4})")


_BOUND = re.compile(r"\b(?:prior\s+to|until|till|before|up\s+to|no\s+later\s+than)\s+$", re.IGNORECASE)


_REPEATED = re.compile(r"\b(?:several|many|numerous)\s+times\b|\brepeatedly\b|\bmore\s+than\s+once\b",
                       re.IGNORECASE)


_LATER = re.compile(r"\b(a|one|two|three|four|five)\s+years?\s+later\b|\bthe\s+(?:following|next)\s+year\b",
                    re.IGNORECASE)


_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


class Years:
    """Years stated in a paragraph, by position, from its DATE mentions."""

    def __init__(self, text: str, mentions: list[Mention] | None = None) -> None:
        self.text = text
        self.items: list[tuple[int, int, str]] = []
        self.mentions = find_dates(text) if mentions is None else mentions
        for d in self.mentions:
            value = d.value if isinstance(d.value, dict) else {"edtf": d.value}
            edtf = str(value.get("edtf", ""))
            m = _YEAR.match(edtf)
            # `prior to 1928`, `until 1940`: a bound, not the year something happened
            if m and 1850 <= int(m.group(1)) <= 1995 and "X" not in edtf[:4] and not _BOUND.search(
                text, max(0, d.start - 12), d.start
            ):
                self.items.append((d.start, int(m.group(1)), edtf))

    def of_clause(self, cs: int, ce: int, ss: int, se: int, pivot: int) -> tuple[int, str] | None:
        """The year of an event stated at `pivot`: the clause's, else the sentence's, else the
        paragraph's before the sentence, shifted by `a year later`; none for repeated events."""
        if _REPEATED.search(self.text, cs, ce):
            return None  # `Several times Stalin was arrested`: no one year
        year = self.near(cs, ce, pivot) or self.near(ss, se, pivot)
        if year:
            return year
        year = self.before(ss)
        m = _LATER.search(self.text, ss, pivot)
        if year and m:
            shifted = year[0] + _NUMBERS.get((m.group(1) or "a").lower(), 1)
            return shifted, str(shifted)
        return year

    def near(self, start: int, end: int, pivot: int) -> tuple[int, str] | None:
        inside = [it for it in self.items if start <= it[0] < end]
        if not inside:
            return None
        before = [it for it in inside if it[0] <= pivot]
        best = before[-1] if before else inside[0]
        return best[1], best[2]

    def before(self, pos: int) -> tuple[int, str] | None:
        earlier = [it for it in self.items if it[0] < pos]
        return (earlier[-1][1], earlier[-1][2]) if earlier else None
