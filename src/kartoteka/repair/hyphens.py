"""Hyphens: a line-end hyphen left inside a word (`Malen-kov`, `pre-pared`), and a compound that lost one
of its hyphens where the report prints it whole (`brotherin-law`).
"""

from __future__ import annotations

from kartoteka.repair.document import DocStats, case_pattern
from kartoteka.repair.evidence import (
    ATTESTED,
    KNOWN_ZIPF,
    PREFIXES,
    is_known,
    times_in_words,
)
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

# ---------------------------------------------------------------- hyphens inside words (`Malen-kov`)

#: A word of two words (`playwright`) must be at least this common to take a hyphen out on weak report evidence.
CLOSED_ZIPF = 3.0


def _never_a_pair(lex: Lexicon, left: str, right: str) -> bool:
    """The bigram list (when installed) never sees the two words side by side."""
    return lex.has_bigrams and lex.bigram(left, right) <= 0


def inner_hyphens(doc: DocStats, lex: Lexicon) -> list[Correction]:
    out: list[Correction] = []
    for start, end, group in doc.compound_spans:
        parts = group.split("-")
        if len(parts) != 2:
            continue
        verdict = _join_verdict(doc, lex, *parts)
        if verdict is not None:
            reason, confidence = verdict
            out.append(Correction(start, end, group, "".join(parts), "hyphen", reason, confidence))
    return out


def _join_verdict(doc: DocStats, lex: Lexicon, left: str, right: str) -> tuple[str, float] | None:
    """Why `left-right` is one word broken by a hyphen, and how sure; None for a real compound."""
    group, joined = f"{left}-{right}", left + right
    low = joined.lower()
    pl, pr = case_pattern(left), case_pattern(right)
    odd_case = pr == "title" or pl == "mixed" or pr == "mixed" or (pl == "lower") != (pr == "lower")
    if odd_case and not (pl == "title" and pr == "lower"):
        return None
    if pl == "upper" and pr != "upper":
        return None
    l_word, r_word = is_known(left, lex, doc), is_known(right, lex, doc)
    jz = lex.zipf(low)
    if jz < KNOWN_ZIPF and lex.is_word(low):
        jz = KNOWN_ZIPF  # a regular derivation of a word (`disadvantageous`)
    j_seen = doc.lower.get(low, 0)
    h_seen = doc.compounds.get(group.lower(), 0)
    if l_word and r_word:
        # Both halves are words (`country-side`): only the report's own usage can decide, and a
        # prefix before a common word is a real compound (`post-revolutionary`).
        if left.lower() in PREFIXES and lex.zipf(right) >= 3.5:
            return None
        if j_seen >= ATTESTED and j_seen >= 3 * h_seen and jz >= KNOWN_ZIPF:
            return f"'{joined}' seen {j_seen} times in this report, '{group}' {times_in_words(h_seen)}", 0.75
        if j_seen >= max(h_seen, 1) and jz >= CLOSED_ZIPF and _never_a_pair(lex, left.lower(), right.lower()):
            # The report prints it closed too, and English never writes the halves side by side, so no
            # compound of the two is usual either (`play-wright`; not `cease-fire`, printed only so).
            return (
                f"'{joined}' (Zipf {jz:.1f}) is printed closed in this report, and English never writes "
                f"'{left.lower()} {right.lower()}' as a pair",
                0.7,
            )
        return None
    if jz >= KNOWN_ZIPF or j_seen >= 1:
        which = " and ".join(f"'{p}'" for p, ok in ((left, l_word), (right, r_word)) if not ok)
        evidence = f"Zipf {jz:.1f}" if jz >= KNOWN_ZIPF else ""
        if j_seen:
            evidence = (
                evidence + "; " if evidence else ""
            ) + f"seen {times_in_words(j_seen)} unhyphenated in this report"
        conf = 0.9 if (l_word or r_word) is False or j_seen else 0.85
        return f"{which} not a word; '{joined}' is ({evidence})", conf
    stem = _unhyphenated_stem(doc, left, right)
    if stem and not r_word:
        # Another ending of the same word is printed whole (`RAB-OCHAYA` beside `RABOCHIY`): a
        # transliterated word broken at the line end, not a compound.
        cross = joined[: len(left) + _STEM_CROSS]
        return f"'{right}' is not a word; '{stem}' is printed whole in this report, opening with '{cross}'", 0.8
    if l_word or r_word or len(left) < 3 or len(right) < 3:
        return None
    if lex.zipf(left) > 0 or lex.zipf(right) > 0:
        return None
    # Neither half nor the whole is English: a transliterated name or title broken by a hyphen.
    if (pl, pr) in (("title", "lower"), ("upper", "upper")):
        return "neither half is a word or a known form; a name broken by a hyphen", 0.65
    return None


#: A whole form shares at least this many letters after the hyphen with the broken word.
_STEM_CROSS = 3


def _unhyphenated_stem(doc: DocStats, left: str, right: str) -> str | None:
    """A form printed whole, in the same case, that opens with `left` and the first letters of `right`
    and is at least six letters long before they part: the same transliterated word, another ending."""
    if len(right) <= _STEM_CROSS or len(left) + _STEM_CROSS < 6:
        return None
    whole = left + right
    pattern = case_pattern(whole)
    if pattern == "mixed":
        return None
    head = whole[: len(left) + _STEM_CROSS].lower()
    for form in doc.forms_by_head().get(head[:6], ()):
        low = form.lower()
        if form.isalpha() and low.startswith(head) and case_pattern(form) == pattern and low != whole.lower():
            return form
    return None


def compound_restores(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A lowercase compound that lost one of its hyphens (`brotherin-law`) where the report prints the
    same letters with it (`brother-in-law`) and the run-together part is no word."""
    by_letters: dict[str, dict[str, int]] = {}
    for compound, n in doc.compounds.items():
        by_letters.setdefault(compound.replace("-", ""), {})[compound] = n
    out: list[Correction] = []
    for start, end, group in doc.compound_spans:
        if not group.islower():
            continue
        forms = by_letters.get(group.replace("-", ""), {})
        fuller = [(n, f) for f, n in forms.items() if f.count("-") == group.count("-") + 1]
        if len(fuller) != 1 or forms.get(group, 0) > 1:
            continue
        n, target = fuller[0]
        if any(part not in target.split("-") and lex.is_word(part) for part in group.split("-")):
            continue  # every part that is not a part of the fuller compound must be a non-word
        reason = f"'{target}' seen {times_in_words(n)} in this report, '{group}' once: a hyphen lost"
        out.append(Correction(start, end, group, target, "merge", reason, 0.75))
    return out
