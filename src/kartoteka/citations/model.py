"""Records of the citation layer: one `Citation` per footnote, one `WorkMention` per work named in the text.

Offsets are `[start, end)` into the source text, like every other layer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: What a footnote is: a full reference, a repeat (`Ibid.`, `op. cit.`), a testimony, or commentary only.
KINDS = ("full", "ibid", "op_cit", "testimony", "note")


@dataclass
class Citation:
    """One footnote read as a reference.

    `author`/`work` are null for commentary. For `ibid`/`op_cit`, `ibid_of` is the index (in the
    report's citation list) of the citation it repeats, and `author`, `work`, `translation` (and
    `volume`/`pages` where the repeat gives none) are taken from it; `inherited` names those fields.
    """

    footnote: int  # the footnote's global ordinal
    number: int | None
    marker: dict | None
    kind: str
    author: str | None
    work: str | None  # normalised title: a quoted title without quotes, an abbreviation expanded
    volume: str | None
    pages: str | None
    ibid_of: int | None
    start: int  # the footnote text
    end: int
    text: str
    title: str | None = None  # the title as printed ("PSS", "Sochineniya")
    translation: str | None = None  # the translators' gloss of the title ("Complete Collected Works")
    place: str | None = None
    year: str | None = None
    authors: list[dict] = field(default_factory=list)  # [{"given": "V. I.", "family": "Lenin"}]
    inherited: list[str] = field(default_factory=list)
    work_span: dict | None = None  # {"start", "end"} of the title as printed, when the note prints one

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class WorkMention:
    """A work named in the text (a WORK mention), linked to the citation that cites it where one exists."""

    start: int
    end: int
    text: str
    title: str
    citation: int | None
    translation: str | None = None

    def to_json(self) -> dict:
        return asdict(self)
