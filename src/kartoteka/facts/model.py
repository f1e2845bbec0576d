"""Facts as factoids (Bradley and Short): a claim a source makes at a place in its text."""

from __future__ import annotations

from dataclasses import dataclass, field

FACT_TYPES = (
    "arrested", "shot", "died", "killed", "suicide", "exiled", "imprisoned", "released",
    "rehabilitated", "expelled", "removed", "appointed", "elected", "sentenced", "tried", "born",
)
MODALITIES = ("asserted", "reported", "denied", "hypothetical")


@dataclass(frozen=True)
class PersonRef:
    """A person mention as the fact layer sees it: source span, person id and surname."""

    start: int
    end: int
    person_id: str
    surname: str


@dataclass
class Fact:
    id: str
    person_id: str
    # the surname as the mention spells it, when only another spelling of the person's; else the person's
    person: str
    person_mention: tuple[int, int]
    type: str
    year: int | None
    date: str | None
    place: str | None
    agent: str | None
    according_to: str | None
    start: int
    end: int
    evidence: str
    confidence: float
    modality: str
    trigger: tuple[int, int] = (0, 0)
    where: dict = field(default_factory=dict)
    evidence_repaired: str | None = None  # the repaired reading of the evidence, where it differs
    # the source span of the date or dated event that fixed `year` ({"start", "end", "text"}, "event"
    # for a dated event, "shift" for `two years later`); None when the year is None
    year_source: dict | None = None

    def to_json(self) -> dict:
        extra = {"evidence_repaired": self.evidence_repaired} if self.evidence_repaired is not None else {}
        return {
            "id": self.id,
            "person_id": self.person_id,
            "person": self.person,
            "person_mention": {"start": self.person_mention[0], "end": self.person_mention[1]},
            "type": self.type,
            "year": self.year,
            "year_source": self.year_source,
            "date": self.date,
            "place": self.place,
            "agent": self.agent,
            "according_to": self.according_to,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
            "modality": self.modality,
            "trigger": {"start": self.trigger[0], "end": self.trigger[1]},
            "where": self.where,
            **extra,
        }


@dataclass
class Aggregate:
    """A claim about a group and a number: `the names of 44,000 people`."""

    id: str
    type: str
    group: str
    count: dict
    year: int | None
    start: int
    end: int
    evidence: str
    modality: str
    confidence: float
    where: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "id": self.id, "type": self.type, "group": self.group, "count": self.count, "year": self.year,
            "start": self.start, "end": self.end, "evidence": self.evidence, "modality": self.modality,
            "confidence": round(self.confidence, 3), "where": self.where,
        }


@dataclass
class FactsResult:
    facts: list[Fact] = field(default_factory=list)
    aggregates: list[Aggregate] = field(default_factory=list)
