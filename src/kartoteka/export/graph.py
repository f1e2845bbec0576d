"""The person network of a report as GraphML and GEXF (networkx).

Nodes are the report's persons (label, surname, spellings, mention count). Two persons are linked when
they are named in the same paragraph; `weight` counts such paragraphs. An edge also counts the facts in
which one is the subject and the other the agent (`facts`).
"""

from __future__ import annotations

from pathlib import Path

from kartoteka.errors import InputError
from kartoteka.export.bundle import Bundle


def person_graph(b: Bundle):
    try:
        import networkx as nx
    except ImportError:
        raise InputError("the graph export needs networkx: pip install 'kartoteka[export]'") from None
    g = nx.Graph(name=b.name, source=b.urn)
    for p in b.persons:
        keys = p.get("keys") or {}
        g.add_node(p["id"], label=p.get("name") or p["id"], surname=p.get("surname") or "",
                   mentions=len(p.get("mentions") or []), fbis=keys.get("fbis") or "",
                   cyrillic=keys.get("cyrillic") or "")
    blocks = sorted((blk.start, blk.end, i) for i, blk in enumerate(b.report.blocks) if blk.kind != "footnote")
    starts = [s for s, _, _ in blocks]
    import bisect

    members: dict[int, set[str]] = {}
    for m in b.mentions():
        k = bisect.bisect_right(starts, m["start"]) - 1
        if k >= 0 and m["start"] < blocks[k][1]:
            members.setdefault(blocks[k][2], set()).add(m["person"])
    for ids in members.values():
        ordered = sorted(ids)
        for i, a in enumerate(ordered):
            for c in ordered[i + 1 :]:
                if g.has_edge(a, c):
                    g[a][c]["weight"] += 1
                else:
                    g.add_edge(a, c, weight=1, facts=0)
    names = {(p.get("name") or "").lower(): p["id"] for p in b.persons}
    for f in b.facts:
        agent = names.get((f.get("agent") or "").lower())
        subject = f.get("person_id")
        if agent and subject and agent != subject and subject in g:
            if not g.has_edge(agent, subject):
                g.add_edge(agent, subject, weight=0, facts=0)
            g[agent][subject]["facts"] += 1
    return g


def export_graph(bundles: list[Bundle], out: Path) -> list[Path]:
    import networkx as nx

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for b in bundles:
        g = person_graph(b)
        graphml, gexf = out / f"{b.name}.graphml", out / f"{b.name}.gexf"
        nx.write_graphml(g, graphml)
        nx.write_gexf(g, gexf)
        written += [graphml, gexf]
    return written
