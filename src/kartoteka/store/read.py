"""Read functions over the whole store, for `stats` and for the `person`/`facts`/`timeline` commands with `--db`.

Shapes follow the facts issue: persons as their `Person.to_json()` plus `report` and `corpus_person`;
facts as their `Fact.to_json()` plus `report` (number) and `sha256`.
"""

from __future__ import annotations

import json
from typing import Any

from kartoteka.names import name_key
from kartoteka.store.backend import Store
from kartoteka.store.corpus_persons import surname_and_initial


def stats(store: Store) -> dict[str, int]:
    def count(table: str) -> int:
        return int(store.scalar(f"SELECT count(*) FROM {table}") or 0)

    return {
        "reports": count("reports"),
        "persons": count("corpus_persons"),
        "mentions": count("person_mentions"),
        "facts": count("facts"),
        "corrections": count("corrections"),
        "bytes": int(store.scalar("SELECT coalesce(sum(bytes), 0) FROM reports") or 0),
    }


def reports(store: Store) -> list[dict[str, Any]]:
    rows = store.all(
        "SELECT sha256, number, date, title, path, bytes, pipeline_version FROM reports ORDER BY number, sha256"
    )
    keys = ("sha256", "number", "date", "title", "path", "bytes", "pipeline_version")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def persons_by_name(store: Store, name: str, curated: bool = True) -> list[dict[str, Any]]:
    """Corpus persons whose surname (any spelling: FBIS, LOC, Cyrillic...) matches `name`.

    With initials or a first name in `name`, only the compatible initial group is returned.
    Each result: {"id", "name", "reports": [...], "records": [person JSON + report]}.
    `curated` (curation hook): records of reports with decisions show the curated person; False is the raw layer.
    """
    _, skey, initial = surname_and_initial(name, None)
    if not skey:
        return []
    cps = [(cid, cname) for cid, cname, cinitial in store.all(
        "SELECT id, name, initial FROM corpus_persons WHERE surname_key = ? ORDER BY id", (skey,))
        if not (initial and cinitial and cinitial != initial)]
    extra: list[dict[str, Any]] = []
    if curated:  # a renamed person, an added alias, a person a split created: found by the curated names too
        from kartoteka.curation.views import curated_person_ids, is_split_cid, split_card

        seen = {c for c, _ in cps}
        for cid in curated_person_ids(store, name):
            if cid in seen:
                continue
            if is_split_cid(cid):
                extra += [c for c in [split_card(store, cid)] if c]
            else:
                cps += [(cid, n) for (n,) in store.all("SELECT name FROM corpus_persons WHERE id = ?", (cid,))]
    out = []
    for cid, cname in cps:
        records = store.all(
            "SELECT p.report, r.number, p.json, p.id FROM corpus_person_links l "
            "JOIN persons p ON p.report = l.report AND p.id = l.person "
            "JOIN reports r ON r.sha256 = p.report WHERE l.corpus_person = ? ORDER BY r.number, p.report, p.id",
            (cid,),
        )
        mentions: dict[tuple[str, str], list[dict]] = {}
        for sha, person, start, end, text in store.all(
            'SELECT m.report, m.person, m.start, m."end", m.text FROM corpus_person_links l JOIN person_mentions m '
            'ON m.report = l.report AND m.person = l.person WHERE l.corpus_person = ? ORDER BY m.start',
            (cid,),
        ):
            mentions.setdefault((sha, person), []).append({"start": start, "end": end, "text": text})
        out.append({
            "id": cid,
            "name": cname,
            "reports": sorted({r[1] or r[0] for r in records}),
            "records": [{**json.loads(r[2]), "mentions": mentions.get((r[0], r[3]), []), "report": r[1], "sha256": r[0]}
                        for r in records],
        })
    if curated:
        from kartoteka.curation.views import curate_cards

        return curate_cards(store, out) + extra
    return out


def facts(
    store: Store,
    person: str | None = None,
    type: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    report: str | None = None,
    limit: int | None = None,
    curated: bool = True,
) -> list[dict[str, Any]]:
    """Facts across stored reports, filtered; `person` is a name in any spelling or a corpus person id.

    `curated` (curation hook): apply the historians' decisions (identical to the raw layer when there are none);
    False reads the machine's facts table directly.
    """
    if curated:
        from kartoteka.curation.views import curated_facts

        found = curated_facts(store, person, type, year_from, year_to, report, limit)
        if found is not None:
            return found
    where, params = _fact_filters(store, person, type, year_from, year_to, report)
    sql = (
        "SELECT f.report, r.number, f.json FROM facts f JOIN reports r ON r.sha256 = f.report"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY f.year, r.number, f.start"
    )
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [{**json.loads(j), "report": number, "sha256": sha} for sha, number, j in store.all(sql, params)]


def timeline(store: Store, person: str | None = None, type: str | None = None,
             curated: bool = True) -> list[dict[str, Any]]:
    """Fact counts per year and type: [{"year", "type", "count"}].

    `curated` (curation hook): count the curated facts (identical to the raw layer when there are no decisions);
    False counts the machine's facts table directly.
    """
    if curated:
        from collections import Counter

        from kartoteka.curation.views import curated_facts

        found = curated_facts(store, person, type, None, None, None, None)
        if found is not None:
            counts = Counter((f["year"], f.get("type")) for f in found if f.get("year") is not None)
            return [{"year": y, "type": t, "count": n}
                    for (y, t), n in sorted(counts.items(), key=lambda kv: (kv[0][0], str(kv[0][1])))]
    where, params = _fact_filters(store, person, type, None, None, None)
    where.append("f.year IS NOT NULL")
    rows = store.all(
        "SELECT f.year, f.type, count(*) FROM facts f JOIN reports r ON r.sha256 = f.report WHERE "
        + " AND ".join(where)
        + " GROUP BY f.year, f.type ORDER BY f.year, f.type",
        params,
    )
    return [{"year": y, "type": t, "count": int(c)} for y, t, c in rows]


def _fact_filters(store, person, type, year_from, year_to, report) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if person:
        ids = ([person] if person.startswith("cp-")
               else [p["id"] for p in persons_by_name(store, person, curated=False)])
        if not ids:
            return ["1 = 0"], []
        marks = ",".join("?" * len(ids))
        where.append(
            "EXISTS (SELECT 1 FROM corpus_person_links l WHERE l.report = f.report AND l.person = f.person "
            f"AND l.corpus_person IN ({marks}))"
        )
        params.extend(ids)
    if type:
        where.append("f.type = ?")
        params.append(type)
    if year_from is not None:
        where.append("f.year >= ?")
        params.append(int(year_from))
    if year_to is not None:
        where.append("f.year <= ?")
        params.append(int(year_to))
    if report:
        where.append("(r.number = ? OR r.sha256 = ?)")
        params.extend([report, report])
    return where, params


def surname_key(name: str) -> str:
    return name_key(name.split()[-1]) if name.split() else ""
