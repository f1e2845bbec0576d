"""Document evidence: every word token of the report, counted once.

The first and strongest evidence for a repair is the report itself: a rare form next to a frequent,
near-identical form of the same shape is likely a misreading of it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

#: Word tokens: letters with inner apostrophes (possessives, O'Brien). Digits and `_` are not letters.
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: Hyphenated compounds of letters (any number of parts).
COMPOUND_RE = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")
_POSSESSIVE = ("'s", "’s")
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


@dataclass
class Token:
    start: int
    end: int  # end of the base (possessive excluded)
    base: str
    suffix: str
    in_compound: bool  # touches a hyphen on either side


@dataclass
class DocStats:
    text: str
    tokens: list[Token]
    #: exact form -> count (possessive dropped)
    forms: Counter = field(default_factory=Counter)
    #: lowercase form -> count
    lower: Counter = field(default_factory=Counter)
    #: Title-case forms seen after a lowercase word or comma (proper nouns, not sentence starts)
    midsentence: Counter = field(default_factory=Counter)
    #: lowercase hyphenated compounds -> count
    compounds: Counter = field(default_factory=Counter)

    def count_as(self, word_lower: str, pattern: str) -> int:
        """Occurrences of `word_lower` printed in the case `pattern`."""
        return self.forms.get(apply_pattern(word_lower, pattern), 0)


def scan(text: str) -> DocStats:
    tokens: list[Token] = []
    forms: Counter = Counter()
    midsentence: Counter = Counter()
    prev_end = -1
    prev_lower = False
    for m in WORD_RE.finditer(text):
        start, end = m.span()
        base, suffix = split_possessive(m.group())
        in_compound = (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end] == "-")
        tokens.append(Token(start, start + len(base), base, suffix, in_compound))
        forms[base] += 1
        if prev_lower and base[:1].isupper() and 0 < start - prev_end <= 2:
            gap = text[prev_end:start]
            if gap in (" ", ", "):
                midsentence[base] += 1
        prev_lower = base.islower()
        prev_end = end
    lower: Counter = Counter()
    for form, n in forms.items():
        lower[form.lower()] += n
    compounds = Counter(m.group().lower() for m in COMPOUND_RE.finditer(text))
    return DocStats(text, tokens, forms, lower, midsentence, compounds)
