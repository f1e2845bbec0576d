"""Score the repair layer on ../shared/eval/ocr-sample.jsonl by the eval README's rule.

A labelled error is fixed when applying the corrections that touch it turns `wrong` into `right`
exactly. Prints recall per kind, the misses, the number of corrections applied overall, and any
applied correction touching a correctly printed name of a labelled person (these count against us).

    .venv/bin/python bench/eval_ocr.py [--min-confidence 0.6] [--corpus PATH] [--eval-dir DIR] [--labels FILE]

`--labels` scores another file of labels in the same format (say, your own blind labels of other lines).
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kartoteka.repair import DEFAULT_MIN_CONFIDENCE, repair  # noqa: E402

LEXICAL = ("name", "word", "split", "merge", "hyphen")
SAMPLE_LINES = ((1, 1186), (2759, 3150))


def locate(text: str, line_starts: list[int], row: dict) -> tuple[int, int] | None:
    """Source span of a labelled `wrong` on its line (disambiguated by the context)."""
    n = row["line"] - 1
    if n >= len(line_starts):
        return None
    ls = line_starts[n]
    le = text.find("\n", ls)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    wrong, ctx = row["wrong"], row.get("context", "")
    c = line.find(ctx) if ctx else -1
    if c >= 0:
        w = line.find(wrong, c)
        if w >= 0 and w < c + len(ctx):
            return ls + w, ls + w + len(wrong)
    w = line.find(wrong)
    return (ls + w, ls + w + len(wrong)) if w >= 0 else None


def fixed(text: str, span: tuple[int, int], corrections, right: str) -> tuple[bool, list]:
    s, e = span
    touching = [c for c in corrections if c.start < e and c.end > s]
    if not touching:
        return False, []
    lo, hi = min(s, touching[0].start), max(e, touching[-1].end)
    out, pos = [], lo
    for c in touching:
        out.append(text[pos : c.start])
        out.append(c.replacement)
        pos = c.end
    out.append(text[pos:hi])
    return "".join(out) == text[lo:s] + right + text[e:hi], touching


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/JPRS-UPA-89-042.txt"))
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared/eval"))
    ap.add_argument("--labels", help="labels file to score (default: EVAL_DIR/ocr-sample.jsonl)")
    ap.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE)
    ap.add_argument("--review", type=int, default=0, help="print N random applied corrections, to read")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    labels = Path(args.labels) if args.labels else Path(args.eval_dir) / "ocr-sample.jsonl"
    if not corpus.exists() or not labels.exists():
        print(f"skipped: corpus or labels absent ({corpus}, {labels})")
        return 0
    text = corpus.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    result = repair(text, min_confidence=args.min_confidence)
    applied = list(result.corrections)

    total, hit = Counter(), Counter()
    misses, wrong_spans = [], []
    for row in rows:
        span = locate(text, line_starts, row)
        total[row["kind"]] += 1
        if span is None:
            misses.append((row, "label not found in its line", []))
            continue
        wrong_spans.append(span)
        ok, touching = fixed(text, span, applied, row["right"])
        if ok:
            hit[row["kind"]] += 1
        else:
            misses.append((row, "touched, wrong result" if touching else "not touched", touching))

    print(
        f"corrections applied on the whole corpus: {len(applied)} "
        f"(proposed {len(result.proposed)}, min confidence {args.min_confidence})"
    )
    print("by kind:", dict(Counter(c.kind for c in applied)))
    print(f"\nrecall on {labels.name} (README rule):")
    for kind in (*LEXICAL, "other"):
        if total[kind]:
            print(f"  {kind:7} {hit[kind]:3}/{total[kind]:<3} = {hit[kind] / total[kind]:.2f}")
    lex_total = sum(total[k] for k in LEXICAL)
    lex_hit = sum(hit[k] for k in LEXICAL)
    print(f"  lexical {lex_hit:3}/{lex_total:<3} = {lex_hit / max(lex_total, 1):.2f}")

    # Applied corrections in the labelled lines that touch no labelled error.
    ranges = SAMPLE_LINES if not args.labels else ((min(r["line"] for r in rows), max(r["line"] for r in rows)),)

    def in_sample(pos: int) -> bool:
        line = bisect.bisect_right(line_starts, pos)
        return any(a <= line <= b for a, b in ranges)

    unlabelled = [
        c for c in applied if in_sample(c.start) and not any(c.start < e and c.end > s for s, e in wrong_spans)
    ]
    forms = set()
    persons = Path(args.eval_dir) / "persons-sample.jsonl"
    if persons.exists():
        for line in persons.read_text(encoding="utf-8").splitlines():
            if line.strip():
                p = json.loads(line)
                # Only the correctly printed surname: `forms` also lists OCR-damaged spellings.
                if p.get("surname"):
                    forms.add(p["surname"].split()[-1].removesuffix("'s"))
    name_hits = [c for c in unlabelled if c.original in forms]
    print(f"\napplied in labelled lines touching no labelled error: {len(unlabelled)}")
    for c in unlabelled:
        flag = "  <-- a labelled person form" if c in name_hits else ""
        print(f"  {c.kind:6} {c.original!r} -> {c.replacement!r} ({c.confidence:.2f}){flag}")
    print(f"corrections touching a correctly printed person name: {len(name_hits)}")

    if args.review:
        import random

        sample = sorted(random.Random(args.seed).sample(applied, min(args.review, len(applied))))
        print(f"\nreview: {len(sample)} random applied corrections (seed {args.seed}):")
        for i, c in enumerate(sample, 1):
            left = text[max(0, c.start - 40) : c.start].replace("\n", " ").replace("\t", " ")
            right = text[c.end : c.end + 30].replace("\n", " ").replace("\t", " ")
            change = f"{c.original!r} -> {c.replacement!r} ({c.confidence:.2f})"
            print(f"  {i:2} [{c.kind}] {change}: ...{left}[{c.original}]{right}...")

    print("\nmisses:")
    for row, why, touching in misses:
        got = "; ".join(f"{c.original!r}->{c.replacement!r}" for c in touching)
        print(
            f"  [{row['kind']}] line {row['line']}: {row['wrong']!r} -> {row['right']!r}: {why}"
            + (f" ({got})" if got else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
