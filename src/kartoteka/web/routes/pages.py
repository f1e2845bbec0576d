"""Server-rendered pages: reports and the reader, person cards, facts (with CSV), search, permalinks."""

from __future__ import annotations

import csv
import io
import re
import secrets
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kartoteka.store import search as run_search
from kartoteka.web.data import MAX_LIMIT, pretty_date
from kartoteka.web.render import Renderer, snippet_html

router = APIRouter(include_in_schema=False)
_HL = re.compile(r"^(\d{1,9})-(\d{1,9})$")


def _raw(request: Request) -> bool:
    """`?raw=1`: the machine's own output instead of the curated state (the default)."""
    return request.query_params.get("raw", "").lower() in ("1", "true", "yes", "on")


def _render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    raw = _raw(request)
    kept = {k: v for k, v in request.query_params.items() if k not in ("raw", "done")}
    params = kept if raw else {**kept, "raw": "1"}
    here = request.url.path + ("?" + urlencode({**kept, **({"raw": "1"} if raw else {})}) if kept or raw else "")
    done = request.query_params.get("done", "")
    context = {"raw": raw, "raw_toggle": request.url.path + ("?" + urlencode(params) if params else ""),
               "done": done if re.fullmatch(r"d-[0-9a-f]{1,40}", done) else "", **context}
    curator = getattr(request.app.state, "curator", None)
    nonce = None
    if curator is not None:  # `serve --editable`: the pages offer the decisions (POST /curate/decide)
        from kartoteka.curation.web import COOKIE

        nonce = request.cookies.get(COOKIE) or secrets.token_hex(16)
        context.update(editable=True, csrf=curator.token(nonce), here=here[:1000], curator=curator.user)
    response = request.app.state.templates.TemplateResponse(request, name, context, status_code=status)
    if nonce is not None:
        from kartoteka.curation.web import set_nonce

        set_nonce(response, nonce)
    return response


def _archive(request: Request):
    return request.app.state.archive


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    return _render(request, "reports.html", {"reports": _archive(request).reports(raw=_raw(request)),
                                              "pretty_date": pretty_date})


@router.get("/reports", response_class=HTMLResponse)
def reports(request: Request):
    return home(request)


@router.get("/reports/{number}", response_class=HTMLResponse)
def report(request: Request, number: str):
    ix = _archive(request).index(number)
    if ix is None:
        raise HTTPException(404, f"no report {number}")
    first = next((p.key for p in ix.pages if p.key != "front"), ix.pages[0].key if ix.pages else "front")
    return RedirectResponse(f"/reports/{quote(ix.slug)}/d/{quote(first)}", status_code=307)


@router.get("/reports/{number}/p/{block}", response_class=HTMLResponse)
def paragraph(request: Request, number: str, block: int):
    """A paragraph's permalink: redirects to its place in the reader."""
    ix = _archive(request).index(number)
    if ix is None or not 0 <= block < len(ix.blocks):
        raise HTTPException(404, "no such paragraph")
    return RedirectResponse(f"/reports/{quote(ix.slug)}/d/{quote(ix.page_of[block])}#b{block}", status_code=307)


@router.get("/reports/{number}/d/{page}", response_class=HTMLResponse)
def reader(request: Request, number: str, page: str, view: str = "repaired", hl: str | None = None):
    archive = _archive(request)
    raw = _raw(request)
    ix = archive.index(number)
    if ix is None or page not in ix.page_by_key:
        raise HTTPException(404, f"no such page: {number} / {page}")
    view = "original" if view == "original" else "repaired"
    span = None
    if hl and (m := _HL.match(hl)):
        s, e = int(m.group(1)), int(m.group(2))
        if 0 <= s < e <= len(ix.text):
            span = (s, e)
    pg = ix.page_by_key[page]
    corrections = archive.corrections(ix, raw)
    notes = [] if raw else archive.notes(ix)
    renderer = Renderer(ix, archive.cp_names(raw), corrections, archive.mention_links(ix, raw))
    blocks = []
    fn_by_block = renderer.fn_by_block
    for k in pg.blocks:
        b = ix.blocks[k]
        fn = fn_by_block.get(k)
        marker_page = None
        if fn is not None and fn["marker_start"] is not None:
            mb = ix.block_at(fn["marker_start"])
            marker_page = ix.page_of.get(mb) if mb is not None else None
        blocks.append({
            "idx": k, "kind": b.kind, "role": b.role, "start": b.start, "end": b.end,
            "html": renderer.block(k, view, span), "ordinal": ix.ordinal[k] if b.kind == "paragraph" else None,
            "cite": ix.cite(b.start) if b.kind in ("paragraph", "footnote") else None,
            "footnote": fn, "marker_page": marker_page,
            "notes": [n for n in notes if b.start <= n["start"] < b.end],
            "corrections": [c for c in corrections if b.start <= c["start"] and c["end"] <= b.end],
        })
    keys = [p.key for p in ix.pages]
    i = keys.index(page)
    base = f"/reports/{quote(ix.slug)}/d/{quote(page)}"
    other = "original" if view == "repaired" else "repaired"
    toggle = base + "?" + urlencode({"view": other, **({"hl": f"{span[0]}-{span[1]}"} if span else {}),
                                     **({"raw": "1"} if raw else {})})
    return _render(request, "reader.html", {
        "ix": ix, "page": pg, "blocks": blocks, "view": view, "toggle": toggle, "hl": span,
        "prev": ix.pages[i - 1] if i > 0 else None, "next": ix.pages[i + 1] if i + 1 < len(ix.pages) else None,
        "contents": ix.contents(), "instalments": ix.instalments, "pretty_date": pretty_date,
        "corrections": sum(1 for c in corrections if pg.start <= c["start"] < pg.end),
    })


@router.get("/persons", response_class=HTMLResponse)
def persons(request: Request, q: Annotated[str, Query(max_length=200)] = ""):
    found = _archive(request).find_persons(q, raw=_raw(request)) if q.strip() else []
    return _render(request, "persons.html", {"q": q, "persons": found})


@router.get("/persons/{cid}", response_class=HTMLResponse)
def person(request: Request, cid: str):
    card = _archive(request).person(cid, raw=_raw(request))
    if card is None:
        raise HTTPException(404, f"no person {cid}")
    by_year: dict = {}
    for f in card["facts"]:
        by_year.setdefault(f.get("year"), []).append(f)
    return _render(request, "person.html", {"p": card, "by_year": sorted(by_year.items(), key=lambda kv: (
        kv[0] is None, kv[0] or 0))})


def _facts_params(type, year_from, year_to, person, report, modality, agent) -> dict:
    return {k: v for k, v in (("type", type), ("from", year_from), ("to", year_to), ("person", person),
                              ("report", report), ("modality", modality), ("agent", agent)) if v not in (None, "")}


def _int_or_none(v: str | None) -> int | None:
    v = (v or "").strip()
    return int(v) if re.fullmatch(r"-?\d{1,4}", v) else None


@router.get("/facts", response_class=HTMLResponse)
def facts(request: Request, type: str = "", year_from: Annotated[str, Query(alias="from", max_length=8)] = "",
          year_to: Annotated[str, Query(alias="to", max_length=8)] = "",
          person: Annotated[str, Query(max_length=200)] = "", report: Annotated[str, Query(max_length=80)] = "",
          modality: str = "", agent: Annotated[str, Query(max_length=80)] = "",
          limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100, offset: Annotated[int, Query(ge=0)] = 0):
    archive = _archive(request)
    yf, yt = _int_or_none(year_from), _int_or_none(year_to)
    raw = _raw(request)
    result = archive.facts(type=type, year_from=yf, year_to=yt, person=person, report=report, modality=modality,
                           agent=agent, limit=limit, offset=offset, raw=raw)
    params = {**_facts_params(type, yf, yt, person, report, modality, agent), **({"raw": "1"} if raw else {})}
    nxt = prev = None
    if offset + limit < result["total"]:
        nxt = "/facts?" + urlencode({**params, "limit": limit, "offset": offset + limit})
    if offset > 0:
        prev = "/facts?" + urlencode({**params, "limit": limit, "offset": max(0, offset - limit)})
    return _render(request, "facts.html", {
        "r": result, "params": params, "types": archive.fact_types(), "modalities": archive.modalities(),
        "reports": archive.reports(), "csv": "/facts.csv?" + urlencode(params), "next": nxt, "prev": prev,
        "f": {"type": type, "from": year_from, "to": year_to, "person": person, "report": report,
              "modality": modality, "agent": agent},
    })


CSV_FIELDS = ("report", "id", "year", "date", "type", "person", "corpus_person", "agent", "place", "modality",
              "confidence", "start", "end", "evidence", "cite", "status", "curation")


@router.get("/facts.csv")
def facts_csv(request: Request, type: str = "", year_from: Annotated[str, Query(alias="from", max_length=8)] = "",
              year_to: Annotated[str, Query(alias="to", max_length=8)] = "",
              person: Annotated[str, Query(max_length=200)] = "", report: Annotated[str, Query(max_length=80)] = "",
              modality: str = "", agent: Annotated[str, Query(max_length=80)] = ""):
    archive = _archive(request)
    rows, offset = [], 0
    while True:
        r = archive.facts(type=type, year_from=_int_or_none(year_from), year_to=_int_or_none(year_to),
                          person=person, report=report, modality=modality, agent=agent, limit=MAX_LIMIT,
                          offset=offset, raw=_raw(request))
        rows += r["facts"]
        offset += MAX_LIMIT
        if offset >= r["total"] or offset >= 20 * MAX_LIMIT:
            break
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore")
    w.writeheader()
    for f in rows:
        row = {k: f.get(k) for k in CSV_FIELDS}
        row["curation"] = f.get("curation_title")  # who decided what, and why (empty: the machine's record)
        for k, v in row.items():
            if isinstance(v, str) and v[:1] in ("=", "+", "-", "@"):
                row[k] = "'" + v  # no formulas when opened in a spreadsheet
        w.writerow(row)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="facts.csv"'})


@router.get("/facts/{report}/{fid}", response_class=HTMLResponse)
def fact(request: Request, report: str, fid: str):
    f = _archive(request).fact(report, fid, raw=_raw(request))
    if f is None:
        raise HTTPException(404, "no such fact")
    return _render(request, "fact.html", {"f": f})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=300)] = "",
           limit: Annotated[int, Query(ge=1, le=200)] = 30):
    archive = _archive(request)
    hits, total, error, people = [], 0, None, []
    if q.strip():
        people = archive.find_persons(q, limit=5, raw=_raw(request)) if len(q.split()) <= 4 else []
        try:
            with archive.db.use() as store:
                result = run_search(store, q, limit=limit)
            total = result.total
            for h in result.hits:
                ix = archive.index(h.sha256)
                page = ix.page_of.get(h.block) if ix else None
                hits.append({**h.to_json(), "html": snippet_html(h.snippet), "page": page,
                             "slug": ix.slug if ix else h.sha256,
                             "cite": ix.cite(h.start) if ix else ""})
        except Exception as e:  # a malformed query is the user's, not a server error
            error = f"the query could not be run ({type(e).__name__})"
    return _render(request, "search.html", {"q": q, "hits": hits, "total": total, "error": error,
                                            "people": people})
