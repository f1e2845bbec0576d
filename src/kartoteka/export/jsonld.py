"""W3C Web Annotation (JSON-LD): one annotation per person mention, entity mention, fact and correction.

The target of each is the report as `urn:sha256:<hash of the file>` with a `TextPositionSelector`
(`[start, end)` in the decoded text) and a `TextQuoteSelector` (exact, and up to 32 characters of prefix
and suffix), so a client can re-anchor on the text even if positions drift.
"""

from __future__ import annotations

import json
from pathlib import Path

from kartoteka.export.bundle import Bundle

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AFFIX = 32


def target(b: Bundle, start: int, end: int) -> dict:
    text = b.text
    return {
        "source": b.urn,
        "selector": [
            {"type": "TextPositionSelector", "start": start, "end": end},
            {"type": "TextQuoteSelector", "exact": text[start:end], "prefix": text[max(0, start - AFFIX) : start],
             "suffix": text[end : end + AFFIX]},
        ],
    }


def _body(value: str, purpose: str) -> dict:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}


def annotations(b: Bundle) -> list[dict]:
    base = f"urn:kartoteka:{b.sha256}"
    out = []
    for i, m in enumerate(b.mentions()):
        out.append({"id": f"{base}:mention:{i}", "type": "Annotation", "motivation": "identifying",
                    "body": [_body(m["name"] or m["text"], "identifying"), _body("PERSON", "tagging"),
                             {"id": f"{base}:person:{m['person']}", "purpose": "identifying"}],
                    "target": target(b, m["start"], m["end"])})
    for i, e in enumerate(x for x in b.entities if x["kind"] != "PERSON"):
        value = e.get("value")
        body = [_body(e["kind"], "tagging")]
        if value is not None:
            body.append(_body(json.dumps(value, ensure_ascii=False, sort_keys=True)
                              if not isinstance(value, str) else value, "describing"))
        out.append({"id": f"{base}:entity:{i}", "type": "Annotation", "motivation": "tagging", "body": body,
                    "target": target(b, e["start"], e["end"])})
    for f in b.facts:
        what = f"{f.get('person')}: {f.get('type')}" + (f" ({f['year']})" if f.get("year") else "")
        out.append({"id": f"{base}:fact:{f['id']}", "type": "Annotation", "motivation": "describing",
                    "body": [_body(what, "describing"), _body(str(f.get("type")), "classifying"),
                             _body(str(f.get("modality")), "tagging"),
                             {"id": f"{base}:person:{f.get('person_id')}", "purpose": "identifying"}],
                    "target": target(b, f["start"], f["end"])})
    for i, c in enumerate(b.corrections):
        out.append({"id": f"{base}:correction:{i}", "type": "Annotation", "motivation": "editing",
                    "body": [_body(c["replacement"], "editing"),
                             _body(f"{c['kind']}: {c['reason']} (confidence {c['confidence']})", "commenting")],
                    "target": target(b, c["start"], c["end"])})
    for n in b.notes:  # curation notes (issue 9)
        out.append({"id": f"{base}:note:{n['id']}", "type": "Annotation", "motivation": "commenting",
                    "creator": {"type": "Person", "name": n.get("author")}, "created": n.get("created_at"),
                    "body": [_body(n.get("note") or "", "commenting"), _body(n.get("reason") or "", "describing")],
                    "target": target(b, n["start"], n["end"])})
    return out


def collection(b: Bundle) -> dict:
    items = annotations(b)
    return {
        "@context": CONTEXT,
        "id": f"urn:kartoteka:{b.sha256}:annotations",
        "type": "AnnotationCollection",
        "label": f"kartoteka annotations of {b.name}",
        "total": len(items),
        "first": {"id": f"urn:kartoteka:{b.sha256}:annotations:page:0", "type": "AnnotationPage", "startIndex": 0,
                  "items": items},
    }


def export_jsonld(bundles: list[Bundle], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for b in bundles:
        path = out / f"{b.name}.jsonld"
        path.write_text(json.dumps(collection(b), ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written
