"""TEI P5 export: one file per report, built with lxml (never by string concatenation).

- `teiHeader` from the report header (title, author, report number, date) and its source lines and
  instalment markers; `encodingDesc` declares the `src:` pointer prefix used for offsets.
- The text as `front`/`body`/`back` with nested `div`s (part, chapter, section), `head`, `p`, `list/item`,
  `note place="foot"` for footnotes and `ref` for their markers.
- Inline, only where spans nest: corrections as `choice/sic/corr`, persons as `persName @ref`, places,
  organisations, works and dates as `placeName`, `orgName`, `title`, `date`.
- `standOff`: `listPerson`, `listEvent` (facts), `listBibl` (citations), and `spanGrp`s for every mention or
  correction that crosses another span, pointing at `anchor`s placed in the text.

Offsets: every element whose text is source text carries `corresp="src:START,END"`; the prefix resolves to
`urn:sha256:<hash>#char=START,END` (RFC 5147 character ranges over the decoded source). The string value of
such an element, leaving out `corr` descendants, equals `source[START:END]`. Anchors are `anchor xml:id="oN"`
at offset N. TEI-valid: no foreign attributes are needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kartoteka.errors import InputError
from kartoteka.export.bundle import Bundle

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_T = f"{{{TEI_NS}}}"
_INVALID_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

#: entity kind -> inline TEI element
ENTITY_TAGS = {"PLACE": "placeName", "ORG": "orgName", "WORK": "title", "DATE": "date"}
#: for spans with the same extent: which is the outer element
_RANK = {"persName": 0, "placeName": 1, "orgName": 1, "title": 1, "date": 1, "choice": 2, "ref": 3}


def _etree():
    try:
        from lxml import etree
    except ImportError:
        raise InputError("the TEI export needs lxml: pip install 'kartoteka[export]'") from None
    return etree


def _clean(s: str) -> str:
    return _INVALID_XML.sub("\ufffd", s)


def _src(start: int, end: int) -> str:
    return f"src:{start},{end}"


def _ncname(s: str) -> str:
    s = re.sub(r"[^\w.-]", "_", s)
    return s if re.match(r"[A-Za-z_]", s) else f"_{s}"


@dataclass
class Span:
    start: int
    end: int
    tag: str
    attrs: dict = field(default_factory=dict)
    replacement: str | None = None  # for choice
    corr: dict = field(default_factory=dict)  # attributes of the corr of a choice
    children: list = field(default_factory=list)  # Span or Point

    @property
    def key(self):
        return (self.start, -self.end, _RANK.get(self.tag, 5))


@dataclass
class Point:
    at: int
    id: str


def nest(start: int, end: int, spans: list[Span]) -> tuple[Span, list[Span]]:
    """Build the tree of spans that nest inside [start, end); return it and the spans that cross another."""
    root = Span(start, end, "#root")
    stack = [root]
    crossing = []
    for sp in sorted(spans, key=lambda s: s.key):
        if sp.start >= sp.end or sp.start < start or sp.end > end:
            crossing.append(sp)
            continue
        while not (stack[-1].start <= sp.start and sp.end <= stack[-1].end):
            stack.pop()
        parent = stack[-1]
        if parent.children and parent.children[-1].end > sp.start:
            crossing.append(sp)
            continue
        parent.children.append(sp)
        stack.append(sp)
    return root, crossing


def place_point(root: Span, point: Point) -> None:
    node = root
    while True:
        inner = next((c for c in node.children if isinstance(c, Span) and c.start < point.at < c.end), None)
        if inner is None:
            break
        node = inner
    kids = node.children
    i = 0
    while i < len(kids) and (_pos(kids[i]) < point.at or (isinstance(kids[i], Point) and kids[i].at == point.at)):
        i += 1
    kids.insert(i, point)


def _pos(x) -> int:
    return x.at if isinstance(x, Point) else x.start


class _Builder:
    def __init__(self, b: Bundle):
        self.etree = _etree()
        self.b = b
        self.text = b.text
        self.anchor_offsets: set[int] = set()
        self.mention_ids: dict[tuple[int, int, str], str] = {}
        self.standoff_mentions: list[Span] = []
        self.standoff_corrections: list[Span] = []

    def el(self, parent, tag: str, text: str | None = None, **attrs):
        e = self.etree.SubElement(parent, _T + tag) if parent is not None else self.etree.Element(_T + tag,
                                                                                                   nsmap={None: TEI_NS})
        for k, v in attrs.items():
            if v is not None:
                e.set(XML_ID if k == "xml_id" else k.rstrip("_"), _clean(str(v)))
        if text is not None:
            e.text = _clean(text)
        return e

    # -- inline spans ----------------------------------------------------------------------------
    def collect_spans(self) -> list[Span]:
        spans = []
        for i, c in enumerate(self.b.corrections):
            spans.append(Span(c["start"], c["end"], "choice", {"n": f"c{i}"}, replacement=c["replacement"],
                              corr={"type": c["kind"], "cert": _cert(c["confidence"])}))
        for i, m in enumerate(self.b.mentions()):
            xid = f"m{i}"
            self.mention_ids[(m["start"], m["end"], m["person"])] = xid
            spans.append(Span(m["start"], m["end"], "persName", {"xml_id": xid, "ref": f"#{_ncname(m['person'])}"}))
        for i, e in enumerate(self.b.entities):
            tag = ENTITY_TAGS.get(e["kind"])
            if tag:
                spans.append(Span(e["start"], e["end"], tag, {"xml_id": f"e{i}", "type": e["kind"].lower()}))
        for f in self.b.report.footnotes:
            if f.marker:
                spans.append(Span(f.marker.start, f.marker.end, "ref",
                                  {"type": "noteAnchor", "target": f"#fn{f.ordinal}"}))
        return spans

    def render(self, parent, node: Span) -> None:
        """Fill `parent` with the source text of `node` and its children."""
        pos = node.start
        last = None
        for child in node.children:
            cpos = _pos(child)
            self._text(parent, last, self.text[pos:cpos])
            if isinstance(child, Point):
                last = self.el(parent, "anchor", xml_id=child.id)
                pos = max(pos, cpos)
                continue
            if child.tag == "choice":
                last = self.el(parent, "choice", **child.attrs)
                sic = self.el(last, "sic", corresp=_src(child.start, child.end))
                self.render(sic, child)
                self.el(last, "corr", child.replacement, **child.corr)
            else:
                last = self.el(parent, child.tag, corresp=_src(child.start, child.end), **child.attrs)
                self.render(last, child)
            pos = child.end
        self._text(parent, last, self.text[pos : node.end])

    @staticmethod
    def _text(parent, last, s: str) -> None:
        if not s:
            return
        s = _clean(s)
        if last is None:
            parent.text = (parent.text or "") + s
        else:
            last.tail = (last.tail or "") + s

    # -- document --------------------------------------------------------------------------------
    def build(self):
        b = self.b
        tei = self.el(None, "TEI")
        self.header(tei)
        spans = self.collect_spans()
        blocks = b.report.blocks
        # distribute spans and points to blocks
        starts = [blk.start for blk in blocks]
        import bisect

        per_block: dict[int, list[Span]] = {}
        for sp in spans:
            k = bisect.bisect_right(starts, sp.start) - 1
            if k >= 0 and sp.end <= blocks[k].end:
                per_block.setdefault(k, []).append(sp)
            else:
                self._to_standoff(sp)
        points: dict[int, list[Point]] = {}
        wanted = {o for f in b.facts for o in (f["start"], f["end"])}
        for f in b.facts:
            pm = f.get("person_mention") or {}
            if pm and (pm.get("start"), pm.get("end"), f.get("person_id")) not in self.mention_ids:
                wanted |= {pm["start"], pm["end"]}
        trees: dict[int, Span] = {}
        for k, blk in enumerate(blocks):
            root, crossing = nest(blk.start, blk.end, per_block.get(k, []))
            trees[k] = root
            for sp in crossing:
                self._to_standoff(sp)
        for sp in self.standoff_mentions + self.standoff_corrections:
            wanted |= {sp.start, sp.end}
        wanted |= {o for n in b.notes for o in (n["start"], n["end"])}  # curation notes point at their span
        self.anchor_at: dict[int, str] = {}
        for o in sorted(wanted):
            k = bisect.bisect_right(starts, o) - 1
            if k < 0:
                k, at = 0, blocks[0].start
            else:
                at = min(o, blocks[k].end)
            self.anchor_at[o] = f"o{at}"
            if at not in self.anchor_offsets:
                self.anchor_offsets.add(at)
                points.setdefault(k, []).append(Point(at, f"o{at}"))
        for k, pts in points.items():
            for p in pts:
                place_point(trees[k], p)
        self.text_part(tei, trees)
        self.standoff(tei)
        return tei

    def _to_standoff(self, sp: Span) -> None:
        (self.standoff_corrections if sp.tag == "choice" else self.standoff_mentions).append(sp)

    def header(self, tei) -> None:
        b = self.b
        h = b.report.header
        hd = self.el(tei, "teiHeader")
        fd = self.el(hd, "fileDesc")
        ts = self.el(fd, "titleStmt")
        self.el(ts, "title", h.title or h.number or b.name)
        if h.author:
            self.el(ts, "author", h.author)
        ps = self.el(fd, "publicationStmt")
        self.el(ps, "publisher", "Joint Publications Research Service" if (h.series or "") == "JPRS"
                else (h.series or "unknown"))
        if h.number:
            self.el(ps, "idno", h.number, type="report")
        self.el(ps, "idno", b.urn, type="URN")
        if h.date:
            self.el(ps, "date", h.date, when=h.date if re.fullmatch(r"\d{4}(-\d\d){0,2}", h.date) else None)
        sd = self.el(fd, "sourceDesc")
        bibl = self.el(sd, "bibl", type="report")
        self.el(bibl, "title", h.title or b.name)
        if h.author:
            self.el(bibl, "author", h.author)
        if h.number:
            self.el(bibl, "idno", h.number, type="report")
        for what in (h.region, h.subject):
            if what:
                self.el(bibl, "note", what, type="region" if what == h.region else "subject")
        for a in b.report.articles:
            sl = a.source_line
            if sl:
                self.el(sd, "bibl", self.text[sl.start : sl.end], type="sourceLine", corresp=_src(sl.start, sl.end))
        for ins in b.report.instalments:
            self.el(sd, "bibl", self.text[ins.marker_start : ins.marker_end], type="instalment",
                    corresp=_src(ins.marker_start, ins.marker_end))
        ed = self.el(hd, "encodingDesc")
        lp = self.el(ed, "listPrefixDef")
        pd = self.el(lp, "prefixDef", ident="src", matchPattern=r"([0-9]+),([0-9]+)",
                     replacementPattern=f"{b.urn}#char=$1,$2")
        self.el(pd, "p", "src:START,END is the character range [START, END) of the decoded source text (RFC 5147); "
                         "the string value of an element bearing it, without corr, equals those characters.")

    def text_part(self, tei, trees: dict[int, Span]) -> None:
        b = self.b
        blocks = b.report.blocks
        divisions = b.report.divisions
        in_div = [i for i, blk in enumerate(blocks) if blk.division is not None]
        first, last = (in_div[0], in_div[-1]) if in_div else (len(blocks), len(blocks) - 1)
        text_el = self.el(tei, "text")
        footnote_of = {f.block_index: f for f in b.report.footnotes}
        if first > 0:
            front = self.el(self.el(text_el, "front"), "div", type="front")
            for k in range(min(first, len(blocks))):
                self.block(front, k, trees[k], footnote_of, None)
        body = self.el(text_el, "body")
        open_divs: list[tuple[int, object]] = []  # (division index, element)
        list_el = None
        for k in range(first, last + 1):
            blk = blocks[k]
            chain = _chain(divisions, blk.division)
            common = 0
            while common < min(len(chain), len(open_divs)) and open_divs[common][0] == chain[common]:
                common += 1
            if common < len(open_divs):
                del open_divs[common:]
                list_el = None
            new_div = None
            for d in chain[common:]:
                parent = open_divs[-1][1] if open_divs else body
                div = divisions[d]
                new_div = self.el(parent, "div", type=div.kind, n=div.number, xml_id=f"d{d}")
                open_divs.append((d, new_div))
                list_el = None
            container = open_divs[-1][1] if open_divs else body
            head_of = divisions[chain[-1]] if chain else None
            if blk.kind == "list_item":
                if list_el is None:
                    list_el = self.el(container, "list")
                self.block(list_el, k, trees[k], footnote_of, "item")
                continue
            list_el = None
            is_head = (new_div is not None and head_of is not None and blk.kind == "heading"
                       and blk.start == head_of.heading_start)
            self.block(container, k, trees[k], footnote_of, "head" if is_head else None)
        if len(body) == 0:
            self.el(body, "p")
        if last + 1 < len(blocks):
            back = self.el(self.el(text_el, "back"), "div", type="back")
            for k in range(last + 1, len(blocks)):
                self.block(back, k, trees[k], footnote_of, None)

    def block(self, parent, k: int, tree: Span, footnote_of: dict, tag: str | None) -> None:
        blk = self.b.report.blocks[k]
        attrs = {"xml_id": f"b{k}", "corresp": _src(blk.start, blk.end)}
        if blk.kind == "footnote" and k in footnote_of:
            f = footnote_of[k]
            attrs["xml_id"] = f"fn{f.ordinal}"
            el = self.el(parent, "note", place="foot", type="footnote", n=f.number, **attrs)
        elif tag:
            el = self.el(parent, tag, **attrs)
        else:
            el = self.el(parent, "p", rend=None if blk.kind == "paragraph" else (blk.role or blk.kind), **attrs)
            if blk.continues is not None and blk.continues < k:
                el.set("prev", f"#b{blk.continues}")
        self.render(el, tree)

    # -- standoff --------------------------------------------------------------------------------
    def standoff(self, tei) -> None:
        b = self.b
        so = self.el(tei, "standOff")
        if b.persons:
            lp = self.el(so, "listPerson")
            for p in b.persons:
                person = self.el(lp, "person", xml_id=_ncname(p["id"]))
                self.el(person, "persName", p.get("name") or p["id"])
                for form in p.get("forms") or []:
                    if form != p.get("name"):
                        self.el(person, "persName", form, type="form")
                for alias in p.get("aliases") or []:
                    self.el(person, "persName", alias, type="alias")
                for k, v in (p.get("keys") or {}).items():
                    if v:
                        self.el(person, "persName", v, type=k)
        if b.facts:
            le = self.el(so, "listEvent")
            for f in b.facts:
                ev = self.el(le, "event", xml_id=_ncname(f["id"]), type=f.get("type"),
                             when=f"{f['year']:04d}" if isinstance(f.get("year"), int) and f["year"] > 0 else None,
                             cert=_cert(f.get("confidence")), subtype=f.get("modality"))
                para = self.el(ev, "p")
                s, e = f["start"], f["end"]
                self.el(para, "q", self.text[s:e], type="evidence", corresp=_src(s, e))
                self.el(para, "ptr", type="evidence", target=f"#{self.anchor_at[s]} #{self.anchor_at[e]}")
                if f.get("person_id"):
                    self.el(para, "ptr", type="person", target=f"#{_ncname(f['person_id'])}")
                pm = f.get("person_mention") or {}
                if pm:
                    xid = self.mention_ids.get((pm.get("start"), pm.get("end"), f.get("person_id")))
                    target = f"#{xid}" if xid else f"#{self.anchor_at[pm['start']]} #{self.anchor_at[pm['end']]}"
                    self.el(para, "ptr", type="mention", target=target)
                for role in ("agent", "according_to", "place"):
                    if f.get(role):
                        self.el(para, "note", str(f[role]), type=role)
        if b.notes:  # curation notes (issue 9): a historian's comment on a span, with author, date and reason
            ln = self.el(so, "listAnnotation", type="curation")
            for n in b.notes:
                s, e = n["start"], n["end"]
                note = self.el(ln, "note", n.get("note") or "", xml_id=_ncname(n["id"]), type="curation",
                               resp=n.get("author"), target=f"#{self.anchor_at[s]} #{self.anchor_at[e]}",
                               corresp=_src(s, e))
                if n.get("created_at"):
                    self.el(note, "date", str(n["created_at"])[:10], when=str(n["created_at"])[:10])
                if n.get("reason"):
                    self.el(note, "note", n["reason"], type="reason")
        if b.citations:
            lb = self.el(so, "listBibl")
            for i, c in enumerate(b.citations):
                bibl = self.el(lb, "bibl", xml_id=f"cit{i}", type=c.kind)
                for a in c.authors:
                    self.el(bibl, "author", f"{a['given']} {a['family']}" if a.get("given") else a["family"])
                if c.work:
                    self.el(bibl, "title", c.work)
                if c.translation:
                    self.el(bibl, "title", c.translation, type="translated")
                if c.place:
                    self.el(bibl, "pubPlace", c.place)
                if c.year:
                    self.el(bibl, "date", c.year, when=c.year)
                if c.volume:
                    self.el(bibl, "biblScope", c.volume, unit="volume")
                if c.pages:
                    lo, _, hi = c.pages.partition("-")
                    self.el(bibl, "biblScope", c.pages, unit="page", from_=lo if lo.isdigit() else None,
                            to=(hi or lo) if (hi or lo).isdigit() else None)
                self.el(bibl, "ptr", type="footnote", target=f"#fn{c.footnote}")
                if c.ibid_of is not None:
                    self.el(bibl, "ptr", type="repeats", target=f"#cit{c.ibid_of}")
        for kind, spans in (("mentions", self.standoff_mentions), ("corrections", self.standoff_corrections)):
            if not spans:
                continue
            grp = self.el(so, "spanGrp", type=kind)
            for sp in sorted(spans, key=lambda s: s.key):
                attrs = dict(sp.attrs)
                ref = attrs.pop("ref", None)
                span = self.el(grp, "span", type=sp.tag, from_=f"#{self.anchor_at[sp.start]}",
                               to=f"#{self.anchor_at[sp.end]}", ana=ref,
                               **{k: v for k, v in attrs.items() if k in ("xml_id", "n")})
                if sp.tag == "choice":
                    ch = self.el(span, "choice")
                    self.el(ch, "sic", self.text[sp.start : sp.end], corresp=_src(sp.start, sp.end))
                    self.el(ch, "corr", sp.replacement, **sp.corr)
                else:
                    span.set("corresp", _src(sp.start, sp.end))
                    span.text = _clean(self.text[sp.start : sp.end])


def _cert(conf) -> str | None:
    if conf is None:
        return None
    return "high" if conf >= 0.8 else "medium" if conf >= 0.5 else "low"


def _chain(divisions, d: int | None) -> list[int]:
    out = []
    seen = set()
    while d is not None and d not in seen and 0 <= d < len(divisions):
        seen.add(d)
        out.append(d)
        d = divisions[d].parent
    return out[::-1]


def to_tei(b: Bundle):
    """The TEI document of one report, as an lxml element."""
    return _Builder(b).build()


def tei_bytes(b: Bundle) -> bytes:
    etree = _etree()
    return etree.tostring(to_tei(b), xml_declaration=True, encoding="UTF-8", pretty_print=False)


def export_tei(bundles: list[Bundle], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for b in bundles:
        path = out / f"{b.name}.tei.xml"
        path.write_bytes(tei_bytes(b))
        written.append(path)
    return written
