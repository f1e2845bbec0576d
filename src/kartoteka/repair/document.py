"""Document evidence: every word token of the report, counted once.

The first and strongest evidence for a repair is the report itself: a rare form next to a frequent,
near-identical form of the same shape is likely a misreading of it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

#: Word tokens: letters with inner apostrophes (possessives, O'Brien). Digits and `_` are not letters.
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: Hyphenated compounds of letters (any number of parts).
COMPOUND_RE = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")
_POSSESSIVE = ("'s", "’s")
#: Tokens longer than this are no words (English tops out near 30 letters, a run-together pair near 50);
#: the detectors' work on a form grows with its length, so a huge one would stall them.
MAX_TOKEN = 64
_SENTENCE_END = re.compile(r"[.!?:;\"“”\[\]()]\s*$")


def case_pattern(word: str) -> str:
    """`lower`, `title`, `upper` or `mixed`."""
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper" if len(word) > 1 else "title"
    if word[0].isupper() and word[1:].islower():
        return "title"
    return "mixed"


def apply_pattern(word: str, pattern: str) -> str:
    if pattern == "upper":
        return word.upper()
    if pattern == "title":
        return word[:1].upper() + word[1:]
    return word


def split_possessive(token: str) -> tuple[str, str]:
    for suffix in _POSSESSIVE:
        if token.endswith(suffix) and len(token) > 2:
            return token[: -len(suffix)], suffix
    return token, ""


@dataclass(frozen=True)
class Token:
    start: int
    end: int  # end of the base (possessive excluded)
    base: str
    suffix: str
    in_compound: bool  # touches a hyphen on either side


class DocStats:
    """Counts of every word form of a report, and where each raw form stands (one regex pass).

    Detectors work per distinct form (a few thousand), and visit the occurrences of only the forms
    they flag: `tokens_of(raw)`.
    """

    def __init__(self, text: str):
        self.text = text
        #: raw token (possessive kept) -> start offsets
        self.positions: dict[str, list[int]] = {}
        positions = self.positions
        for m in WORD_RE.finditer(text):
            g = m.group()
            if len(g) > MAX_TOKEN:
                continue  # no word is this long (a run of letters from a damaged scan): nothing to repair
            hit = positions.get(g)
            if hit is None:
                positions[g] = [m.start()]
            else:
                hit.append(m.start())
        #: exact form -> count (possessive dropped)
        self.forms: Counter = Counter()
        #: base -> its raw spellings
        self.raw_of: dict[str, list[str]] = {}
        for raw, starts in positions.items():
            base, _ = split_possessive(raw)
            self.forms[base] += len(starts)
            self.raw_of.setdefault(base, []).append(raw)
        #: lowercase form -> count
        self.lower: Counter = Counter()
        for form, n in self.forms.items():
            self.lower[form.lower()] += n
        self._midsentence: dict[str, int] = {}
        self._compounds: Counter | None = None
        self._compound_spans: list[tuple[int, int, str]] = []
        self._derived: dict[str, object] = {}

    @property
    def compounds(self) -> Counter:
        """Lowercase hyphenated compounds -> count."""
        if self._compounds is None:
            text = self.text
            found: Counter = Counter()
            spans = self._compound_spans = []
            pos = text.find("-")
            while pos >= 0:
                m = COMPOUND_RE.match(text, _word_start(text, pos))
                if m:
                    found[m.group().lower()] += 1
                    spans.append((m.start(), m.end(), m.group()))
                    pos = text.find("-", m.end())
                else:
                    pos = text.find("-", pos + 1)
            self._compounds = found
        return self._compounds

    @property
    def compound_spans(self) -> list[tuple[int, int, str]]:
        """`(start, end, compound)` of every hyphenated compound of letters, in text order."""
        if self._compounds is None:
            self.compounds  # noqa: B018 (fills both)
        return self._compound_spans

    def forms_by_head(self) -> dict[str, list[str]]:
        """Forms of six letters or more, by their first six letters lowercased: the forms that open like a
        given word, without a scan of them all."""
        return self.derived("forms_by_head", self._forms_by_head)

    def _forms_by_head(self) -> dict[str, list[str]]:
        by_head: dict[str, list[str]] = {}
        for form in self.forms:
            if len(form) >= 6:
                by_head.setdefault(form[:6].lower(), []).append(form)
        return by_head

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """A table detectors derive from these counts, built once per report and shared (`build()`)."""
        hit = self._derived.get(key)
        if hit is None:
            hit = self._derived[key] = build()
        return hit  # type: ignore[return-value]

    def midsentence(self, form: str) -> int:
        """How often `form` follows a lowercase word (and a space or comma): a proper noun, not a sentence start."""
        hit = self._midsentence.get(form)
        if hit is None:
            hit = 0
            text = self.text
            for raw in self.raw_of.get(form, ()):
                for start in self.positions[raw]:
                    i = start - 1
                    if i < 1 or text[i] != " ":
                        continue
                    i -= 1
                    if text[i] == ",":
                        i -= 1
                    j = i
                    while j >= 0 and (text[j].isalpha() or text[j] in "'’"):
                        j -= 1
                    prev, _ = split_possessive(text[j + 1 : i + 1])
                    if prev and prev.islower() and prev[0].isalpha():
                        hit += 1
            self._midsentence[form] = hit
        return hit

    def tokens_of(self, base: str) -> list[Token]:
        """Every occurrence of the form `base` (with or without a possessive), in text order."""
        text, n = self.text, len(self.text)
        out = []
        for raw in self.raw_of.get(base, ()):
            suffix = raw[len(base) :]
            for start in self.positions[raw]:
                end = start + len(raw)
                in_compound = (start > 0 and text[start - 1] == "-") or (end < n and text[end] == "-")
                out.append(Token(start, start + len(base), base, suffix, in_compound))
        out.sort(key=lambda t: t.start)
        return out

    def count_as(self, word_lower: str, pattern: str) -> int:
        """Occurrences of `word_lower` printed in the case `pattern`."""
        return self.forms.get(apply_pattern(word_lower, pattern), 0)


def _word_start(text: str, pos: int) -> int:
    """Start of the run of letters and hyphens that holds `pos`."""
    i = pos
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "-"):
        i -= 1
    while i < pos and text[i] == "-":
        i += 1
    return i


def scan(text: str) -> DocStats:
    return DocStats(text)
