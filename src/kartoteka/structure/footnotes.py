"""Footnotes and the markers in the body that point at them.

Each note is a `- N. text` line under a `Footnotes` heading; some lost their number (`- text`).
Markers are superscripts (`Front.⁸`) or digits glued after punctuation or a closing quote
(`materials."1`, `campaign." 10`). A note is linked to the first unused marker with its number,
in order, between the previous footnote block and the next one.
"""

from __future__ import annotations

import bisect
import re

from kartoteka.structure.model import Block, Footnote, Marker
from kartoteka.structure.patterns import FOOTNOTE_LINE

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# Each pattern starts with one literal character, which `re` scans for quickly; a character
# class at the start would make every pass over the text ten times slower.
_GLUED = tuple(
    re.compile(re.escape(lead) + r" ?\d{1,2}(?![\d.,])") for lead in ('"', "”", "’", "'", ".")
)


_SUPERSCRIPT_RUN = re.compile("[" + _SUPERSCRIPTS + "]{1,3}")


def _superscripts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _SUPERSCRIPT_RUN.finditer(text, start, end)]


def _glued_at(text: str, m: re.Match) -> tuple[int, int] | None:
    """The marker's span if this match is a footnote marker, not a decimal, list or date."""
    s = m.group(0)
    end = m.end()
    if end < len(text) and not text[end].isspace():
        return None
    punct_at = m.start()
    before = text[max(0, punct_at - 2) : punct_at]
    digits_start = punct_at + 1 + (s[1] == " ")
    if s[0] != ".":
        # `materials."1`, `campaign." 10`, `words"4`: closing quote after a word or punctuation
        if before[-1:].isalpha() or (before[-1:] in ".,;:!?" and before[:1].isalpha()):
            return digits_start, end
        return None
    # `Committee.4 His`: glued to a full stop after a word (not `p. 4`, not `1.5`, not `No.4`)
    if s[1] != " " and before[-1:].isalpha() and before not in {"pp", " p", "No", "ol"}:
        return digits_start, end
    return None


def make_footnotes(text: str, blocks: list[Block]) -> list[Footnote]:
    notes: list[Footnote] = []
    for index, block in enumerate(blocks):
        if block.kind != "footnote":
            continue
        s = text[block.start : block.end]
        m = FOOTNOTE_LINE.match(s)
        prefix = m.end() if m else 0
        while prefix < len(s) and s[prefix].isspace():
            prefix += 1
        number = int(m.group("number")) if m and m.group("number") else None
        notes.append(Footnote(index, number, len(notes) + 1, s[prefix:], block.start + prefix, block.end))
    return notes


def _groups(blocks: list[Block], notes: list[Footnote]) -> list[list[Footnote]]:
    """Notes of one footnote block (consecutive footnote blocks)."""
    groups: list[list[Footnote]] = []
    last_index = -2
    for note in notes:
        if note.block_index != last_index + 1 or not groups:
            between = blocks[last_index + 1 : note.block_index] if groups else []
            if not groups or any(b.kind != "footnote" for b in between):
                groups.append([])
        groups[-1].append(note)
        last_index = note.block_index
    return groups


def _all_candidates(text: str, blocks: list[Block]) -> list[tuple[int, int, int]]:
    """Markers anywhere in body paragraphs and list items: whole-text passes, then a bisect
    to keep those inside such blocks (one pass per pattern beats one per block)."""
    spans = _superscripts(text, 0, len(text))
    for pattern in _GLUED:
        for m in pattern.finditer(text):
            span = _glued_at(text, m)
            if span:
                spans.append(span)
    starts = [b.start for b in blocks]
    out = []
    for start, end in spans:
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and blocks[k].kind in ("paragraph", "list_item") and end <= blocks[k].end:
            out.append((start, end, int(text[start:end].translate(_SUPERSCRIPT))))
    out.sort()
    return out


def _within(candidates: list[tuple[int, int, int]], lo: int, hi: int) -> list[tuple[int, int, int]]:
    return [c for c in candidates if lo <= c[0] < hi]


def _is_marker_for(value: int, expected: int) -> bool:
    # `1923.¹¹²` is marker 12 with a stray superscript one: accept a 3-digit tail match
    return value == expected or (expected >= 10 and value >= 100 and str(value).endswith(str(expected)))


def _link(group: list[Footnote], candidates: list[tuple[int, int, int]]) -> None:
    used_until = -1
    for position, note in enumerate(group, start=1):
        if note.marker is not None:
            used_until = note.marker.end
            continue
        expected = note.number if note.number is not None else position
        for start, end, value in candidates:
            if start >= used_until and _is_marker_for(value, expected):
                note.marker = Marker(start, end)
                used_until = end
                break


def link_markers(text: str, blocks: list[Block], notes: list[Footnote]) -> None:
    """Fill `note.marker` for each note whose marker can be found in the body.

    Markers precede their notes (since the previous footnote block); a note still unlinked may
    point at the text after its block, up to the next heading (notes printed mid-chapter)."""
    if not notes:
        return  # no notes, nothing to point at: skip the scan (it matters on a 10 MB line of noise)
    groups = _groups(blocks, notes)
    candidates = _all_candidates(text, blocks)
    region_start = 0
    for group in groups:
        first_block = blocks[group[0].block_index]
        last_index = group[-1].block_index
        _link(group, _within(candidates, region_start, first_block.start))
        if any(n.marker is None for n in group):
            stop = next(
                (b.start for b in blocks[last_index + 1 :] if b.kind not in ("paragraph", "list_item")),
                len(text),
            )
            after = _within(candidates, blocks[last_index].end, stop)
            for note in group:
                if note.marker is None:
                    _link([note], [c for c in after if _is_marker_for(c[2], note.number or 0)])
        region_start = blocks[last_index].end
