"""Facts about people (factoids): who, what, when, by whom, according to whom, and the evidence span."""

from __future__ import annotations

import bisect

from kartoteka.facts.extract import TextScan, find_aggregates_in, find_facts_in
from kartoteka.facts.model import FACT_TYPES, MODALITIES, Aggregate, Fact, FactsResult, PersonRef

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
            refs.append(PersonRef(m["start"], m["end"], data["id"], data["surname"]))
    return refs


def find_facts(report, repaired, persons) -> FactsResult:
    """Facts stated in the report's paragraphs, notes and list items about the given persons."""
    paragraphs = [(b.start, b.end) for b in report.blocks if b.kind in _TEXT_KINDS]
    scan = TextScan(repaired.text if repaired is not None else report.text)
    facts = find_facts_in(report.text, continued_paragraphs(report), person_refs(persons), repaired, scan)
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
