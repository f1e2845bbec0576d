"""Decisions: what a historian decided about the machine's records, by whom, when and why.

A decision's `target` names what it applies to twice: by stable id (`id`: a fact, person or correction id) and by
source span (`start`, `end` and `text`, the source characters there). After re-derivation the id is tried first,
then the span: the source text is immutable, so a span whose text still matches is the same place.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kartoteka.errors import InputError

#: Every decision kind, with what its payload holds.
KINDS: dict[str, str] = {
    "fact.confirm": "{}",
    "fact.reject": "{}",
    "fact.edit": '{"type"?, "year"?, "modality"?, "person"?: person target}',
    "fact.add": '{"type", "year"?, "modality"?, "person"?: person target}  (target: the evidence span)',
    "person.merge": '{"other": person target}  (the other person joins the target person)',
    "person.split": '{"mentions": [{"start", "end", "text"}], "name"}  (those mentions become a new person)',
    "person.rename": '{"name"}',
    "person.alias": '{"alias"}',
    "correction.accept": "{}",
    "correction.reject": "{}",
    "correction.add": '{"replacement"}  (target: the span to correct)',
    "note": '{"text"}  (target: any span)',
    "revoke": "{}  (withdraws the decision named in supersedes)",
}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_id() -> str:
    return "d-" + uuid.uuid4().hex[:16]


def derived_id(prefix: str, decision_id: str) -> str:
    """Stable id of a record a decision creates (an added fact, a person split off): from the decision id."""
    return f"{prefix}-{hashlib.sha1(decision_id.encode()).hexdigest()[:12]}"


@dataclass
class Decision:
    report: str  # sha256 of the report's bytes
    kind: str
    target: dict[str, Any]
    payload: dict[str, Any]
    author: str
    reason: str
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now)
    supersedes: str | None = None
    seq: int = 0

    def validate(self) -> Decision:
        if self.kind not in KINDS:
            raise InputError(f"unknown decision kind {self.kind!r} (one of {', '.join(KINDS)})")
        if not (self.author or "").strip():
            raise InputError("a decision needs an author (--user or $KARTOTEKA_USER)")
        if not (self.reason or "").strip():
            raise InputError("a decision needs a reason (--reason)")
        if not self.report:
            raise InputError("a decision needs the report it applies to")
        if self.kind == "revoke" and not self.supersedes:
            raise InputError("revoke needs the decision it withdraws")
        if self.kind != "revoke" and self.kind != "note" and not self.target:
            raise InputError(f"{self.kind} needs a target")
        return self

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "seq": self.seq,
            "report": self.report,
            "kind": self.kind,
            "target": self.target,
            "payload": self.payload,
            "author": self.author,
            "reason": self.reason,
            "created_at": self.created_at,
            "supersedes": self.supersedes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Decision:
        try:
            return cls(
                id=str(data["id"]),
                report=str(data["report"]),
                kind=str(data["kind"]),
                target=dict(data.get("target") or {}),
                payload=dict(data.get("payload") or {}),
                author=str(data["author"]),
                reason=str(data["reason"]),
                created_at=str(data["created_at"]),
                supersedes=data.get("supersedes"),
                seq=int(data.get("seq") or 0),
            ).validate()
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"not a decision record: {error}") from None

    def brief(self) -> dict[str, Any]:
        """What a curated record carries about each decision applied to it."""
        return {"id": self.id, "kind": self.kind, "author": self.author, "reason": self.reason,
                "created_at": self.created_at}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
