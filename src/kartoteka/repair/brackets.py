"""A closing bracket misread: `[Labor and Defense Councill`, `imeni Sergo Ordzhonikidzel, Ya. S.`, `[Feuchtwanger)`.

JPRS glosses open with `[` and close with `]`. On microfiche the closing bracket is a thin upright
stroke that OCR reads as `l`, so the gloss never closes and its last word gains a letter. Without
this rule the name and word detectors drop the stray letter and lose the bracket with it; the
structure layer then sees a gloss that runs on into the text. A `)` that no `(` opened inside the
gloss is the same bracket read with a curve.
"""

from __future__ import annotations

import re

from kartoteka.repair.document import DocStats, split_possessive
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

#: How far a gloss may run before its closing bracket; translator glosses are a phrase, not a page.
GLOSS_REACH = 400
#: A word ending in the stroke a `]` is read as, and the mark or space after it.
_STROKE_WORD_RE = re.compile(r"(?<![\w'’-])([^\W\d_]{3,}l)(?=[\s,.;:)])")
#: A form printed at least this often in the report is known there.
KNOWN_IN_REPORT = 3


def bracket_strokes(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """In a gloss that never closes, `]` read as `l` at the end of its one word that is no word with
    the `l` and a known one without it; or read as a `)` that no `(` in the gloss opened."""
    text = doc.text
    out: list[Correction] = []
    pos = text.find("[")
    while pos >= 0:
        end = _unclosed_gloss_end(text, pos)
        if end is not None:
            paren = _stray_parenthesis(text, pos + 1, end)
            hits = [
                m for m in _STROKE_WORD_RE.finditer(text, pos + 1, end) if _stroke_for_bracket(m.group(1), doc, lex)
            ]
            if paren is not None and not hits:
                reason = "the gloss opened with '[' never closes; it closes with ')' that no '(' opened"
                out.append(Correction(paren, paren + 1, ")", "]", "other", reason, 0.85))
            elif len(hits) == 1 and paren is None:
                m = hits[0]
                word = m.group(1)
                reason = (
                    f"the gloss opened with '[' never closes; '{word}' is no word, '{word[:-1]}' is: "
                    "a closing bracket read as 'l'"
                )
                out.append(Correction(m.start(1), m.end(1), word, word[:-1] + "]", "other", reason, 0.85))
        pos = text.find("[", pos + 1)
    return out


#: How far to look for what ends a gloss; beyond it nothing is decided (and each search stays bounded,
#: so a text with many brackets and no blank lines is still read in linear time).
_LOOK_AHEAD = 10 * GLOSS_REACH


def _unclosed_gloss_end(text: str, pos: int) -> int | None:
    """Where the gloss opened at `pos` stops if no `]` closes it first: at the next `[` or blank line,
    and at most `GLOSS_REACH` on. None when a `]` closes it, or when nothing ends it within sight."""
    window = min(pos + _LOOK_AHEAD, len(text))
    opening = text.find("[", pos + 1, window)
    closing = text.find("]", pos, window)
    blank = text.find("\n\n", pos, window)
    stops = [x for x in (opening, closing, blank) if x >= 0]
    if not stops:
        return min(pos + GLOSS_REACH, len(text)) if window == len(text) else None
    first = min(stops)
    return None if first == closing else min(first, pos + GLOSS_REACH)


def _stray_parenthesis(text: str, start: int, end: int) -> int | None:
    """Offset of the first `)` in `text[start:end]` that no `(` before it opened."""
    close = text.find(")", start, end)
    if close < 0 or text.find("(", start, close) >= 0:
        return None
    return close


def _stroke_for_bracket(word: str, doc: DocStats, lex: Lexicon) -> bool:
    stem, _ = split_possessive(word[:-1])
    if stem != word[:-1]:
        return False
    known_stem = lex.is_word(stem.lower()) or doc.forms.get(stem, 0) >= KNOWN_IN_REPORT
    known_word = lex.is_word(word.lower()) or doc.forms.get(word, 0) >= 2
    return known_stem and not known_word
