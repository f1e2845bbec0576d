"""Claims about groups and numbers: `1,108 of 1,966 delegates were arrested`, `the names of 44,000
people` on lists for shooting. Same evidence rule as facts: the clause that states it."""

from __future__ import annotations

import hashlib
import re

from kartoteka.extract.mention import Mention
from kartoteka.extract.quantities import find_quantities
from kartoteka.facts.sentences import clause_spans, sentence_spans
from kartoteka.facts.triggers import Trigger

# Nouns that count people (the group an aggregate is about); `lists`, `tons`, `percent` are not.
_PEOPLE = re.compile(
    r"^(?:people|persons|men|women|children|delegates|members|commanders|commissars|officers|officials|workers|"
    r"peasants|kulaks|families|households|prisoners|convicts|exiles|specialists|engineers|scientists|writers|"
    r"bishops|priests|clergy|communists|bolsheviks|chekists|generals|marshals|secretaries|deputies|students|"
    r"teachers|soldiers|activists|victims|defendants|intellectuals|party members|cadres|leaders|directors)$",
    re.IGNORECASE,
)
_SENTENCED_TO = re.compile(r"\bsentenced\s+to\s+(?:be\s+)?$")
_OF_GROUP = re.compile(r"^\s+(?:out\s+)?of\s+(?:the\s+)?(?:[\d,.\s]+\s+)?(?:\w+\s+){0,2}?(?P<noun>\w+)")


def _group_of(text: str, q: Mention) -> str | None:
    value = q.value if isinstance(q.value, dict) else {}
    unit = value.get("unit")
    if unit and _PEOPLE.match(unit):
        return unit
    if unit is None:
        m = _OF_GROUP.match(text, q.end)  # `1,108 of 1,966 delegates`
        if m and _PEOPLE.match(m.group("noun")):
            return m.group("noun")
    return None


def aggregates_in_paragraph(text: str, triggers: list[Trigger], modality_of, dates: list[Mention] | None = None,
                            quantities: list[Mention] | None = None) -> list[dict]:
    """Aggregates in one paragraph (offsets relative to `text`).

    `modality_of(clause_text, trigger_offset, sentence_text)` is the fact layer's modality rule;
    `dates` / `quantities` are the paragraph's DATE / QUANTITY mentions, if already found."""
    # `sentenced to be executed` is one sentence, not an execution
    triggers = [t for t in triggers if not _SENTENCED_TO.search(text, max(0, t.start - 25), t.start)]
    if not triggers:
        return []
    if quantities is None:
        quantities = find_quantities(text, dates=dates)
    out = []
    seen: set[tuple] = set()  # (`were kept in confinement`: two words of one event, one claim)
    for ss, se in sentence_spans(text):
        clauses = clause_spans(text, ss, se)
        for trig in (t for t in triggers if ss <= t.start < se):
            cs, ce = next(((a, b) for a, b in clauses if a <= trig.start < b), (ss, se))
            near = sorted((q for q in quantities if cs <= q.start < ce and abs(q.start - trig.start) <= 100),
                          key=lambda q: abs(q.start - trig.start))
            for q in near:
                group = _group_of(text, q)
                if group is None and (q.value or {}).get("unit") is None:
                    # `Of the 1,966 delegates ..., 1,108 were arrested`: the bare count takes the group named
                    whole = [_group_of(text, o) for o in near if o is not q]
                    group = next((g for g in whole if g), None)
                if group is None:
                    continue
                value = q.value if isinstance(q.value, dict) else {}
                number = value.get("number")
                if number is None or (trig.type, cs, q.start) in seen:
                    continue
                seen.add((trig.type, cs, q.start))
                out.append({
                    "type": trig.type, "group": group, "count": {
                        "number": number, "approximate": bool(value.get("approximate")),
                        **({"qualifier": value["qualifier"]} if value.get("qualifier") else {}),
                    },
                    "start": cs, "end": ce, "quantity": (q.start, q.end),
                    "modality": modality_of(text[cs:ce], trig.start - cs, text[ss:se]),
                })
                break  # one count per trigger: the nearest
    return out


def aggregate_id(type_: str, start: int, number) -> str:
    return "a-" + hashlib.sha1(f"{type_}|{start}|{number}".encode()).hexdigest()[:12]
