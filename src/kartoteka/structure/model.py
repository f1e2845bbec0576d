"""Plain records of a report's structure. Every span is `[start, end)` into `Source.text`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kartoteka.ingest import Source

BLOCK_KINDS = (
    "header", "contents", "heading", "indicator", "paragraph",
    "list_item", "footnote", "copyright", "colophon", "other",
)


@dataclass
class Header:
    """The report's identity, read from its front (cover, contents line, running heads)."""

    series: str | None = None
    number: str | None = None
    date: str | None = None  # ISO 8601
    region: str | None = None
    subject: str | None = None
    title: str | None = None
    author: str | None = None


@dataclass
class Issue:
    """One issue of a periodical named in a source line (`No 1, Jan 89` or `16 Jul 91`)."""

    number: int | None
    month: str | None
    year: int | None
    day: int | None = None


@dataclass
class SourceLine:
    """`28400112a Kazan VOLGA in Russian No 5, May 89; No 6, Jun 89`."""

    code: str
    place: str | None
    publication: str
    language: str | None
    issues: list[Issue]
    start: int
    end: int


@dataclass
class ContentsSource:
    """The bracketed source of a contents entry: `[A. Lukyanov; SOYUZ No 23, Jun 91]`."""

    author: str | None
    publication: str | None
    issue: int | None
    date: str | None  # "1991-06" or "1991-07-16"


@dataclass
class ContentsEntry:
    title: str
    section: str | None
    source: ContentsSource | None
    page: str | None
    page_number: int | None
    division: int | None
    start: int
    end: int


@dataclass
class Article:
    title: str | None
    source_line: SourceLine | None
    start: int
    end: int
    division: int | None = None


@dataclass
class Instalment:
    """A magazine instalment: `[ZNAMYA No 2, Feb 89, pp 174-222]`, spanning to the next one."""

    publication: str
    number: int | None
    month: str | None
    year: int | None
    pages: list[int] | None
    start: int
    end: int
    marker_start: int
    marker_end: int


@dataclass
class Division:
    kind: str  # part | chapter | section
    number: str | None
    ordinal: int
    title: str | None
    level: int
    start: int
    end: int
    parent: int | None
    heading_start: int = -1
    heading_end: int = -1


@dataclass
class Block:
    kind: str
    start: int
    end: int
    division: int | None = None
    continues: int | None = None
    role: str | None = None  # finer kind: source_line, instalment, byline, section_number, page_header...


@dataclass
class Marker:
    start: int
    end: int


@dataclass
class Footnote:
    block_index: int
    number: int | None
    ordinal: int
    text: str
    start: int
    end: int
    marker: Marker | None = None


@dataclass
class Gloss:
    kind: str  # expansion | translation | spelling | note
    term: str | None
    gloss: str
    term_start: int | None
    term_end: int | None
    start: int
    end: int


@dataclass
class Report:
    source: Source
    header: Header
    contents: list[ContentsEntry] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    instalments: list[Instalment] = field(default_factory=list)
    divisions: list[Division] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    glosses: list[Gloss] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.source.text

    def block_text(self, index: int) -> str:
        block = self.blocks[index]
        return self.source.text[block.start : block.end]

    def to_json(self) -> dict:
        header = asdict(self.header)
        return {
            "source": self.source.to_json(),
            "report": header,
            "contents": [asdict(e) for e in self.contents],
            "articles": [asdict(a) for a in self.articles],
            "instalments": [asdict(i) for i in self.instalments],
            "divisions": [asdict(d) for d in self.divisions],
            "blocks": [asdict(b) for b in self.blocks],
            "footnotes": [asdict(f) for f in self.footnotes],
            "glosses": [asdict(g) for g in self.glosses],
        }
