"""What the pages and the API show, read from the store: one in-memory index per report, built once.

A `ReportIndex` holds a report's source text and its standoff layers (blocks, divisions, footnotes, glosses,
corrections, person mentions) so that the reader can slice the text by offsets without a query per paragraph.
The indexes are rebuilt when a report's `derived_at` changes (a re-ingest while the server runs).
"""

from __future__ import annotations

import bisect
import copy
import json
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from kartoteka.curation import views as pv
from kartoteka.store import read
from kartoteka.store.backend import Store
from kartoteka.structure.patterns import INSTALMENT
from kartoteka.web import curated as cv

MAX_LIMIT = 500
MONTHS = {m[:3].lower(): m for m in ("January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December")}


@dataclass
class Block:
    idx: int
    kind: str
    role: str | None
    start: int
    end: int
    division: int | None


@dataclass
class Page:
    """One reader page: a chapter or article (or part, or the whole report), or the front matter."""

    key: str
    title: str
    kind: str
    division: int | None
    start: int
    end: int
    blocks: list[int] = field(default_factory=list)


@dataclass
class Instalment:
    label: str
    start: int
    end: int
    block: int


class ReportIndex:
    def __init__(self, store: Store, sha: str):
        row = store.one("SELECT number, date, title, source_text, derived_at FROM reports WHERE sha256 = ?", (sha,))
        assert row is not None
        self.sha = sha
        self.number, self.date, self.title, self.text, self.derived_at = row
        self.slug = self.number or sha
        self.blocks = [Block(*r) for r in store.all(
            'SELECT idx, kind, role, start, "end", division FROM blocks WHERE report = ? ORDER BY idx', (sha,))]
        self.starts = [b.start for b in self.blocks]
        self.divisions = [
            dict(zip(("idx", "kind", "number", "ordinal", "title", "level", "start", "end", "parent"), r, strict=True))
            for r in store.all('SELECT idx, kind, number, ordinal, title, level, start, "end", parent FROM divisions '
                               "WHERE report = ? ORDER BY idx", (sha,))
        ]
        self.footnotes = [
            dict(zip(("idx", "block", "number", "text", "start", "end", "marker_start", "marker_end"), r, strict=True))
            for r in store.all('SELECT idx, block, number, text, start, "end", marker_start, marker_end FROM footnotes '
                               "WHERE report = ? ORDER BY idx", (sha,))
        ]
        self.glosses = [
            dict(zip(("kind", "term", "gloss", "term_start", "term_end", "start", "end"), r, strict=True))
            for r in store.all('SELECT kind, term, gloss, term_start, term_end, start, "end" FROM glosses '
                               "WHERE report = ? ORDER BY start", (sha,))
        ]
        self.corrections = [
            dict(zip(("start", "end", "original", "replacement", "kind", "reason", "confidence"), r, strict=True))
            for r in store.all('SELECT start, "end", original, replacement, kind, reason, confidence FROM corrections '
                               "WHERE report = ? ORDER BY start", (sha,))
        ]
        self.pid_cp = dict(store.all("SELECT person, corpus_person FROM corpus_person_links WHERE report = ?", (sha,)))
        self.mentions = [
            (s, e, self.pid_cp.get(p), p)
            for p, s, e in store.all('SELECT person, start, "end" FROM person_mentions WHERE report = ? '
                                     "ORDER BY start", (sha,))
        ]
        self._cites: dict[int | None, str] = {}
        self._ordinals()
        self._pages()
        self._instalments()
        self.block_persons: dict[int, set[str]] = defaultdict(set)
        for s, _e, cp, _p in self.mentions:
            k = self.block_at(s)
            if k is not None and cp:
                self.block_persons[k].add(cp)

    # -- structure ------------------------------------------------------------------------------
    def _ordinals(self) -> None:
        counts: dict = {}
        self.ordinal: list[int] = []
        for b in self.blocks:
            if b.kind == "paragraph":
                counts[b.division] = counts.get(b.division, 0) + 1
            self.ordinal.append(counts.get(b.division, 0))

    def _pages(self) -> None:
        level = [d for d in self.divisions if d["kind"] == "chapter"] or [
            d for d in self.divisions if d["kind"] == "part"]
        pages = [Page(str(d["idx"]), d["title"] or d["number"] or f"{d['kind']} {d['idx']}", d["kind"], d["idx"],
                      d["start"], d["end"]) for d in level]
        if not pages:
            pages = [Page("all", self.title or self.slug, "report", None, 0, len(self.text))]
        first = pages[0].start
        front = Page("front", "Front matter", "front", None, 0, first)
        self.page_of: dict[int, str] = {}
        for b in self.blocks:
            if b.start < first and b.division is None:
                page = front
            else:
                page = next((p for p in pages if p.start <= b.start < p.end), None)
                if page is None:
                    page = next((p for p in pages if p.start >= b.start), pages[-1])
            page.blocks.append(b.idx)
            self.page_of[b.idx] = page.key
        self.pages = ([front] if front.blocks else []) + pages
        self.page_by_key = {p.key: p for p in self.pages}
        self.division_block: dict[int, int] = {}
        for d in self.divisions:
            k = bisect.bisect_left(self.starts, d["start"])
            if k < len(self.blocks):
                self.division_block[d["idx"]] = k

    def _instalments(self) -> None:
        self.instalments: list[Instalment] = []
        for b in self.blocks:
            if b.role != "instalment":
                continue
            m = INSTALMENT.match(self.text[b.start : b.end])
            if not m:
                continue
            year = int(m.group("year"))
            year = (1900 + year if year >= 40 else 2000 + year) if year < 100 else year
            month = MONTHS.get(m.group("month")[:3].lower(), m.group("month"))[:3]
            label = f"{m.group('publication').strip()} No {m.group('number')}, {month} {year}, " \
                    f"pp {m.group('first')}-{m.group('last')}"
            self.instalments.append(Instalment(label, b.start, len(self.text), b.idx))
        for cur, nxt in zip(self.instalments, self.instalments[1:], strict=False):
            cur.end = nxt.start

    def block_at(self, offset: int) -> int | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k if k >= 0 else None

    def where(self, offset: int) -> dict[str, Any]:
        k = self.block_at(offset)
        out: dict[str, Any] = {"block": k}
        if k is not None:
            out["paragraph"] = self.ordinal[k]
            out["page"] = self.page_of.get(k)
            d = self.blocks[k].division
            while d is not None:
                div = self.divisions[d]
                out.setdefault(div["kind"], div["title"] or div["number"])
                d = div["parent"]
        for ins in self.instalments:
            if ins.start <= offset < ins.end:
                out["instalment"] = ins.label
        return out

    def cite(self, offset: int) -> str:
        k = self.block_at(offset)
        if k not in self._cites:
            self._cites[k] = self._cite(offset)
        return self._cites[k]

    def _cite(self, offset: int) -> str:
        w = self.where(offset)
        parts = [self.number or self.sha[:12], pretty_date(self.date)]
        parts += [w.get("instalment"), w.get("part") and f"Part: {w['part']}", w.get("chapter") and
                  f"Chapter: {w['chapter']}", w.get("section") and f"section {w['section']}",
                  w.get("paragraph") and f"paragraph {w['paragraph']}"]
        return "; ".join(str(p) for p in parts if p)

    def contents(self) -> list[dict[str, Any]]:
        """The divisions as navigation: each with its depth, page and anchor block."""
        out = []
        for d in self.divisions:
            b = self.division_block.get(d["idx"])
            page = self.page_of.get(b) if b is not None else None
            label = d["title"] or (f"§ {d['number']}" if d["number"] else d["kind"])
            if d["kind"] == "part" and d["number"]:
                label = f"Part {d['number']}: {d['title'] or ''}".rstrip(": ")
            out.append({"idx": d["idx"], "kind": d["kind"], "level": d["level"] or 1, "label": label, "page": page,
                        "block": b})
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number, "sha256": self.sha, "date": self.date, "title": self.title,
            "pages": [{"key": p.key, "title": p.title, "kind": p.kind, "start": p.start, "end": p.end,
                       "blocks": len(p.blocks)} for p in self.pages],
            "contents": self.contents(),
            "instalments": [{"label": i.label, "start": i.start, "end": i.end, "page": self.page_of.get(i.block),
                             "block": i.block} for i in self.instalments],
        }


def pretty_date(date: str | None) -> str | None:
    if not date or not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        return date
    y, m, d = date.split("-")
    return f"{int(d)} {list(MONTHS.values())[int(m) - 1]} {y}"


class Archive:
    """The store as the pages see it; caches per-report indexes and the whole-store aggregates."""

    def __init__(self, db):
        self.db = db
        self._lock = threading.Lock()
        self._indexes: dict[str, ReportIndex] = {}
        self._generation: tuple = ()
        self._decisions: tuple = ()
        self._cache: dict[str, Any] = {}

    # -- caches ---------------------------------------------------------------------------------
    def _refresh(self, store: Store) -> None:
        gen = tuple(store.all("SELECT sha256, derived_at FROM reports ORDER BY sha256"))
        if gen != self._generation:
            self._generation = gen
            self._indexes.clear()
            self._cache.clear()
        decisions = cv.generation(store)  # a new decision: the views are recomputed, the indexes kept
        if decisions != self._decisions:
            self._decisions = decisions
            self._cache.clear()

    def curation(self) -> dict[str, cv.ReportCuration]:
        """sha256 -> the machine and curated records of every report some decision names."""
        return self.cached("curation", cv.build)

    def cached(self, name: str, build):
        with self.db.use() as store:
            self._refresh(store)
            if name not in self._cache:
                self._cache[name] = build(store)
            return self._cache[name]

    def index(self, number: str) -> ReportIndex | None:
        with self.db.use() as store:
            self._refresh(store)
            row = store.one("SELECT sha256 FROM reports WHERE number = ? OR sha256 = ? ORDER BY number LIMIT 1",
                            (number, number))
            if row is None:
                return None
            sha = row[0]
            if sha not in self._indexes:
                self._indexes[sha] = ReportIndex(store, sha)
            return self._indexes[sha]

    def index_by_sha(self, sha: str) -> ReportIndex | None:
        return self.index(sha)

    # -- reports --------------------------------------------------------------------------------
    def reports(self, raw: bool = False) -> list[dict[str, Any]]:
        """Every report with its counts: of the curated persons, facts and corrections (a merge counts once, a split
        twice, rejected facts not at all) unless `raw`."""
        cur = {} if raw else self.curation()

        def build(store: Store) -> list[dict[str, Any]]:
            out = []
            for r in read.reports(store):
                sha = r["sha256"]
                counts = {t: int(store.scalar(f"SELECT count(*) FROM {t} WHERE report = ?", (sha,)) or 0)
                          for t in ("blocks", "persons", "facts", "corrections", "footnotes")}
                if sha in cur:
                    rc = cur[sha]
                    counts.update(persons=len(rc.persons), facts=len(rc.facts), corrections=len(rc.corrections))
                out.append({"number": r["number"], "sha256": sha, "date": r["date"], "title": r["title"],
                            "bytes": r["bytes"], "counts": counts, "slug": r["number"] or sha})
            return out

        return self.cached("reports:raw" if raw else "reports", build)

    def cp_names(self, raw: bool = True) -> dict[str, str]:
        """Corpus person id -> name: the machine's (`raw`), or with the names decisions gave (renames; persons a
        split created under their own id)."""
        names = self.cached("cp_names", lambda s: dict(s.all("SELECT id, name FROM corpus_persons")))
        if raw:
            return names

        def build(store: Store) -> dict[str, str]:
            out = dict(names)
            for sha, rc in self.curation().items():
                links = dict(store.all("SELECT person, corpus_person FROM corpus_person_links WHERE report = ?",
                                       (sha,)))
                for pid, p in rc.persons.items():
                    if p.get("split_from"):
                        out[pv.split_cid(pid)] = p.get("name") or pid
                    elif p.get("curation") and pid in links and p.get("name"):
                        out[links[pid]] = p["name"]
            return out

        return self.cached("cp_names:curated", build)

    # -- persons --------------------------------------------------------------------------------
    def find_persons(self, q: str, limit: int = 50, raw: bool = False) -> list[dict[str, Any]]:
        q = " ".join(q.split())[:200]
        if not q:
            return []
        with self.db.use() as store:
            found = read.persons_by_name(store, q, curated=not raw)  # curated names and aliases too
            if not found:
                like = q.replace("\\", "").replace("%", "").replace("_", "")
                rows = store.all("SELECT id FROM corpus_persons WHERE lower(name) LIKE ? ORDER BY name LIMIT ?",
                                 (f"%{like.lower()}%", limit))
                found = [{"id": r[0]} for r in rows]
        out = []
        for p in found[:limit]:
            card = self.person(p["id"], brief=True, raw=raw)
            if card:
                out.append(card)
        out.sort(key=lambda c: -c["mention_count"])
        return out

    def person(self, cid: str, brief: bool = False, raw: bool = False) -> dict[str, Any] | None:
        cur = self.curation()
        if pv.is_split_cid(cid):
            return self._split_person(cid, brief, raw)
        with self.db.use() as store:
            row = store.one("SELECT id, name FROM corpus_persons WHERE id = ?", (cid,))
            if row is None:
                return None
            records = store.all(
                "SELECT p.report, r.number, p.id, p.json FROM corpus_person_links l JOIN persons p ON p.report = "
                "l.report AND p.id = l.person JOIN reports r ON r.sha256 = p.report WHERE l.corpus_person = ? "
                "ORDER BY r.number, p.id", (cid,))
            per_record = dict(((r, p), int(n)) for r, p, n in store.all(
                "SELECT l.report, l.person, count(*) FROM corpus_person_links l JOIN person_mentions m ON "
                "m.report = l.report AND m.person = l.person WHERE l.corpus_person = ? GROUP BY l.report, l.person",
                (cid,)))
        mention_count = 0
        for sha, _number, pid, _js in records:  # curated: a merge or a split moves mentions
            rc = cur.get(sha)
            if raw or rc is None:
                mention_count += per_record.get((sha, pid), 0)
            elif pid in rc.persons:
                mention_count += len(rc.persons[pid].get("mentions") or [])
        names, forms, roles, keys, aliases = [], set(), [], {}, set()
        decisions: list[dict] = []
        name, raw_name, merged_into = row[1], None, []
        for sha, _number, pid, js in records:
            rec = cv.person_record(cur.get(sha), pid, json.loads(js), raw)
            if rec is None or rec.get("status") == "merged":
                gone = cv.person_record(cur.get(sha), pid, json.loads(js), True) or {}
                decisions += gone.get("curation", [])
                merged_into.append(gone.get("merged_into"))
                if rec is None:
                    continue
            decisions += [d for d in rec.get("curation", []) if d not in decisions]
            if rec.get("raw_name") and rec.get("raw_name") != rec.get("name"):
                name, raw_name = rec["name"], rec["raw_name"]
            elif rec.get("curated_name") and rec["curated_name"] != rec.get("name"):
                raw_name = rec["curated_name"]  # the raw view: the machine's name, and the curated one
            if rec.get("name") and rec["name"] not in names:
                names.append(rec["name"])
            forms.update(rec.get("forms") or [])
            aliases.update(rec.get("aliases") or [])
            for role in rec.get("roles") or []:
                if role not in roles:
                    roles.append(role)
            for k, v in (rec.get("keys") or {}).items():
                keys.setdefault(k, v)
        card: dict[str, Any] = {
            "id": row[0], "name": name, "names": names, "forms": sorted(forms), "aliases": sorted(aliases),
            "keys": keys, "roles": roles, "mention_count": mention_count,
            "reports": sorted({r[1] or r[0] for r in records}),
            "report_shas": sorted({r[0] for r in records}),
        }
        if decisions:
            card["curation"] = decisions
            card["curation_title"] = cv.title(decisions)
        if raw_name:
            card["name_change"] = [row[1], name] if not raw else [row[1], raw_name]
        if any(merged_into):
            card["merged_into"] = [m for m in merged_into if m]
        if brief:
            return card
        facts = self.facts(person=cid, limit=MAX_LIMIT, raw=raw)["facts"]
        card["facts"] = facts
        co: Counter = Counter()
        first_mention = None
        for sha, _number, pid, _js in records:
            ix = self.index_by_sha(sha)
            if ix is None:
                continue
            persons = self.block_persons(ix, raw)  # curated: merged persons count once
            for b in {k for k, ps in persons.items() if cid in ps}:
                for other in persons[b]:
                    if other != cid:
                        co[other] += 1
            if first_mention is None:
                m = next(((s, e) for s, e, _cp, p in ix.mentions if p == pid), None)
                if m:
                    first_mention = {"report": ix.slug, "start": m[0], "end": m[1],
                                     "page": ix.page_of.get(ix.block_at(m[0])), "cite": ix.cite(m[0])}
        card["cooccurring"] = self._cooccurring(co, raw)
        card["first_mention"] = first_mention
        return card

    def _split_person(self, cid: str, brief: bool, raw: bool) -> dict[str, Any] | None:
        """The card of a person a split decision created: its mentions and facts are the ones moved to it."""
        with self.db.use() as store:
            found = pv.split_person(store, cid)
        if found is None:
            return None
        sha, p = found
        ix = self.index_by_sha(sha)
        decisions = p.get("curation") or []
        card: dict[str, Any] = {
            "id": cid, "name": p.get("name"), "names": [p.get("name")], "forms": sorted(p.get("forms") or []),
            "aliases": sorted(p.get("aliases") or []), "keys": p.get("keys") or {}, "roles": p.get("roles") or [],
            "mention_count": len(p.get("mentions") or []), "reports": [ix.slug if ix else sha],
            "report_shas": [sha], "split_from": p.get("split_from"), "curation": decisions,
            "curation_title": cv.title(decisions),
        }
        if brief:
            return card
        card["facts"] = [] if raw else self.facts(person=cid, limit=MAX_LIMIT)["facts"]
        co: Counter = Counter()
        first_mention = None
        if ix is not None:
            blocks = {ix.block_at(m["start"]) for m in p.get("mentions") or []}
            persons = self.block_persons(ix, raw)
            for b in blocks:
                for other in persons.get(b, ()):
                    if other != cid:
                        co[other] += 1
            m = min(p.get("mentions") or [], key=lambda m: m["start"], default=None)
            if m:
                first_mention = {"report": ix.slug, "start": m["start"], "end": m["end"],
                                 "page": ix.page_of.get(ix.block_at(m["start"])), "cite": ix.cite(m["start"])}
        card["cooccurring"] = self._cooccurring(co, raw)
        card["first_mention"] = first_mention
        return card

    def _cooccurring(self, co: Counter, raw: bool = False) -> list[dict[str, Any]]:
        names = self.cp_names(raw)
        return [{"id": o, "name": names.get(o, o), "paragraphs": n} for o, n in co.most_common(15)]

    def block_persons(self, ix: ReportIndex, raw: bool = False) -> dict[int, set[str]]:
        """block -> the corpus persons mentioned in it: the curated persons (a merge counts once, a person a split
        created under its own id) unless `raw`."""
        rc = None if raw else self.curation().get(ix.sha)
        if rc is None:
            return ix.block_persons

        def build(_store) -> dict[int, set[str]]:
            out: dict[int, set[str]] = defaultdict(set)
            for pid, p in rc.persons.items():
                cp = ix.pid_cp.get(pid) or (pv.split_cid(pid) if p.get("split_from") else None)
                if not cp:
                    continue
                for m in p.get("mentions") or []:
                    k = ix.block_at(m["start"])
                    if k is not None:
                        out[k].add(cp)
            return out

        return self.cached(f"block_persons:{ix.sha}", build)

    def mention_links(self, ix: ReportIndex, raw: bool = False) -> dict[tuple[int, int], str] | None:
        """(start, end) of a person mention -> the corpus person its link goes to in the curated state (a split
        mention to the person the split created, a merged one to the survivor); None for the machine's links."""
        rc = None if raw else self.curation().get(ix.sha)
        if rc is None:
            return None

        def build(_store) -> dict[tuple[int, int], str]:
            out: dict[tuple[int, int], str] = {}
            for pid, p in rc.persons.items():
                cp = ix.pid_cp.get(pid) or (pv.split_cid(pid) if p.get("split_from") else None)
                if cp:
                    for m in p.get("mentions") or []:
                        out[(m["start"], m["end"])] = cp
            return out

        return self.cached(f"mention_links:{ix.sha}", build)

    # -- facts ----------------------------------------------------------------------------------
    def facts(self, type: str | None = None, year_from: int | None = None, year_to: int | None = None,
              person: str | None = None, report: str | None = None, modality: str | None = None,
              agent: str | None = None, limit: int = 100, offset: int = 0, raw: bool = False) -> dict[str, Any]:
        """Facts, filtered and paginated: the curated state (default) or the machine's (`raw`), each marked
        where a decision changed it."""
        limit = max(1, min(int(limit), MAX_LIMIT))
        offset = max(0, int(offset))
        cur = self.curation()
        swap = {} if raw else cur  # reports whose facts come from the curated state instead of the table
        with self.db.use() as store:
            where, params = read._fact_filters(store, person or None, type or None, year_from, year_to,
                                               report or None)
            if modality:
                where.append("f.modality = ?")
                params.append(modality)
            if swap:
                where.append(f"f.report NOT IN ({','.join('?' * len(swap))})")
                params.extend(swap)
            sql_where = (" WHERE " + " AND ".join(where)) if where else ""
            base = "FROM facts f JOIN reports r ON r.sha256 = f.report" + sql_where
            order = "ORDER BY f.year, r.number, f.start"
            pairs = _person_pairs(store, person) if swap and person else None
            if agent or swap:
                rows = [(sha, number, json.loads(js))
                        for sha, number, js in store.all(f"SELECT f.report, r.number, f.json {base} {order}", params)]
            else:
                total = int(store.scalar(f"SELECT count(*) {base}", params) or 0)
                rows = [(sha, number, json.loads(js)) for sha, number, js in store.all(
                    f"SELECT f.report, r.number, f.json {base} {order} LIMIT ? OFFSET ?", [*params, limit, offset])]
        if swap:
            for sha, rc in swap.items():
                if report and report not in (sha, rc.number):
                    continue
                for f in rc.facts.values():
                    if ((type and f.get("type") != type) or (modality and f.get("modality") != modality)
                            or (year_from is not None and (f.get("year") is None or f["year"] < year_from))
                            or (year_to is not None and (f.get("year") is None or f["year"] > year_to))
                            or (pairs is not None and (sha, f.get("person_id")) not in pairs)):
                        continue
                    rows.append((sha, rc.number, copy.deepcopy(f)))
            rows.sort(key=lambda r: (r[2].get("year") is not None, r[2].get("year") or 0, r[1] or "",
                                     r[2].get("start") or 0))
        if agent or swap:
            if agent:
                rows = [r for r in rows if agent_matches(r[2], agent)]
            total = len(rows)
            rows = rows[offset : offset + limit]
        indexes: dict[str, ReportIndex | None] = {}
        facts = []
        for sha, number, f in rows:
            if sha not in indexes:
                indexes[sha] = self.index_by_sha(sha)
            facts.append(cv.mark_fact(self._fact(sha, number, f, indexes[sha]), cur.get(sha), raw))
        return {"total": total, "limit": limit, "offset": offset, "facts": facts, "view": "raw" if raw else "curated"}

    def fact(self, report: str, fid: str, raw: bool = False) -> dict[str, Any] | None:
        """One fact; in the curated view a rejected fact is still found (marked rejected), so links keep working."""
        cur = self.curation()
        with self.db.use() as store:
            row = store.one("SELECT f.report, r.number, f.json FROM facts f JOIN reports r ON r.sha256 = f.report "
                            "WHERE (r.number = ? OR r.sha256 = ?) AND f.id = ?", (report, report, fid))
            sha = row[0] if row else store.scalar(
                "SELECT sha256 FROM reports WHERE number = ? OR sha256 = ? ORDER BY number LIMIT 1", (report, report))
        rc = cur.get(sha) if sha else None
        if rc is not None and not raw:
            if fid in rc.facts:
                return cv.mark_fact(self._fact(sha, rc.number, copy.deepcopy(rc.facts[fid])), rc, raw)
            if fid in rc.removed_facts:
                return cv.mark_fact(self._fact(sha, rc.number, copy.deepcopy(rc.removed_facts[fid])), rc, True)
        return cv.mark_fact(self._fact(row[0], row[1], json.loads(row[2])), rc, raw) if row else None

    def _fact(self, sha: str, number: str | None, f: dict[str, Any], ix: ReportIndex | None = None) -> dict[str, Any]:
        ix = ix or self.index_by_sha(sha)
        f = dict(f)
        f["report"] = number or sha
        f["sha256"] = sha
        if ix is not None:
            f["corpus_person"] = ix.pid_cp.get(f.get("person_id"))
            if f.get("start") is not None:
                f["page"] = ix.page_of.get(ix.block_at(f["start"]))
                f["cite"] = ix.cite(f["start"])
        return f

    def fact_types(self) -> list[str]:
        return self.cached("types", lambda s: [r[0] for r in s.all(
            "SELECT DISTINCT type FROM facts WHERE type IS NOT NULL ORDER BY type")])

    def modalities(self) -> list[str]:
        return self.cached("modalities", lambda s: [r[0] for r in s.all(
            "SELECT DISTINCT modality FROM facts WHERE modality IS NOT NULL ORDER BY modality")])

    def all_facts(self, raw: bool = False) -> list[dict[str, Any]]:
        """Every fact (curated by default), in report and text order; for the whole-store views."""
        swap = {} if raw else self.curation()

        def build(store: Store) -> list[dict[str, Any]]:
            rows = store.all("SELECT f.report, r.number, f.json FROM facts f JOIN reports r ON r.sha256 = f.report "
                             "ORDER BY f.report, f.start")
            out = [{**json.loads(js), "report": number or sha, "sha256": sha} for sha, number, js in rows
                   if sha not in swap]
            for sha, rc in swap.items():
                out += [{**f, "report": rc.number or sha, "sha256": sha} for f in rc.facts.values()]
            out.sort(key=lambda f: (f["sha256"], f.get("start") or 0))
            return out

        return self.cached("all_facts:raw" if raw else "all_facts", build)

    def timeline(self, type: str | None = None, person: str | None = None, raw: bool = False) -> list[dict[str, Any]]:
        with self.db.use() as store:
            return read.timeline(store, person=person or None, type=type or None, curated=not raw)

    def corrections(self, ix: ReportIndex, raw: bool = False) -> list[dict[str, Any]]:
        """A report's corrections for the reader: curated (default) or the machine's, marked."""
        return cv.corrections(self.curation().get(ix.sha), ix.corrections, raw)

    def notes(self, ix: ReportIndex) -> list[dict[str, Any]]:
        rc = self.curation().get(ix.sha)
        return rc.notes if rc else []


def _person_pairs(store: Store, person: str) -> set[tuple[str, str]]:
    """(report, person id) of every report-level person behind a corpus person id or a name."""
    ids = [person] if person.startswith("cp-") else [p["id"] for p in read.persons_by_name(store, person)]
    pairs: set[tuple[str, str]] = set()
    for cid in ids:
        pairs |= pv.person_pairs(store, cid)
    return pairs


#: Agents of repression the report names, matched in a fact's `agent` or in its evidence sentence.
AGENTS = {
    "Stalin": r"\bStalin(?:'s)?\b",
    "NKVD": r"\bNKVD\b",
    "OGPU / GPU / Cheka": r"\b(?:OGPU|GPU|Cheka|VChK)\b",
    "Military Collegium": r"\bMilitary Collegium\b",
    "troikas": r"\btroikas?\b",
    "Special Conference": r"\bSpecial Conferences?\b|\bOSO\b",
    "Yezhov": r"\bYezhov\b",
    "Beria": r"\bBeria\b",
    "Yagoda": r"\bYagoda\b",
    "Vyshinskiy / prosecutors": r"\bVyshinsk\w*|\bprocurator\w*|\bprosecutor\w*",
    "courts": r"\b(?:court|tribunal)s?\b",
    "Central Committee / Politburo": r"\bCentral Committee\b|\bPolitburo\b",
}
_AGENT_RE = {name: re.compile(p, re.I if name in ("troikas", "courts") else 0) for name, p in AGENTS.items()}


def fact_agents(f: dict[str, Any]) -> list[str]:
    text = " ".join(x for x in (f.get("agent") or "", f.get("evidence") or "") if x)
    return [name for name, rx in _AGENT_RE.items() if rx.search(text)]


def agent_matches(f: dict[str, Any], agent: str) -> bool:
    if agent in AGENTS:
        return agent in fact_agents(f)
    return agent.lower() in (f.get("agent") or "").lower()
