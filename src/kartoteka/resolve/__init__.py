"""Persons of a report, resolved across spellings, initials, possessives and aliases.

    >>> from kartoteka.resolve import find_persons
    >>> persons = find_persons(report, repaired)   # list[Person], sorted by id
    >>> persons[0].mentions[0].text == source_text[m.start:m.end]

Detection runs on the repaired reading; every mention is reported in SOURCE offsets with the source
text (and the repaired form beside it when repair changed it).
"""

from __future__ import annotations

import re
from collections import Counter

from kartoteka.names import keys as name_keys
from kartoteka.names import name_key
from kartoteka.resolve.cluster import Clusterer, Group
from kartoteka.resolve.detect import Candidate, detect
from kartoteka.resolve.model import Person, PersonMention
from kartoteka.resolve.roles import roles_for

__all__ = ["Person", "PersonMention", "find_persons", "person_id"]

_SLUG = str.maketrans({"š": "sh", "č": "ch", " ": "-"})


def person_id(key: str, initials: tuple[str, ...] = (), given: str | None = None) -> str:
    """A stable id from the surname key and the initials that tell namesakes apart."""
    slug = re.sub(r"[^a-z0-9-]+", "", key.translate(_SLUG))
    ini = [i.lower() for i in initials] or ([given[:2].lower()] if given else [])
    return "-".join(["p", slug or "x", *ini]) if ini else f"p-{slug or 'x'}"


def _display(c: Candidate, text: str) -> str:
    parts: list[str] = []
    if c.given:
        parts.append(c.given)
        if c.patronymic:
            parts.append(c.patronymic)
    elif c.initials:
        parts.append(" ".join(f"{i}." for i in c.initials))
    if c.surname:
        parts.append(c.surname)
    return " ".join(parts) or text[c.start : c.end]


def _richness(c: Candidate) -> tuple[int, int, int]:
    return (2 if c.given and c.patronymic and c.surname else 1 if c.given and c.surname else 0,
            len(c.initials) if c.surname else 0, 1 if c.surname else 0)


def find_persons(report, repaired=None) -> list[Person]:
    """One `Person` per distinct real person the report names, with all mentions in source offsets."""
    source_text = report.source.text if hasattr(report, "source") else str(report)
    if repaired is None:
        from kartoteka.repair import repair as _repair

        repaired = _repair(source_text)
    rtext = repaired.text
    cands = detect(rtext)
    try:
        from kartoteka.repair.lexicon import get_lexicon

        lexicon = get_lexicon()
    except Exception:  # pragma: no cover - lexicon is optional evidence
        lexicon = None
    # a glossed term is a title or a word the translators explain, not a person; a name they spell again is a
    # name (`Albrekht [Albrecht]`)
    stop = {g.term.strip('"“”') for g in getattr(report, "glosses", ()) if g.term and g.kind != "spelling"}
    groups = Clusterer(rtext, cands, lexicon, stop).run()
    persons = [_person(g, cands, rtext, source_text, repaired) for g in groups]
    # ids must be unique: namesakes without telling initials get a numeric suffix in text order
    seen: Counter[str] = Counter()
    persons.sort(key=lambda p: (p.id, p.mentions[0].start if p.mentions else 0))
    for p in persons:
        seen[p.id] += 1
        if seen[p.id] > 1:
            p.id = f"{p.id}-{seen[p.id]}"
    return persons


def _person(g: Group, cands: list[Candidate], rtext: str, stext: str, repaired) -> Person:
    members = [cands[i] for i in g.members]
    own = [c for c in members if c.surname and c.kind != "alias" and name_key(c.surname) == g.key] or members
    best = max(own, key=lambda c: (*_richness(c), -c.start))
    name = _display(best, rtext) if best.surname or best.patronymic else (g.surname or _display(best, rtext))
    if g.surname and best.surname is None:
        name = g.surname
    if g.initials and not best.given and len(g.initials) > len(best.initials) and g.surname:
        name = " ".join(f"{i}." for i in g.initials) + " " + g.surname
    mentions: list[PersonMention] = []
    forms: list[str] = []
    for i, c in zip(g.members, members, strict=True):
        s, e = repaired.span_to_source(c.start, c.end)
        text = stext[s:e]
        mentions.append(PersonMention(s, e, text, rtext[c.start : c.end], c.surname, c.initials, c.given,
                                      c.kind, g.member_conf.get(i, 1.0), c.patronymic, c.title))
        if text not in forms:
            forms.append(text)
    surname = g.surname
    key = g.key if surname else name_key(name)
    pid = person_id(key, g.initials if surname else (), g.given if surname else None)
    # (a person known by given names alone has roles beside those: `Stalin's son, Yakov`)
    roles = roles_for(rtext, [(c.start, c.end) for c in members if c.surname or not surname][:40])
    conf = g.confidence
    return Person(pid, name, surname, forms, sorted(g.aliases), roles, mentions, name_keys(name), conf)
