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


#: A lowercase letter run into a capital initial (`VorG. A.`): where a restarted name breaks off.
_GLUED_INITIAL = re.compile(r"[A-Z](?<=[a-z][A-Z])[a-z]?\.")  # (a capital first: the scan skips fast)
#: The initials before the broken-off head, and the initials and whole surname after it.
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z][a-z]?\.\s?){1,3}$")
_AGAIN = re.compile(r"(?:[A-Z][a-z]?\.\s?){1,3}([A-Z][a-z]+)")


def restarted_names(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`G. A. VorG. A. Vorozheykin`: the cut-off start (initials and the surname's head, glued to the
    initials that begin again) is set once; the whole name after it is left as printed."""
    text = doc.text
    out: list[Correction] = []
    for glue in _GLUED_INITIAL.finditer(text):
        head_end = head_start = glue.start()
        while head_start > 0 and text[head_start - 1].islower():
            head_start -= 1
        if head_start == 0 or not text[head_start - 1].isupper():
            continue
        head_start -= 1
        head = text[head_start:head_end]
        before = _INITIALS_BEFORE.search(text, max(0, head_start - 12), head_start)
        again = _AGAIN.match(text, head_end)
        if before is None or again is None:
            continue
        ini, name = before.group(), again.group(1)
        if ini.replace(" ", "") != text[head_end : again.start(1)].replace(" ", ""):
            continue
        if not (name.startswith(head) and len(name) > len(head)):
            continue
        end = again.start(1)
        reason = f"'{ini}{head}' breaks off and runs into '{text[head_end : again.end()]}': the name set again"
        out.append(Correction(before.start(), end, text[before.start() : end], ini, "name", reason, 0.85))
    return out
