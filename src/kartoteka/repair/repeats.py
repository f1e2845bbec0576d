"""A word set twice (`the chief of the the cadres department`, `does not not commit`).

Only words English never repeats: articles, coordinators and prepositions that take no particle
before them. `had had`, `that that`, `is is` and `in in absentia` are English; `a a` is left alone
too, because it is as often a misread `at a` (`one part a a time`) as a doubled `a`.
"""

from __future__ import annotations

from kartoteka.repair.document import DocStats
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

NEVER_TWICE = ("the", "an", "and", "or", "nor", "but", "of", "to", "for", "with", "by", "from", "at", "not")


def repeated_words(doc: DocStats, lex: Lexicon) -> list[Correction]:
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
