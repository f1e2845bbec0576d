"""The repair layer: a reversible, repaired reading of an OCR'd report over its immutable source.

    >>> from kartoteka.repair import repair
    >>> r = repair(source)             # a `Source` or a plain string
    >>> r.text                         # the repaired reading
    >>> r.corrections                  # applied `Correction`s, in source offsets
    >>> r.span_to_source(10, 20)       # a repaired span back to the source span it came from

Only corrections with `confidence >= min_confidence` are applied; all proposals are kept in
`Repaired.proposed`.
"""

from __future__ import annotations

from kartoteka.repair.brackets import bracket_strokes
from kartoteka.repair.capitals import (
    capital_cut,
    capital_i_misreads,
    capitalised_misreads,
    caps_head_cut,
    name_derivations,
    stray_capitals,
)
from kartoteka.repair.document import scan
from kartoteka.repair.hyphens import compound_restores, inner_hyphens
from kartoteka.repair.lexicon import Lexicon, get_lexicon
from kartoteka.repair.marks import lost_letter_marks, other_marks, paren_o_marks
from kartoteka.repair.model import KINDS, Correction, Repaired
from kartoteka.repair.names import double_confusions, ev_endings, initials, passage_misreads
from kartoteka.repair.offsets import OffsetMap
from kartoteka.repair.realword import (
    article_before_plural,
    context_words,
    not_only_but_also,
    of_before_a_verb,
    of_between_names,
    participle_for_adverb,
    real_words,
    short_tokens,
)
from kartoteka.repair.repeats import repeated_phrases, repeated_words, restarted_names
from kartoteka.repair.restores import listed_misspellings, report_restores
from kartoteka.repair.spacing import hyphen_space, merged_words, number_runs, split_words
from kartoteka.repair.tokens import misread_tokens

#: Corrections below this confidence are proposed but not applied.
DEFAULT_MIN_CONFIDENCE = 0.6

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "KINDS",
    "Correction",
    "OffsetMap",
    "Repaired",
    "find_corrections",
    "repair",
]

_DETECTORS = (
    hyphen_space,
    inner_hyphens,
    split_words,
    merged_words,
    number_runs,
    misread_tokens,
    double_confusions,
    passage_misreads,
    ev_endings,
    initials,
    capital_cut,
    caps_head_cut,
    capitalised_misreads,
    stray_capitals,
    capital_i_misreads,
    name_derivations,
    listed_misspellings,
    real_words,
    context_words,
    short_tokens,
    of_before_a_verb,
    of_between_names,
    not_only_but_also,
    article_before_plural,
    participle_for_adverb,
    repeated_words,
    repeated_phrases,
    restarted_names,
    report_restores,
    compound_restores,
    lost_letter_marks,
    paren_o_marks,
    other_marks,
    bracket_strokes,
)
#: When two proposals overlap at equal confidence, the earlier kind here wins.
_PRIORITY = {"split": 0, "hyphen": 1, "name": 2, "merge": 3, "word": 4, "other": 5}


def find_corrections(text: str, lexicon: Lexicon | None = None) -> list[Correction]:
    """All proposed corrections for `text`, sorted by offset, non-overlapping."""
    lex = lexicon or get_lexicon()
    doc = scan(text)
    proposals: list[Correction] = []
    for detect in _DETECTORS:
        proposals.extend(detect(doc, lex))
    return _resolve(proposals)


def _resolve(proposals: list[Correction]) -> list[Correction]:
    """Keep the strongest of overlapping proposals; drop no-ops."""
    ranked = sorted(
        (c for c in proposals if c.original != c.replacement),
        key=lambda c: (-c.confidence, _PRIORITY.get(c.kind, 9), c.start),
    )
    taken: list[tuple[int, int]] = []
    kept: list[Correction] = []
    from bisect import bisect_left, insort

    for c in ranked:
        i = bisect_left(taken, (c.start, c.end))
        if i > 0 and taken[i - 1][1] > c.start:
            continue
        if i < len(taken) and taken[i][0] < c.end:
            continue
        insort(taken, (c.start, c.end))
        kept.append(c)
    kept.sort()
    return kept


def repair(source, min_confidence: float = DEFAULT_MIN_CONFIDENCE, lexicon: Lexicon | None = None) -> Repaired:
    """Repair a `Source` (or a string); apply corrections at or above `min_confidence`."""
    text = source if isinstance(source, str) else source.text
    proposed = find_corrections(text, lexicon)
    applied = [c for c in proposed if c.confidence >= min_confidence]
    return Repaired.build(text, applied, proposed, min_confidence)
