"""The contents list: entries (title, source, page) grouped under section headings.

Two shapes occur: one line per entry (`Title<TAB>page`, our corpus, with titles cut at the
left margin), and the collection shape, a title on one or two lines followed by its source in
brackets and a page after leader dots: `Title` / `[A. Lukyanov; SOYUZ No 23, Jun 91] . 1`.
"""

from __future__ import annotations

import re

from kartoteka.structure.lines import Line
from kartoteka.structure.model import ContentsEntry, ContentsSource
from kartoteka.structure.patterns import DATE_LINE, MONTHS, REPORT_NUMBER, SOURCE_LINE

_PAGE_STRONG = re.compile(r"(?:\t+|\s*(?:\.\s*){2,}|\s{2,}|(?<=\])\s*\.?\s*)(?P<page>\d{1,4}|[ilI|])$")
_PAGE_WEAK = re.compile(r"(?<=[A-Za-z)\]])\s(?P<page>\d{1,3})$")
# The source bracket closing a title; OCR reads `[` as `/`, `]` or `|`.
_SOURCE_TAIL = re.compile(r"(?:^|\s)[\[/\]|(](?P<body>[^\[\]\n]{3,160})\]$")
_CONNECTOR_END = re.compile(r"(?:,|:|;|—|-|\b(?:of|as|and|the|for|on|in|to|a|an|with|by|at|from|or|vs))$", re.I)
_WS = re.compile(r"\s+")
_PUBLICATION_DATE = re.compile(
    r"(?:(?P<day>\d{1,2})(?:-\d{1,2})?\s+)?(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<year>\d{2,4})$"
)
_OCR_PAGE = str.maketrans({"i": "1", "l": "1", "I": "1", "|": "1", "O": "0", "o": "0"})


def _clean(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _is_section_heading(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.9 and "[" not in s


def _year(two_or_four: str) -> int | None:
    if not two_or_four.isdecimal():
        return None
    y = int(two_or_four)
    if len(two_or_four) == 2:
        return 1900 + y if y >= 40 else 2000 + y
    return y


# Words of Soviet publication names, to rejoin OCR-split ones (`PRA VDA` -> `PRAVDA`).
PUBLICATION_WORDS = frozenset(
    "PRAVDA IZVESTIYA KOMMUNIST ZNAMYA TRUD SOYUZ OGONEK NEDELYA ROSSIYA SOVETSKAYA KOMSOMOLSKAYA "
    "LITERATURNAYA GAZETA KRASNAYA ZVEZDA MOSKOVSKIYE NOVOSTI ARGUMENTY FAKTY SELSKAYA ZHIZN "
    "RABOCHAYA TRIBUNA EKONOMICHESKAYA PARTIYNAYA UKRAINY LATVIYA LITVA ESTONIYA BELORUSSIYA MOLDOVA "
    "VECHERNYAYA MOSKVA LENINGRADSKAYA DIALOG VOPROSY ISTORII KPSS TASS SOBESEDNIK NOVYY MIR ZARYA "
    "VOSTOKA SOTSIALISTICHESKAYA INDUSTRIYA RESPUBLIKA NEZAVISIMAYA KURANTY MEGAPOLIS STOLITSA "
    "RODINA NARODNYY DEPUTAT SOVETY NARODNYKH DEPUTATOV KAZAKHSTANSKAYA TURKMENSKAYA ISKRA KOMMUNIST "
    "VOORUZHENNYKH SIL VOYENNO ISTORICHESKIY ZHURNAL MOLODAYA GVARDIYA OKTYABR YUNOST NEVA ZVEZDA "
    "DRUZHBA NARODOV NASH SOVREMENNIK POLITICHESKOYE OBRAZOVANIYE".split()
)


def rejoin_publication(name: str) -> str:
    """Join pieces of an all-caps name that OCR split, when the joined word is a known one."""
    words = name.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and words[i] not in PUBLICATION_WORDS and (
            words[i] + words[i + 1]
        ) in PUBLICATION_WORDS:
            out.append(words[i] + words[i + 1])
            i += 2
            continue
        out.append(words[i])
        i += 1
    return " ".join(out)


def parse_source(body: str) -> ContentsSource:
    """`A. Lukyanov; SOYUZ No 23, Jun 91` -> author, publication, issue, date."""
    parts = [p.strip() for p in body.split(";")]
    author = parts[0] if len(parts) > 1 else None
    pub_part = parts[-1]
    date = None
    m = _PUBLICATION_DATE.search(pub_part)
    if m and m.group("month")[:3].lower() in MONTHS and _year(m.group("year")):
        month = MONTHS[m.group("month")[:3].lower()]
        year = _year(m.group("year"))
        date = f"{year:04d}-{month:02d}" + (f"-{int(m.group('day')):02d}" if m.group("day") else "")
        pub_part = pub_part[: m.start()].rstrip(" ,")
    issue = None
    m = re.search(r"\s*No\.?\s*(\d{1,4})$", pub_part)
    if m:
        issue = int(m.group(1))
        pub_part = pub_part[: m.start()]
    publication = rejoin_publication(_clean(pub_part.strip(" ,"))) or None
    return ContentsSource(author=author, publication=publication, issue=issue, date=date)


def is_skippable(s: str) -> bool:
    """Lines of a contents page that are not entries: headings, numbers, dates, source lines."""
    squeezed = _WS.sub("", s).lower()
    if squeezed in {"contents", "tableofcontents"}:
        return True
    if REPORT_NUMBER.search(s) and len(s) < 40:
        return True
    if DATE_LINE.match(s) or SOURCE_LINE.match(s):
        return True
    # an editorial note in brackets with no page after it
    return s.startswith("[") and s.endswith("]")


def _has_source(s: str) -> bool:
    body = _PAGE_STRONG.sub("", s).rstrip()
    return _SOURCE_TAIL.search(body) is not None


def looks_like_contents(text: str, lines: list[Line]) -> bool:
    """Most lines end with a page number or a bracketed source: a contents page, not prose.

    Only a line's tail is read: both marks stand at its end, and a 10 MB line must stay cheap."""
    hits = 0
    for ln in lines:
        tail = text[max(ln.start, ln.end - 300) : ln.end]
        if _PAGE_STRONG.search(tail) or _has_source(tail):
            hits += 1
    return hits >= max(1, len(lines) // 2)


def parse_contents(text: str, lines: list[Line]) -> list[ContentsEntry]:
    entries: list[ContentsEntry] = []
    section: str | None = None
    section_end = -1  # where the current section heading's last line ends (to join wrapped headings)
    pending: list[Line] = []
    # In the collection shape every entry ends with its bracketed source: a line with neither
    # source nor page is then the first part of a wrapped title, whatever word it ends on.
    sourced = sum(1 for ln in lines if _has_source(text[ln.start : ln.end]))
    bracket_style = sourced >= 2 and sourced >= 0.3 * len(lines)

    def finish(last: Line, title_tail: str, source: ContentsSource | None, page: str | None) -> None:
        first = pending[0] if pending else last
        parts = [text[ln.start : ln.end] for ln in pending]
        title = _clean(" ".join([*parts, title_tail]))
        page_number = None
        if page is not None:
            digits = page.translate(_OCR_PAGE)
            page_number = int(digits) if digits.isdecimal() else None
        entries.append(ContentsEntry(title, section, source, page, page_number, None, first.start, last.end))
        pending.clear()

    for i, line in enumerate(lines):
        s = text[line.start : line.end]
        if not pending and is_skippable(s):
            continue
        if not pending and s.isdecimal() and len(s) <= 3 and entries and entries[-1].page is None:
            # a page number the OCR put on a line of its own belongs to the entry before it
            entries[-1].page, entries[-1].page_number, entries[-1].end = s, int(s), line.end
            continue
        page = None
        m = _PAGE_STRONG.search(s) or _PAGE_WEAK.search(s)
        if m:
            page = m.group("page")
            s = s[: m.start()].rstrip()
        source = None
        m = _SOURCE_TAIL.search(s)
        if m:
            source = parse_source(_clean(m.group("body")))
            s = s[: m.start()].rstrip()
        if page is None and source is None:
            if not pending and _is_section_heading(s):
                # a heading wrapped over two lines of one run is one heading
                joined = section_end >= 0 and text[section_end : line.start].count("\n") == 1
                section = _clean(f"{section} {s}") if joined and section else _clean(s)
                section_end = line.end
                continue
            nxt = text[lines[i + 1].start : lines[i + 1].end] if i + 1 < len(lines) else ""
            wraps = bool(nxt) and (
                (bracket_style and not _is_section_heading(nxt))
                or (not line.indented
                    and (nxt[:1] in "[/]|" or nxt[:1].islower() or _CONNECTOR_END.search(s) is not None))
            )
            if wraps:
                pending.append(line)
                continue
        section_end = -1
        finish(line, s, source, page)
    if pending:
        last = pending.pop()
        finish(last, text[last.start : last.end], None, None)
    return entries
