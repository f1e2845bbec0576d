"""The records of a bundle as flat rows: what CSV, SQLite and pandas exports share."""

from __future__ import annotations

from kartoteka.export.bundle import Bundle

PERSON_COLUMNS = ("report", "id", "name", "surname", "forms", "aliases", "roles", "mentions", "fbis", "loc",
                  "cyrillic")
FACT_COLUMNS = ("report", "id", "person_id", "person", "type", "year", "date", "place", "agent", "according_to",
                "modality", "confidence", "start", "end", "evidence")
MENTION_COLUMNS = ("report", "person_id", "name", "start", "end", "text")
CORRECTION_COLUMNS = ("report", "start", "end", "original", "replacement", "kind", "reason", "confidence")
CITATION_COLUMNS = ("report", "index", "footnote", "number", "kind", "author", "work", "title", "translation",
                    "volume", "pages", "ibid_of", "place", "year", "marker_start", "marker_end", "start", "end", "text")
WORK_COLUMNS = ("report", "start", "end", "text", "title", "translation", "citation")
NOTE_COLUMNS = ("report", "id", "start", "end", "text", "note", "author", "reason", "created_at")
ENTITY_COLUMNS = ("report", "kind", "start", "end", "text", "value")


def _join(values) -> str:
    return "; ".join(str(v) for v in values or [])


def _scalar(value):
    if value is None or isinstance(value, str | int | float):
        return value
    return str(value)


def persons(b: Bundle) -> list[dict]:
    out = []
    for p in b.persons:
        keys = p.get("keys") or {}
        out.append({"report": b.name, "id": p["id"], "name": p.get("name"), "surname": p.get("surname"),
                    "forms": _join(p.get("forms")), "aliases": _join(p.get("aliases")),
                    "roles": _join(p.get("roles")), "mentions": len(p.get("mentions") or []),
                    "fbis": keys.get("fbis"), "loc": keys.get("loc"), "cyrillic": keys.get("cyrillic")})
    return out


def facts(b: Bundle) -> list[dict]:
    return [{"report": b.name, **{c: _scalar(f.get(c)) for c in FACT_COLUMNS[1:]}} for f in b.facts]


def mentions(b: Bundle) -> list[dict]:
    return [{"report": b.name, "person_id": m["person"], "name": m["name"], "start": m["start"], "end": m["end"],
             "text": m["text"]} for m in b.mentions()]


def corrections(b: Bundle) -> list[dict]:
    return [{"report": b.name, **{c: c_[c] for c in CORRECTION_COLUMNS[1:]}} for c_ in b.corrections]


def citations(b: Bundle) -> list[dict]:
    out = []
    for i, c in enumerate(b.citations):
        out.append({"report": b.name, "index": i, "footnote": c.footnote, "number": c.number, "kind": c.kind,
                    "author": c.author, "work": c.work, "title": c.title, "translation": c.translation,
                    "volume": c.volume, "pages": c.pages, "ibid_of": c.ibid_of, "place": c.place, "year": c.year,
                    "marker_start": c.marker["start"] if c.marker else None,
                    "marker_end": c.marker["end"] if c.marker else None,
                    "start": c.start, "end": c.end, "text": c.text})
    return out


def works(b: Bundle) -> list[dict]:
    return [{"report": b.name, "start": w.start, "end": w.end, "text": w.text, "title": w.title,
             "translation": w.translation, "citation": w.citation} for w in b.works]


def entities(b: Bundle) -> list[dict]:
    import json

    return [{"report": b.name, "kind": e["kind"], "start": e["start"], "end": e["end"],
             "text": e.get("text") or b.text[e["start"] : e["end"]],
             "value": None if e.get("value") is None else json.dumps(e["value"], ensure_ascii=False,
                                                                      sort_keys=True)}
            for e in b.entities]


def notes(b: Bundle) -> list[dict]:
    """Curation notes (issue 9): a historian's comment on a span (none in the raw view or from a FILE)."""
    return [{"report": b.name, **{c: n.get(c) for c in NOTE_COLUMNS[1:]}} for n in b.notes]


TABLES = {
    "persons": (PERSON_COLUMNS, persons),
    "facts": (FACT_COLUMNS, facts),
    "mentions": (MENTION_COLUMNS, mentions),
    "corrections": (CORRECTION_COLUMNS, corrections),
    "citations": (CITATION_COLUMNS, citations),
}
#: Written only when some report has curation notes (a store read curated, with `note` decisions).
OPTIONAL_TABLES = {"notes": (NOTE_COLUMNS, notes)}
