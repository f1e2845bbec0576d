"""Spelling variants of a word one OCR edit away, each labelled with the edit that makes it.

`variant_strings` is the hot loop: plain tuples, no descriptions. `describe` labels a hit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

LETTERS = "abcdefghijklmnopqrstuvwxyz"

#: Shapes a microfiche OCR engine confuses, read -> meant.
OCR_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("rn", "m"),
    ("m", "rn"),
    ("in", "m"),
    ("m", "in"),
    ("ni", "m"),
    ("m", "ni"),
    ("li", "h"),
    ("h", "li"),
    ("h", "n"),
    ("n", "h"),
    ("cl", "d"),
    ("d", "cl"),
    ("vv", "w"),
    ("w", "vv"),
    ("ri", "n"),
    ("n", "ri"),
    ("ii", "u"),
    ("u", "ii"),
    ("y", "v"),
    ("v", "y"),
    ("l", "i"),
    ("i", "l"),
    ("l", "t"),
    ("t", "l"),
    ("f", "t"),
    ("t", "f"),
    ("c", "e"),
    ("e", "c"),
    ("e", "o"),
    ("o", "e"),
    ("a", "o"),
    ("o", "a"),
    ("n", "u"),
    ("u", "n"),
    ("n", "r"),
    ("r", "n"),
    ("b", "h"),
    ("h", "b"),
    ("p", "n"),
    ("n", "p"),
    ("i", "j"),
    ("j", "i"),
    ("c", "o"),
    ("o", "c"),
    ("s", "e"),
    ("e", "s"),
    ("a", "s"),
    ("s", "a"),
    ("i", "t"),
    ("t", "i"),
    ("m", "n"),
    ("n", "m"),
    ("rn", "n"),
    ("hh", "h"),
    ("ci", "g"),
)
_MULTI = tuple(pair for pair in OCR_CONFUSIONS if len(pair[0]) > 1 or len(pair[1]) > 1)
_SINGLE = frozenset(pair for pair in OCR_CONFUSIONS if len(pair[0]) == 1 and len(pair[1]) == 1)


class Variant(NamedTuple):
    word: str
    op: str  # delete | insert | substitute | transpose | confusion
    at_end: bool  # the edit touches the last letter
    ocr: bool  # a known OCR confusion
    detail: str  # e.g. "y->v"


# A raw variant: (word, op, position, payload); op codes: d, t, s, i, c.
Raw = tuple[str, str, int, str]


def variant_strings(word: str, substitutions: bool = True, inserts: bool = True) -> Iterator[Raw]:
    """All words one edit (or one multi-letter OCR confusion) from lowercase `word`."""
    n = len(word)
    for i in range(n):
        yield word[:i] + word[i + 1 :], "d", i, word[i]
    for i in range(n - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :], "t", i, ""
    if substitutions:
        for i in range(n):
            head, tail, here = word[:i], word[i + 1 :], word[i]
            for c in LETTERS:
                if c != here:
                    yield head + c + tail, "s", i, c
    if inserts:
        for i in range(n + 1):
            head, tail = word[:i], word[i:]
            for c in LETTERS:
                yield head + c + tail, "i", i, c
    for read, meant in _MULTI:
        start = word.find(read)
        while start >= 0:
            yield word[:start] + meant + word[start + len(read) :], "c", start, f"{read}->{meant}"
            start = word.find(read, start + 1)


def describe(word: str, raw: Raw) -> Variant:
    cand, op, i, payload = raw
    n = len(word)
    if op == "d":
        return Variant(cand, "delete", i == n - 1, False, f"-{payload}")
    if op == "t":
        return Variant(cand, "transpose", i == n - 2, False, f"{word[i]}{word[i + 1]}<->{word[i + 1]}{word[i]}")
    if op == "s":
        return Variant(cand, "substitute", i == n - 1, (word[i], payload) in _SINGLE, f"{word[i]}->{payload}")
    if op == "i":
        return Variant(cand, "insert", i == n, False, f"+{payload}")
    read = payload.split("->")[0]
    return Variant(cand, "confusion", i + len(read) == n, True, payload)


def variants(word: str) -> Iterator[Variant]:
    for raw in variant_strings(word):
        yield describe(word, raw)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class NeighbourIndex:
    """Words one edit (delete, insert, substitute, transpose) or one multi-letter OCR confusion away,
    found through a deletion index (as SymSpell does) instead of generating every variant."""

    def __init__(self, words):
        self.words = set(words)
        index: dict[str, list[str]] = {}
        for w in self.words:
            for key in (w, *_deletes(w)):
                index.setdefault(key, []).append(w)
        self._index = index

    def one_edit(self, word: str) -> set[str]:
        """Indexed words one delete, insert, substitution or swap from `word` (a superset: check it)."""
        found: set[str] = set()
        index = self._index
        hit = index.get(word)
        if hit:
            found.update(hit)
        for i in range(len(word)):
            hit = index.get(word[:i] + word[i + 1 :])
            if hit:
                found.update(hit)
        found.discard(word)
        return found

    def near(self, word: str, inserts: bool = True) -> list[Raw]:
        """Raw variants of `word` that are in the index, in `variant_strings` order of kinds."""
        found: set[str] = set()
        for key in (word, *_deletes(word)):
            hit = self._index.get(key)
            if hit:
                found.update(hit)
        found.discard(word)
        out: list[Raw] = []
        for cand in found:
            out.extend(edits_between(word, cand, inserts))
        for read, meant in _MULTI:
            start = word.find(read)
            while start >= 0:
                cand = word[:start] + meant + word[start + len(read) :]
                if cand in self.words:
                    out.append((cand, "c", start, f"{read}->{meant}"))
                start = word.find(read, start + 1)
        order = {"d": 0, "t": 1, "s": 2, "i": 3, "c": 4}
        out.sort(key=lambda r: (order[r[1]], r[2], r[0]))
        return out


def edits_between(word: str, cand: str, inserts: bool = True) -> list[Raw]:
    """The single edits that turn `word` into `cand` (several when letters repeat)."""
    n, m = len(word), len(cand)
    out: list[Raw] = []
    if m == n - 1:
        out.extend((cand, "d", i, word[i]) for i in range(n) if word[:i] + word[i + 1 :] == cand)
    elif m == n + 1:
        if inserts:
            out.extend((cand, "i", i, cand[i]) for i in range(m) if cand[:i] + cand[i + 1 :] == word)
    elif m == n:
        diffs = [i for i in range(n) if word[i] != cand[i]]
        if len(diffs) == 1:
            out.append((cand, "s", diffs[0], cand[diffs[0]]))
        elif len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i = diffs[0]
            if word[i] == cand[i + 1] and word[i + 1] == cand[i]:
                out.append((cand, "t", i, ""))
    return out
