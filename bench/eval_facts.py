"""Score facts on ../shared/eval/events-sample.jsonl by the eval README's rule.

A labelled event is matched by an asserted fact of the same type whose person surname matches
(any labelled form of that person) and whose evidence span covers the labelled line; each fact
matches at most once. Precision counts asserted facts whose evidence lies in the sample lines.
Usage: python bench/eval_facts.py [--misses] [--false] [--years] [--events FILE --persons FILE --lines A-B]

`--events`, `--persons` and `--lines` score other labels in the sample's format (say, your own blind labels of
other lines), with precision counted over those lines.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from bisect import bisect_right
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE_LINES = [(1, 1186), (2759, 3150)]


def _norm(form: str) -> str:
    form = re.sub(r"(?:'s|’s)$", "", form.strip())
    return form.split()[-1].lower() if form.split() else ""


def load_forms(path: Path = SHARED / "eval" / "persons-sample.jsonl") -> dict[str, set[str]]:
    """surname (lower) -> every labelled form's last word for that person."""
    forms: dict[str, set[str]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip():
            continue
        p = json.loads(line)
        words = {_norm(f) for f in [p["surname"], *p.get("forms", []), *p.get("aliases", [])] if f}
        for w in words:
            forms.setdefault(w, set()).update(words)
    return forms


def score(facts: list[dict], text: str, verbose: bool = False, show_false: bool = False,
          show_years: bool = False, events_path: Path = SHARED / "eval" / "events-sample.jsonl",
          persons_path: Path = SHARED / "eval" / "persons-sample.jsonl", ranges=SAMPLE_LINES) -> dict:
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        return bisect_right(line_starts, offset)

    events = [json.loads(x) for x in events_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    forms = load_forms(persons_path)
    in_sample = [f for f in facts if f["modality"] == "asserted"
                 and any(a <= line_of(f["start"]) <= b for a, b in ranges)]
    used: set[int] = set()
    matched = 0
    year_right = 0
    misses = []
    for ev in events:
        names = forms.get(_norm(ev["person"]), {_norm(ev["person"])})
        hit = None
        for i, f in enumerate(in_sample):
            if i in used or f["type"] != ev["event"] or _norm(f["person"]) not in names:
                continue
            if line_of(f["start"]) <= ev["line"] <= line_of(max(f["start"], f["end"] - 1)):
                hit = i
                break
        if hit is None:
            misses.append(ev)
            continue
        used.add(hit)
        matched += 1
        year_right += in_sample[hit]["year"] == ev["year"]
        if show_years and in_sample[hit]["year"] != ev["year"]:
            kind = "extra" if ev["year"] is None else "missing" if in_sample[hit]["year"] is None else "wrong"
            print(f"YEAR {kind:7} label {ev['year']} ours {in_sample[hit]['year']} {ev['event']:13} "
                  f"{ev['person']:15} l{ev['line']}: {ev['evidence'][:100]}")
    precision = matched / len(in_sample) if in_sample else 0.0
    recall = matched / len(events)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if verbose:
        for ev in misses:
            print(f"MISS {ev['event']:13} {ev['person']:15} {ev['year']} l{ev['line']}: {ev['evidence'][:110]}")
    if show_false:
        for i, f in enumerate(in_sample):
            if i not in used:
                print(f"FALSE {f['type']:13} {f['person']:15} {f['year']} l{line_of(f['start'])}: "
                      f"{' '.join(f['evidence'].split())[:110]}")
    return {"labelled": len(events), "facts": len(in_sample), "matched": matched, "precision": precision,
            "recall": recall, "f1": f1, "year_accuracy": year_right / matched if matched else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--false", action="store_true")
    parser.add_argument("--years", action="store_true", help="list year errors on matched facts")
    parser.add_argument("--events", type=Path, default=SHARED / "eval" / "events-sample.jsonl")
    parser.add_argument("--persons", type=Path, default=SHARED / "eval" / "persons-sample.jsonl")
    parser.add_argument("--lines", help="the labelled lines, as A-B[,C-D] (default: the sample's)")
    args = parser.parse_args()
    ranges = SAMPLE_LINES
    if args.lines:
        ranges = [tuple(int(x) for x in part.split("-")) for part in args.lines.split(",")]
    corpus = SHARED / "corpus" / "JPRS-UPA-89-042.txt"
    if not corpus.is_file():
        print("skipped: corpus not found")
        return 0
    from kartoteka.facts import analyze_facts
    from kartoteka.ingest import load_source

    result = analyze_facts(load_source(corpus))
    facts = [f.to_json() for f in result.facts]
    report = score(facts, load_source(corpus).text, args.misses, args.false, args.years, args.events,
                   args.persons, ranges)
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in report.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
