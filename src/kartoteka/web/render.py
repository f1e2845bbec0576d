"""Paragraph HTML built from standoff spans over the source text, in one pass, every text piece escaped.

The block's range is cut at every span boundary (person mentions, glosses, footnote markers, the highlighted
span); corrections are atomic (no cut inside one). Each run of segments under the same spans is wrapped once;
a correction inside it becomes its own element showing the repaired or the original reading, with the other
reading, the reason and the confidence on hover and focus.
"""

from __future__ import annotations

import bisect
import itertools
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from kartoteka.web.data import ReportIndex

#: Longest standoff span looked back for (mentions, glosses, markers, corrections are far shorter).
MAX_SPAN = 2000


def _overlapping(items: list, starts: list[int], start: int, end: int, key=lambda x: x) -> list:
    """Items (sorted by start) that overlap [start, end); `starts` is their start offsets."""
    j = bisect.bisect_left(starts, start - MAX_SPAN)
    out = []
    for item in items[j:]:
        s, e = key(item)
        if s >= end and not (s == e == end):
            break
        if e > start or (s == e and start <= s <= end):
            out.append(item)
    return out


class Renderer:
    def __init__(self, ix: ReportIndex, cp_names: dict[str, str], corrections: list[dict] | None = None,
                 links: dict[tuple[int, int], str] | None = None):
        self.ix = ix
        self.names = cp_names
        # curated mention -> person links (a split or merge moved them); None keeps the stored ones
        self.links = links
        # the corrections shown (curation: the curated ones, or the machine's marked); default the stored ones
        self.corrections = sorted(ix.corrections if corrections is None else corrections,
                                  key=lambda c: (c["start"], c["end"]))
        self._cstarts = [c["start"] for c in self.corrections]
        self._mstarts = [m[0] for m in ix.mentions]
        self._gstarts = [g["start"] if g["term_start"] is None else min(g["start"], g["term_start"])
                         for g in ix.glosses]
        self.markers = sorted((f["marker_start"], f["marker_end"], f) for f in ix.footnotes
                              if f["marker_start"] is not None)
        self._fstarts = [m[0] for m in self.markers]
        self.fn_by_block = {f["block"]: f for f in ix.footnotes if f["block"] is not None}

    def page_url(self, page: str | None) -> str:
        return f"/reports/{quote(self.ix.slug)}/d/{quote(page or '')}"

    def block(self, idx: int, view: str = "repaired", hl: tuple[int, int] | None = None) -> Markup:
        ix = self.ix
        b = ix.blocks[idx]
        bs, be = b.start, b.end
        spans: list[tuple[int, int, str, Any]] = []
        for s, e, cp, _pid in _overlapping(ix.mentions, self._mstarts, bs, be, key=lambda m: (m[0], m[1])):
            if self.links is not None:
                cp = self.links.get((s, e))
            if cp:
                spans.append((s, e, "person", cp))
        for g in _overlapping(ix.glosses, self._gstarts, bs, be,
                              key=lambda g: (min(g["start"], g["term_start"] or g["start"]), g["end"])):
            spans.append((g["start"], g["end"], "gloss", g))
            if g["term_start"] is not None and g["term_end"] is not None:
                spans.append((g["term_start"], g["term_end"], "term", g))
        for s, e, f in _overlapping(self.markers, self._fstarts, bs, be, key=lambda m: (m[0], m[1])):
            spans.append((s, e, "marker", f))
        if hl and hl[0] < be and hl[1] > bs:
            spans.append((hl[0], hl[1], "hl", hl))
        corrections = [c for c in _overlapping(self.corrections, self._cstarts, bs, be,
                                               key=lambda c: (c["start"], c["end"]))
                       if bs <= c["start"] and c["end"] <= be]
        inside = [(c["start"], c["end"]) for c in corrections if c["end"] > c["start"]]

        def snap(x: int) -> int:
            for s, e in inside:
                if s < x < e:
                    return s
            return x

        cuts = {bs, be}
        for s, e, _k, _v in spans:
            cuts.add(snap(max(bs, min(be, s))))
            cuts.add(snap(max(bs, min(be, e))))
        for c in corrections:
            cuts.add(c["start"])
            cuts.add(c["end"])
        points = sorted(cuts)
        by_start = {c["start"]: c for c in corrections if c["end"] > c["start"]}
        inserts: dict[int, list[dict]] = {}
        for c in corrections:
            if c["end"] == c["start"]:
                inserts.setdefault(c["start"], []).append(c)

        out: list[str] = []
        group_key: tuple | None = None
        group: list[str] = []
        hl_done = False

        def flush() -> None:
            nonlocal hl_done
            if not group:
                return
            inner = "".join(group)
            kinds = dict(group_key or ())
            if "marker" in kinds:
                f = kinds["marker"]
                note_page = ix.page_of.get(f["block"]) if f["block"] is not None else None
                inner = (f'<sup class="fnref"><a id="fnref-{f["idx"]}" href="{escape(self.page_url(note_page))}'
                         f'#fn-{f["idx"]}" title="note {escape(f["number"])}">{inner}</a></sup>')
            elif "person" in kinds:
                cp = kinds["person"]
                inner = (f'<a class="person" href="/persons/{escape(quote(cp))}" '
                         f'title="{escape(self.names.get(cp, cp))}">{inner}</a>')
            if "term" in kinds:
                g = kinds["term"]
                inner = f'<span class="term" title="{escape(g["gloss"] or "")}">{inner}</span>'
            if "gloss" in kinds:
                g = kinds["gloss"]
                inner = (f'<span class="gloss" title="translator\'s gloss ({escape(g["kind"])})">{inner}</span>')
            if "hl" in kinds:
                ident = "" if hl_done else ' id="hl"'
                hl_done = True
                inner = f'<mark class="hl"{ident}>{inner}</mark>'
            out.append(inner)
            group.clear()

        for x, y in itertools.pairwise(points):
            for c in inserts.pop(x, []):
                group.append(self._correction(c, view))
            key = tuple((k, v if k != "hl" else 1) for s, e, k, v in spans if s <= x and e >= y and s < e)
            key = tuple(sorted(key, key=lambda kv: kv[0]))
            if key != group_key:
                flush()
                group_key = key
            c = by_start.get(x)
            if c is not None and c["end"] == y:
                group.append(self._correction(c, view))
            else:
                group.append(str(escape(ix.text[x:y])))
        for cs in inserts.values():
            for c in cs:
                group.append(self._correction(c, view))
        flush()
        return Markup("".join(out))

    @staticmethod
    def _correction(c: dict, view: str) -> str:
        conf = f"{c['confidence']:.2f}" if c.get("confidence") is not None else "?"
        status = c.get("status")
        mark = f" c-{escape(status)}" if status else ""
        said = f" — {status}: {c['curation_title']}" if c.get("curation_title") else ""
        if view == "original":
            title = f"repaired: {c['replacement']!r} — {c['reason'] or c['kind']} (confidence {conf}){said}"
            return (f'<span class="corr orig{mark}" tabindex="0" data-kind="{escape(c["kind"])}" '
                    f'title="{escape(title)}">{escape(c["original"])}</span>')
        title = f"original OCR: {c['original']!r} — {c['reason'] or c['kind']} (confidence {conf}){said}"
        return (f'<ins class="corr{mark}" tabindex="0" data-kind="{escape(c["kind"])}" title="{escape(title)}">'
                f'{escape(c["replacement"])}</ins>')


def snippet_html(snippet: str) -> Markup:
    """A search snippet with `**word**` marks as escaped HTML with <mark>."""
    parts = snippet.split("**")
    return Markup("".join(f"<mark>{escape(p)}</mark>" if i % 2 else str(escape(p)) for i, p in enumerate(parts)))
