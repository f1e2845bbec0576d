"""Rare lowercase forms the report itself corrects: a misspelling a web word list knows but no dictionary
does, one edit from a common word the report prints often; and a form one lost character away from a
far more frequent one (`socalled` beside `so-called`, `arty` beside `party`, `ambitiou`).
"""

from __future__ import annotations

from kartoteka.repair.candidates import (
    LETTERS,
    describe,
)
from kartoteka.repair.document import DocStats
from kartoteka.repair.evidence import (
    edit_in_words,
    is_inflection,
    near_forms,
    times_in_words,
    token_context,
)
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

# ---------------------------------------------------------------- misspellings the web lexicon lists (`contruction`)


def listed_misspellings(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A rare lowercase form that a web word list knows (so `misread_tokens` trusts it) but the curated
    dictionary does not, one edit from a common word this report prints at least ten times."""
    out: list[Correction] = []
    for form, seen in doc.forms.items():
        if seen != 1 or len(form) < 6 or not form.islower() or not form.isalpha():
            continue
        z = lex.zipf(form)
        if not 0.0 < z < 2.0 or lex.in_dictionary(form) or doc.lower.get(form, 0) != 1:
            continue
        hits = []
        for raw in near_forms(doc, "lower", form):
            cand = raw[0]
            n = doc.forms.get(cand, 0)
            var = describe(form, raw)
            plain_swap = var.op == "substitute" and not var.ocr  # `senter`: center or sentence?
            if plain_swap or is_inflection(form, cand, var, True):
                continue
            if n >= 10 and lex.zipf(cand) >= 3.5 and lex.in_dictionary(cand):
                hits.append((n, var, cand))
        if len({h[2] for h in hits}) != 1:
            continue
        n, var, cand = max(hits, key=lambda h: h[0])
        reason = (
            f"'{form}' is a rare listed misspelling (Zipf {z:.1f}); "
            f"'{cand}' seen {n} times in this report, {edit_in_words(var)}"
        )
        for tok in doc.tokens_of(form):
            if not tok.in_compound and token_context(doc.text, tok) != "fragment":
                out.append(Correction(tok.start, tok.end, form, cand, "word", reason, 0.7))
    return out


# ---------------------------------------------------------------- lost letters and hyphens the report itself restores


def report_restores(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """Rare lowercase forms that one lost character turns into a form the report prints far more often
    or a common word: a lost hyphen (`socalled`, `so-called` x18), a lost first letter (`arty`, `party`
    x741), a lost last letter of an unknown form (`ambitiou`)."""
    out: list[Correction] = []
    hyphenated = doc.derived("restores:hyphenated", lambda: _hyphenated_by_letters(doc))
    with_first = doc.derived("restores:with_first", lambda: _with_first_letter(doc))
    for form, seen in doc.forms.items():
        if seen > 4 or len(form) < 3 or not form.islower() or not form.isalpha() or doc.lower[form] > 4:
            continue
        # A form printed three or four times is the report's own, unless its hyphenated form is printed
        # four times as often (`wellknown` x3 beside `well-known` x14): a typist's slip kept up.
        rare = doc.lower[form] <= 2
        verdict = None
        if len(form) >= 5:
            n, joined = hyphenated.get(form, (0, ""))
            if n >= 3 and n >= (3 * seen if rare else 4 * doc.lower[form]):
                verdict = (
                    joined,
                    "merge",
                    f"'{joined}' seen {n} times in this report, '{form}' {times_in_words(seen)}",
                    0.8,
                )
        if verdict is None and not rare:
            continue
        if verdict is None and lex.zipf(form) < 3.0:
            n, cand = with_first.get(form, (0, ""))
            if n >= 50 * seen and lex.zipf(cand) >= 3.5:
                verdict = (cand, "word", f"'{cand}' seen {n} times in this report: a lost first letter", 0.7)
        if verdict is None and len(form) >= 5 and lex.zipf(form) == 0.0 and not lex.is_word(form):
            common = lex.common
            hits = [(common[form + c], form + c) for c in LETTERS if common.get(form + c, 0.0) >= 3.0]
            if len(hits) == 1:
                z, cand = hits[0]
                reason = f"'{form}' is not a word; '{cand}' (Zipf {z:.1f}) is it with a lost last letter"
                verdict = (cand, "word", reason, 0.65)
        if verdict is None:
            continue
        cand, kind, reason, confidence = verdict
        for tok in doc.tokens_of(form):
            if not tok.in_compound and token_context(doc.text, tok) != "fragment":
                out.append(Correction(tok.start, tok.end, form, cand, kind, reason, confidence))
    return out


def _hyphenated_by_letters(doc: DocStats) -> dict[str, tuple[int, str]]:
    """Compounds of two parts of two letters or more, by their letters run together: the most printed
    one (`socalled` -> (18, 'so-called'))."""
    table: dict[str, tuple[int, str]] = {}
    for compound, n in doc.compounds.items():
        left, _, right = compound.partition("-")
        if len(left) >= 2 and len(right) >= 2 and "-" not in right:
            key = left + right
            table[key] = max(table.get(key, (0, "")), (n, compound))
    return table


def _with_first_letter(doc: DocStats) -> dict[str, tuple[int, str]]:
    """Lowercase forms by what follows their first letter: the most printed one (`arty` -> (741, 'party'))."""
    table: dict[str, tuple[int, str]] = {}
    for form, n in doc.forms.items():
        if len(form) >= 2 and form[0] in _LETTER_SET:
            key = form[1:]
            table[key] = max(table.get(key, (0, "")), (n, form))
    return table


_LETTER_SET = frozenset(LETTERS)
