"""Blocks: the report cut into typed pieces that never overlap and cover every printed character.

A run (lines between blank lines) is usually one block; footnotes, list items and the copyright
line are one block per line; `[Text] First words...` splits into an indicator and a paragraph.
Pieces of one paragraph separated only by a page break (blank lines) are joined into one block.
"""

from __future__ import annotations

import re

from kartoteka.structure.lines import Line, Run
from kartoteka.structure.model import Block
from kartoteka.structure.patterns import (
    BARE_NUMBER,
    COPYRIGHT,
    END_LINE,
    FOOTNOTE_LINE,
    FOOTNOTES_HEADING,
    INDICATOR,
    INSTALMENT,
    PART_HEADING,
    SOURCE_LINE,
)

# Words a sentence cannot end on: a piece ending so continues after the page break.
_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for from by with as and or but nor than that which who whom whose this "
    "these those his her its their our my your was were is are be been being had has have not no "
    "into onto upon about after before between under over during without within against toward "
    "towards among through comrade comrades mister ussr".split()
)
_TERMINAL = re.compile(r"""(?:[.!?:;]["'”’)\]]*|["'”’)\]]|[.!?]["'”’]?\s?(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+))$""")
# initials no sentence ends on: two of them (`A. S.`) or a two-letter one (`Ya.`)
_INITIALS_AT_END = re.compile(r"(?:^|[\s,])(?:[A-Z][a-z]?\.\s?[A-Z][a-z]?\.|[A-Z][a-z]\.)$")
_NAME_ITEM_AT_END = re.compile(r",\s+(?:[A-Z][a-z]*\.?\s?){1,3}$")
_NAME_ITEM_AT_START = re.compile(r"[A-Z][a-z]+,\s")
_GLOSS_THEN_COMMA = re.compile(r"\[[^\[\]\n]{1,70}\],")
_MONTH_AT_END = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)$"
)
_YEAR_AT_START = re.compile(r"\s*1\d{3}\b")
_ORDINAL_AT_END = re.compile(
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)$",
    re.IGNORECASE,
)
_DASH_ITEM = re.compile(r"-\s?(?:\d{1,3}[.)]\s|[A-Z(\"])")
_LAST_WORD = re.compile(r"([A-Za-z]+)[^A-Za-z]*$")
_DATELINE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b"
)


def ends_mid_sentence(s: str) -> bool:
    # only the tail matters; searching a whole paragraph for an anchored pattern is quadratic-ish
    tail = s[-16:].rstrip()
    if tail[-1:] in (".", "!", "?", ":", ";"):
        return False  # the common case, without a regex
    return not _TERMINAL.search(tail)


def continues_after_break(prev: str, nxt: str) -> bool:
    """Does paragraph piece `nxt` continue the sentence `prev` broke off at a page end?"""
    prev = prev[-80:].rstrip()
    if _INITIALS_AT_END.search(prev) and nxt[:1].isupper():
        return True  # `..., A. K. Bekman, A. S.` / `Grishin, ...`: a name cut after its initials
    if _GLOSS_THEN_COMMA.match(nxt):
        return True  # `... of Dneproges.` / `[Dnepr Hydroelectric Station], V. M. ...`: a gloss opens no paragraph
    if not ends_mid_sentence(prev):
        return False
    first = nxt[:4].lstrip()[:1]
    if first.islower() or first in "[(—":
        return True
    if prev.endswith("-"):
        return False  # a word hyphenated at the page end continues in lower case, or was lost
    if prev.endswith((",", "—")):
        return True
    if _NAME_ITEM_AT_END.search(prev) and _NAME_ITEM_AT_START.match(nxt):
        return True  # `..., L. Orlov, Mikh` / `Rafalsky, Natalya Sats, ...`: a list of names cut by the break
    m = _LAST_WORD.search(prev)
    if m and prev.endswith(m.group(1)) and m.group(1).lower() in _FUNCTION_WORDS:
        return True
    if _MONTH_AT_END.search(prev) and _YEAR_AT_START.match(nxt):
        return True  # `came to Armenia in September` / `1937, and ...`: a date cut by the break
    if _ORDINAL_AT_END.search(prev):
        return True  # `At the 13th` / `RKP(b) Conference, ...`: an ordinal leaves its noun after the break
    # `on 10` / `April: ...`: a day number left before the break
    return bool(re.search(r"\b(?:on|of|in|by)\s+\d{1,2}$", prev))


def is_title_like(s: str) -> bool:
    """A short line in title case with no sentence punctuation at its end."""
    if len(s) > 150 or len(s) < 3 or not s[0].isupper():
        return False
    if s[-1] in ".,;:!?\"'”’" or _DATELINE.search(s):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", s)
    major = [w for w in words if len(w) >= 4]
    if not major:
        return False
    return sum(w[0].isupper() for w in major) / len(major) >= 0.75


def split_run(text: str, run: Run) -> list[Block]:
    """Cut one run into blocks by line-level conventions (footnotes, lists, indicators)."""
    blocks: list[Block] = []
    lines = run.lines
    line_items = len(lines) > 1 and any(
        text[ln.start] == "-" and (_DASH_ITEM.match(text, ln.start, ln.end) or COPYRIGHT.match(text, ln.start, ln.end))
        for ln in lines
    )
    if line_items and len(lines) > 1:
        group: list[Line] = []
        for ln in lines:
            s = text[ln.start : ln.end]
            if _DASH_ITEM.match(s) or COPYRIGHT.match(s):
                if group:
                    blocks.append(_line_block(text, group[0].start, group[-1].end))
                group = [ln]
            else:
                group.append(ln)  # a wrapped continuation line of the previous item
        if group:
            blocks.append(_line_block(text, group[0].start, group[-1].end))
        return blocks
    m = INDICATOR.match(text, run.start, lines[0].end) if text[run.start] == "[" else None
    if m:
        blocks.append(Block("indicator", run.start, m.end()))
        rest = m.end()
        while rest < run.end and text[rest].isspace():
            rest += 1
        if rest < run.end:
            blocks.append(Block("paragraph", rest, run.end))
        return blocks
    return [_line_block(text, run.start, run.end)]


def _line_block(text: str, start: int, end: int) -> Block:
    s = text[start:end]
    first = s[0]
    # dispatch on the first character: most blocks are paragraphs and need no pattern at all
    if first == "-" or first.isspace():
        if COPYRIGHT.match(s):
            return Block("copyright", start, end)
        if FOOTNOTE_LINE.match(s):
            return Block("list_item", start, end, role="dash_item")  # footnote or list: decided by context
    if first == "[":
        if "\n" not in s and INSTALMENT.match(s):
            return Block("other", start, end, role="instalment")
        if s.endswith("]"):
            return Block("other", start, end, role="editorial")
        return Block("paragraph", start, end)
    if len(s) <= 3 and "\n" not in s and BARE_NUMBER.match(s):
        return Block("heading", start, end, role="section_number")
    if "\n" in s[:200] or len(s) > 200:
        return Block("paragraph", start, end)
    if COPYRIGHT.match(s):
        return Block("copyright", start, end)
    if first.isdigit() and SOURCE_LINE.match(s):
        return Block("other", start, end, role="source_line")
    if FOOTNOTES_HEADING.match(s):
        return Block("heading", start, end, role="footnotes")
    if END_LINE.match(s):
        return Block("other", start, end, role="end")
    if PART_HEADING.match(s) and is_title_like(s.split(":", 1)[-1].strip() or "X Part"):
        return Block("heading", start, end, role="part")
    return Block("paragraph", start, end)
