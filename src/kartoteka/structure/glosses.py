"""Translator brackets after a term: expansions, translations, spellings and notes.

`RSDRP [Russian Social Democratic Workers Party]` expands an acronym; `PSS [Complete Collected
Works]` and `"Ottseubiytsa" [Patricide]` translate; `Albrekht [Albrecht]` gives another spelling;
`the [Great] Patriotic War` or `35 meters [as published]` are the translators' notes.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from kartoteka.structure.model import Block, Gloss
from kartoteka.structure.patterns import INDICATOR, INSTALMENT

# A gloss may wrap onto the next line of a hard-wrapped text, never across a blank line.
_BRACKET = re.compile(r"\[(?P<gloss>[^\[\]\n]{1,200}(?:\n[^\[\]\n]{1,200})?)\]")
_ACRONYM = re.compile(r"^(?:[A-Z][a-z]?){1,6}(?:\([a-z]\))?(?:[—-](?:[A-Z][a-z]?){1,4})?$")
_COMPOUND = re.compile(r"^[A-Z][a-z]+(?:[a-z]{3,})$")  # Narkomnats, Sovnarkom, Rabkrin
_INSTITUTION = re.compile(
    r"\b(?:Party|Committee|Commissariat|Council|Administration|Commission|Bureau|Buro|Union|Station|"
    r"Trust|Plant|Office|Inspection|Policy|Soviet|Organization|Army|Directorate|Board|Department|"
    r"Conference|Congress|Presidium|Secretariat|Academy|Institute|Cheka)s?\b"
)
_NOTE_PHRASES = re.compile(
    r"^(?:as published|sic|translation unknown|transliteration|words? indistinct|passage omitted|"
    r"name indistinct|as received|\?)", re.I,
)
_RUSSIAN_LOOK = re.compile(r"(?:kh|zh|shch|ts|yy|iy|ye|ya|yu|yo|ay|zo)|(?:[bcdfghjklmnpqrstvwxz][aoy])$")
_STOP = frozenset("the a an of in on at to and or for by with him her them his their its this that as".split())
_QUOTE_CLOSERS = "\"”’'"
_TERM = re.compile(r"([\w()’'.—-]+)$")


def _initials_overlap(acronym: str, gloss: str) -> float:
    letters = [c for c in acronym if c.isupper()]
    initials = [w[0].upper() for w in re.findall(r"[A-Za-z][\w'-]*", gloss) if w[0].isupper()]
    if not letters:
        return 0.0
    hits = 0
    pool = list(initials)
    for c in letters:
        if c in pool:
            pool.remove(c)
            hits += 1
    return hits / len(letters)


def _term_before(text: str, block_start: int, at: int) -> tuple[int, int] | None:
    """The term a bracket at `at` glosses: a quoted title or the word(s) just before it."""
    i = at
    while i > block_start and text[i - 1].isspace():
        i -= 1
    if i == block_start:
        return None
    if text[i - 1] in _QUOTE_CLOSERS:
        close = i - 1
        j = close - 1
        limit = max(block_start, close - 200)
        while j >= limit and text[j] not in "\"“'‘":
            j -= 1
        if j >= limit:
            return j, i
        return None
    m = _TERM.search(text, max(block_start, i - 60), i)
    if not m:
        return None
    start = m.start(1)
    while start < i and text[start] in ".—-":
        start += 1
    return (start, i) if start < i else None


def _classify(term: str | None, gloss: str, glued: bool) -> str:
    g = gloss.strip()
    if glued or term is None or not g or _NOTE_PHRASES.match(g):
        return "note"  # `[ ]` (empty brackets) included
    if term[0] in "\"“'‘" or g[0] in "\"“":
        return "translation"
    words = g.split()
    if _ACRONYM.match(g) and not _ACRONYM.match(term):
        return "expansion"  # `Internal Affairs [NKVD]`: the gloss gives the acronym
    if _ACRONYM.match(term) or (_COMPOUND.match(term) and len(words) >= 2 and g[0].isupper()):
        if _initials_overlap(term, g) >= 0.5 or _INSTITUTION.search(g):
            return "expansion"
        return "translation"
    if len(words) == 1 and term[0].isupper() and g[0].isupper():
        if fuzz.ratio(term.lower(), g.lower()) >= 60:
            return "spelling"
        return "note"  # `him [Lenin]`, `the [Great]`
    if term.lower() in _STOP or words[0].lower() in _STOP or words[0].lower() in {"approximately", "about"}:
        return "note"
    if g[0].islower() and _RUSSIAN_LOOK.search(g.lower()) and len(words) <= 2:
        return "translation"  # the original word: `public health [rayzo]`
    if term[0].islower() and g[0].islower() and len(words) >= 2:
        return "translation"  # `gubkoms [provincial committees]`
    return "note"


def find_glosses(text: str, blocks: list[Block]) -> list[Gloss]:
    glosses: list[Gloss] = []
    for block in blocks:
        if block.kind not in ("paragraph", "footnote", "list_item", "heading"):
            continue
        for m in _BRACKET.finditer(text, block.start, block.end):
            whole = m.group(0)
            if INDICATOR.match(whole) or INSTALMENT.match(whole):
                continue
            gloss = m.group("gloss")
            glued = m.start() > block.start and text[m.start() - 1].isalpha()
            span = None if glued else _term_before(text, block.start, m.start())
            term = text[span[0] : span[1]] if span else None
            kind = _classify(term, gloss, glued)
            if kind == "note":
                span, term = None, None
            glosses.append(
                Gloss(kind, term, gloss, span[0] if span else None, span[1] if span else None, m.start(), m.end())
            )
    return glosses
