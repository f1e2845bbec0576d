"""Capital letters: a capital cut from its word (`F arty`), capitalised words with a misread letter
(`Usurnation`), stray capitals inside words, and derivations of names (`Trotskvite`).
"""

from __future__ import annotations

import re

from kartoteka.repair.candidates import (
    OCR_CONFUSIONS,
    describe,
    edits_between,
    variant_strings,
)
from kartoteka.repair.document import DocStats, apply_pattern, case_pattern
from kartoteka.repair.evidence import (
    ATTESTED,
    INITIAL_BEFORE,
    LONG_WORD,
    at_sentence_start,
    frequent_forms,
    is_nonword,
    is_suffix_swap,
    is_transliteration_variant,
    neighbours,
    starts_a_sentence,
    times_in_words,
)
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

# ---------------------------------------------------------------- a capital cut off its word (`F\tarty`)

_CAPITAL_CUT_RE = re.compile(r"([A-Z])([\t ])([a-z]{2,})(?![\w'’-])")
#: Capitals a microfiche OCR engine reads for one another, read -> meant.
_CAPITAL_SHAPES = {"F": "P", "P": "F", "E": "F", "C": "G", "G": "C", "l": "I"}


def capital_cut(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A capital split from the rest of its word by a tab or a space, maybe misread on the way
    (`F<tab>arty` for `Party`): the joined word must be common and frequent in this report."""
    out: list[Correction] = []
    text = doc.text
    pos = 0
    while True:
        m = _CAPITAL_CUT_RE.search(text, pos)
        if not m:
            break
        pos = m.end(1)
        before = text[m.start() - 1] if m.start() else " "
        if before.isalnum() or before in "_'’.-":
            continue
        cap, gap, rest = m.groups()
        if cap in ("A", "I") and gap == " " and lex.is_word(rest):
            continue
        if gap == " " and not is_nonword(rest, lex, doc):
            continue
        options = []
        for letter, shape in ((cap, 0), (_CAPITAL_SHAPES.get(cap, ""), 1)):
            if not letter:
                continue
            low = (letter + rest).lower()
            n = doc.lower.get(low, 0)
            if n >= 5 and lex.zipf(low) >= 3.5:
                options.append((shape, -n, letter + rest))
        if not options:
            continue
        options.sort()
        shape, n, joined = options[0]
        where = "tab" if gap == "\t" else "space"
        reason = f"'{cap}' cut off by a {where}; '{joined}' seen {-n} times in this report"
        confidence = 0.8 if gap == "\t" else 0.7
        if shape:
            reason += f", '{joined[0]}' read as '{cap}'"
            confidence -= 0.1
        out.append(Correction(m.start(), m.end(), m.group(), joined, "word", reason, confidence))
        pos = m.end()
    return out


# ---------------------------------------------------------------- the head of a capitals word misread (`F. AVDA`)

#: A capitals word printed this often is a title the report uses (PRAVDA, IZVESTIYA, KOMMUNIST).
CAPS_TITLE_MIN = 5


def caps_head_cut(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """The tail of a capitals word the report prints often, behind a capital read for its first letter and a
    mark read for its second (`F. AVDA` for `PRAVDA`): the tail itself printed at most twice and no word."""
    titles = [w for w, n in doc.forms.items() if n >= CAPS_TITLE_MIN and len(w) >= 5 and w.isupper() and w.isalpha()]
    if not titles:
        return []
    out: list[Correction] = []
    text = doc.text
    for tail, n in list(doc.forms.items()):
        if n > 2 or len(tail) < 3 or not tail.isupper() or not tail.isalpha() or lex.is_word(tail.lower()):
            continue
        meant = [w for w in titles if len(w) == len(tail) + 2 and w.endswith(tail)]
        if len(meant) != 1:
            continue
        title = meant[0]
        for start in doc.positions.get(tail, ()):
            head = _CAPS_HEAD.search(text, max(0, start - 4), start)
            if not head or head.end() != start:
                continue
            cap = head.group(1)
            if cap != title[0] and _CAPITAL_SHAPES.get(cap) != title[0]:
                continue
            reason = (f"'{tail}' is the tail of '{title}' (printed {times_in_words(doc.forms[title])} in this "
                      f"report); '{head.group().rstrip()}' before it is its head misread")
            out.append(Correction(head.start(), start + len(tail), text[head.start() : start + len(tail)],
                                  title, "name", reason, 0.7))
    return out


_CAPS_HEAD = re.compile(r"(?<![\w.'’-])([A-Z])[.,'’] ?")


# ---------------------------------------------------------------- capitalised non-words (`Usurnation`)

_SINGLE_OCR = tuple(pair for pair in OCR_CONFUSIONS if len(pair[0]) == 1 and len(pair[1]) == 1)


def _ocr_variants(low: str):
    """Words one OCR confusion (single or multi-letter) from `low`."""
    for read, meant in OCR_CONFUSIONS:
        start = low.find(read)
        while start >= 0:
            yield low[:start] + meant + low[start + len(read) :], f"{read}->{meant}"
            start = low.find(read, start + 1)


#: Capitalised forms at least this long are judged against the lexicon alone.
CAPITALISED_MIN = 7


def capitalised_misreads(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A long capitalised form printed once, unknown to the lexicon and the report, one OCR confusion
    from an English word: a misread word in a title or at a sentence start (`Usurnation`)."""
    out: list[Correction] = []
    for form, seen in doc.forms.items():
        if seen != 1 or len(form) < CAPITALISED_MIN or case_pattern(form) != "title" or not form.isalpha():
            continue
        low = form.lower()
        if doc.lower.get(low, 0) != 1 or lex.zipf_get(low) > 0 or lex.is_word(low):
            continue
        options = {}
        zget = lex.zipf_get
        for cand, detail in _ocr_variants(low):
            z = zget(cand)
            if z >= 2.0 and not is_transliteration_variant(low, cand):
                options[cand] = max(options.get(cand, (0.0, ""))[0], z), detail
        plain = False
        if not options and len(low) > LONG_WORD and starts_a_sentence(doc, form):
            # No shape confusion: a long word one plain edit from a very common word the report prints
            # in lowercase, at a sentence start (`Especialls`); names that long are seldom one letter
            # from common English.
            for cand in neighbours(doc, "lower").one_edit(low):
                z = lex.common.get(cand, 0.0)
                if z >= 2.0 and edits_between(low, cand) and not is_suffix_swap(low, cand):
                    options[cand] = z, f"one letter apart, and printed {doc.lower[cand]} times in this report"
            plain = True
        if not options:
            continue
        ranked = sorted(options.items(), key=lambda kv: -kv[1][0])
        cand, (z, detail) = ranked[0]
        if len(ranked) > 1 and ranked[1][1][0] > z - 1.0:
            continue
        if plain and z < 4.0:
            continue
        for tok in doc.tokens_of(form):
            if tok.in_compound or INITIAL_BEFORE.search(doc.text[max(0, tok.start - 6) : tok.start]):
                continue
            if plain and not at_sentence_start(doc.text, tok.start):
                continue
            how = detail if plain else f"one OCR confusion apart ({detail})"
            reason = (
                f"'{form}' is not an English word and not seen elsewhere in this report; "
                f"'{cand}' (Zipf {z:.1f}) is {how}"
            )
            kind = "word" if lex.in_dictionary(cand) else "name"
            out.append(Correction(tok.start, tok.end, form, apply_pattern(cand, "title"), kind, reason, 0.65))
    return out


def stray_capitals(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A stroke read as a capital I (or l) glued before a capitalised word (`IMilitary District`): the
    form is printed once, and without its first letter it is a capitalised form the report prints
    often. Acronyms (`IKKI`) and camel-cased names (`McLean`) are other shapes and are left alone."""
    out: list[Correction] = []
    title = frequent_forms(doc)["title"]
    for form, seen in doc.forms.items():
        if seen != 1 or len(form) < 5 or form[0] not in "Il" or not form.isalpha():
            continue
        rest = form[1:]
        if case_pattern(rest) != "title" or len(rest) < 4:
            continue
        n = title.get(rest.lower(), 0)
        if n < 2 * ATTESTED or doc.forms.get(rest, 0) < 2 * ATTESTED:
            continue
        reason = f"'{form}' seen once; '{rest}' seen {n} times in this report: a stray '{form[0]}' before it"
        for tok in doc.tokens_of(form):
            if not tok.in_compound:
                out.append(Correction(tok.start, tok.end, form, rest, "word", reason, 0.8))
    return out


#: Letters no English word and no transliterated name puts after an opening capital L (`Lvov`, `Lwow`,
#: `Lloyd`, `Lyons`, `Lhasa`, `Ljubljana` are real; `Lz...`, `Lk...` are not, and `Iz...`, `Ik...` are).
_NO_SECOND_AFTER_CAPITAL_L = frozenset("bcdfgkmnpqrstxz")


def capital_i_misreads(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A capital I misread at the start of a capitalised word that is no word: as `L` before a letter
    no word puts after an opening L (`Lzakson` for `Izakson`), or run together with the `l` after it
    into `H` where the report prints the `Il` form (`Hyushka` beside `Ilyushka`, `Hyich` for `Ilyich`)."""
    out: list[Correction] = []
    for form in doc.forms:
        if len(form) < 5 or form[0] not in "LH" or not form.isalpha():
            continue
        pattern = case_pattern(form)
        if pattern not in ("title", "upper"):
            continue
        low = form.lower()
        if lex.zipf(low) > 0.0 or lex.is_word(low):
            continue
        if form[0] == "L":
            if low[1] not in _NO_SECOND_AFTER_CAPITAL_L:
                continue
            meant = "I" + form[1:]
            printed = doc.forms.get(meant, 0)
            if pattern == "upper" and not printed:
                continue  # an acronym may open with any consonants (`LSDRP`); only the report's own word decides
            reason = f"'{form}' is no word, and no word opens with 'L{form[1]}': a capital I read as L"
            if printed:
                reason += f"; '{meant}' seen {times_in_words(printed)} in this report"
            confidence = 0.8 if printed else 0.7
        else:
            meant = ("Il" if pattern == "title" else "IL") + form[1:]
            printed = doc.forms.get(meant, 0)
            if not printed:
                continue  # `Hy...` opens English words too: only the report's own spelling decides
            reason = (
                f"'{form}' is no word; '{meant}' seen {times_in_words(printed)} in this report: "
                "a capital I and the l after it read together as H"
            )
            confidence = 0.8
        out.extend(
            Correction(t.start, t.end, form, meant, "name", reason, confidence)
            for t in doc.tokens_of(form)
            if not t.in_compound
        )
    return out


#: Endings that make a word of a name (`Zinovyevite`, `Bukharinism`).
_NAME_DERIVATIONS = ("ites", "ite", "ists", "ist", "ism")


def name_derivations(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A word made of a name (`Trotskyite`, `Bukharinist`) with the name misread by one OCR confusion
    where the report prints the name itself at least 20 times (`Zinovvevite` beside `Zinovyev`)."""
    out: list[Correction] = []
    title = frequent_forms(doc)["title"]
    for form, seen in doc.forms.items():
        if seen > 2 or case_pattern(form) != "title" or not form.isalpha() or lex.zipf(form) > 0.0:
            continue
        low = form.lower()
        ending = next((e for e in _NAME_DERIVATIONS if low.endswith(e)), None)
        if ending is None or len(low) - len(ending) < 5:
            continue
        stem = low[: -len(ending)]
        hits = {
            raw[0]
            for raw in variant_strings(stem, inserts=False)
            if title.get(raw[0], 0) >= 20 and describe(stem, raw).ocr and not is_transliteration_variant(stem, raw[0])
        }
        if len(hits) != 1:
            continue
        name = apply_pattern(hits.pop(), "title")
        target = name + form[len(stem) :]
        n = title[name.lower()]
        reason = (
            f"'{form}' seen {times_in_words(seen)}; the name '{name}' is printed {n} times, one OCR confusion apart"
        )
        out.extend(Correction(t.start, t.end, form, target, "name", reason, 0.8) for t in doc.tokens_of(form))
    return out
