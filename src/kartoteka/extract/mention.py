"""Mention: one typed span of the immutable source text.

A mention never copies meaning into the text; it points at `[start, end)` offsets and
carries a normalised `value` beside the characters exactly as printed, so that
`source_text[m.start:m.end] == m.text` always holds.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

KINDS: tuple[str, ...] = ("PERSON", "ORG", "PLACE", "DATE", "QUANTITY", "WORK")


@dataclass
class Mention:
    kind: str
    start: int
    end: int
    text: str
    value: dict[str, Any] | str | None
    confidence: float = 1.0

    def __post_init__(self) -> None:
        # Fail at construction rather than letting a bad record into the store.
        if self.kind not in KINDS:
            raise ValueError(f"unknown mention kind {self.kind!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")
        if len(self.text) != self.end - self.start:
            raise ValueError("mention text length does not match its span")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(**data)

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end
