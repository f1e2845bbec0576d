"""`read_report`: rebuild a JPRS/FBIS report's structure from its OCR text, as standoff records."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from kartoteka.ingest import Source, load_source
from kartoteka.structure.blocks import continues_after_break, is_title_like, split_run
from kartoteka.structure.contents import is_skippable, looks_like_contents, parse_contents, rejoin_publication
from kartoteka.structure.divisions import close_spans, heading_division, match_entries
from kartoteka.structure.footnotes import link_markers, make_footnotes
from kartoteka.structure.glosses import find_glosses
from kartoteka.structure.header import FrontLine, parse_header, squeeze
from kartoteka.structure.lines import Run, group_runs, split_lines
from kartoteka.structure.model import (
    Article,
    Block,
    Division,
    Instalment,
    Issue,
    Report,
    SourceLine,
)
from kartoteka.structure.patterns import (
    DATE_LINE,
    INSTALMENT,
    ISSUE_DATED,
    ISSUE_NUMBERED,
    MONTH_ABBR,
    MONTHS,
    PART_HEADING,
    REPORT_NUMBER,
    SOURCE_LINE,
)

_BOILERPLATE = re.compile(r"U\.\s?S\. Government|FBIS|JPRS|NTIS|END OF FICHE", re.I)
_CONTENTS_WORDS = {"contents", "tableofcontents", "content"}


def _year(raw: str) -> int | None:
    if not raw.isdecimal():
        return None
    y = int(raw)
    return (1900 + y if y >= 40 else 2000 + y) if len(raw) == 2 else y


def _month(raw: str | None) -> str | None:
    if not raw:
        return None
    n = MONTHS.get(raw[:3].lower())
    return MONTH_ABBR[n] if n else None


def parse_source_line(s: str, start: int, end: int) -> SourceLine | None:
    m = SOURCE_LINE.match(s)
    if not m:
        return None
    rest = m.group("rest")
    issues = [
        Issue(int(i.group("number")), _month(i.group("month")), _year(i.group("year")),
              int(i.group("day")) if i.group("day") else None)
        for i in ISSUE_NUMBERED.finditer(rest)
    ]
    if not issues:
        issues = [
            Issue(None, _month(i.group("month")), _year(i.group("year")), int(i.group("day")))
            for i in ISSUE_DATED.finditer(rest)
        ]
    return SourceLine(m.group("code"), m.group("place"), rejoin_publication(m.group("publication").strip()),
                      m.group("language"), issues, start, end)


def _run_text(text: str, run: Run) -> str:
    return text[run.start : run.end]


def _could_be_title(s: str) -> bool:
    if len(s) > 300 or s.endswith((".", ";", ",")) or s.startswith("["):
        return False
    if DATE_LINE.match(s) or REPORT_NUMBER.search(s) or squeeze(s) in _CONTENTS_WORDS:
        return False
    return not SOURCE_LINE.match(s) and not s.isdigit()


def _find_colophon(text: str, runs: list[Run]) -> int:
    """Index of the run holding the closing `END` (everything after it is boilerplate)."""
    for i in range(len(runs) - 1, max(-1, len(runs) - 40), -1):
        if _run_text(text, runs[i]) == "END":
            after = text[runs[i].end :]
            if not after.strip() or _BOILERPLATE.search(after[:5000]):
                return i
    return len(runs)


def _is_contents_heading(s: str) -> bool:
    """`CONTENTS` alone, or between the report number and date on one line."""
    if len(s) >= 120:
        return False
    if squeeze(s) in _CONTENTS_WORDS:
        return True
    return len(s) < 120 and "\n" not in s and re.search(r"(?:^|\s)C\s?O\s?N\s?T\s?E\s?N\s?T\s?S(?:\s|$)", s) is not None


def _is_section_heading(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(s) < 120


def read_report(source: Source) -> Report:
    """Read `source` into a `Report`: header, contents, articles, divisions, blocks and notes."""
    text = source.text
    warnings = list(source.warnings)
    lines = split_lines(text)
    runs = group_runs(text, lines)
    colophon_at = _find_colophon(text, runs)

    # Articles: a source line run preceded by a title run.
    article_runs: list[tuple[int, int]] = []
    for i in range(1, colophon_at):
        first = runs[i].lines[0]
        if SOURCE_LINE.match(text[first.start : first.end]) and _could_be_title(_run_text(text, runs[i - 1])):
            article_runs.append((i - 1, i))

    contents_at = next((i for i, r in enumerate(runs[:200]) if _is_contents_heading(_run_text(text, r))), None)
    body_at = _body_start(text, runs, article_runs, contents_at, colophon_at)

    front_lines = [FrontLine(text[ln.start : ln.end], ln.start, ln.end) for r in runs[:body_at] for ln in r.lines]
    header = parse_header(front_lines, text)
    if not header.number:
        warnings.append("no JPRS/FBIS header found; report fields are null")

    blocks: list[Block] = []
    for i, run in enumerate(runs[:body_at]):
        s = _run_text(text, run)
        in_contents = contents_at is not None and i > contents_at
        kind = "header"
        if in_contents and not (DATE_LINE.match(s) or (REPORT_NUMBER.search(s) and len(s) < 40)):
            kind = "contents"
        if contents_at is not None and i == contents_at:
            kind = "contents"
        blocks.append(Block(kind, run.start, run.end))
    contents_lines = [ln for r in runs[(contents_at + 1 if contents_at is not None else body_at) : body_at]
                      for ln in r.lines]
    contents = parse_contents(text, contents_lines)

    body_first_block = len(blocks)
    for run in runs[body_at:colophon_at]:
        blocks.extend(split_run(text, run))
    if colophon_at < len(runs):
        end_run = runs[colophon_at]
        blocks.append(Block("other", end_run.start, end_run.end, role="end"))
        if colophon_at + 1 < len(runs):
            blocks.append(Block("colophon", runs[colophon_at + 1].start, runs[-1].end))
    body_end = runs[colophon_at - 1].end if colophon_at > 0 else len(text)

    _mark_footnotes(blocks)
    articles = _articles(text, runs, article_runs, blocks, body_end)
    _mark_running_heads(text, blocks, header, body_first_block)

    divisions = _divisions(text, blocks, contents, articles, body_first_block)
    _close_articles(text, articles, blocks)
    _join_page_breaks(text, blocks)
    close_spans(divisions, blocks, [(a.start, a.end) for a in articles], body_end)
    for a in articles:
        a.division = next((d for d, div in enumerate(divisions) if div.start == a.start), None)
    _assign_divisions(blocks, divisions)
    instalments = _instalments(text, blocks, articles, body_end)
    footnotes = make_footnotes(text, blocks)
    link_markers(text, blocks, footnotes)
    glosses = find_glosses(text, blocks)
    if warnings != list(source.warnings):
        source = Source(source.path, source.sha256, source.text, source.encoding, tuple(warnings))
    return Report(source, header, contents, articles, instalments, divisions, blocks, footnotes, glosses)


def read_path(path: str | Path) -> Report:
    return read_report(load_source(path))


def _body_start(text: str, runs: list[Run], article_runs: list[tuple[int, int]],
                contents_at: int | None, colophon_at: int) -> int:
    if article_runs:
        title_at = article_runs[0][0]
        # section headings (`NATIONAL ECONOMY`, then `ECONOMIC POLICY`) right above the first title
        while title_at > 0 and _is_section_heading(_run_text(text, runs[title_at - 1])) and (
            contents_at is None or title_at - 1 > contents_at
        ):
            title_at -= 1
        return title_at
    start = contents_at + 1 if contents_at is not None else 0
    for i in range(start, colophon_at):
        s = _run_text(text, runs[i])
        if len(s) > 200 and not s.startswith("[") and not looks_like_contents(text, runs[i].lines):
            j = i
            while j - 1 >= start and is_title_like(_run_text(text, runs[j - 1])) and not is_skippable(
                _run_text(text, runs[j - 1])
            ) and contents_at is None:
                j -= 1
            return j
    # a front with no body (a cover and contents page alone): all of it is header and contents
    return colophon_at if contents_at is not None else 0


def _mark_footnotes(blocks: list[Block]) -> None:
    """Dash lines after a `Footnotes` heading are notes; elsewhere they are list items."""
    in_notes = False
    for b in blocks:
        if b.kind == "heading" and b.role == "footnotes":
            in_notes = True
            continue
        if b.role == "dash_item":
            b.kind = "footnote" if in_notes else "list_item"
            b.role = None
            continue
        if b.kind != "copyright":
            in_notes = False


def _articles(text: str, runs: list[Run], article_runs: list[tuple[int, int]], blocks: list[Block],
              body_end: int) -> list[Article]:
    by_start = {b.start: b for b in blocks}
    articles: list[Article] = []
    for title_at, source_at in article_runs:
        title_run, src_run = runs[title_at], runs[source_at]
        first = src_run.lines[0]
        source_line = parse_source_line(text[first.start : first.end], first.start, first.end)
        title_block = by_start.get(title_run.start)
        if title_block is not None and title_block.kind in ("paragraph", "heading"):
            title_block.kind, title_block.role = "heading", "article_title"
        title = re.sub(r"\s+", " ", _run_text(text, title_run))
        articles.append(Article(title, source_line, title_run.start, body_end))
    return articles


def _close_articles(text: str, articles: list[Article], blocks: list[Block]) -> None:
    """An article ends with its last block before the next title, not counting a section heading
    or running head that stands above the next title."""
    for a, nxt in itertools.pairwise(articles):
        before = [b for b in blocks if a.start <= b.start and b.end <= nxt.start]
        while before and (before[-1].role in ("part", "page_header") or _is_section_heading(
                text[before[-1].start : before[-1].end])):
            before.pop()
        a.end = before[-1].end if before else a.start


def _mark_running_heads(text: str, blocks: list[Block], header, body_first: int) -> None:
    """Page furniture repeated in the body: the report number, its date, a page number."""
    number_key = squeeze(header.number or "\0")
    date_lines = {squeeze(d) for d in _printed_dates(header.date)}
    for i in range(body_first, len(blocks)):
        b = blocks[i]
        if b.kind not in ("paragraph", "heading") or b.end - b.start >= 120:
            continue  # length first: slicing every paragraph would copy the whole text
        s = text[b.start : b.end]
        if not s.isdigit() and all(
            number_key in key or key in date_lines or key.isdigit() for key in map(squeeze, s.split("\n"))
        ):
            b.kind, b.role = "header", "page_header"
    for i in range(body_first, len(blocks)):
        b = blocks[i]
        if b.role == "section_number" and text[b.start : b.end].isdigit():
            near = blocks[max(body_first, i - 2) : i + 3]
            if any(n.role == "page_header" for n in near):
                b.kind, b.role = "header", "page_header"


def _printed_dates(iso: str | None) -> list[str]:
    """Ways a running head prints the report date: `15 May 1991`, `15 MAY 1991`."""
    if not iso:
        return []
    year, month, day = iso.split("-")
    name = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"][int(month) - 1]
    return [f"{int(day)} {name} {year}", f"{int(day)} {name[:3]} {year}"]


def _heading_candidates(text: str, blocks: list[Block], body_first: int) -> list[int]:
    out = []
    for i in range(body_first, len(blocks)):
        b = blocks[i]
        if b.end - b.start > 200 or b.kind not in ("paragraph", "heading") or b.role in ("footnotes", "section_number"):
            continue
        s = text[b.start : b.end]
        if "\n" not in s and not s.endswith((".", ",", ";")):
            out.append(i)
    return out


def _divisions(text: str, blocks: list[Block], contents, articles: list[Article], body_first: int
               ) -> list[Division]:
    candidates = _heading_candidates(text, blocks, body_first)
    cut = [text[e.start - 1 : e.start] in ("\t", " ") or e.title[:1].islower() for e in contents]
    matched = match_entries(text, contents, candidates, blocks, cut)
    divisions: list[Division] = []
    heading_blocks: dict[int, str] = {}
    for e, b in matched.items():
        s = text[blocks[b].start : blocks[b].end]
        heading_blocks[b] = "part" if PART_HEADING.match(s) else "chapter"
        contents[e].division = b  # block index for now; turned into a division index below
    collection = len(articles) >= 2
    if collection:
        for a in articles:
            b = next(i for i, blk in enumerate(blocks) if blk.start == a.start)
            heading_blocks.setdefault(b, "chapter")
        for i in range(body_first, len(blocks)):
            s = text[blocks[i].start : blocks[i].end]
            if blocks[i].kind in ("paragraph", "heading") and _is_section_heading(s) and i + 1 < len(blocks):
                nxt = blocks[i + 1]
                if _is_section_heading(text[nxt.start : nxt.end]):
                    # `NATIONAL ECONOMY` over `ECONOMIC POLICY`: the outer one stays a heading block
                    blocks[i].kind, blocks[i].role = "heading", "section_heading"
                    continue
                heading_blocks.setdefault(i, "part")
    for i in range(body_first, len(blocks)):
        if blocks[i].role == "part":
            heading_blocks.setdefault(i, "part")
    ordinals = {"part": 0, "chapter": 0, "section": 0}
    block_division: dict[int, int] = {}
    in_chapter = False
    seen_parts: set[str] = set()
    for i in range(body_first, len(blocks)):
        kind = heading_blocks.get(i)
        b = blocks[i]
        if kind == "part":
            key = squeeze(text[b.start : b.end])
            if collection and key in seen_parts:
                b.kind, b.role = "header", "page_header"  # a section heading repeated at a page top
                continue
            seen_parts.add(key)
        if kind is None and b.role == "section_number":
            if not in_chapter:
                continue
            kind = "section"
        if kind is None:
            continue
        if kind == "chapter":
            in_chapter = True
            ordinals["section"] = 0
        ordinals[kind] += 1
        if b.kind == "paragraph" or b.role in (None, "article_title", "part", "section_number"):
            b.kind = "heading"
            b.role = b.role or kind
        block_division[i] = len(divisions)
        divisions.append(heading_division(text, b, ordinals[kind], kind))
    for entry in contents:
        if entry.division is not None:
            entry.division = block_division.get(entry.division)
    return divisions


def _join_page_breaks(text: str, blocks: list[Block]) -> None:
    """Join paragraph pieces split by a page break; mark continuation across intervening notes."""

    def tail(b: Block) -> str:
        return text[max(b.start, b.end - 80) : b.end]

    def head(b: Block) -> str:
        return text[b.start : b.start + 80]

    joined: list[Block] = []
    for b in blocks:
        a = joined[-1] if joined else None
        pieces = a is not None and a.kind == "paragraph" and b.kind == "paragraph"
        if pieces and continues_after_break(tail(a), head(b)):
            a.end = b.end
            continue
        joined.append(b)
    blocks[:] = joined
    for i, a in enumerate(blocks):
        if a.kind != "paragraph":
            continue
        j = i + 1
        while j < len(blocks) and (
            blocks[j].kind in ("footnote", "copyright") or blocks[j].role in ("footnotes", "page_header")
        ):
            j += 1
        if j > i + 1 and j < len(blocks) and blocks[j].kind == "paragraph" and continues_after_break(
            tail(a), head(blocks[j])
        ):
            blocks[j].continues = i


def _assign_divisions(blocks: list[Block], divisions: list[Division]) -> None:
    """Each block gets its innermost division: one sweep with a stack, since divisions nest."""
    order = sorted(range(len(divisions)), key=lambda d: (divisions[d].start, divisions[d].level))
    stack: list[int] = []
    k = 0
    for b in blocks:
        while k < len(order) and divisions[order[k]].start <= b.start:
            while stack and divisions[stack[-1]].end <= divisions[order[k]].start:
                stack.pop()
            stack.append(order[k])
            k += 1
        while stack and divisions[stack[-1]].end <= b.start:
            stack.pop()
        b.division = stack[-1] if stack else None


def _instalments(text: str, blocks: list[Block], articles: list[Article], body_end: int) -> list[Instalment]:
    out: list[Instalment] = []
    for b in blocks:
        if b.role != "instalment":
            continue
        m = INSTALMENT.match(text[b.start : b.end])
        if not m:
            continue
        out.append(Instalment(
            m.group("publication").strip(), int(m.group("number")), _month(m.group("month")),
            _year(m.group("year")), [int(m.group("first")), int(m.group("last"))], b.start, body_end, b.start, b.end,
        ))
    for cur, nxt in itertools.pairwise(out):
        cur.end = max(b.end for b in blocks if b.end <= nxt.start)
    for ins in out:
        article = next((a for a in articles if a.start <= ins.start < a.end), None)
        if article is not None:
            ins.end = min(ins.end, article.end)
    return out
