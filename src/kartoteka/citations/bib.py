"""Cited works as CSL-JSON (what Zotero and pandoc read) and BibTeX: one entry per distinct work."""

from __future__ import annotations

import re
import unicodedata

from kartoteka.citations.model import Citation
from kartoteka.citations.parse import author_key, work_key


def works(citations: list[Citation]) -> list[dict]:
    """Distinct cited works (author + work), in order of first citation, with the citations that cite them."""
    out: dict[tuple, dict] = {}
    for i, c in enumerate(citations):
        if not c.work:
            continue
        key = (author_key(c.author), work_key(c.work))
        entry = out.get(key)
        if entry is None:
            entry = out[key] = {"key": _cite_key(c, {e["key"] for e in out.values()}), "author": c.author,
                                "authors": c.authors, "work": c.work, "title": c.title,
                                "translation": c.translation, "place": c.place, "year": c.year, "citations": []}
        for name in ("translation", "place", "year"):
            entry[name] = entry[name] or getattr(c, name)
        entry["citations"].append(i)
    return list(out.values())


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _cite_key(c: Citation, taken: set[str]) -> str:
    family = (c.authors[0]["family"] if c.authors else "anon").lower()
    first = (re.findall(r"[A-Za-z]+", _ascii(c.work or "")) or ["work"])[0].lower()
    base = re.sub(r"[^a-z0-9_-]", "", _ascii(f"{family}_{first}")) or "work"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}{n}", n + 1
    return key


def to_csl(citations: list[Citation]) -> list[dict]:
    items = []
    for w in works(citations):
        item: dict = {"id": w["key"], "type": "book", "title": w["work"]}
        if w["authors"]:
            item["author"] = [{"family": a["family"], **({"given": a["given"]} if a.get("given") else {})}
                              for a in w["authors"]]
        if w["title"] and w["title"] != w["work"]:
            item["title-short"] = w["title"]
        if w["translation"]:
            item["note"] = f"[{w['translation']}]"
        if w["place"]:
            item["publisher-place"] = w["place"]
        if w["year"]:
            item["issued"] = {"date-parts": [[int(w["year"])]]}
        items.append(item)
    return items


_BIB_SPECIAL = re.compile(r"([&%$#_{}])")


def _bib_escape(s: str) -> str:
    s = s.replace("\\", r"\textbackslash{}").replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")
    return _BIB_SPECIAL.sub(r"\\\1", s)


def to_bibtex(citations: list[Citation]) -> str:
    entries = []
    for w in works(citations):
        fields = []
        if w["authors"]:
            names = " and ".join(f"{a['family']}, {a['given']}" if a.get("given") else a["family"]
                                 for a in w["authors"])
            fields.append(("author", names))
        fields.append(("title", w["work"]))
        if w["translation"]:
            fields.append(("note", f"[{w['translation']}]"))
        if w["place"]:
            fields.append(("address", w["place"]))
        if w["year"]:
            fields.append(("year", w["year"]))
        body = ",\n".join(f"  {k} = {{{_bib_escape(v)}}}" for k, v in fields)
        entries.append(f"@book{{{w['key']},\n{body}\n}}\n")
    return "\n".join(entries)
