"""Curation as a pure function: `apply(decisions, machine) -> Curated` for one report.

The machine's records are never modified (they are deep-copied first); the curated records are computed from them
and the decisions, in the decisions' order. A decision whose target cannot be found (by stable id, then by source
span whose text still matches) is returned as an orphan with the reason, never dropped silently.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from kartoteka.curation.model import Decision, derived_id

FACT_FIELDS = ("type", "year", "modality")


@dataclass
class Machine:
    """One report's machine records, as stored (facts and persons as their JSON, persons with mentions)."""

    sha256: str
    text: str
    facts: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)


@dataclass
class Curated:
    sha256: str
    facts: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    orphans: list[dict] = field(default_factory=list)  # {"decision": ..., "why": ...}
    applied: list[str] = field(default_factory=list)  # ids of the decisions that took effect
    removed: dict[str, list[dict]] = field(default_factory=lambda: {"facts": [], "persons": [], "corrections": []})


class Orphan(Exception):
    """The decision's target is not in the machine's records (or no longer where it was)."""


def active(decisions: list[Decision]) -> list[Decision]:
    """Decisions in order, without those a later decision supersedes (and without the revocations themselves)."""
    ordered = sorted(decisions, key=lambda d: (d.seq, d.created_at, d.id))
    gone = {d.supersedes for d in ordered if d.supersedes}
    return [d for d in ordered if d.id not in gone and d.kind != "revoke"]


def span_text(text: str, target: dict) -> str | None:
    start, end = target.get("start"), target.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return None
    return text[start:end]


def check_span(text: str, target: dict) -> None:
    here = span_text(text, target)
    if here is None:
        raise Orphan(f"span [{target.get('start')}, {target.get('end')}) is outside the report")
    if "text" in target and here != target["text"]:
        raise Orphan(f"the text at [{target['start']}, {target['end']}) is no longer {target['text']!r}")


class _State:
    def __init__(self, machine: Machine):
        self.m = machine
        self.text = machine.text
        self.facts: dict[str, dict] = {f["id"]: copy.deepcopy(f) for f in machine.facts}
        self.persons: dict[str, dict] = {p["id"]: copy.deepcopy(p) for p in machine.persons}
        self.corrections: dict[tuple[int, int], dict] = {(c["start"], c["end"]): copy.deepcopy(c)
                                                         for c in machine.corrections}
        self.redirect: dict[str, str] = {}  # person merged away -> the person it joined
        self.gone: dict[str, str] = {}  # record id -> the decision that removed it
        self.out = Curated(sha256=machine.sha256)

    # -- finding targets ---------------------------------------------------------------------------
    def fact(self, target: dict) -> dict:
        fid = target.get("id")
        if fid in self.gone:
            raise Orphan(f"fact {fid} was removed by decision {self.gone[fid]}")
        if fid in self.facts:
            return self.facts[fid]
        check_span(self.text, target)
        trig = target.get("trigger")
        for f in self.m.facts:  # same place: the same trigger (or evidence) span and the same machine type
            if f.get("type") != target.get("type"):
                continue
            if (trig and f.get("trigger") == trig) or (not trig and (f.get("start"), f.get("end"))
                                                       == (target.get("start"), target.get("end"))):
                if f["id"] in self.gone:
                    raise Orphan(f"fact {f['id']} was removed by decision {self.gone[f['id']]}")
                if f["id"] in self.facts:
                    return self.facts[f["id"]]
        raise Orphan(f"no fact {fid} and no {target.get('type')} fact at the same span")

    def person(self, target: dict) -> dict:
        pid = target.get("id")
        seen = set()
        while pid in self.redirect and pid not in seen:
            seen.add(pid)
            pid = self.redirect[pid]
        if pid in self.persons:
            return self.persons[pid]
        if pid in self.gone:
            raise Orphan(f"person {pid} was removed by decision {self.gone[pid]}")
        check_span(self.text, target)
        span = (target.get("start"), target.get("end"))
        for p in self.persons.values():
            if any((m["start"], m["end"]) == span for m in p.get("mentions", [])):
                return p
        raise Orphan(f"no person {target.get('id')} and no person mentioned at [{span[0]}, {span[1]})")

    def correction(self, target: dict) -> dict:
        check_span(self.text, target)
        key = (target["start"], target["end"])
        if key in self.corrections:
            return self.corrections[key]
        raise Orphan(f"no correction at [{key[0]}, {key[1]})")

    # -- helpers -----------------------------------------------------------------------------------
    @staticmethod
    def mark(record: dict, d: Decision, status: str | None = None) -> None:
        record.setdefault("curation", []).append(d.brief())
        if status:
            record["status"] = status

    def move_facts(self, old: str, new: dict, d: Decision, only: set[tuple[int, int]] | None = None) -> None:
        for f in self.facts.values():
            if f.get("person_id") != old:
                continue
            pm = f.get("person_mention") or {}
            if only is not None and (pm.get("start"), pm.get("end")) not in only:
                continue
            f["person_id"], f["person"] = new["id"], new.get("name")
            self.mark(f, d)

    # -- the decisions -----------------------------------------------------------------------------
    def run(self, d: Decision) -> None:
        t, p = d.target, d.payload
        kind = d.kind
        if kind in ("fact.confirm", "fact.reject", "fact.edit"):
            f = self.fact(t)
            if kind == "fact.confirm":
                self.mark(f, d, "confirmed")
            elif kind == "fact.reject":
                self.mark(f, d, "rejected")
                self.out.removed["facts"].append(self.facts.pop(f["id"]))
                self.gone[f["id"]] = d.id
            else:
                who = self.person(p["person"]) if p.get("person") else None  # resolve before changing anything
                for k in FACT_FIELDS:
                    if k in p:
                        f[k] = p[k]
                if who is not None:
                    f["person_id"], f["person"], f["person_mention"] = who["id"], who.get("name"), None
                self.mark(f, d, "edited")
        elif kind == "fact.add":
            check_span(self.text, t)
            who = self.person(p["person"]) if p.get("person") else None
            fid = derived_id("f-c", d.id)
            self.facts[fid] = {
                "id": fid, "person_id": who["id"] if who else None, "person": who.get("name") if who else None,
                "person_mention": None, "type": p.get("type"), "year": p.get("year"),
                "date": str(p["year"]) if p.get("year") is not None else None, "place": None, "agent": None,
                "according_to": None, "start": t["start"], "end": t["end"], "evidence": self.text[t["start"]:t["end"]],
                "confidence": 1.0, "modality": p.get("modality") or "asserted", "trigger": None, "where": None,
                "status": "added", "curation": [d.brief()],
            }
        elif kind == "person.merge":
            a = self.person(t)
            b = self.person(p.get("other") or {})
            if a["id"] == b["id"]:
                raise Orphan(f"both targets are now the same person {a['id']}")
            a["mentions"] = sorted(a.get("mentions", []) + b.get("mentions", []), key=lambda m: m["start"])
            a["forms"] = sorted(set(a.get("forms", [])) | set(b.get("forms", [])))
            names = [n for n in [b.get("name"), *b.get("aliases", [])] if n and n != a.get("name")]
            a["aliases"] = [*a.get("aliases", []), *[n for n in names if n not in a.get("aliases", [])]]
            a.setdefault("merged", []).append(b["id"])
            self.mark(a, d)
            self.out.removed["persons"].append(self.persons.pop(b["id"]))
            self.redirect[b["id"]] = a["id"]
            self.move_facts(b["id"], a, d)
        elif kind == "person.split":
            a = self.person(t)
            want = {(m["start"], m["end"]) for m in p.get("mentions", [])}
            for m in p.get("mentions", []):
                check_span(self.text, m)
            have = {(m["start"], m["end"]) for m in a.get("mentions", [])}
            if not want or not want <= have:
                missing = sorted(want - have)
                raise Orphan(f"person {a['id']} has no mention at {missing}" if missing else "no mentions to split")
            if want == have:
                raise Orphan(f"splitting off every mention of {a['id']} leaves nothing behind")
            moved = [m for m in a["mentions"] if (m["start"], m["end"]) in want]
            a["mentions"] = [m for m in a["mentions"] if (m["start"], m["end"]) not in want]
            pid = derived_id("p-c", d.id)
            name = p.get("name") or moved[0].get("text") or ""
            new = {"id": pid, "name": name, "surname": name.split()[-1] if name.split() else None,
                   "forms": sorted({m.get("text", "") for m in moved}), "aliases": [], "roles": [],
                   "mentions": moved, "keys": {}, "confidence": 1.0, "split_from": a["id"], "status": "added",
                   "curation": [d.brief()]}
            self.persons[pid] = new
            self.mark(a, d)
            self.move_facts(a["id"], new, d, only=want)
        elif kind == "person.rename":
            a = self.person(t)
            old = a.get("name")
            a["name"] = p["name"]
            if old and old != p["name"] and old not in a.get("aliases", []):
                a["aliases"] = [*a.get("aliases", []), old]
            for f in self.facts.values():
                if f.get("person_id") == a["id"]:
                    f["person"] = p["name"]
            self.mark(a, d)
        elif kind == "person.alias":
            a = self.person(t)
            if p["alias"] not in a.get("aliases", []):
                a["aliases"] = [*a.get("aliases", []), p["alias"]]
            self.mark(a, d)
        elif kind in ("correction.accept", "correction.reject"):
            c = self.correction(t)
            if kind == "correction.accept":
                self.mark(c, d, "accepted")
            else:
                self.mark(c, d, "rejected")
                self.out.removed["corrections"].append(self.corrections.pop((c["start"], c["end"])))
        elif kind == "correction.add":
            check_span(self.text, t)
            key = (t["start"], t["end"])
            self.corrections[key] = {
                "start": t["start"], "end": t["end"], "original": self.text[key[0]:key[1]],
                "replacement": p["replacement"], "kind": "curated", "reason": d.reason, "confidence": 1.0,
                "status": "added", "curation": [d.brief()],
            }
        elif kind == "note":
            check_span(self.text, t)
            self.out.notes.append({"id": d.id, "start": t["start"], "end": t["end"],
                                   "text": self.text[t["start"]:t["end"]], "note": p.get("text", ""),
                                   "author": d.author, "reason": d.reason, "created_at": d.created_at})
        else:
            raise Orphan(f"unknown decision kind {kind!r}")


def apply(decisions: list[Decision], machine: Machine) -> Curated:
    """The curated records of one report: the machine's records with every active decision applied in order."""
    state = _State(machine)
    for d in active([d for d in decisions if d.report == machine.sha256]):
        try:
            state.run(d)
        except (Orphan, KeyError, TypeError) as why:
            reason = str(why) if isinstance(why, Orphan) else f"malformed decision ({type(why).__name__}: {why})"
            state.out.orphans.append({"decision": d.to_json(), "why": reason})
        else:
            state.out.applied.append(d.id)
    out = state.out
    out.facts = list(state.facts.values())
    out.persons = list(state.persons.values())
    out.corrections = sorted(state.corrections.values(), key=lambda c: (c["start"], c["end"]))
    return out
