"""Facts about people (factoids): who, what, when, by whom, according to whom, and the evidence span."""

from __future__ import annotations

import bisect

from rapidfuzz.distance import Levenshtein

from kartoteka.facts.extract import TextScan, find_aggregates_in, find_facts_in
from kartoteka.facts.model import FACT_TYPES, MODALITIES, Aggregate, Fact, FactsResult, PersonRef
from kartoteka.facts.sentences import sentence_spans
from kartoteka.names.keys import name_key

__all__ = [
    "FACT_TYPES", "MODALITIES", "Aggregate", "Fact", "FactsResult", "PersonRef", "analyze_facts", "find_aggregates_in",
    "find_facts",
    "find_facts_in",
]

_TEXT_KINDS = ("paragraph", "list_item", "footnote")


def person_refs(persons) -> list[PersonRef]:
    """Person mentions as the fact layer takes them, from `kartoteka.resolve` persons or their JSON."""
    refs = []
    for p in persons:
        data = p if isinstance(p, dict) else p.to_json()
        for m in data["mentions"]:
            # (a person known by given names alone, `Stalin's son, Yakov`, goes by them)
            spelled = (_spelling(m.get("repaired") or m.get("text") or "", data["surname"]) if data["surname"]
                       else data["name"])
            refs.append(PersonRef(m["start"], m["end"], data["id"], spelled))
    return refs


def _spelling(mention: str, surname: str | None) -> str | None:
    """The surname as this mention spells it (its repaired reading) when that is only another spelling of
    the person's: another transliteration (`Uritskiy` beside `S. P. Uritsky`) or one letter apart (`K A
    Mekhonoshin`, joined to K. A. Mekhonishin); the person's own otherwise (a given name, an alias)."""
    words = mention.split()
    printed = words[-1].removesuffix("'s").removesuffix("’s") if words else ""
    if not printed or not surname or printed == surname:
        return surname
    if name_key(printed) == name_key(surname) or (
        printed[:1].isupper() and printed.isalpha() and Levenshtein.distance(printed, surname) == 1
    ):
        return printed
    return surname


def find_facts(report, repaired, persons) -> FactsResult:
    """Facts stated in the report's paragraphs, notes and list items about the given persons."""
    blocks = [[(b.start, b.end)] for b in report.blocks if b.kind in _TEXT_KINDS]
    paragraphs = [span for unit in bounded_units(report.text, blocks) for span in unit]
    scan = TextScan(repaired.text if repaired is not None else report.text)
    units = bounded_units(report.text, continued_paragraphs(report))
    facts = find_facts_in(report.text, units, person_refs(persons), repaired, scan)
    where = Locator(report)
    for fact in facts:
        fact.where = where(fact.start)
    aggregates = find_aggregates_in(report.text, paragraphs, repaired, scan)
    for agg in aggregates:
        agg.where = where(agg.start)
    return FactsResult(facts=facts, aggregates=aggregates)


def continued_paragraphs(report) -> list[list[tuple[int, int]]]:
    """Paragraph spans, a paragraph and its continuation after notes (`continues`) read as one."""
    position: dict[int, int] = {}
    out: list[list[tuple[int, int]]] = []
    for i, b in enumerate(report.blocks):
        if b.kind not in _TEXT_KINDS:
            continue
        if b.continues is not None and b.continues in position:
            out[position[b.continues]].append((b.start, b.end))
            position[i] = position[b.continues]
            continue
        position[i] = len(out)
        out.append([(b.start, b.end)])
    return out


#: A paragraph longer than this is read in pieces cut at sentence ends (the report's longest is ~3,200
#: characters): a line whose breaks were lost must not become one paragraph, as the work on a
#: paragraph grows with its length times its names and verbs.
MAX_UNIT = 8_000
#: A run this long without a sentence end is cut at a space, each cut its own piece (the longest
#: sentence of the report has ~900 characters).
MAX_SENTENCE = 2_000


def bounded_units(text: str, paragraphs: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """`paragraphs` (each a list of source spans read as one) with every one longer than `MAX_UNIT` cut
    into pieces of whole sentences, and every sentence longer than `MAX_SENTENCE` cut at spaces."""
    out: list[list[tuple[int, int]]] = []
    for spans in paragraphs:
        if sum(e - s for s, e in spans) <= MAX_UNIT:
            out.append(spans)
            continue
        for s, e in spans:
            out.extend([piece] for piece in _pieces(text, s, e))
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whole sentences of `text[start:end]` gathered into pieces of at most `MAX_UNIT` characters."""
    pieces: list[tuple[int, int]] = []
    piece: list[int] | None = None  # [start, end] of the piece being gathered
    for a, b in sentence_spans(text[start:end]):
        a, b = a + start, b + start
        if b - a > MAX_SENTENCE:
            if piece:
                pieces.append((piece[0], piece[1]))
                piece = None
            pieces.extend(_cut_at_spaces(text, a, b))
        elif piece is None:
            piece = [a, b]
        elif b - piece[0] > MAX_UNIT:
            pieces.append((piece[0], piece[1]))
            piece = [a, b]
        else:
            piece[1] = b
    if piece:
        pieces.append((piece[0], piece[1]))
    return pieces


def _cut_at_spaces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`text[start:end]` cut at spaces (or anywhere, in a run without one) into `MAX_SENTENCE` pieces."""
    cuts = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        cuts.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        cuts.append((start, end))
    return cuts


class Locator:
    """Where an offset stands in a report: instalment, part, chapter, section, paragraph ordinal."""

    def __init__(self, report) -> None:
        self.report = report
        self.starts = [b.start for b in report.blocks]
        self.ordinal: list[int] = []
        counts: dict = {}
        for b in report.blocks:
            if b.kind == "paragraph":
                counts[b.division] = counts.get(b.division, 0) + 1
            self.ordinal.append(counts.get(b.division, 0))

    def __call__(self, offset: int) -> dict:
        report = self.report
        k = bisect.bisect_right(self.starts, offset) - 1
        where: dict = {"block": k if k >= 0 else None}
        if k >= 0:
            where["paragraph"] = self.ordinal[k]
            d = report.blocks[k].division
            while d is not None:
                div = report.divisions[d]
                where[div.kind] = div.title or div.number
                d = div.parent
        for ins in report.instalments:
            if ins.start <= offset < ins.end:
                pages = f", pp {ins.pages[0]}-{ins.pages[1]}" if ins.pages else ""
                where["instalment"] = f"{ins.publication} No {ins.number}, {ins.month} {ins.year}{pages}"
        return where


def analyze_facts(source) -> FactsResult:
    """Read, repair, find persons and facts: the whole chain for one source."""
    from kartoteka.repair import repair
    from kartoteka.resolve import find_persons
    from kartoteka.structure import read_report

    report = read_report(source)
    repaired = repair(source)
    return find_facts(report, repaired, find_persons(report, repaired))
