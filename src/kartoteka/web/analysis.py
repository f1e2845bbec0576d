"""Whole-store views computed once per store generation: trajectories (Sankey), agents, co-occurrence network."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations, pairwise
from typing import Any

from kartoteka.curation.views import split_cid
from kartoteka.web.data import AGENTS, Archive, fact_agents

#: Fact types that belong to a person's path through repression (others, such as "elected", are left out).
PATH_TYPES = ("arrested", "expelled", "removed", "tried", "sentenced", "imprisoned", "exiled", "shot", "killed",
              "suicide", "died", "released", "rehabilitated")
MAX_STEPS = 5


def trajectories(archive: Archive, raw: bool = False) -> dict[str, Any]:
    """Person-level sequences of path facts (asserted or reported), in text order within a year, as Sankey bands.

    Nodes are (step, type); a band (step, a, b) counts persons whose step-th fact is `a` and next is `b`.
    """

    def build(_store) -> dict[str, Any]:
        per_person: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for f in archive.all_facts(raw):
            if f.get("type") in PATH_TYPES and f.get("person_id") and f.get("modality") in ("asserted", "reported"):
                per_person[(f["sha256"], f["person_id"])].append(f)
        sequences: dict[tuple[str, str], list[dict]] = {}
        for key, fs in per_person.items():
            fs.sort(key=lambda f: (f.get("year") or 0, f.get("start") or 0, PATH_TYPES.index(f["type"])))
            seq: list[dict] = []
            for f in fs:
                if seq and seq[-1]["type"] == f["type"]:
                    continue
                seq.append(f)
            sequences[key] = seq[:MAX_STEPS]
        bands: dict[tuple[int, str, str], list[tuple[str, str]]] = defaultdict(list)
        for key, seq in sequences.items():
            for i, (a, b) in enumerate(pairwise(seq)):
                bands[(i, a["type"], b["type"])].append(key)
        paths = Counter(" → ".join(f["type"] for f in seq) for seq in sequences.values() if len(seq) > 1)
        nodes: dict[tuple[int, str], int] = {}
        for i, a, b in sorted(bands):
            nodes.setdefault((i, a), len(nodes))
            nodes.setdefault((i + 1, b), len(nodes))
        return {
            "nodes": [{"step": s, "type": t, "label": f"{t} ({s + 1})"} for (s, t) in nodes],
            "bands": [{"step": i, "from": a, "to": b, "count": len(keys), "source": nodes[(i, a)],
                       "target": nodes[(i + 1, b)], "url": f"/trajectories/band?step={i}&from={a}&to={b}"}
                      for (i, a, b), keys in sorted(bands.items(), key=lambda kv: (kv[0][0], -len(kv[1])))],
            "paths": [{"path": p, "count": n} for p, n in paths.most_common(25)],
            "persons_with_paths": sum(1 for s in sequences.values() if len(s) > 1),
            "_sequences": sequences,
            "_bands": bands,
        }

    return archive.cached("trajectories:raw" if raw else "trajectories", build)


def band(archive: Archive, step: int, a: str, b: str, raw: bool = False) -> list[dict[str, Any]]:
    t = trajectories(archive, raw)
    out = []
    names = archive.cp_names()
    for key in t["_bands"].get((step, a, b), []):
        seq = t["_sequences"][key]
        ix = archive.index_by_sha(key[0])
        cp = ix.pid_cp.get(key[1]) if ix else None
        facts = [archive._fact(f["sha256"], ix.number if ix else None, f) for f in seq[step : step + 2]]
        out.append({"person": names.get(cp, seq[0].get("person")), "corpus_person": cp, "facts": facts,
                    "path": [f["type"] for f in seq]})
    out.sort(key=lambda r: r["person"] or "")
    return out


def agents(archive: Archive, raw: bool = False) -> list[dict[str, Any]]:
    """Agents the facts name (in the fact's agent or its evidence sentence) and what each is recorded doing."""

    def build(_store) -> list[dict[str, Any]]:
        acts: dict[str, Counter] = defaultdict(Counter)
        explicit: Counter = Counter()
        for f in archive.all_facts(raw):
            for name in fact_agents(f):
                acts[name][f.get("type")] += 1
            if f.get("agent"):
                explicit[f["agent"]] += 1
        out = [{"agent": name, "total": sum(acts[name].values()),
                "acts": [{"type": t, "count": n} for t, n in acts[name].most_common()]}
               for name in AGENTS if acts.get(name)]
        out.sort(key=lambda a: -a["total"])
        return out + [{"agent": a, "total": n, "explicit": True, "acts": []} for a, n in explicit.most_common(20)
                      if a not in AGENTS]

    return archive.cached("agents:raw" if raw else "agents", build)


def network(archive: Archive, top: int = 40, kind: str = "paragraph", raw: bool = False) -> dict[str, Any]:
    """People linked by co-occurrence in a paragraph (or by sharing a fact's evidence sentence); top N by degree."""
    top = max(5, min(int(top), 150))
    kind = "facts" if kind == "facts" else "paragraph"
    view = ":raw" if raw else ""  # the links follow the curated persons and facts
    facts_by_report: dict[str, list[dict]] = defaultdict(list)
    if kind == "facts":
        for f in archive.all_facts(raw):
            facts_by_report[f["sha256"]].append(f)

    def build(store) -> dict[str, Any]:
        import networkx as nx

        g = nx.Graph()
        shas = [r[0] for r in store.all("SELECT sha256 FROM reports")]
        for sha in shas:
            ix = archive._indexes.get(sha)
            if ix is None:
                from kartoteka.web.data import ReportIndex

                ix = archive._indexes[sha] = ReportIndex(store, sha)
            if kind == "paragraph":
                groups = [sorted(ps) for ps in archive.block_persons(ix, raw).values()]
            else:
                by_sentence: dict[tuple[int, int], set[str]] = defaultdict(set)
                for f in facts_by_report.get(sha, []):
                    pid = f.get("person_id")
                    cp = ix.pid_cp.get(pid) or (split_cid(pid) if pid and pid.startswith("p-c-") else None)
                    if cp and f.get("start") is not None:
                        by_sentence[(f["start"], f["end"])].add(cp)
                groups = [sorted(ps) for ps in by_sentence.values()]
            for ps in groups:
                for a, b in combinations(ps, 2):
                    w = g.get_edge_data(a, b, {}).get("weight", 0)
                    g.add_edge(a, b, weight=w + 1)
        return {"graph": g}

    g = archive.cached(f"network:{kind}{view}", build)["graph"]

    def cut(_store) -> dict[str, Any]:
        import networkx as nx

        strength = dict(g.degree(weight="weight"))
        keep = sorted(strength, key=lambda n: (-strength[n], n))[:top]
        sub = g.subgraph(keep).copy()
        pos = nx.spring_layout(sub, seed=7, weight="weight", iterations=60) if len(sub) else {}
        names = archive.cp_names(raw)  # curated: renamed persons under their new name
        nodes = [{"id": n, "name": names.get(n, n), "weight": strength[n], "x": float(pos[n][0]) if n in pos else 0.0,
                  "y": float(pos[n][1]) if n in pos else 0.0} for n in keep]
        edges = sorted(({"a": a, "b": b, "weight": d["weight"]} for a, b, d in sub.edges(data=True)),
                       key=lambda e: -e["weight"])
        return {"kind": kind, "top": top, "nodes": nodes, "edges": edges}

    return archive.cached(f"network:{kind}{view}:{top}", cut)


def network_svg(net: dict[str, Any], width: int = 960, height: int = 720) -> list[dict[str, Any]]:
    """Screen coordinates for the server-rendered SVG."""
    nodes = net["nodes"]
    if not nodes:
        return []
    xs = [n["x"] for n in nodes]
    ys = [n["y"] for n in nodes]
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    top = max(n["weight"] for n in nodes) or 1
    out = []
    for n in nodes:
        sx = 60 + (n["x"] - minx) / ((maxx - minx) or 1) * (width - 120)
        sy = 40 + (n["y"] - miny) / ((maxy - miny) or 1) * (height - 80)
        out.append({**n, "sx": round(sx, 1), "sy": round(sy, 1), "r": round(4 + 10 * math.sqrt(n["weight"] / top), 1)})
    return out
