"""Divisions: parts, chapters and sections, found from the contents list and body headings."""

from __future__ import annotations

import bisect
import re

from rapidfuzz import fuzz

from kartoteka.structure.model import Block, ContentsEntry, Division
from kartoteka.structure.patterns import PART_HEADING

LEVELS = {"part": 1, "chapter": 2, "section": 3}
_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip().lower()


def match_score(entry_title: str, heading: str, cut_left: bool) -> float:
    """How well a (possibly damaged) contents title names a body heading, 0-100."""
    a, b = _norm(entry_title), _norm(heading)
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b)
    if cut_left and len(a) < len(b):
        # the contents line lost its left margin: compare with the heading's tail
        score = max(score, fuzz.ratio(a, b[-len(a) :]), fuzz.ratio(a, b[-len(a) - 3 :]))
    return score


def match_entries(
    text: str, entries: list[ContentsEntry], candidates: list[int], blocks: list[Block], cut: list[bool]
) -> dict[int, int]:
    """Map contents entry index -> block index of the heading it names, in reading order."""
    found: dict[int, int] = {}
    position = 0
    for e, entry in enumerate(entries):
        best, best_score = None, 0.0
        for k in range(position, len(candidates)):
            b = blocks[candidates[k]]
            score = match_score(entry.title, text[b.start : b.end], cut[e])
            if score > best_score:
                best, best_score = k, score
                if score >= 99:
                    break
        threshold = 72 if cut[e] else 80
        if best is not None and best_score >= threshold and len(_norm(entry.title)) >= 4:
            found[e] = candidates[best]
            position = best + 1
    return found


def heading_division(text: str, block: Block, ordinal: int, kind: str) -> Division:
    s = _WS.sub(" ", text[block.start : block.end]).strip()
    number = None
    title: str | None = s
    if kind == "part":
        m = PART_HEADING.match(s)
        if m:
            number, title = m.group("number"), m.group("title").strip() or None
    if kind == "section":
        number, title = s, None
    return Division(kind, number, ordinal, title, LEVELS[kind], block.start, block.end, None, block.start, block.end)


def close_spans(
    divisions: list[Division], blocks: list[Block], limits: list[tuple[int, int]], body_end: int
) -> None:
    """Set each division's end (next division of the same or higher rank, or its container's end)
    and its parent; `limits` are (start, end) of articles, which divisions never cross.

    Divisions come in reading order (they are made block by block), and contents entries already
    point at them by index, so their order is never changed here."""
    block_ends = sorted(b.end for b in blocks if b.end <= body_end)

    def trim(limit: int) -> int:
        # the end of the last block that ends at or before `limit`
        i = bisect.bisect_right(block_ends, limit) - 1
        return block_ends[i] if i >= 0 else limit

    for i, d in enumerate(divisions):
        # parts group articles; chapters and sections never run past their article
        container_end = body_end if d.level == 1 else next((e for s, e in limits if s <= d.start < e), body_end)
        stop = container_end
        for later in divisions[i + 1 :]:
            if later.start >= container_end:
                break
            if later.level <= d.level:
                stop = later.start
                break
        d.end = trim(stop) if stop != container_end else container_end
        d.parent = None
        for j in range(i - 1, -1, -1):
            p = divisions[j]
            if p.level < d.level and p.start <= d.start < p.end:
                d.parent = j
                break
