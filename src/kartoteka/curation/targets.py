"""Build decision targets from the store: a stable id plus the source span and the text there."""

from __future__ import annotations

import json
from typing import Any

from kartoteka.curation.store import curate, curated_reports, report_sha
from kartoteka.errors import InputError
from kartoteka.store.backend import Store


def _source(store: Store, sha: str) -> str:
    text = store.scalar("SELECT source_text FROM reports WHERE sha256 = ?", (sha,))
    if text is None:
        raise InputError(f"no report {sha[:12]} in the store")
    return text


def _one(found: list[tuple[str, Any]], what: str, report: str | None) -> tuple[str, Any]:
    if not found:
        raise InputError(f"no {what} in the store" + (f" (report {report})" if report else ""))
    shas = {sha for sha, _ in found}
    if len(shas) > 1:
        raise InputError(f"{what} is in {len(shas)} reports; say which with --report")
    return found[0]


def _curated_records(store: Store, sha_filter: str | None, attr: str, rid: str) -> list[tuple[str, dict]]:
    """Records a decision created (an added fact, a person split off), found in the curated state."""
    out = []
    for sha in curated_reports(store):
        if sha_filter and sha != sha_filter:
            continue
        cur = curate(store, sha)
        if cur is not None:
            out.extend((sha, r) for r in getattr(cur, attr) if r.get("id") == rid)
    return out


def fact_target(store: Store, fact_id: str, report: str | None = None) -> tuple[str, dict]:
    sha_filter = report_sha(store, report) if report else None
    found = [(sha, json.loads(j)) for sha, j in store.all("SELECT report, json FROM facts WHERE id = ?", (fact_id,))
             if not sha_filter or sha == sha_filter]
    if not found:
        found = _curated_records(store, sha_filter, "facts", fact_id)
    sha, f = _one(found, f"fact {fact_id}", report)
    text = _source(store, sha)
    target = {"id": f["id"], "start": f["start"], "end": f["end"], "text": text[f["start"]:f["end"]],
              "type": f.get("type"), "trigger": f.get("trigger")}
    return sha, target


def person_target(store: Store, person_id: str, report: str | None = None) -> tuple[str, dict]:
    """A person of one report by its id (`p-...`), or a corpus person id (`cp-...`) held by one report."""
    sha_filter = report_sha(store, report) if report else None
    if person_id.startswith("cp-"):
        links = [(sha, pid) for sha, pid in store.all(
            "SELECT report, person FROM corpus_person_links WHERE corpus_person = ?", (person_id,))
            if not sha_filter or sha == sha_filter]
        sha, person_id = _one(links, f"corpus person {person_id}", report)
        sha_filter = sha
    found: list[tuple[str, dict]] = []
    for sha, j in store.all("SELECT report, json FROM persons WHERE id = ?", (person_id,)):
        if sha_filter and sha != sha_filter:
            continue
        mentions = store.all('SELECT start, "end", text FROM person_mentions WHERE report = ? AND person = ? '
                             "ORDER BY start", (sha, person_id))
        found.append((sha, {**json.loads(j), "mentions": [{"start": s, "end": e, "text": t}
                                                           for s, e, t in mentions]}))
    if not found:
        found = _curated_records(store, sha_filter, "persons", person_id)
    sha, p = _one(found, f"person {person_id}", report)
    first = (p.get("mentions") or [None])[0]
    target: dict[str, Any] = {"id": p["id"], "name": p.get("name")}
    if first:
        target.update(start=first["start"], end=first["end"], text=_source(store, sha)[first["start"]:first["end"]])
    return sha, target


def span_target(store: Store, report: str, start: int, end: int, prefix: str | None = None) -> tuple[str, dict]:
    sha = report_sha(store, report)
    text = _source(store, sha)
    if not 0 <= start < end <= len(text):
        raise InputError(f"[{start}, {end}) is not a span of the report (0..{len(text)})")
    target: dict[str, Any] = {"start": start, "end": end, "text": text[start:end]}
    if prefix:
        target["id"] = f"{prefix}-{start}-{end}"
    return sha, target


def mention_spans(store: Store, sha: str, spans: list[tuple[int, int]]) -> list[dict]:
    text = _source(store, sha)
    return [{"start": s, "end": e, "text": text[s:e]} for s, e in spans]
