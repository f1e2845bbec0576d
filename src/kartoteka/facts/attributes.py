"""What a fact says besides who and what: the agent, the source it is attributed to, the place."""

from __future__ import annotations

import re

_AGENT = re.compile(
    r"\bby\s+(?:order\s+of\s+|the\s+decision\s+of\s+|a\s+decision\s+of\s+)?(?P<agent>(?:the\s+)?(?:[A-Z][\w()'’.-]*"
    r"|troikas?|a\s+troika|special\s+conference)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w()'’.-]*){0,4})"
)


ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<src>(?:the\s+)?(?:[\w'’-]+\s+){0,6}?(?:of\s+)?(?:[A-Z]\.\s?){0,3}[A-Z][\w'’-]+)",
)


_ORG_AGENT = (
    r"(?:the\s+)?(?:NKVD|OGPU|GPU|Cheka|VChK|MGB|Military\s+Collegium|Military\s+Board|Supreme\s+Court|"
    r"(?:military\s+)?(?:court|tribunal)s?|troikas?|Special\s+Conferences?|Politburo|Central\s+Committee|"
    r"plenum|congress|procurator|prosecutor|investigators?|commission|party|(?:Provisional|Provisionary)\s+Government)"
    r"(?:\s+organs)?"
)


_AGENT_BY = re.compile(
    rf"\bby\s+(?:order\s+of\s+|(?:a|the)\s+decision\s+of\s+|(?:a|the)\s+sentence\s+of\s+)?(?P<agent>{_ORG_AGENT}"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w()'’.-]*(?:\s+[A-Z][\w()'’.-]*){0,3})?)",
    re.IGNORECASE,
)


_ORDERS = re.compile(
    r"\b(?:on|at|by|upon)\s+(?:the\s+)?(?:personal\s+|direct\s+)?(?:orders?|instructions?|initiative|insistence|sanction)"
    r"\s+of\s+(?:the\s+)?"
    r"(?P<a1>(?:[A-Z][a-z]?\.\s?){0,3}[A-Z][\w-]+|investigator|prosecutor|court)"
    r"|\b(?:on|at|with|upon)\s+(?P<a2>[A-Z][\w-]+)(?:'s|’s)\s+(?:personal\s+)?(?:orders?|instructions?|initiative|"
    r"insistence|sanction|approval|direct\s+order)"
)


_SUBJECT_ORG = re.compile(rf"\b(?P<agent>{_ORG_AGENT})\s+(?:\w+ly\s+|then\s+|also\s+|soon\s+){{0,2}}$",
                          re.IGNORECASE)


def agent_of(clause_text: str, trig_rel: int, how: str, persons_before: list[str]) -> str | None:
    """Who did it, when the text says: `by the NKVD`, `on Stalin's orders`, or the subject of an
    active verb (`the Military Collegium sentenced X`, `Stalin removed X`)."""
    right = clause_text[trig_rel : trig_rel + 140]
    m = _AGENT_BY.search(right) or _AGENT.search(right)
    if m and m.start() < 60:
        return " ".join(m.group("agent").split()).rstrip(".,;:")
    m = _ORDERS.search(clause_text)
    if m:
        return m.group("a1") or m.group("a2")
    if how == "active":
        left = clause_text[:trig_rel]
        m = _SUBJECT_ORG.search(left)
        if m:
            agent = " ".join(m.group("agent").split())
            return "the" + agent[3:] if agent.startswith("The ") else agent
        if persons_before:
            return persons_before[-1]
    return None


# Where it happened: `exiled to Eastern Siberia`, `executed in Lefortovo Prison`, `arrested in Batumi`.
_PLACE = re.compile(
    r"\b(?:in|at|to|into|from)\s+(?:the\s+)?(?P<place>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|na|on|Prison|Camp|Oblast|Kray))"
    r"{0,3})"
)


_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December Soviet Central "
    "Party Politburo Congress Plenum Committee Commissariat People Peoples Comrade Stalin Lenin The This That "
    "Marshal General Academician Professor Red White Supreme Military Council Presidium Secretariat First Second "
    "Third Komsomol".split()
)


def place_of(clause_text: str, after: int, surnames: set[str]) -> str | None:
    m = _PLACE.search(clause_text, after)
    if not m or m.start() - after > 60:
        return None
    place = m.group("place")
    if place.split()[0] in _NOT_PLACES or place in surnames:
        return None  # `sent to Beria`: a person, not a place
    return place
