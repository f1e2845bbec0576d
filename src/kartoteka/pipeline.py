"""The per-report pipeline: one `Source` in, one plain `Analysis` out.

`analyze` is the function a corpus run maps over files (locally or on Dask workers). It sees one
report and nothing else; linking across reports is a store-level step (`kartoteka.store`).

Version rule: bump `PIPELINE_VERSION` whenever any stage's output for the same input may change
(structure, repair, persons, entities, facts). The effective version also records which optional
layers were importable (`1+pef`), so a store written before a layer existed is re-derived once the
layer lands. A store re-derives a report when the running pipeline is newer (`version_key`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kartoteka.ingest import Source
from kartoteka.repair import Repaired, repair
from kartoteka.structure import Report, read_report

#: Bump when any stage's output for the same input may change.
PIPELINE_VERSION = "13"


@dataclass
class Analysis:
    """Everything derived from one report. Plain data: picklable, so Dask can ship it."""

    source: Source
    report: Report
    repaired: Repaired
    persons: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    aggregates: list[dict] = field(default_factory=list)  # claims about groups and numbers
    version: str = PIPELINE_VERSION


def _plain(record: Any) -> dict:
    """A record's JSON form as a dict (`to_json` may return a dict or a JSON string)."""
    if isinstance(record, dict):
        return record
    to_json = getattr(record, "to_json", None)
    data = to_json() if to_json else record.to_dict()
    return json.loads(data) if isinstance(data, str) else dict(data)


def _layers() -> tuple[Any, Any, Any]:
    # resolve / extract.entities / facts are being written by colleagues; use them when importable.
    try:
        from kartoteka.resolve import find_persons
    except ImportError:
        find_persons = None
    try:
        from kartoteka.extract.entities import find_entities
    except ImportError:
        find_entities = None
    try:
        from kartoteka.facts import find_facts
    except ImportError:
        find_facts = None
    return find_persons, find_entities, find_facts


def current_version() -> str:
    find_persons, find_entities, find_facts = _layers()
    tags = "".join(t for t, f in (("p", find_persons), ("e", find_entities), ("f", find_facts)) if f)
    return f"{PIPELINE_VERSION}+{tags}" if tags else PIPELINE_VERSION


def version_key(version: str | None) -> tuple[int, int]:
    """Order pipeline versions: the base number first, then how many optional layers ran."""
    if not version:
        return (0, 0)
    base, _, tags = version.partition("+")
    try:
        return (int(base), len(tags))
    except ValueError:
        return (0, len(tags))


def analyze(source: Source) -> Analysis:
    """Run every per-report stage over one source."""
    report = read_report(source)
    repaired = repair(source)
    find_persons, find_entities, find_facts = _layers()
    persons_raw = find_persons(report, repaired) if find_persons else []
    entities = [_plain(m) for m in find_entities(report, repaired, persons_raw)] if find_entities else []
    facts_out = find_facts(report, repaired, persons_raw) if find_facts else []
    facts = [_plain(f) for f in getattr(facts_out, "facts", facts_out)]  # a FactsResult or a plain list
    return Analysis(
        source=source,
        report=report,
        repaired=repaired,
        persons=[_plain(p) for p in persons_raw],
        entities=entities,
        facts=facts,
        aggregates=[_plain(a) for a in getattr(facts_out, "aggregates", [])],
        version=current_version(),
    )
