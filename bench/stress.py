"""Benchmark: every stage on generated adversarial text, against the reader (outline) in the same run.

The text is paragraphs of long lists of namesakes (a few surnames, many initials), in the report's house
style, the shape that makes person clustering compare many profiles of one surname. It is generated from a
fixed seed, so runs compare. Prints the CPU seconds of each stage and its ratio to outline.
Usage: python bench/stress.py [--kb 800] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time

SURNAMES = ["Ivanov", "Rubin", "Orlov", "Belov", "Sorin", "Kedrov", "Petrov", "Lavrov", "Kulish", "Gorkich"]
LETTERS = "ABVGDYeZIKLMNOPRSTUFKhTsChShE"
FRAMES = [
    "Thousands of directors perished. Among them were {items}; and others.",
    "The composition of the defendants was varied: Besides {one}, the main defendant, there were {items}.",
    "The dock was populated chiefly by old members—{items}. All of them were shot in {year}.",
    "Arrested were the secretaries {items}; {one}, a member of the buro.",
    "In {year} {items} were rehabilitated, and {one} was released.",
]


def _initials(rng: random.Random) -> str:
    letters = [rng.choice(LETTERS.replace("Ye", "").replace("Kh", "")) for _ in range(rng.choice((1, 2, 2, 3)))]
    return " ".join(f"{ch}." for ch in letters)


def _name(rng: random.Random) -> str:
    return f"{_initials(rng)} {rng.choice(SURNAMES)}"


def generate(kb: int, seed: int) -> str:
    rng = random.Random(seed)
    parts = ["JPRS REPORT\n\nSoviet Union\n\n"]
    size = len(parts[0])
    while size < kb * 1024:
        frame = rng.choice(FRAMES)
        items = ", ".join(_name(rng) for _ in range(rng.randint(6, 14)))
        paragraph = frame.format(items=items, one=_name(rng), year=rng.randint(1930, 1941)) + "\n\n"
        parts.append(paragraph)
        size += len(paragraph)
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=800, help="size of the generated text (default 800)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from kartoteka.facts import find_facts
    from kartoteka.ingest.source import source_from_bytes
    from kartoteka.repair import repair
    from kartoteka.resolve import find_persons
    from kartoteka.structure import read_report

    text = generate(args.kb, args.seed)
    source = source_from_bytes(text.encode("utf-8"), path="stress.txt")
    times = {}
    t = time.process_time()
    report = read_report(source)
    times["outline"] = time.process_time() - t
    t = time.process_time()
    repaired = repair(source)
    times["repair"] = time.process_time() - t
    t = time.process_time()
    persons = find_persons(report, repaired)
    times["persons"] = time.process_time() - t
    t = time.process_time()
    facts = find_facts(report, repaired, persons)
    times["facts"] = time.process_time() - t
    print(f"generated {len(text) / 1024:.0f} KB (seed {args.seed}): {len(persons)} persons, {len(facts.facts)} facts")
    for stage, seconds in times.items():
        ratio = seconds / times["outline"] if times["outline"] else float("inf")
        print(f"  {stage:8} {seconds:7.2f} s CPU   {ratio:8.1f}x outline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
