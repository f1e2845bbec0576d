"""`curation.apply` as a pure function over hand-made machine records (a text of our own)."""

from __future__ import annotations

import copy

from kartoteka.curation import Decision, Machine, apply
from kartoteka.curation.model import derived_id

TEXT = ("In 1937 Ivan Petrov was arrested in Tver. His brother Oleg Petrov was shot in 1938. "
        "The clerk I. Petrov wrote the protocol. Tver was then caled Kalinin.")


def span(word: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return {"start": start, "end": start + len(word), "text": word}


def machine() -> Machine:
    ivan, oleg, clerk = span("Ivan Petrov"), span("Oleg Petrov"), span("I. Petrov")
    s1 = {"start": 0, "end": TEXT.index(".") + 1}
    s2 = {"start": TEXT.index("His"), "end": TEXT.index("1938.") + 5}
    facts = [
        {"id": "f-1", "person_id": "p-petrov-i", "person": "Ivan Petrov", "person_mention": ivan, "type": "arrested",
         "year": 1937, "modality": "asserted", **s1, "evidence": TEXT[s1["start"]:s1["end"]],
         "trigger": span("arrested")},
        {"id": "f-2", "person_id": "p-petrov-o", "person": "Oleg Petrov", "person_mention": oleg, "type": "shot",
         "year": 1938, "modality": "asserted", **s2, "evidence": TEXT[s2["start"]:s2["end"]],
         "trigger": span("shot")},
    ]
    persons = [
        {"id": "p-petrov-i", "name": "Ivan Petrov", "forms": ["Ivan Petrov", "I. Petrov"], "aliases": [],
         "mentions": [ivan, clerk]},
        {"id": "p-petrov-o", "name": "Oleg Petrov", "forms": ["Oleg Petrov"], "aliases": [], "mentions": [oleg]},
    ]
    corrections = [{**span("caled"), "original": "caled", "replacement": "called", "kind": "misread",
                    "reason": "lexicon", "confidence": 0.9}]
    for c in corrections:
        c.pop("text")
    return Machine(sha256="abc", text=TEXT, facts=facts, persons=persons, corrections=corrections)


def fact_target(fid: str, m: Machine) -> dict:
    f = next(f for f in m.facts if f["id"] == fid)
    return {"id": fid, "start": f["start"], "end": f["end"], "text": TEXT[f["start"]:f["end"]], "type": f["type"],
            "trigger": f["trigger"]}


def person_target(pid: str, m: Machine) -> dict:
    p = next(p for p in m.persons if p["id"] == pid)
    return {"id": pid, **p["mentions"][0]}


def d(kind: str, target: dict, payload: dict | None = None, seq: int = 1, **kw) -> Decision:
    return Decision(report="abc", kind=kind, target=target, payload=payload or {}, author="ann", reason="checked",
                    seq=seq, **kw)


def test_no_decisions_is_the_machine_output_and_machine_is_untouched():
    m = machine()
    before = copy.deepcopy(m)
    out = apply([], m)
    assert out.facts == m.facts and out.persons == m.persons and out.corrections == m.corrections
    apply([d("fact.reject", fact_target("f-1", m)), d("person.rename", person_target("p-petrov-i", m), {"name": "X"})],
          m)
    assert m == before


def test_fact_confirm_reject_edit_add():
    m = machine()
    out = apply([
        d("fact.confirm", fact_target("f-2", m), seq=1),
        d("fact.reject", fact_target("f-1", m), seq=2),
        d("fact.edit", fact_target("f-2", m), {"year": 1939, "modality": "reported"}, seq=3),
        d("fact.add", span("wrote the protocol"), {"type": "appointed", "year": 1937,
                                                   "person": person_target("p-petrov-i", m)}, seq=4, id="d-add"),
    ], m)
    facts = {f["id"]: f for f in out.facts}
    assert "f-1" not in facts and [f["id"] for f in out.removed["facts"]] == ["f-1"]
    f2 = facts["f-2"]
    assert (f2["year"], f2["modality"], f2["status"]) == (1939, "reported", "edited")
    assert [c["kind"] for c in facts["f-2"]["curation"]] == ["fact.confirm", "fact.edit"]
    added = facts[derived_id("f-c", "d-add")]
    assert added["evidence"] == "wrote the protocol" and added["person_id"] == "p-petrov-i"
    assert not out.orphans


def test_fact_edit_person_and_reattach_by_span_when_the_id_changed():
    m = machine()
    target = fact_target("f-1", m)
    edit = d("fact.edit", target, {"person": person_target("p-petrov-o", m), "type": "released"})
    m2 = machine()
    m2.facts[0]["id"] = "f-new-hash"  # a newer pipeline hashes ids differently; the trigger span is the same
    out = apply([edit], m2)
    f = next(f for f in out.facts if f["id"] == "f-new-hash")
    assert (f["person_id"], f["type"]) == ("p-petrov-o", "released") and not out.orphans


def test_orphan_when_target_is_gone_or_text_differs():
    m = machine()
    reject = d("fact.reject", fact_target("f-1", m), seq=1)
    m2 = machine()
    m2.facts = m2.facts[1:]
    out = apply([reject], m2)
    assert len(out.orphans) == 1 and out.orphans[0]["decision"]["id"] == reject.id and out.orphans[0]["why"]
    bad = d("note", {"start": 0, "end": 7, "text": "In 1936"}, {"text": "?"}, seq=2)
    assert apply([bad], machine()).orphans[0]["decision"]["id"] == bad.id


def test_person_merge_split_rename_alias():
    m = machine()
    out = apply([
        d("person.merge", person_target("p-petrov-i", m), {"other": person_target("p-petrov-o", m)}, seq=1),
        d("person.split", person_target("p-petrov-i", m), {"mentions": [span("I. Petrov")], "name": "I. Petrov"},
          seq=2, id="d-split"),
        d("person.rename", person_target("p-petrov-i", m), {"name": "Ivan Ilich Petrov"}, seq=3),
        d("person.alias", person_target("p-petrov-o", m), {"alias": "Vanya"}, seq=4),  # follows the merge
    ], m)
    persons = {p["id"]: p for p in out.persons}
    assert "p-petrov-o" not in persons
    ivan = persons["p-petrov-i"]
    assert ivan["name"] == "Ivan Ilich Petrov" and {"Ivan Petrov", "Oleg Petrov", "Vanya"} <= set(ivan["aliases"])
    assert [x["text"] for x in ivan["mentions"]] == ["Ivan Petrov", "Oleg Petrov"]
    clerk = persons[derived_id("p-c", "d-split")]
    assert [x["text"] for x in clerk["mentions"]] == ["I. Petrov"] and clerk["split_from"] == "p-petrov-i"
    assert {f["person_id"] for f in out.facts} == {"p-petrov-i"}  # the shot fact followed the merge
    assert {f["person"] for f in out.facts} == {"Ivan Ilich Petrov"}
    assert not out.orphans


def test_corrections_accept_reject_add_and_notes():
    m = machine()
    c = {"id": "c-x", **span("caled")}
    out = apply([d("correction.accept", c, seq=1)], m)
    assert out.corrections[0]["status"] == "accepted"
    out = apply([d("correction.reject", c, seq=1), d("correction.add", span("Tver", 1), {"replacement": "TVER"}, seq=2),
                 d("note", span("Kalinin"), {"text": "1931-1990"}, seq=3)], m)
    assert [x["replacement"] for x in out.corrections] == ["TVER"]
    assert out.notes[0]["note"] == "1931-1990" and out.notes[0]["text"] == "Kalinin"


def test_superseded_and_revoked_decisions_do_not_apply():
    m = machine()
    first = d("fact.edit", fact_target("f-1", m), {"year": 1930}, seq=1)
    second = d("fact.edit", fact_target("f-1", m), {"year": 1936}, seq=2, supersedes=first.id)
    reject = d("fact.reject", fact_target("f-2", m), seq=3)
    revoke = Decision(report="abc", kind="revoke", target={"id": reject.id}, payload={}, author="bob",
                      reason="too hasty", seq=4, supersedes=reject.id)
    out = apply([first, second, reject, revoke], m)
    facts = {f["id"]: f for f in out.facts}
    assert facts["f-1"]["year"] == 1936 and "f-2" in facts and set(out.applied) == {second.id}
