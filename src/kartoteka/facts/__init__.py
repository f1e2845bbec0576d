"""Facts about people (factoids): who, what, when, by whom, according to whom, and the evidence span."""

from __future__ import annotations

from kartoteka.facts.extract import find_facts_in
from kartoteka.facts.model import FACT_TYPES, MODALITIES, Aggregate, Fact, FactsResult, PersonRef

__all__ = [
    "FACT_TYPES", "MODALITIES", "Aggregate", "Fact", "FactsResult", "PersonRef", "analyze_facts", "find_facts",
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
    facts = find_facts_in(report.text, paragraphs, person_refs(persons), repaired)
    return FactsResult(facts=facts, aggregates=[])


def analyze_facts(source) -> FactsResult:
    """Read, repair, find persons and facts: the whole chain for one source."""
    from kartoteka.repair import repair
    from kartoteka.resolve import find_persons
    from kartoteka.structure import read_report

    report = read_report(source)
    repaired = repair(source)
    persons = find_persons(report, repaired)
    return find_facts(report, repaired, persons)
