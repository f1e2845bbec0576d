"""Read a report's footnotes as references: author, work, volume, pages, and what `Ibid.`/`op. cit.` repeat.

The footnotes come from the structure reader (`Report.footnotes`); this module only reads their text.
A work printed as an abbreviation (`PSS`) is expanded through the report's own translation gloss
(`PSS [Complete Collected Works]`, also when a later note prints the bare `PSS`) and a small table of
standard Soviet abbreviations, so `PSS` and `"Polnoye sobraniye sochineniy" [Complete Works]` name the
same work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kartoteka.citations.model import Citation, WorkMention
from kartoteka.structure.model import Report

#: Standard abbreviations of Soviet editions, as transliterated titles.
ABBREVIATIONS = {
    "PSS": "Polnoye sobraniye sochineniy",
    "SS": "Sobraniye sochineniy",
    "Soch.": "Sochineniya",
    "Soch": "Sochineniya",
    "Izbr. proizv.": "Izbrannyye proizvedeniya",
    "BSE": "Bolshaya sovetskaya entsiklopediya",
    "SIE": "Sovetskaya istoricheskaya entsiklopediya",
    "KPSS v rez.": "KPSS v rezolyutsiyakh i resheniyakh syezdov, konferentsiy i plenumov TsK",
}

#: Translators' English glosses of those titles, back to the transliterated title.
GLOSSED_TITLES = {
    "complete collected works": "Polnoye sobraniye sochineniy",
    "complete works": "Polnoye sobraniye sochineniy",
    "full collected works": "Polnoye sobraniye sochineniy",
    "collected works": "Sobraniye sochineniy",
    "works": "Sochineniya",
    "selected works": "Izbrannyye proizvedeniya",
    "great soviet encyclopedia": "Bolshaya sovetskaya entsiklopediya",
}

_INITIAL = r"(?:(?:[A-Z][a-z]?|Ye|Yu|Ya|Zh|Kh|Ts|Ch|Sh)\.\s?)"
_NAME = rf"{_INITIAL}{{1,3}}\s?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_AUTHORS = re.compile(rf"(?P<authors>{_NAME}(?:\s+and\s+{_NAME})*),\s*")
_SEE = re.compile(r"(?:See(?:\s+also)?|Cf\.|Quoted\s+(?:in|from))\s+", re.I)
_IBID = re.compile(r"ibid(?:em)?\b\.?,?\s*", re.I)
_OP_CIT = re.compile(r"op\.\s*cit\b\.?,?\s*", re.I)
_QUOTED = re.compile(r"[\"“«](?P<title>[^\"”»\n]{2,200})[\"”»]\s*(?:\[(?P<tr>[^\]\n]{1,150})\])?")
_ABBR = re.compile(
    r"(?P<title>(?:[A-Z][A-Za-z]*\.?\s?){0,2}[A-Z]{2,}[a-z]?\.?)\s*(?:\[(?P<tr>[^\]\n]{1,150})\])?(?=[,;\s]|$)"
)
_TESTIMONY = re.compile(
    rf"(?:From\s+)?(?:the\s+)?(?:written\s+|oral\s+)?(?:testimony|account|recollections?|memoirs?)\s+(?:of|by)\s+"
    rf"(?P<name>{_NAME})",
    re.I,
)
_VOLUME = re.compile(r"\bVol(?:ume)?s?\.?\s*(?P<v>[0-9IVXLC]+[a-z]?(?:\s*[-–]\s*[0-9IVXLC]+)?)\b")
_PAGES = re.compile(r"\bpp?\.?\s*(?P<p>\d+(?:\s*[-–]\s*\d+)?)\b")
_PLACE_YEAR = re.compile(r",\s*(?P<place>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?),\s*(?P<year>1[5-9]\d\d|20\d\d)\b")
_YEAR = re.compile(r",\s*(?P<year>1[5-9]\d\d|20\d\d)\b")
# Where the reference ends and commentary starts: "p 283. (In the republishing...)" or "p 162. He wrote..."
_REF_END = re.compile(r"\.\s+(?=[(A-Z])|\s\(")


def normalise_author(author: str) -> str:
    """`V.I. Lenin` -> `V. I. Lenin`: one space after each initial, single spaces."""
    author = re.sub(r"\.(?=[A-Z])", ". ", author)
    return " ".join(author.split())


def split_authors(author: str) -> list[dict]:
    """`K. Marx and F. Engels` -> [{"given": "K.", "family": "Marx"}, {"given": "F.", "family": "Engels"}]."""
    out = []
    for one in re.split(r"\s+and\s+", author):
        words = one.split()
        out.append({"given": " ".join(words[:-1]) or None, "family": words[-1]})
    return out


def author_key(author: str | None) -> tuple[str, ...]:
    """Family names, lower case: the key `op. cit.` matches on (`V.I. Lenin` == `V. I. Lenin` == `Lenin`)."""
    if not author:
        return ()
    return tuple(a["family"].lower() for a in split_authors(normalise_author(author)))


def work_key(title: str | None) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", title or "").lower().split())


def expand_title(title: str, translation: str | None, glosses: dict[str, str]) -> tuple[str, str | None]:
    """(normalised work, translation) of a printed title: abbreviations expanded, quotes dropped."""
    bare = title.strip().strip("\"“”«»").strip()
    translation = translation or glosses.get(bare) or glosses.get(bare.rstrip("."))
    if bare in ABBREVIATIONS or bare.rstrip(".") in ABBREVIATIONS:
        return ABBREVIATIONS.get(bare) or ABBREVIATIONS[bare.rstrip(".")], translation
    if translation and _looks_abbreviated(bare):
        expanded = GLOSSED_TITLES.get(translation.strip().lower())
        if expanded:
            return expanded, translation
    return bare, translation


def _looks_abbreviated(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return bool(letters) and len(letters) <= 8 and sum(c.isupper() for c in letters) >= max(2, len(letters) // 2)


def _title_glosses(report: Report) -> dict[str, str]:
    """Printed title or abbreviation -> the translators' gloss, from the report's own glosses."""
    out: dict[str, str] = {}
    for g in report.glosses:
        if g.term and g.kind in ("translation", "expansion"):
            out.setdefault(g.term.strip().strip("\"“”«»").strip(), g.gloss)
    return out


def _reference_tail(text: str, pos: int) -> str:
    """The reference part of `text` from `pos` on (up to where commentary begins)."""
    m = _REF_END.search(text, pos)
    return text[pos : m.start()] if m else text[pos:]


def _volume_pages(tail: str) -> tuple[str | None, str | None]:
    v = _VOLUME.search(tail)
    p = _PAGES.search(tail, v.end() if v else 0)
    volume = v.group("v") if v else None
    pages = re.sub(r"\s*[-–]\s*", "-", p.group("p")) if p else None
    return volume, pages


def parse_footnote(text: str, start: int, glosses: dict[str, str] | None = None) -> dict:
    """Read one footnote's text (at source offset `start`) into citation fields (no antecedents resolved)."""
    glosses = glosses or {}
    out: dict = {"kind": "note", "author": None, "work": None, "title": None, "translation": None,
                 "volume": None, "pages": None, "place": None, "year": None, "work_span": None}
    pos = 0
    see = _SEE.match(text)
    if see:
        pos = see.end()
    if _IBID.match(text, pos):
        out["kind"] = "ibid"
        out["volume"], out["pages"] = _volume_pages(_reference_tail(text, _IBID.match(text, pos).end()))
        return out
    t = _TESTIMONY.match(text, pos)
    if t:
        out.update(kind="testimony", author=normalise_author(t.group("name")))
        return out
    a = _AUTHORS.match(text, pos)
    if not a:
        return out
    author = normalise_author(a.group("authors"))
    pos = a.end()
    for kind, pattern in (("ibid", _IBID), ("op_cit", _OP_CIT)):
        m = pattern.match(text, pos)
        if m:
            out.update(kind=kind, author=author)
            out["volume"], out["pages"] = _volume_pages(_reference_tail(text, m.end()))
            return out
    m = _QUOTED.match(text, pos) or _ABBR.match(text, pos)
    if not m:
        return out
    title = m.group("title").strip()
    work, translation = expand_title(title, m.group("tr"), glosses)
    tail = _reference_tail(text, m.end())
    out.update(kind="full", author=author, title=title, work=work, translation=translation)
    out["work_span"] = {"start": start + m.start("title"), "end": start + m.start("title") + len(m.group("title"))}
    out["volume"], out["pages"] = _volume_pages(tail)
    py = _PLACE_YEAR.search(tail) or _YEAR.search(tail)
    if py:
        out["place"] = py.groupdict().get("place")
        out["year"] = py.group("year")
    return out


_INHERITED = ("author", "work", "title", "translation", "place", "year")


def find_citations(report: Report) -> list[Citation]:
    """One citation per footnote, in footnote order, with every `Ibid.` and `op. cit.` resolved."""
    glosses = _title_glosses(report)
    out: list[Citation] = []
    last_by_author: dict[tuple[str, ...], int] = {}
    previous: int | None = None  # the last citation that names a work
    for f in report.footnotes:
        fields = parse_footnote(f.text, f.start, glosses)
        kind = fields["kind"]
        c = Citation(
            footnote=f.ordinal, number=f.number,
            marker={"start": f.marker.start, "end": f.marker.end} if f.marker else None,
            kind=kind, author=fields["author"], work=fields["work"], volume=fields["volume"],
            pages=fields["pages"], ibid_of=None, start=f.start, end=f.end, text=f.text,
            title=fields["title"], translation=fields["translation"], place=fields["place"], year=fields["year"],
            work_span=fields["work_span"],
        )
        antecedent: int | None = None
        if kind == "ibid":
            antecedent = previous
            key = author_key(c.author)
            if key and (antecedent is None or author_key(out[antecedent].author) != key):
                antecedent = last_by_author.get(key, antecedent)
        elif kind == "op_cit":
            antecedent = last_by_author.get(author_key(c.author))
        if antecedent is not None:
            _inherit(c, out[antecedent], antecedent)
        elif kind in ("ibid", "op_cit"):
            c.kind = "note"  # a repeat with nothing before it to repeat: keep the text, claim nothing
        if c.author and kind != "testimony":
            c.authors = split_authors(c.author)
        if c.kind == "full":
            last_by_author[author_key(c.author)] = len(out)
        if c.work:
            previous = len(out)
        out.append(c)
    return out


def _inherit(c: Citation, ante: Citation, index: int) -> None:
    c.ibid_of = index
    for name in _INHERITED:
        if getattr(c, name) is None and getattr(ante, name) is not None:
            setattr(c, name, getattr(ante, name))
            if name != "author" or c.kind != "op_cit":
                c.inherited.append(name)
    if c.kind == "ibid":
        if c.volume is None and ante.volume is not None:
            c.volume = ante.volume
            c.inherited.append("volume")
        if c.volume == ante.volume and c.pages is None and ante.pages is not None:
            c.pages = ante.pages
            c.inherited.append("pages")
    c.author = c.author or ante.author


def link_works(report: Report, citations: list[Citation], entities: Iterable[dict] | None = None) -> list[WorkMention]:
    """Works named in the text (WORK mentions), each linked to the citation that cites it where one exists.

    A mention inside a footnote belongs to that footnote's citation; elsewhere a mention links to the
    full citation of the same work (by title or its expansion), the one whose marker follows it most closely.
    """
    text = report.text
    glosses = _title_glosses(report)
    entities = list(_quoted_titles(report) if entities is None else entities)
    taken = [(int(e["start"]), int(e["end"])) for e in entities if e.get("kind", "WORK") == "WORK"]
    entities += [e for e in _named_books(text) if not any(s < e["end"] and e["start"] < t for s, t in taken)]
    entities.sort(key=lambda e: (int(e["start"]), int(e["end"])))
    by_work: dict[str, list[int]] = {}
    for i, c in enumerate(citations):
        if c.kind == "full":
            for key in {work_key(c.work), work_key(c.title)} - {""}:
                by_work.setdefault(key, []).append(i)
    spans = [(c.start, c.end, i) for i, c in enumerate(citations)]
    out: list[WorkMention] = []
    for e in entities:
        if e.get("kind", "WORK") != "WORK":
            continue
        start, end = int(e["start"]), int(e["end"])
        value = e.get("value") or {}
        if isinstance(value, str):
            value = {"title": value}
        title = (value.get("title") or text[start:end]).strip().strip("\"“”«»'").strip()
        translation = value.get("translation")
        linked = next((i for s, t, i in spans if s <= start and end <= t), None)
        if linked is None:
            work, _ = expand_title(title, translation, glosses)
            candidates = by_work.get(work_key(title), []) or by_work.get(work_key(work), [])
            if candidates:
                after = [i for i in candidates if citations[i].marker and citations[i].marker["start"] >= end]
                linked = min(after, key=lambda i: citations[i].marker["start"]) if after else candidates[0]
        out.append(WorkMention(start=start, end=end, text=text[start:end], title=title, citation=linked,
                               translation=translation))
    return out


_BOOK_TITLE = re.compile(
    r"\b(?:book|novel|article|pamphlet|story|essay|play|poem|memoirs|brochure|work)\s+"
    r"(?:by\s+(?:[A-Z][\w.\-]*\s+){1,4})?(?:entitled\s+|called\s+)?[\"“](?P<title>[^\"”\n]{3,150}?)[.,]?[\"”]"
)


def _named_books(text: str) -> list[dict]:
    """Quoted titles the text calls a book, article, novel...: `the book by John Reed "Ten Days..."`."""
    return [{"kind": "WORK", "start": m.start("title") - 1, "end": m.end(),
             "value": {"title": m.group("title").strip()}} for m in _BOOK_TITLE.finditer(text)]


def _quoted_titles(report: Report) -> list[dict]:
    """WORK mentions when no entity layer ran: quoted titles the translators glossed (`"Polzhizni" [Half a Life]`)."""
    out = []
    for g in report.glosses:
        if g.kind == "translation" and g.term and g.term[:1] in "\"“«" and g.term_start is not None:
            out.append({"kind": "WORK", "start": g.term_start, "end": g.term_end,
                        "value": {"title": g.term.strip("\"“”«»"), "translation": g.gloss}})
    return out
