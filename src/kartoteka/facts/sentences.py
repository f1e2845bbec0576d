"""Sentences and clauses of a paragraph, as spans (offsets relative to the paragraph string)."""

from __future__ import annotations

import re

from kartoteka.resolve.lexicon import GIVEN_CUTS, STOP

# A full stop ends a sentence unless it closes an initial (`N. I.`), a short abbreviation or a number.
# One pattern per end mark: a pattern led by a literal scans much faster than one led by a class.
_TAIL = r"[\"'”’)\]]*(?:\s?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,2}(?=\s))?(?=\s+[\"'“‘(\[]?[A-Z0-9])"
_ENDS = tuple(re.compile(re.escape(mark) + r"[.!?]*" + _TAIL) for mark in ".!?")
_NOT_END_BEFORE = re.compile(
    r"(?:\b[A-Z][a-z]?|\b(?:Vol|No|pp?|St|Dr|Mr|Mrs|Gen|Col|Lt|Prof|Acad|etc|cf|ca|Nos|Ibid|op|cit|vs|e\.g|i\.e|Jan|Feb|"
    r"Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec)|\b[IVX]+)$"
)
# A given name cut short (`Yevg. Mikeladze`, `Yem. Yaroslavskiy`) before a capitalised word is no sentence end.
_CUT_BEFORE = re.compile(r"\b([A-Z][a-z]{2,3})$")
_CAPITAL_AFTER = re.compile(r"\.[ \t]+([A-Z][a-z]+)")

# Where one clause ends and another begins (kept coarse: lists stay inside one clause, also a list
# whose items are set off by semicolons: `A. B. Pavlov, chief engineer; C. D. Orlov, ...`).
CLAUSE_BREAK = re.compile(
    r";\s(?!(?:and\s+)?(?:[A-Z][a-z]?\.\s?){1,3}[A-Z])|:\s|\s—\s|,\s(?:but|while|whereas|although|though|when|since|because|after|before|until|"
    r"and then|and later|and in|where|however)\b|\s(?:but|while|whereas|although|because)\s"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    matches = sorted((m for end in _ENDS for m in end.finditer(text)), key=lambda m: m.start())
    for m in matches:
        if m.start() < start:
            continue  # `?!` found by two patterns
        before = text[max(0, m.start() - 6) : m.start()]
        if m.group(0).startswith(".") and _NOT_END_BEFORE.search(before):
            continue
        after = _CAPITAL_AFTER.match(text, m.start()) if m.group(0).startswith(".") else None
        if after and after.group(1) not in STOP:  # (`in Bor. Then ...`: a function word opens a sentence)
            cut = _CUT_BEFORE.search(before)
            if cut and cut.group(1) in GIVEN_CUTS:
                continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if e > s]


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.start() + (1 if text[m.start()] in ";:," else 0)
    if pos < end:
        spans.append((pos, end))
    return spans
