"""Who says `I` in a quotation: the memoirist a paragraph quotes (`X wrote in his memoirs: "... my life in
prisons and camps"`, `"I found myself in cell No 47," X recalls`), so a first-person event is the speaker's.

The author of the report writes in the first person too (`I think that ...`): outside a quotation whose
speaker is named, `I` names no one.
"""

from __future__ import annotations

import re

#: a person tuple as the fact layer passes them: (start, end, PersonRef), offsets relative to a paragraph,
#: or (None, None, ref) for a person named in an earlier paragraph
Person = tuple

_SPEECH = r"(?:wrote|writes|recalled|recalls|related|relates|said|says|testified|told|stated|remembered|remembers)"
# `X wrote in his memoirs: "`, `X, who ..., related:` (the colon or comma that opens the quotation)
_SPEAKER_BEFORE = re.compile(
    rf"(?:,[^.;:\"“”]{{0,100}},)?\s+(?:\w+\s+)?{_SPEECH}\b[^.!?;\"“”]{{0,80}}[:,]\s*$"
)
# `," the Rostov agronomist X recalls` (a description may stand before the name)
_DESCRIBED = re.compile(r"\s*,?\s*(?:the\s+[^,.;:\"“”]{1,60}?\s+)?$")
_SPEECH_AFTER = re.compile(rf"\s+{_SPEECH}\b")
# the last sentence of a paragraph that introduces a quotation in the next: `X wrote the following in his
# memoir novel "..." [...]:`
_INTRODUCES = re.compile(rf"\b{_SPEECH}\b[^.!?;]{{0,160}}:\s*$")
# `I was arrested`, `I found myself in cell`, `my arrest`, `my intellectual life in prisons`, `swept me into`
_FIRST_BEFORE = re.compile(r"(?:\bI\s+(?:\w+\s+){0,3}|\b[Mm]y\s+(?:own\s+|[a-z]+\s+)?)$")
_FIRST_AFTER = re.compile(r"^\s+me\b")
_SOURCE_BY = re.compile(r"\b(?:[Rr]ecollections|[Mm]emoirs|[Rr]eminiscences|[Tt]estimony|[Aa]ccount|[Ll]etters?)\b"
                        r"[^.;:\"“”]{0,80}?\bby\s+(?:[A-Z][a-z]+\s+)?$")  # (a given name may lead the mention)
# the closing sentence of a paragraph that announces passages of a text by the person it tells of
_PASSAGES = re.compile(r"(?:^|[.!?]\s+)(?:Here\s+(?:are|is)|Below\s+(?:are|is)|We\s+(?:quote|cite|give))\b"
                       r"[^.!?;:]{0,60}?"
                       r"\b(?:passages?|excerpts?|extracts?|fragments?)\s+(?:from|of)\s+(?:this|that|his|her|the)\s+"
                       r"(?:letter|memoirs?|recollections|reminiscences|testimony|statement|diary|notes|account)\.\s*$")
_BELOW = re.compile(r"[^.;:]{0,160}?\b(?:below|follows?|following)\b")
_QUOTE_MARK = re.compile(r"[\"“”]")
#: the end of a sentence (not an initial's stop: `V. Sokolov`, `Ya. Sverdlov`)
_SENTENCE_STOP = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?]\s+(?=[A-Z\"“])")


def quotations(text: str) -> list[tuple[int, int]]:
    """The spans inside double quotation marks, paired in order; an unpaired last mark quotes to the end."""
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
    spans = [(marks[k] + 1, marks[k + 1]) for k in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        spans.append((marks[-1] + 1, len(text)))
    return spans


def first_person(text: str, clause_start: int, trig_start: int, trig_end: int) -> bool:
    """Does `I`, `my` or `me` take the event at this trigger?"""
    return bool(_FIRST_BEFORE.search(text, clause_start, trig_start)) or bool(
        _FIRST_AFTER.match(text[trig_end : trig_end + 8]))


def inline_speaker(text: str, persons: list[Person], at: int) -> Person | None:
    """The person named as speaking the quotation that holds offset `at`, in this paragraph: before it
    (`X wrote in his memoirs: "`) or after it (`," the agronomist X recalls`)."""
    span = next(((qs, qe) for qs, qe in quotations(text) if qs <= at < qe), None)
    if span is None:
        return None
    qs, qe = span
    before = [p for p in persons if p[1] is not None and p[1] <= qs - 1 and qs - 1 - p[1] <= 200]
    if before and _SPEAKER_BEFORE.fullmatch(text, before[-1][1], qs - 1):
        return before[-1]
    after = [p for p in persons if p[0] is not None and p[0] > qe]
    if after and _DESCRIBED.fullmatch(text, qe + 1, after[0][0]) and _SPEECH_AFTER.match(text, after[0][1]):
        return after[0]
    return None


def introduced_speaker(text: str, persons: list[Person]) -> Person | None:
    """The person a paragraph says will speak next: the last one named before the speech verb of its closing
    sentence (`X wrote the following ...:`), or the author of recollections it says follow (`Recollections of
    that day by X, his brother, are given below`)."""
    if "below" in text:
        for p in reversed(persons):
            if (p[0] is not None and _SOURCE_BY.search(text, max(0, p[0] - 100), p[0])
                    and _BELOW.match(text, p[1])):
                return p
    if text.rstrip().endswith(".") and _PASSAGES.search(text, max(0, len(text.rstrip()) - 160)):
        # `In May 1967 he sent a letter to the Procuracy. Here are a few passages from this letter.`: the
        # writer is the one the paragraph names last
        named = [p for p in persons if p[0] is not None and not text.startswith(("'s", "’s"), p[1])]
        return named[-1] if named else None
    if not text.rstrip().endswith(":"):
        return None  # (most paragraphs: the search below would read them whole)
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, 0, max(0, len(text.rstrip()) - 1))]
    tail_start = stops[-1] if stops else 0
    m = _INTRODUCES.search(text, tail_start)
    if not m:
        return None
    named = [p for p in persons if p[0] is not None and tail_start <= p[0] and p[1] <= m.start()
             and not text.startswith(("'s", "’s"), p[1])]
    return named[-1] if named else None


def opens_quotation(text: str) -> bool:
    return text.lstrip().startswith(('"', "“"))


def closes_quotation(text: str) -> bool:
    """Does the paragraph end its quotation (a closing mark last), or leave it open for the next?"""
    return len(_QUOTE_MARK.findall(text)) % 2 == 0


def speaker_at(text: str, persons: list[Person], opening_speaker: Person | None, at: int) -> Person | None:
    """Who says the `I` at `at`: the speaker named beside its quotation, else `opening_speaker`, the speaker of
    the quotation the paragraph opens with, up to where that closes."""
    speaker = inline_speaker(text, persons, at)
    if speaker is None and opening_speaker is not None:
        spans = quotations(text)
        if spans and opens_quotation(text) and at < spans[0][1]:
            speaker = opening_speaker
    return speaker


class SpeakerTracker:
    """Carries the speaker of a quotation from paragraph to paragraph: the one a paragraph introduces speaks the
    quotation the next opens with, and goes on while it stays open (across one paragraph that lost its opening
    mark)."""

    def __init__(self) -> None:
        self.open: Person | None = None  # the speaker of a quotation the last paragraph left open
        self.skipped = False  # a paragraph without quotation marks has passed since it was left open
        self.introduced: Person | None = None  # the speaker the last paragraph introduced

    def speaker_for(self, text: str, persons: list[Person]) -> Person | None:
        """The speaker of the quotation this paragraph opens with, if known; then moves on past it."""
        speaker = (self.introduced or self.open) if opens_quotation(text) else None
        if speaker is not None:
            self.open, self.skipped = (None if closes_quotation(text) else speaker), False
        elif self.open is not None and not self.skipped and not _QUOTE_MARK.search(text):
            self.skipped = True  # one paragraph of the quotation that lost its opening mark: the next may go on
        else:
            self.open = None
        found = introduced_speaker(text, persons)
        # (named in an earlier paragraph: the fact points at that mention, not at a span of the next)
        self.introduced = (None, None, found[2]) if found is not None else None
        return speaker

