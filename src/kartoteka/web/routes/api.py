"""The HTTP JSON API under `/api/`: the data of every page, paginated, with OpenAPI docs at `/docs`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from kartoteka.store import search as run_search
from kartoteka.web import analysis
from kartoteka.web.data import MAX_LIMIT
from kartoteka.web.render import Renderer
from kartoteka.web.routes.charts import timeline_data
from kartoteka.web.routes.pages import _archive

router = APIRouter(prefix="/api", tags=["api"])
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Raw = Annotated[bool, Query(description="the machine's own output instead of the curated state (the default)")]


@router.get("/reports", summary="Stored reports with counts")
def api_reports(request: Request, raw: Raw = False) -> dict:
    return {"reports": _archive(request).reports(raw=raw), "view": "raw" if raw else "curated"}


@router.get("/reports/{number}", summary="One report: metadata, reader pages, contents, instalments")
def api_report(request: Request, number: str) -> dict:
    ix = _archive(request).index(number)
    if ix is None:
        raise HTTPException(404, f"no report {number}")
    return ix.to_json()


@router.get("/reports/{number}/d/{page}", summary="One reader page: its blocks with offsets, text and citations")
def api_page(request: Request, number: str, page: str, view: str = "repaired", html: bool = False,
             raw: Raw = False) -> dict:
    archive = _archive(request)
    ix = archive.index(number)
    if ix is None or page not in ix.page_by_key:
        raise HTTPException(404, "no such page")
    pg = ix.page_by_key[page]
    shown = archive.corrections(ix, raw)
    renderer = Renderer(ix, archive.cp_names(raw), shown, archive.mention_links(ix, raw)) if html else None
    blocks = []
    for k in pg.blocks:
        b = ix.blocks[k]
        item = {"block": k, "kind": b.kind, "role": b.role, "start": b.start, "end": b.end,
                "text": ix.text[b.start : b.end], "paragraph": ix.ordinal[k] if b.kind == "paragraph" else None,
                "cite": ix.cite(b.start), "permalink": f"/reports/{ix.slug}/p/{k}"}
        if renderer is not None:
            item["html"] = str(renderer.block(k, "original" if view == "original" else "repaired"))
        blocks.append(item)
    corrections = [c for c in shown if pg.start <= c["start"] < pg.end]
    notes = [] if raw else [n for n in archive.notes(ix) if pg.start <= n["start"] < pg.end]
    links = archive.mention_links(ix, raw)
    mentions = [{"start": s, "end": e, "person": cp if links is None else links.get((s, e))}
                for s, e, cp, _p in ix.mentions if pg.start <= s < pg.end]
    return {"report": ix.slug, "page": pg.key, "title": pg.title, "start": pg.start, "end": pg.end,
            "blocks": blocks, "corrections": corrections, "mentions": mentions, "notes": notes,
            "view": "raw" if raw else "curated"}


@router.get("/persons", summary="Persons by name in any spelling (FBIS, LOC, Cyrillic)")
def api_persons(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
                limit: Annotated[int, Query(ge=1, le=100)] = 50, raw: Raw = False) -> dict:
    return {"q": q, "persons": _archive(request).find_persons(q, limit=limit, raw=raw)}


@router.get("/persons/{cid}", summary="A person card: names, forms, roles, dated facts, co-occurring persons")
def api_person(request: Request, cid: str, raw: Raw = False) -> dict:
    card = _archive(request).person(cid, raw=raw)
    if card is None:
        raise HTTPException(404, f"no person {cid}")
    return card


@router.get("/facts", summary="Facts, filtered and paginated")
def api_facts(request: Request, type: str | None = None,
              year_from: Annotated[int | None, Query(alias="from", ge=0, le=3000)] = None,
              year_to: Annotated[int | None, Query(alias="to", ge=0, le=3000)] = None,
              person: Annotated[str | None, Query(max_length=200)] = None,
              report: Annotated[str | None, Query(max_length=80)] = None,
              modality: str | None = None, agent: Annotated[str | None, Query(max_length=80)] = None,
              limit: Limit = 100, offset: Offset = 0, raw: Raw = False) -> dict:
    return _archive(request).facts(type=type, year_from=year_from, year_to=year_to, person=person, report=report,
                                   modality=modality, agent=agent, limit=limit, offset=offset, raw=raw)


@router.get("/facts/{report}/{fid}", summary="One fact")
def api_fact(request: Request, report: str, fid: str, raw: Raw = False) -> dict:
    f = _archive(request).fact(report, fid, raw=raw)
    if f is None:
        raise HTTPException(404, "no such fact")
    return f


@router.get("/search", summary="Full-text search (any spelling of a surname); persons matching the query first")
def api_search(request: Request, q: Annotated[str, Query(min_length=1, max_length=300)],
               limit: Annotated[int, Query(ge=1, le=200)] = 20, raw: Raw = False) -> dict:
    archive = _archive(request)
    persons = archive.find_persons(q, limit=5, raw=raw) if len(q.split()) <= 4 else []
    try:
        with archive.db.use() as store:
            result = run_search(store, q, limit=limit)
    except Exception as e:  # a malformed query is the caller's error
        raise HTTPException(400, f"the query could not be run ({type(e).__name__})") from None
    hits = []
    for h in result.hits:
        ix = archive.index(h.sha256)
        item = h.to_json()
        if ix is not None:
            item["url"] = f"/reports/{ix.slug}/d/{ix.page_of.get(h.block)}?hl={h.start}-{h.end}#hl"
            item["cite"] = ix.cite(h.start)
        hits.append(item)
    return {"q": q, "persons": persons, "total": result.total, "hits": hits}


@router.get("/timeline", summary="Fact counts by year and type")
def api_timeline(request: Request, type: str = "", person: Annotated[str, Query(max_length=200)] = "",
                 year_from: Annotated[int | None, Query(alias="from")] = None,
                 year_to: Annotated[int | None, Query(alias="to")] = None, raw: Raw = False) -> dict:
    return timeline_data(_archive(request), type, person, year_from, year_to, raw)


@router.get("/trajectories", summary="Person-level fact sequences as Sankey bands; agents and their acts")
def api_trajectories(request: Request, raw: Raw = False) -> dict:
    archive = _archive(request)
    t = analysis.trajectories(archive, raw)
    return {**{k: v for k, v in t.items() if not k.startswith("_")}, "agents": analysis.agents(archive, raw)}


@router.get("/trajectories/band", summary="The persons (and evidence) of one Sankey band")
def api_band(request: Request, step: Annotated[int, Query(ge=0, le=10)],
             a: Annotated[str, Query(alias="from", max_length=40)], b: Annotated[str, Query(alias="to", max_length=40)],
             raw: Raw = False) -> dict:
    return {"step": step, "from": a, "to": b, "persons": analysis.band(_archive(request), step, a, b, raw)}


@router.get("/network", summary="Co-occurrence network (paragraph or fact sentence), top N persons")
def api_network(request: Request, n: Annotated[int, Query(ge=5, le=150)] = 40, kind: str = "paragraph",
                raw: Raw = False) -> dict:
    return analysis.network(_archive(request), n, kind, raw)


@router.get("/curation", summary="What curation changed: per report, removed, added and changed records, notes, "
            "orphaned decisions")
def api_curation(request: Request, report: Annotated[str | None, Query(max_length=80)] = None) -> dict:
    from kartoteka.curation.views import diff

    archive = _archive(request)
    out = []
    with archive.db.use() as store:
        for sha, rc in archive.curation().items():
            if report and report not in (sha, rc.number):
                continue
            out.append({"number": rc.number, **diff(store, sha)})
    return {"reports": out}
