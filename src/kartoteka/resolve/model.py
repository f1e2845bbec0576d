"""Records of the person resolver: one `PersonMention` per name in the text, one `Person` per real person.

Offsets are SOURCE offsets (`source_text[start:end] == text`); `repaired` is the same span in the
repaired reading when OCR repair changed it (else equal to `text`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: How a mention names its person.
MENTION_KINDS = ("name", "initials", "alias", "possessive")


@dataclass
class PersonMention:
    start: int
    end: int
    text: str
    repaired: str
    surname: str | None
    initials: tuple[str, ...] = ()
    given: str | None = None
    kind: str = "name"
    confidence: float = 1.0
    patronymic: str | None = None
    title: str | None = None

    def to_json(self) -> dict:
        out = {"start": self.start, "end": self.end, "text": self.text}
        if self.repaired != self.text:
            out["repaired"] = self.repaired
        out["kind"] = self.kind
        out["confidence"] = round(self.confidence, 3)
        return out


@dataclass
class Person:
    id: str
    name: str
    surname: str | None
    forms: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    confidence: float = 1.0

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "surname": self.surname,
            "forms": list(self.forms),
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "mentions": [m.to_json() for m in self.mentions],
            "keys": dict(self.keys),
            "confidence": round(self.confidence, 3),
        }
