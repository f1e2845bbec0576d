"""A word or a preposition with its article set twice (`the chief of the the cadres department`,
`does not not commit`, `the leaders of the of the Omsk Obkom`), and a name the typesetter began, broke off
and set again (`G. A. VorG. A. Vorozheykin`).

Only words English never repeats: articles, coordinators and prepositions that take no particle
before them. `had had`, `that that`, `is is` and `in in absentia` are English; `a a` is left alone
too, because it is as often a misread `at a` (`one part a a time`) as a doubled `a`. Of two-word
phrases only a preposition and its article count: `more and more and more` is English.
"""

from __future__ import annotations

import re

from kartoteka.repair.document import DocStats
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

NEVER_TWICE = ("the", "an", "and", "or", "nor", "but", "of", "to", "for", "with", "by", "from", "at", "not")
_PREPOSITIONS = ("of", "to", "for", "with", "by", "from", "at", "in", "on")
_ARTICLES = ("the", "a", "an")


def repeated_words(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`the the`, `and and`, `not not`: the second is dropped with the space before it."""
    text = doc.text
    out: list[Correction] = []
    for word in NEVER_TWICE:
        seconds = set(doc.positions.get(word, ()))
        if not seconds:
            continue
        for first in (word, word.capitalize()):
            for start in doc.positions.get(first, ()):
                end = start + len(word)
                # one or two spaces (or a tab) between: a wider gap is layout, not a doubled word
                gap = 1 if end + 1 in seconds else 2 if end + 2 in seconds else 0
                if gap and not text[end : end + gap].strip(" \t"):
                    original = text[start : end + gap + len(word)]
                    reason = f"'{word}' set twice; English never repeats it"
                    out.append(Correction(start, end + gap + len(word), original, first, "word", reason, 0.8))
    out.sort()
    return out


def repeated_phrases(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`of the of the`: a preposition and its article set twice are set once."""
    text = doc.text
    out: list[Correction] = []
    for prep in _PREPOSITIONS:
        for article in _ARTICLES:
            phrase = f"{prep} {article}"
            twice = f"{phrase} {phrase} "  # a C-speed search per phrase; the word edges are checked after
            start = text.find(twice)
            while start >= 0:
                if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "'’-"):
                    reason = f"'{phrase}' set twice; an article never stands before a preposition"
                    out.append(Correction(start, start + len(twice) - 1, twice[:-1], phrase, "word", reason, 0.8))
                start = text.find(twice, start + 1)
    out.sort()
    return out


#: Initials and the head of a surname run into the same initials and the whole surname.
_RESTARTED = re.compile(
    r"(?<![\w.])(?P<ini>(?:[A-Z][a-z]?\.\s?){1,3})(?P<head>[A-Z][a-z]+)"
    r"(?=(?P<again>(?:[A-Z][a-z]?\.\s?){1,3})(?P<name>[A-Z][a-z]+))"
)


def restarted_names(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`G. A. VorG. A. Vorozheykin`: the cut-off start (initials and the surname's head, glued to the
    initials that begin again) is set once; the whole name after it is left as printed."""
    out: list[Correction] = []
    for m in _RESTARTED.finditer(doc.text):
        ini, head, again, name = m.group("ini", "head", "again", "name")
        if ini.replace(" ", "") != again.replace(" ", "") or not (name.startswith(head) and len(name) > len(head)):
            continue
        end = m.end() + len(again)
        reason = f"'{ini}{head}' breaks off and runs into '{again}{name}': the name set again in full"
        out.append(Correction(m.start(), end, doc.text[m.start() : end], again, "name", reason, 0.85))
    return out
