"""Chart pages: timeline (facts by year and type), trajectories (Sankey + agents), network (SVG).

Each page renders its data as an HTML table (works without JavaScript) and, for the chart, embeds the same
data as JSON in a `<script type="application/json">` element that the bundled `charts.js` hands to plotly.
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from kartoteka.web import analysis
from kartoteka.web.routes.pages import _archive, _int_or_none, _raw, _render

router = APIRouter(include_in_schema=False)


def json_script(data) -> Markup:
    """JSON safe inside a <script type="application/json"> element (no `<`, `>` or `&` left raw)."""
    text = json.dumps(data, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def timeline_data(archive, type: str = "", person: str = "", year_from: int | None = None,
                  year_to: int | None = None, raw: bool = False) -> dict:
    rows = [r for r in archive.timeline(type=type, person=person, raw=raw)
            if (year_from is None or r["year"] >= year_from) and (year_to is None or r["year"] <= year_to)]
    years = sorted({r["year"] for r in rows})
    types = sorted({r["type"] for r in rows})
    grid = {(r["year"], r["type"]): r["count"] for r in rows}
    return {"years": years, "types": types,
            "series": [{"type": t, "counts": [grid.get((y, t), 0) for y in years]} for t in types],
            "rows": rows}


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, type: str = "", person: Annotated[str, Query(max_length=200)] = "",
             year_from: Annotated[str, Query(alias="from", max_length=8)] = "1917",
             year_to: Annotated[str, Query(alias="to", max_length=8)] = "1956"):
    archive = _archive(request)
    data = timeline_data(archive, type, person, _int_or_none(year_from), _int_or_none(year_to), _raw(request))
    return _render(request, "timeline.html", {
        "data": data, "json": json_script({"kind": "timeline", **data}), "types": archive.fact_types(),
        "f": {"type": type, "person": person, "from": year_from, "to": year_to},
    })


@router.get("/trajectories", response_class=HTMLResponse)
def trajectories(request: Request):
    archive = _archive(request)
    raw = _raw(request)
    t = analysis.trajectories(archive, raw)
    public = {k: v for k, v in t.items() if not k.startswith("_")}
    if raw:
        public["bands"] = [{**b, "url": b["url"] + "&raw=1"} for b in public["bands"]]
    return _render(request, "trajectories.html", {
        "t": public, "json": json_script({"kind": "sankey", **public}), "agents": analysis.agents(archive, raw),
    })


@router.get("/trajectories/band", response_class=HTMLResponse)
def band(request: Request, step: Annotated[int, Query(ge=0, le=10)] = 0,
         a: Annotated[str, Query(alias="from", max_length=40)] = "",
         b: Annotated[str, Query(alias="to", max_length=40)] = ""):
    rows = analysis.band(_archive(request), step, a, b, _raw(request))
    return _render(request, "band.html", {"rows": rows, "step": step, "a": a, "b": b})


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, n: Annotated[int, Query(ge=5, le=150)] = 40, kind: str = "paragraph"):
    net = analysis.network(_archive(request), n, kind, _raw(request))
    nodes = analysis.network_svg(net)
    at = {x["id"]: x for x in nodes}
    top_w = max((e["weight"] for e in net["edges"]), default=1)
    edges = [{**e, "x1": at[e["a"]]["sx"], "y1": at[e["a"]]["sy"], "x2": at[e["b"]]["sx"], "y2": at[e["b"]]["sy"],
              "w": round(0.5 + 4 * e["weight"] / top_w, 2)} for e in net["edges"] if e["a"] in at and e["b"] in at]
    return _render(request, "network.html", {"net": net, "nodes": nodes, "edges": edges, "n": n,
                                             "kind": net["kind"], "names": {v["id"]: v["name"] for v in nodes}})
