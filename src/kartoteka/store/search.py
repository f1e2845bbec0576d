"""Full-text search over the blocks of every stored report (repaired reading and original OCR).

Hits are blocks, best first, with a snippet and the source offsets of the first matched word. All SQL
is parameterised; the query string reaches the engine only as a bound parameter built by `query.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kartoteka.names import name_key
from kartoteka.store import query as q
from kartoteka.store import surname_forms
from kartoteka.store.backend import Store

SNIPPET_WORDS = 24
_OPEN, _CLOSE = "\x02", "\x03"


@dataclass
class Hit:
    report: str | None
    sha256: str
    block: int
    division: str | None
    start: int
    end: int
    snippet: str
    score: float

    def to_json(self) -> dict:
        return {
            "report": self.report,
            "sha256": self.sha256,
            "block": self.block,
            "division": self.division,
            "start": self.start,
            "end": self.end,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }


@dataclass
class Result:
    query: str
    expanded: str
    total: int
    hits: list[Hit]

    def to_json(self) -> dict:
        return {"query": self.query, "total": self.total, "hits": [h.to_json() for h in self.hits]}


def name_variants(store: Store, words: list[q.Term]) -> dict[str, list[tuple[str, ...]]]:
    """Other spellings of words that are surnames of persons in the store (same `name_key`)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for term in words:
        word = term.tokens[0]
        if word in out or len(word) < 3 or word.isdigit():
            continue
        key = name_key(word)
        if not key:
            continue
        forms: set[tuple[str, ...]] = set()
        for form in surname_forms.forms(store, key):
            toks = q._tokens(form)
            if len(toks) == 1 and toks != (word,):
                forms.add(toks)
        if forms:
            out[word] = sorted(forms)
    return out


def search(store: Store, text: str, limit: int = 20, expand_names: bool = True) -> Result:
    parsed = q.parse(text)
    if parsed.root is None:
        return Result(text, "", 0, [])
    root = parsed.root
    if expand_names and parsed.words:
        variants = name_variants(store, parsed.words)
        if variants:
            root = q.with_variants(root, variants)
    if store.dialect == "sqlite":
        return _search_sqlite(store, text, root, limit)
    return _search_pg(store, text, root, limit)


def _search_sqlite(store: Store, text: str, root: q.Node, limit: int) -> Result:
    match = q.to_fts5(root)
    total = store.scalar("SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH ?", (match,)) or 0
    if not total:
        return Result(text, match, 0, [])
    top = store.all(
        "SELECT rowid, bm25(blocks_fts) FROM blocks_fts WHERE blocks_fts MATCH ? ORDER BY bm25(blocks_fts), rowid "
        "LIMIT ?",
        (match, limit),
    )
    ids = [r[0] for r in top]
    marks = ",".join("?" * len(ids))
    # FTS5 evaluates the MATCH once per value of `rowid IN (...)`: cheap for words, but a prefix term
    # merges the lists of every word it opens (`arrest*`) each time. Then one pass over the ids' range,
    # filtered (`+rowid` keeps the list away from FTS5), is ten times faster.
    if any(t.prefix for t in q.terms(root)):
        where, args = f"rowid >= ? AND rowid <= ? AND +rowid IN ({marks})", (min(ids), max(ids), *ids)
    else:
        where, args = f"rowid IN ({marks})", tuple(ids)
    snippets = {
        r[0]: (r[1], r[2])
        for r in store.all(
            f"SELECT rowid, snippet(blocks_fts, -1, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_WORDS}), "
            f"highlight(blocks_fts, 0, '{_OPEN}', '{_CLOSE}') "
            f"FROM blocks_fts WHERE blocks_fts MATCH ? AND {where}",
            (match, *args),
        )
    }
    hits = _hits(store, [(i, -score, *snippets.get(i, ("", None))) for i, score in top], root)
    return Result(text, match, int(total), hits)


def _search_pg(store: Store, text: str, root: q.Node, limit: int) -> Result:
    tsq = q.to_tsquery(root)
    total = store.scalar("SELECT count(*) FROM blocks WHERE tsv @@ to_tsquery('simple', ?)", (tsq,)) or 0
    if not total:
        return Result(text, tsq, 0, [])
    top = store.all(
        "SELECT id, ts_rank_cd(tsv, query) AS score FROM blocks, to_tsquery('simple', ?) AS query "
        "WHERE tsv @@ query ORDER BY score DESC, id LIMIT ?",
        (tsq, limit),
    )
    ids = [r[0] for r in top]
    snippets = {
        r[0]: (r[1], None)
        for r in store.all(
            "SELECT id, ts_headline('simple', coalesce(repaired_text, text), to_tsquery('simple', ?), "
            f"'StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords={SNIPPET_WORDS}, MinWords=8, MaxFragments=2, "
            "FragmentDelimiter=…') FROM blocks WHERE id = ANY(?)",
            (tsq, ids),
        )
    }
    hits = _hits(store, [(i, float(score), *snippets.get(i, ("", None))) for i, score in top], root)
    return Result(text, tsq, int(total), hits)


def _hits(store: Store, ranked: list[tuple], root: q.Node) -> list[Hit]:
    if not ranked:
        return []
    ids = [r[0] for r in ranked]
    marks = ",".join("?" * len(ids))
    rows = {
        r[0]: r[1:]
        for r in store.all(
            f'SELECT b.id, b.report, b.idx, b.start, b."end", b.text, r.number, d.title FROM blocks b '
            f"JOIN reports r ON r.sha256 = b.report "
            f"LEFT JOIN divisions d ON d.report = b.report AND d.idx = b.division "
            f"WHERE b.id IN ({marks})",
            ids,
        )
    }
    words = q.terms(root)
    hits = []
    for block_id, score, snippet, highlighted in ranked:
        if block_id not in rows:
            continue
        sha, idx, start, end, text, number, division = rows[block_id]
        s, e = _locate(text, highlighted, words)
        hits.append(Hit(
            report=number, sha256=sha, block=idx, division=division,
            start=start + s if s is not None else start, end=start + e if e is not None else end,
            snippet=_clean(snippet), score=score,
        ))
    return hits


def _locate(text: str, highlighted: str | None, words: list[q.Term]) -> tuple[int | None, int | None]:
    """Offsets of the first match inside the block's original text (None: only the repaired reading matches)."""
    if highlighted and _OPEN in highlighted:
        s = highlighted.index(_OPEN)
        e = highlighted.index(_CLOSE, s)
        return s, e - 1
    low = text.lower()
    best: tuple[int, int] | None = None
    for t in words:
        for form in (t.tokens, *t.variants):
            pattern = r"\W+".join(re.escape(x) for x in form)
            pattern = rf"\b{pattern}" + (r"\w*" if t.prefix else r"\b")
            m = re.search(pattern, low)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), m.end())
    return best if best else (None, None)


def _clean(snippet: str) -> str:
    s = " ".join((snippet or "").split())
    return s.replace(_OPEN, "**").replace(_CLOSE, "**")
