"""Records of the repair layer: one `Correction` per proposed change, and the `Repaired` reading."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from kartoteka.repair.offsets import OffsetMap

#: The kinds of correction the layer proposes.
KINDS = ("name", "word", "split", "merge", "hyphen", "other")


@dataclass(frozen=True, order=True)
class Correction:
    """Replace `text[start:end]` (== `original`) of the source by `replacement`.

    `reason` says in words what evidence decided it; `confidence` is in [0, 1].
    """

    start: int
    end: int
    original: str
    replacement: str
    kind: str
    reason: str
    confidence: float

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "kind": self.kind,
            "reason": self.reason,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class Repaired:
    """A repaired reading over an immutable source text.

    `corrections` are the applied ones (sorted, non-overlapping); `proposed` are all that were
    found, including those below the confidence threshold. Offsets in corrections are source offsets.
    """

    source_text: str
    text: str
    corrections: tuple[Correction, ...]
    proposed: tuple[Correction, ...] = field(default_factory=tuple)
    min_confidence: float = 0.0
    offsets: OffsetMap = field(default=None, repr=False)  # type: ignore[assignment]

    @classmethod
    def build(
        cls,
        source_text: str,
        corrections: list[Correction],
        proposed: list[Correction] | None = None,
        min_confidence: float = 0.0,
    ) -> Repaired:
        applied = sorted(corrections)
        for a, b in itertools.pairwise(applied):
            if b.start < a.end:
                raise ValueError(f"overlapping corrections at {a.start}-{a.end} and {b.start}-{b.end}")
        omap = OffsetMap.from_edits(len(source_text), [(c.start, c.end, c.replacement) for c in applied])
        parts: list[str] = []
        pos = 0
        for c in applied:
            parts.append(source_text[pos : c.start])
            parts.append(c.replacement)
            pos = c.end
        parts.append(source_text[pos:])
        return cls(
            source_text=source_text,
            text="".join(parts),
            corrections=tuple(applied),
            proposed=tuple(proposed if proposed is not None else applied),
            min_confidence=min_confidence,
            offsets=omap,
        )

    def to_source(self, i: int) -> int:
        """Source offset of repaired offset `i` (inside a correction: the correction's source start)."""
        return self.offsets.to_source(i)

    def from_source(self, i: int) -> int:
        """Repaired offset of source offset `i` (inside a correction: the replacement's start)."""
        return self.offsets.from_source(i)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span of a repaired span; a span starting or ending inside a correction covers all of it."""
        return self.offsets.span_to_source(start, end)

    def span_from_source(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_from_source(start, end)

    def corrections_in(self, start: int, end: int) -> list[Correction]:
        """Applied corrections touching the source span [start, end)."""
        return [c for c in self.corrections if c.start < end and c.end > start]
