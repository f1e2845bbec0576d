"""Detectors, one per kind of damage. Each returns `Correction`s over source offsets.

Evidence order: the document itself, then the English lexicon, then split/merge tests against the
lexicon, then hyphen joins. Every detector leaves alone what it cannot argue for: a missed error is
better than a "correction" of a real name.
"""

from __future__ import annotations

import re
from collections import Counter

from kartoteka.repair.candidates import (
    LETTERS,
    OCR_CONFUSIONS,
    NeighbourIndex,
    Variant,
    describe,
    edits_between,
    variant_strings,
)
from kartoteka.repair.document import COMPOUND_RE, DocStats, Token, apply_pattern, case_pattern
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

#: A lowercase word at or above this Zipf frequency is a real English word; never "correct" it.
KNOWN_ZIPF = 2.5
#: A replacement proposed from the lexicon alone must be at least this common.
CANDIDATE_ZIPF = 3.0
#: ... or this common when it has six letters or more (`arable`): long words have few near neighbours.
LONG_CANDIDATE_ZIPF = 2.5
#: A form the report prints this often is attested by the report itself.
ATTESTED = 3
#: A document candidate must be this many times as frequent as the rare form.
RATIO = 5

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "not",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "was",
        "we",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
    ]
)
#: Word-forming prefixes and suffixes: `nonparty` is one word, not `non party`.
PREFIXES = frozenset(
    [
        "anti",
        "arch",
        "auto",
        "back",
        "bi",
        "co",
        "counter",
        "de",
        "dis",
        "down",
        "ex",
        "extra",
        "fore",
        "hyper",
        "in",
        "inter",
        "intra",
        "macro",
        "micro",
        "mid",
        "mini",
        "mis",
        "multi",
        "neo",
        "non",
        "off",
        "on",
        "out",
        "over",
        "para",
        "poly",
        "post",
        "pre",
        "pro",
        "pseudo",
        "quasi",
        "re",
        "semi",
        "sub",
        "super",
        "trans",
        "tri",
        "ultra",
        "un",
        "under",
        "up",
    ]
)
SUFFIXES = frozenset(
    [
        "able",
        "al",
        "ally",
        "dom",
        "ed",
        "er",
        "ers",
        "es",
        "est",
        "ful",
        "hood",
        "ing",
        "ings",
        "ism",
        "isms",
        "ist",
        "ists",
        "ity",
        "ive",
        "less",
        "like",
        "ly",
        "man",
        "men",
        "ment",
        "ments",
        "ness",
        "ship",
        "ships",
        "some",
        "ward",
        "wards",
        "ways",
        "wide",
        "wise",
    ]
)
#: A space after a hyphen before these is a suspended compound (`small- and medium-sized`).
SUSPENDED = frozenset(["and", "or", "nor", "to", "but", "as", "than"])


def _known(word: str, lex: Lexicon, doc: DocStats) -> bool:
    low = word.lower()
    return lex.zipf(low) >= KNOWN_ZIPF or doc.lower.get(low, 0) >= ATTESTED


def _nonword(word: str, lex: Lexicon, doc: DocStats, zipf: float = 2.0) -> bool:
    low = word.lower()
    return lex.zipf(low) < zipf and doc.lower.get(low, 0) < ATTESTED


# ---------------------------------------------------------------- misread tokens (name, word)


def misread_tokens(doc: DocStats, lex: Lexicon) -> list[Correction]:
    out: list[Correction] = []
    text = doc.text
    for base in doc.forms:
        if len(base) < 4:
            continue
        analysis = _analyse(base, doc, lex)
        if analysis is None:
            continue
        decided: dict[str, tuple | None] = {}
        for tok in doc.tokens_of(base):
            if tok.in_compound and not _name_in_compound(text, tok):
                continue
            context = _context(text, tok)
            if context == "fragment":
                continue
            if context not in decided:
                decided[context] = _decide_token(analysis, context, doc, lex)
            verdict = decided[context]
            if verdict is None:
                if analysis.weak_hits and not analysis.doc_hits:
                    same = _same_person(doc, lex, tok, analysis.weak_hits)
                    if same is not None:
                        target, reason, confidence = same
                        out.append(Correction(tok.start, tok.end, base, target, "name", reason, confidence))
                continue
            replacement, kind, reason, confidence, source = verdict
            if tok.in_compound and (source != "document" or confidence < 0.75):
                continue
            if source == "lexicon" and _foreign_context(doc, lex, tok):
                continue
            if kind == "name" and analysis.propername is None:
                verdict = _given_names(doc, lex, tok, replacement, reason, confidence)
                if verdict is None:
                    continue
                reason, confidence = verdict
            out.append(Correction(tok.start, tok.end, base, replacement, kind, reason, confidence))
    return out


def _name_in_compound(text: str, tok: Token) -> bool:
    """A capitalised part of a compound of whole capitalised words (`Trotskyite-Zinovvevite`,
    `right-Troskyite`), not a name broken by a line-end hyphen (`Malen-kov`)."""
    if len(tok.base) < 6 or not tok.base[0].isupper() or not tok.base[1:].islower():
        return False
    m = COMPOUND_RE.match(text, _compound_start(text, tok.start))
    if not m:
        return False
    parts = m.group().split("-")
    return all(len(p) >= 4 or p.islower() for p in parts) and sum(p[0].isupper() for p in parts) >= 1


def _compound_start(text: str, pos: int) -> int:
    while pos > 0 and (text[pos - 1].isalpha() or text[pos - 1] == "-"):
        pos -= 1
    return pos


#: Initials (`N. I.`, `Ye.`, `N.K.`) or a given name right before a surname.
_GIVEN_BEFORE = re.compile(r"(?:(?<![\w.])((?:[A-Z][a-z]?\. ?){1,3})|(?<![\w.])([A-Z][a-z]{2,}) )$")


def given_before(text: str, start: int, lex: Lexicon) -> tuple[str, ...] | str | None:
    """What stands right before a surname: its initials as a tuple (`('N', 'I')`), a given name (a
    capitalised word that is not common English: `Nestor`), or None."""
    m = _GIVEN_BEFORE.search(text, max(0, start - 12), start)
    if not m:
        return None
    if m.group(1):
        return tuple(p.strip() for p in m.group(1).split(".") if p.strip())
    name = m.group(2)
    return name if lex.zipf(name) < 3.0 else None


def _initials_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return all(x == y for x, y in zip(a, b, strict=False))


def _given_names(doc: DocStats, lex: Lexicon, tok: Token, target: str, reason: str, confidence: float):
    """Same person or another? A name one edit from a frequent surname is that surname when the
    initials (or the given name) before it are ones the report prints before that surname; it is
    another person when its initials are ones the report never prints before the surname (unless the
    two spellings are one OCR confusion apart: `I. Paylov` is still a misread `Pavlov`)."""
    mine = given_before(doc.text, tok.start, lex)
    if mine is None:
        return reason, confidence
    theirs = [given_before(doc.text, t.start, lex) for t in doc.tokens_of(target)]
    if isinstance(mine, str):
        if mine in theirs:
            return f"{reason}; '{mine} {target}' is printed elsewhere in this report", max(confidence, 0.8)
        return reason, confidence
    initials = [g for g in theirs if isinstance(g, tuple)]
    if any(_initials_agree(mine, g) for g in initials):
        shown = ". ".join(mine) + "."
        return f"{reason}; the same initials ({shown}) stand before '{target}' elsewhere", max(confidence, 0.8)
    if initials and confidence < 0.85:
        return None  # other initials before the surname and no OCR confusion between them: another person
    return reason, confidence


def _same_person(doc: DocStats, lex: Lexicon, tok: Token, hits) -> tuple[str, str, float] | None:
    """A one-off name one edit from a single surname the report prints only a few times: that surname
    when the initials before it stand before every initialled print of the surname (`G. Dmitrov` beside
    `G. Dimitrov`), or when, with no initials of its own, it differs by an inner vowel (`Erinburg`
    beside `Erenburg`), which another surname seldom does."""
    if tok.in_compound or len({h[2] for h in hits}) != 1:
        return None
    n, var, target = hits[0]
    mine = given_before(doc.text, tok.start, lex)
    seen = f"seen once; '{target}' seen {n} times in this report, {_edit_words(var)}"
    if mine is None:
        if _slip_in_name(tok.base.lower(), target.lower()):
            return target, f"{seen}, an inner vowel", 0.6
        return None
    if not isinstance(mine, tuple) or not mine:
        return None
    theirs = [g for g in (given_before(doc.text, t.start, lex) for t in doc.tokens_of(target)) if isinstance(g, tuple)]
    if not theirs or not all(_initials_agree(mine, g) for g in theirs):
        return None
    shown = ". ".join(mine) + "."
    return target, f"{seen}, and always after the same initials ({shown})", 0.7


_INITIAL_BEFORE = re.compile(r"(?:\b[A-Z][a-z]?\.\s?)$")


def _context(text: str, tok: Token) -> str:
    """Where a token stands: `name` (after initials or a lowercase word: a capital marks a name),
    `gloss` (inside translator's brackets), `fragment` (a lowercase word opening a line: cut-off OCR),
    or `plain`."""
    start = tok.start
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 6) : start]
    if tok.base[:1].islower() and not text[line_start:start].strip(" \t"):
        return "fragment"
    if tok.base[:1].islower() and before.endswith("\t"):
        return "fragment"
    open_br = text.rfind("[", line_start, start)
    if open_br >= 0 and text.find("]", open_br, start) < 0 and _closes(text, start):
        return "gloss"
    if tok.base[:1].isupper():
        if _INITIAL_BEFORE.search(before):
            return "name"
        i = start - 1
        while i >= line_start and text[i] in " ,":
            i -= 1
        if i >= line_start and i < start - 1 and text[i].islower():
            return "name"
    return "plain"


def _closes(text: str, start: int) -> bool:
    """A `]` closes the bracket open before `start` on its line (an unclosed `[` opens no gloss)."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    close = text.find("]", start, line_end)
    if close < 0:
        return False
    nxt = text.find("[", start, close)
    return nxt < 0


class _Analysis:
    __slots__ = ("attested_string", "base", "doc_hits", "lex_hits", "low", "pattern", "propername", "seen", "weak_hits")

    def __init__(self, base, low, pattern, seen):
        self.base, self.low, self.pattern, self.seen = base, low, pattern, seen
        self.attested_string = False
        self.propername: tuple | None = None
        self.doc_hits: list[tuple[int, Variant, str]] = []
        self.lex_hits: list[tuple[float, Variant, str]] = []
        #: report forms printed 3-4 times beside this one-off: a misprint only if the initials agree
        self.weak_hits: list[tuple[int, Variant, str]] = []


def _frequent(doc: DocStats) -> dict[str, dict[str, int]]:
    """Forms seen at least ATTESTED times, by case pattern, keyed by lowercase."""
    table = getattr(doc, "_frequent", None)
    if table is None:
        table = {"lower": {}, "title": {}, "upper": {}, "mixed": {}}
        for form, n in doc.forms.items():
            if n >= ATTESTED:
                table[case_pattern(form)][form.lower()] = n
        doc._frequent = table  # type: ignore[attr-defined]
    return table


def _near(doc: DocStats, pattern: str, low: str, inserts: bool = True):
    """One-edit variants of `low` among the report's frequent forms printed in case `pattern`."""
    indexes = getattr(doc, "_near_index", None)
    if indexes is None:
        indexes = doc._near_index = {}  # type: ignore[attr-defined]
    index = indexes.get(pattern)
    if index is None:
        index = indexes[pattern] = NeighbourIndex(_frequent(doc)[pattern])
    return index.near(low, inserts)


def lowercase_neighbours(doc: DocStats) -> NeighbourIndex:
    """The deletion index over the lowercase forms the report prints at least `ATTESTED` times (shared)."""
    _near(doc, "lower", "")
    return doc._near_index["lower"]  # type: ignore[attr-defined]


def _analyse(base: str, doc: DocStats, lex: Lexicon) -> _Analysis | None:
    """Everything about a form that does not depend on where it stands; cached per form."""
    pattern = case_pattern(base)
    if pattern == "mixed" or not base.isalpha():
        return None
    low = base.lower()
    seen = doc.forms.get(base, 0)
    a = _Analysis(base, low, pattern, seen)

    # A proper name printed in lowercase: `stalin` among hundreds of mid-sentence `Stalin`;
    # `losif` for `Iosif` (a capital I read as l).
    if pattern == "lower":
        title = apply_pattern(low, "title")
        proper = doc.midsentence(title) if doc.forms.get(title, 0) >= max(5, 20 * seen) else 0
        if proper >= 5 and proper >= 20 * seen and lex.zipf(low) < 4.0:
            a.propername = (
                title,
                "name",
                f"seen {_times(seen)} in lowercase; '{title}' seen {proper} times mid-sentence, always capitalised",
                0.9 if seen == 1 else 0.8,
                "document",
            )
            return a
        if low[0] == "l" and len(low) >= 4 and not lex.is_word(low):
            as_i = "I" + low[1:]
            n = doc.forms.get(as_i, 0)
            if n >= 2 and n >= 2 * seen:
                a.propername = (
                    as_i,
                    "name",
                    f"seen {_times(seen)}; '{as_i}' seen {n} times in this report: a capital I read as l",
                    0.85,
                    "document",
                )
                return a
            if len(low) >= 6 and low[1] in _NO_SECOND_AFTER_L and lex.zipf(low) == 0.0:
                # `llyushka`: no English word opens with l and this consonant; a Russian I- name does
                a.propername = (
                    as_i,
                    "name",
                    f"'{base}' is no word, and no English word opens with 'l{low[1]}': a capital I read as l",
                    0.7,
                    "document",
                )
                return a

    if lex.is_word(low):
        return None
    zget = lex.zipf_get
    common_get = lex.common.get
    if seen >= ATTESTED or doc.lower.get(low, 0) >= ATTESTED + 1:
        # A repeated form is the report's own unless it is a systematic misreading of a far more
        # frequent form by one OCR confusion (Kameney x4 beside Kamenev x200).
        if pattern == "lower" or zget(low, 0.0) > 0.0 or seen > 6:
            return None
        freq = _frequent(doc)[pattern]
        for raw in _near(doc, pattern, low, inserts=False):
            n = freq.get(raw[0], 0)
            if n >= 20 * seen:
                var = describe(low, raw)
                if var.ocr and not _transliteration_variant(low, raw[0]) and not _inflection(low, raw[0], var):
                    a.doc_hits.append((n, var, apply_pattern(raw[0], pattern)))
            elif n >= 2 * seen and len(low) >= LONG_NAME and _slip_in_name(low, raw[0]):
                # a long name kept misprinted through one passage (Poskrobyshev x3 beside Poskrebyshev x6)
                a.doc_hits.append((n, describe(low, raw), apply_pattern(raw[0], pattern)))
        return a if a.doc_hits else None
    a.attested_string = zget(low, 0.0) > 0.0
    freq = _frequent(doc)[pattern]
    want_lex = pattern == "lower"  # also for attested strings: lexicon rivals lower a document fix
    need = RATIO * max(seen, 1)
    if want_lex:
        # every one-edit string, but only those the report or the lexicon knows go on (most are neither)
        known = lex.common
        raws = [raw for raw in variant_strings(low) if raw[0] in known or raw[0] in freq]
    else:
        raws = _near(doc, pattern, low)
    for raw in raws:
        cand = raw[0]
        if len(cand) < 3 or _added_first_letter(raw):
            continue
        n = freq.get(cand, 0)
        if n >= need:
            var = describe(low, raw)
            if _inflection(low, cand, var, pattern == "lower") or _transliteration_variant(low, cand):
                continue
            if pattern == "upper" and not var.ocr:
                continue  # acronyms one letter apart are usually different bodies (BSSR, RSFSR)
            if a.attested_string and not var.ocr:
                continue
            a.doc_hits.append((n, var, apply_pattern(cand, pattern)))
        elif pattern == "title" and seen == 1 and n >= ATTESTED and len(low) >= 6:
            # too few prints to outweigh a second person alone; initials may still say it is the same one
            var = describe(low, raw)
            if not (_inflection(low, cand, var) or _transliteration_variant(low, cand)):
                a.weak_hits.append((n, var, apply_pattern(cand, pattern)))
        if want_lex and len(cand) >= 4:
            z = common_get(cand, 0.0)
            if z >= (CANDIDATE_ZIPF if len(cand) < 6 else LONG_CANDIDATE_ZIPF):
                a.lex_hits.append((z, describe(low, raw), cand))
    if not a.doc_hits and not a.lex_hits and not a.weak_hits:
        return None
    return a


#: Letters no English word puts after an opening `l` (llama aside): `lv...`, `ll...` open Russian I- names.
_NO_SECOND_AFTER_L = frozenset("bcdfghjklmnpqrstvwxz")

#: Letters a speck, a stroke or an opening bracket (`(` read as C) adds before a word; any other extra
#: first letter makes another word (`kraykoms` beside `raykoms`: kray and rayon committees).
_STRAY_FIRST = frozenset("lijtfrcIC'")


def _added_first_letter(raw) -> bool:
    """The printed word has one more first letter than the candidate, and not one OCR adds."""
    _, op, i, payload = raw
    return op == "d" and i == 0 and payload not in _STRAY_FIRST


def _decide_token(a: _Analysis, context: str, doc: DocStats, lex: Lexicon):
    if a.propername is not None:
        return a.propername
    base, low, pattern, seen = a.base, a.low, a.pattern, a.seen
    doc_best = [
        hit
        for hit in a.doc_hits
        # a name after initials is not a misread common word (K. P. Soms)
        if not (pattern == "title" and context == "name" and doc.forms.get(hit[2].lower(), 0) > 0)
    ]
    lex_best = a.lex_hits if context == "plain" and not a.attested_string else []
    if context == "plain" and a.attested_string and pattern == "lower":
        # a string the frequency list has barely seen (a typo of the web) is still damage when one OCR
        # confusion makes of it a word some thousand times as common (`caten` for `eaten`)
        own = lex.zipf(low)
        if own < BARELY_ZIPF:
            lex_best = [hit for hit in a.lex_hits if hit[1].ocr and hit[0] >= own + 3.0]

    rival_word = ""
    if doc_best:
        doc_best.sort(key=lambda t: (not t[1].ocr, -t[0]))
        by_word: dict[str, int] = {}
        for n, _var, cased in doc_best:
            by_word[cased] = max(by_word.get(cased, 0), n)
        n, var, cased = doc_best[0]
        rival = max((m for w, m in by_word.items() if w != cased), default=0)
        name_like = pattern != "lower" and doc.forms.get(cased.lower(), 0) * 5 < n
        long_word = pattern == "lower" and len(low) >= LONG_WORD and not _splits_in_two(low, lex)
        if var.ocr:
            confidence = 0.9
        elif var.op in ("delete", "insert", "transpose"):
            confidence = 0.75 if len(low) >= 7 or (var.op == "transpose" and len(low) >= 5) else 0.5
        elif long_word:
            confidence = 0.65  # a long word: few words lie one letter from it
        elif pattern == "title" and var.op == "substitute" and _slip_in_name(low, cased.lower()):
            confidence = 0.6  # an inner vowel or a last letter no ending has (Mdivini, Transcaucasial)
        else:
            confidence = 0.5  # a plain letter swap in a name is as often a different name (Zykov/Rykov)
        if n >= 20 * max(seen, 1):
            confidence += 0.05
        if a.attested_string:
            confidence -= 0.1
        # Two near forms (or a near English word) are a crowded neighbourhood: the damage may be
        # neither (`prisor`: `prison` x58, `prior` x29, but `prisoner` was printed).
        lex_rivals = [w for z, _v, w in a.lex_hits if z >= 3.5 and w != cased] if pattern == "lower" else []
        if rival * 3 > n:
            confidence -= 0.4  # two near forms the report prints often: ambiguous, propose only
        elif lex_rivals:
            confidence -= 0.35
            rival_word = lex_rivals[0]
        elif n >= 100 * max(seen, 1) and not (rival or len(a.lex_hits) > 1 or _splits_in_two(low, lex, True)):
            confidence += 0.1  # one near form, printed a hundred times as often: `lmany`, `Mosow`
        kind = "name" if name_like else "word"
        reason = f"seen {_times(seen)}; '{cased}' seen {n} times in this report, {_edit_words(var)}"
        if rival:
            reason += f"; a rival form is seen {rival} times"
        if rival_word:
            reason += f"; but the English word '{rival_word}' is as near"
        return cased, kind, reason, round(min(confidence, 0.97), 3), "document"

    if lex_best:
        lex_best = [hit for hit in lex_best if not _suffix_swap(low, hit[2])]
    if lex_best:
        lex_best = sorted(lex_best, key=lambda t: -(t[0] + (1.0 if t[1].ocr else 0.0)))
        z, var, cased = lex_best[0]
        others = {c: zz for zz, _v, c in (a.lex_hits if a.attested_string else lex_best) if c != cased}
        second = max(others.values(), default=0.0)
        gap = z + (1.0 if var.ocr else 0.0) - second
        if gap < 0.5:
            return None
        # A long word rarely lies one plain edit from a common word by chance (`foregive`, `aerable`),
        # unless it is two words run together (`sonsent`: `son sent` or `consent`?).
        long_word = len(low) >= LONG_WORD and not _splits_in_two(low, lex)
        # Two neighbours swapped (`navie`) is a slip of the typist's hand; a non-word of five letters or
        # more that a swap makes a common word is rarely anything else.
        swapped = var.op == "transpose" and len(low) >= 5 and z >= 3.5
        confidence = (0.7 if var.ocr else 0.58 if swapped else 0.5 if long_word else 0.4) + min(gap, 2.0) * 0.08
        if len(low) < 5:
            confidence -= 0.15
        elif not second and len(low) >= 6 and not _splits_in_two(low, lex, True):
            confidence = max(confidence, 0.62)  # the one common word within an edit (`tyrand`)
        reason = (
            f"'{base}' is not an English word and not seen elsewhere in this report; "
            f"'{cased}' (Zipf {z:.1f}) is {_edit_words(var)}"
        )
        if long_word and not var.ocr:
            reason += f"; a word of {len(low)} letters"
        if second:
            reason += f"; next candidate Zipf {second:.1f}"
        return cased, "word", reason, round(min(confidence, 0.9), 3), "lexicon"
    return None


_VOWELS = frozenset("aeiou")
#: A name this long with a slipped vowel is a misprint even when repeated: few real names lie so near.
LONG_NAME = 10


def _slip_in_name(rare: str, frequent: str) -> bool:
    """One letter of a long capitalised form misprinted where another name is unlikely: an inner vowel
    for another (not `y`, which transliterations move; not in the ending), or a last letter no ending
    ends in. First
    letters and inner consonants make other names (Zykov/Rykov, Kalinin/Kalnin) and are left alone."""
    if len(rare) < 6 or len(rare) != len(frequent):
        return False
    diff = [i for i in range(len(rare)) if rare[i] != frequent[i]]
    if len(diff) != 1:
        return False
    i = diff[0]
    if i == len(rare) - 1:
        return len(rare) >= 8 and rare[i] in _NON_ENDING and frequent[i] not in _NON_ENDING
    # not in the last two letters, where endings differ (`-iy`/`-ay`, `-ev`/`-ov`)
    return 2 <= i < len(rare) - 2 and rare[i] in _VOWELS and frequent[i] in _VOWELS


#: A string the frequency list gives less than this (Zipf) is barely attested: a typo, not a word.
BARELY_ZIPF = 2.0

#: Words this long count as long for a one-edit repair from the lexicon.
LONG_WORD = 7


def _suffix_swap(a: str, b: str) -> bool:
    """Two derivations of one stem (`sociologism`/`sociologist`), not a misreading."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return any(a[k:] in SUFFIXES and b[k:] in SUFFIXES for k in range(3, n + 1))


def _splits_in_two(low: str, lex: Lexicon, function_words: bool = False) -> bool:
    """`low` is two common words run together (`sonsent`; with `function_words`, also `Russiain`)."""
    common = lex.common
    if any(
        common.get(low[:i], 0.0) >= 3.5 and common.get(low[i:], 0.0) >= 3.5 and low[:i] not in PREFIXES
        for i in range(3, len(low) - 2)
    ):
        return True
    return function_words and any(
        (low[:i] in FUNCTION_WORDS and common.get(low[i:], 0.0) >= 3.5)
        or (low[i:] in FUNCTION_WORDS and common.get(low[:i], 0.0) >= 3.5)
        for i in range(1, len(low))
    )


_FOREIGN_NEIGHBOUR = re.compile(r"[^\W\d_]+")
_PHRASE_BREAK = re.compile(r"[\[\](),;:.!?]")


def _foreign_context(doc: DocStats, lex: Lexicon, tok: Token) -> bool:
    """A word among transliterated ones (`Velikaya tayna Stalina`) or glossed by the translator
    (`"kombed" [committee of poor peasants]`) is foreign: no English word is its repair."""
    text = doc.text
    after = text[tok.end + len(tok.suffix) : tok.end + len(tok.suffix) + 4].lstrip("\"'”’ ")
    if after.startswith("["):
        return True
    line_start = text.rfind("\n", 0, tok.start) + 1
    before = list(_FOREIGN_NEIGHBOUR.finditer(text, max(line_start, tok.start - 30), tok.start))
    nxt = _FOREIGN_NEIGHBOUR.search(text, tok.end + len(tok.suffix), tok.end + len(tok.suffix) + 30)
    # a neighbour counts when only spaces or quotes part them; a bracket or a comma ends the phrase
    # (`["dokhodyag"], caten away`: the gloss is over)
    near = [m.group() for m in before[-1:] if not _PHRASE_BREAK.search(text, m.end(), tok.start)]
    if nxt:
        near.append(nxt.group())
    return any(
        len(w) >= 4
        and lex.zipf(w) == 0.0
        and not lex.is_word(w.lower())
        and (w.islower() or doc.forms.get(w, 0) <= 2)  # a name the report keeps printing is no foreign phrase
        for w in near
    )


def _transliteration_variant(a: str, b: str) -> bool:
    """Spellings of one name in two transliterations (Tomsky/Tomskiy, Zinoviev/Zinovyev), not OCR damage."""
    return _translit_key(a) == _translit_key(b)


def _translit_key(word: str) -> str:
    # `tz` and `ts` both write ц (Kuznetzov/Kuznetsov); `z` is з, another letter (`Kutznetsov` is damage)
    w = word.replace("iy", "y").replace("yi", "i").replace("ye", "e").replace("ie", "e")
    w = w.replace("tz", "ts").replace("ks", "x").replace("kh", "h").replace("j", "y")
    return re.sub(r"[iy]+", "i", w)


def _inflection(rare: str, frequent: str, var, lower: bool = False) -> bool:
    """Forms that differ by an ending are inflections or female forms (Kamenev/Kameneva), not misreadings.
    A last letter no English or transliterated Russian ending ends in is damage (`Ordzhonikidzel`),
    and so is a lowercase word short of a last consonant that no ending adds (`beginnin`)."""
    if var.at_end and var.op in ("delete", "insert"):
        letter = frequent[-1] if var.op == "insert" else rare[-1]
        # `Ordzhonikidzel`, `beginnin`: a stray or lost letter, no ending
        return not (letter in _NON_ENDING or (lower and var.op == "insert" and letter not in _ENDING_LETTERS))
    vowels = "aeiouy"
    return var.at_end and var.op == "substitute" and rare[-1] in vowels and frequent[-1] in vowels


#: Letters an ending adds by itself: plurals, past tenses, adverbs, Russian case and plural endings.
_ENDING_LETTERS = frozenset("aeiouysdr")
#: Letters no English or transliterated Russian ending ends in (-s, -d, -r, -y, -ov, -om, -ykh, -in ...).
_NON_ENDING = frozenset("bcfgjklpqtwxz")


def _times(n: int) -> str:
    return {0: "nowhere else", 1: "once", 2: "twice"}.get(n, f"{n} times")


def _edit_words(var) -> str:
    if var.ocr:
        return f"one OCR confusion apart ({var.detail})"
    return {
        "delete": "one letter apart (one extra letter)",
        "insert": "one letter apart (one letter missing)",
        "substitute": "one letter apart",
        "transpose": "two letters swapped",
    }.get(var.op, "one edit apart")


# ---------------------------------------------------------------- split words (`as istance`)

_PAIR_RE = re.compile(r"(?<![\w'’-])([^\W\d_]+) ([^\W\d_]+)(?![\w'’-])")


def split_words(doc: DocStats, lex: Lexicon) -> list[Correction]:
    out: list[Correction] = []
    text = doc.text
    nonword_cache: dict[str, bool] = {}

    def nonword(w: str) -> bool:
        hit = nonword_cache.get(w)
        if hit is None:
            hit = nonword_cache[w] = _nonword(w, lex, doc)
        return hit

    # Only pairs with a non-word in them matter: start from the non-word forms' occurrences.
    starts: set[int] = set()
    for raw, where in doc.positions.items():
        if not raw.isalpha() or not nonword(raw):
            continue
        pattern = case_pattern(raw)
        if pattern in ("lower", "title"):
            starts.update(where)
        if pattern == "lower":
            for start in where:
                i = start - 1
                if i < 1 or text[i] != " ":
                    continue
                j = i
                while j > 0 and text[j - 1].isalpha():
                    j -= 1
                if j < i:
                    starts.add(j)
    blocked = 0
    for start in sorted(starts):
        if start < blocked:
            continue
        m = _PAIR_RE.match(text, start)
        if not m:
            continue
        a, b = m.group(1), m.group(2)
        if not b.islower() or case_pattern(a) not in ("lower", "title"):
            continue
        a_non, b_non = nonword(a), nonword(b)
        if not (a_non or b_non):
            continue
        joined = a + b
        jz = lex.zipf(joined)
        seen = doc.lower.get(joined.lower(), 0)
        lost = ""
        if jz < CANDIDATE_ZIPF and seen < 2:
            # The space may stand where a letter was (`as istance`): one letter restores a word.
            if not b_non or lex.is_word(joined) or len(joined) < 6:
                continue
            fills = [(lex.zipf(a + c + b), c) for c in "abcdefghijklmnopqrstuvwxyz"]
            fills = sorted((f for f in fills if f[0] >= 3.5), reverse=True)
            if len(fills) != 1:
                continue
            jz, lost = fills[0]
            joined = a + lost + b
            seen = doc.lower.get(joined.lower(), 0)
        both = a_non and b_non
        confidence = 0.7 + (0.15 if both else 0.0) + (0.1 if seen >= 2 else 0.0) + (0.05 if jz >= 4 else 0.0)
        if min(len(a), len(b)) == 1:
            confidence -= 0.2
        pieces = " and ".join(f"'{p}'" for p, non in ((a, a_non), (b, b_non)) if non)
        reason = f"{pieces} not a word; '{joined}' is (Zipf {jz:.1f}, seen {_times(seen)} in this report)"
        if lost:
            reason += f"; the space stands for a lost '{lost}'"
            confidence = min(confidence, 0.8)
        out.append(Correction(m.start(), m.end(), m.group(), joined, "split", reason, min(confidence, 0.95)))
        blocked = m.end()
    return out


_HYPHEN_SPACE_RE = re.compile(r"(?<![\w-])([^\W_]+(?:-[^\W_]+)*)- ([^\W\d_]+)(?![\w'’]*-)")


def hyphen_space(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`Five- Year` -> `Five-Year`: a space left after a hyphen inside a compound."""
    out: list[Correction] = []
    text = doc.text
    matches = []
    pos = text.find("- ")
    while pos >= 0:
        i = pos
        while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "-"):
            i -= 1
        while i < pos and text[i] == "-":
            i += 1
        m = _HYPHEN_SPACE_RE.match(text, i) if i < pos else None
        if m and m.end(1) == pos and (not matches or m.start() >= matches[-1].end()):
            matches.append(m)
        pos = text.find("- ", pos + 1)
    for m in matches:
        left, right = m.group(1), m.group(2)
        if right.lower() in SUSPENDED or left.isdigit():
            continue
        joined = f"{left}-{right}"
        seen = doc.compounds.get(joined.lower(), 0)
        confidence = 0.85 + (0.05 if seen else 0.0)
        reason = "a space after a hyphen inside a compound"
        if seen:
            reason += f"; '{joined}' seen {_times(seen)} in this report"
        out.append(Correction(m.start(), m.end(), m.group(), joined, "split", reason, confidence))
    return out


# ---------------------------------------------------------------- merged words (`platoonsthe`)


def merged_words(doc: DocStats, lex: Lexicon) -> list[Correction]:
    out: list[Correction] = []
    decided: dict[str, tuple | None] = {}
    for base in doc.forms:
        if len(base) < 5 or not base.isalpha() or doc.lower[base.lower()] >= ATTESTED:
            continue
        if _a_word_not_a_pair(base, lex):
            continue  # decided before finding its tokens: most forms stop here
        for tok in doc.tokens_of(base):
            if tok.in_compound:
                continue
            key = base if base.islower() else (base, _context(doc.text, tok))
            if key not in decided:
                decided[key] = _decide_merge(base, doc, lex, key[1] if isinstance(key, tuple) else "plain")
            verdict = decided[key]
            if verdict is None:
                continue
            left, right, reason, confidence = verdict
            sep = _separator(doc, tok, left, right)
            out.append(Correction(tok.start, tok.end, base, left + sep + right, "merge", reason, confidence))
    return out


def _decide_merge(base: str, doc: DocStats, lex: Lexicon, context: str = "plain"):
    """Where a rare form that is no word (`merged_words` checked both) splits into two, if anywhere."""
    low = base.lower()
    pattern = case_pattern(base)
    # camel case: `inRussian`
    if pattern == "mixed":
        for i in range(1, len(base)):
            if base[i - 1].islower() and base[i].isupper():
                left, right = base[:i], base[i:]
                if (
                    left.islower()
                    and lex.zipf(left) >= 5.0
                    and case_pattern(right) in ("title", "upper")
                    and (doc.forms.get(right, 0) >= ATTESTED or lex.zipf(right) >= 3.0)
                    and base[i:].count("") > 0
                    and not any(ch.isupper() for ch in base[i + 1 : i + 2] if case_pattern(right) == "title")
                ):
                    return (
                        left,
                        right,
                        f"a lowercase word run into a capitalised one: '{left}' + '{right}'",
                        0.9,
                    )
                return None
        return None
    if pattern not in ("lower", "title"):
        return None
    options = []
    for i in range(2, len(low) - 1):
        left, right = low[:i], low[i:]
        zl, zr = lex.zipf(left), lex.zipf(right)
        if left in PREFIXES or right in SUFFIXES:
            continue
        if not (_part_ok(left, zl) and _part_ok(right, zr)):
            continue
        if pattern == "title":
            # A capitalised run-together: a name the report uses, or a common word, then a function word.
            known_name = doc.forms.get(base[:i], 0) >= ATTESTED
            if right not in FUNCTION_WORDS or not (known_name or (zl >= 4.0 and context == "plain")):
                continue
        options.append((min(zl, zr), zl + zr, base[:i], base[i:]))
    if not options:
        return None
    options.sort(reverse=True)
    best = options[0]
    if len(options) > 1 and options[1][0] > best[0] - 1.0:
        return None
    # A pair English writes all the time (`well as`) is a lost space whatever else lies near.
    usual_pair = lex.bigram(best[2], best[3]) >= USUAL_PAIR
    # One misread letter explains it as well as a lost space (`evewitnesses`, `sonsent`): leave it.
    common_get = lex.common.get
    for cand, op, _i, _p in variant_strings(low, inserts=False):
        if op != "d" and len(cand) >= 5 and common_get(cand, 0.0) >= 2.5 and not usual_pair:
            return None
    # A few lost letters explain it as well (`neverthese` beside `nevertheless` x40): leave it.
    if not usual_pair and _near_longer_form(low, doc):
        return None
    weakest = best[0]
    confidence = 0.6 + min(weakest - 3.0, 2.0) * 0.12 + (0.05 if best[3].lower() in FUNCTION_WORDS else 0.0)
    reason = (
        f"'{base}' is not a word; it splits only into '{best[2]}' (Zipf {lex.zipf(best[2]):.1f}) "
        f"and '{best[3]}' (Zipf {lex.zipf(best[3]):.1f})"
    )
    return best[2], best[3], reason, round(min(confidence, 0.92), 3)


def _a_word_not_a_pair(base: str, lex: Lexicon) -> bool:
    return lex.is_word(base.lower(), zipf=1.0 if base.islower() else 2.0) and not _barely_a_usual_pair(base, lex)


#: A word pair seen this often in the bigram list (~1e12 words) is a set phrase (`well as`, `as well`).
USUAL_PAIR = 1e9


def _barely_a_usual_pair(base: str, lex: Lexicon) -> bool:
    """A lowercase string the frequency list has barely seen and no dictionary lists, that splits
    into a set phrase (`wellas`): a lost space, not a word."""
    low = base.lower()
    if not base.islower() or lex.zipf(low) >= BARELY_ZIPF or lex.in_dictionary(low):
        return False
    return any(lex.bigram(low[:i], low[i:]) >= USUAL_PAIR for i in range(2, len(low) - 1))


def _near_longer_form(low: str, doc: DocStats) -> bool:
    """A form the report prints often (8+ letters) opens like `low` and is at most 3 edits from it."""
    frequent = _frequent(doc)["lower"]
    return any(
        form in frequent
        and len(form) >= 8
        and not low.startswith(form)
        and abs(len(form) - len(low)) <= 3
        and _distance(low, form) <= 3
        for form in doc.forms_by_head().get(low[:6], ())
    )


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _part_ok(part: str, zipf: float) -> bool:
    if part in FUNCTION_WORDS:
        return True
    if len(part) <= 3:
        return zipf >= 4.5
    return zipf >= (2.4 if len(part) >= 6 else 3.0)


_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "twenty",
        "thirty",
        "forty",
        "fifty",
    ]
)
_FRACTIONS = frozenset(
    [
        "half",
        "third",
        "thirds",
        "fourth",
        "fourths",
        "fifth",
        "fifths",
        "sixth",
        "sixths",
        "tenth",
        "tenths",
        "quarter",
    ]
)


_MODIFIER_HEADS = frozenset(
    "high higher highest well ill low long short wide far best least most much so half full ever never new "
    "newly hard fast".split()
)


def _separator(doc: DocStats, tok: Token, left: str, right: str) -> str:
    """What the run-together lost: a hyphen the report uses, a paired dash, a suspended hyphen, or a space."""
    l_low, r_low = left.lower(), right.lower()
    if doc.compounds.get(f"{l_low}-{r_low}", 0) or l_low == "self":
        return "-"
    if l_low in _NUMBER_WORDS and (r_low in _FRACTIONS or r_low in _NUMBER_WORDS):
        return "-"
    if l_low in _MODIFIER_HEADS and r_low.endswith(("ed", "ing", "en", "own", "ought", "nown", "made", "minded")):
        return "-"  # a compound modifier: `high-flown`, `highest-ranking`, `well-thought`
    text = doc.text
    line_start = text.rfind("\n", 0, tok.start) + 1
    sentence_start = max(text.rfind(". ", line_start, tok.start), line_start)
    after = text[tok.end + len(tok.suffix) : tok.end + len(tok.suffix) + 1]
    if text.count("—", sentence_start, tok.start) % 2 == 1 and after not in (".", "!", "?"):
        return "—"  # closes a dash the sentence opened: `the Party—and herein lies ...—was based`
    if right.lower() in ("and", "or"):
        nxt = COMPOUND_RE.match(text, tok.end + tok.suffix.__len__() + 1)
        if nxt:
            return "- "
    return " "


# ---------------------------------------------------------------- hyphens inside words (`Malen-kov`)


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
    l_word, r_word = _known(left, lex, doc), _known(right, lex, doc)
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
            return f"'{joined}' seen {j_seen} times in this report, '{group}' {_times(h_seen)}", 0.75
        return None
    if jz >= KNOWN_ZIPF or j_seen >= 1:
        which = " and ".join(f"'{p}'" for p, ok in ((left, l_word), (right, r_word)) if not ok)
        evidence = f"Zipf {jz:.1f}" if jz >= KNOWN_ZIPF else ""
        if j_seen:
            evidence = (evidence + "; " if evidence else "") + f"seen {_times(j_seen)} unhyphenated in this report"
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


# ---------------------------------------------------------------- other: digits


_DIGIT_MAP = {ord(c): str(i) for block in ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹") for i, c in enumerate(block)}
_FOREIGN_DIGIT_RE = re.compile("[٠-٩۰-۹]")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Each pattern opens with a literal or a small class so the scan skips fast; the rest is checked after.
_I_FOR_ONE_RE = re.compile(rf"([Il]) (?=(?:{_MONTHS})\b)")
_I_FOR_ONE_BEFORE = re.compile(r"(?:^|\W)(?:of|on|until|from|to|since|by) $")
_APOSTROPHE_YEAR_RE = re.compile(r"'(\d\d)\b")
_LETTERS_BEFORE = re.compile(r"(?<![\w])[a-z]+$")
_COMMA_RUN_RE = re.compile(r",(?=[a-z]{2,}\b)")


def other_marks(doc: DocStats, lex: Lexicon) -> list[Correction]:
    out: list[Correction] = []
    text = doc.text
    for m in _FOREIGN_DIGIT_RE.finditer(text):
        out.append(
            Correction(
                m.start(),
                m.end(),
                m.group(),
                m.group().translate(_DIGIT_MAP),
                "other",
                "an Arabic-Indic digit in an English report; the OCR read a Latin digit",
                0.8,
            )
        )
    for m in _I_FOR_ONE_RE.finditer(text):
        if not _I_FOR_ONE_BEFORE.search(text, max(0, m.start() - 7), m.start()):
            continue
        out.append(
            Correction(
                m.start(1),
                m.end(1),
                m.group(1),
                "1",
                "other",
                f"'{m.group(1)}' before a month name after a preposition is the day '1'",
                0.85,
            )
        )
    for m in _APOSTROPHE_YEAR_RE.finditer(text):
        w = _LETTERS_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if not w:
            continue
        out.append(
            Correction(
                w.start(),
                w.end(),
                w.group(),
                w.group() + " ",
                "merge",
                f"a word run into an abbreviated year ('{m.group(1)})",
                0.85,
            )
        )
    for m in _COMMA_RUN_RE.finditer(text):
        before = text[m.start() - 1 : m.start()]
        if not before or not (before.isalnum() or before in '_")'):
            continue
        out.append(Correction(m.start(), m.end(), ",", ", ", "merge", "a comma run into the next word", 0.8))
    out.extend(_misread_centuries(text))
    for m in _STOP_BEFORE_LOWER_RE.finditer(text):
        dot, after = m.start(), m.group(1)
        before = _WORD_ENDING_AT.search(text, max(0, dot - 40), dot)
        if not before:
            continue
        word = before.group(1)
        if len(word) < 2 or word.lower() in _ABBREVIATIONS or after in _NAME_PARTICLES or not lex.is_word(after):
            continue
        reason = f"a full stop before the lowercase word '{after}' that goes on the sentence: a comma misread"
        out.append(Correction(dot, dot + 1, ".", ",", "other", reason, 0.75))
    return out


#: A decade as a report prints it: `1930's`, `1930s`.
_DECADE_RE = re.compile(r"(1\d)(\d)0(?='?s\b)")  # opens with a literal: the scan skips fast
#: How often the report must print the 20th-century decade before a lone decade of another century is
#: taken for it.
_DECADE_SEEN = 3


def _misread_centuries(text: str) -> list[Correction]:
    """A decade of a century the report names twenty times less often than the 20th, where the report
    prints the same decade of the 20th century often: a `9` misread (`the 1030's` for `the 1930's`)."""
    decades = [
        (m.start(1), m.group(1), m.group(2))
        for m in _DECADE_RE.finditer(text)
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_.")
    ]
    by_century = Counter(century for _, century, _ in decades)
    by_decade = Counter((century, tens) for _, century, tens in decades)
    out = []
    for start, century, tens in decades:
        if century in ("18", "19") or by_century[century] * 20 > by_century["19"]:
            continue
        if by_decade[("19", tens)] < _DECADE_SEEN:
            continue
        reason = (
            f"this report names decades of the {century}00s {by_century[century]} times and of the 1900s "
            f"{by_century['19']} times, '19{tens}0s' among them {by_decade[('19', tens)]} times: a '9' misread"
        )
        out.append(Correction(start, start + 2, century, "19", "other", reason, 0.75))
    return out


#: A full stop after a word and before a lowercase word (`the agenda. fills it out`): no sentence ends
#: there unless the word is an abbreviation.
_STOP_BEFORE_LOWER_RE = re.compile(r"\. ([a-z]+)\b")
_WORD_ENDING_AT = re.compile(r"(?<![\w.'’-])([A-Za-z]+)$")
#: Abbreviations a lowercase word may follow (`op. cit.`, `etc. were`, `i. e.`, `Vol. 2`).
_ABBREVIATIONS = frozenset(
    "etc op cit ibid viz cf vol vols pp no nos st dr mr mrs ms jr sr vs gen col lt sgt capt prof acad ed eds "
    "trans ch art fig approx ca ff al ie eg".split()
)
#: Lowercase words that open a name, and so may open a sentence (`von Ribbentrop signed`).
_NAME_PARTICLES = frozenset("von van de du der den la le di da del des ibn bin al el".split())


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
        if gap == " " and not _nonword(rest, lex, doc):
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
        if doc.lower.get(low, 0) != 1 or lex.zipf(low) > 0 or lex.is_word(low):
            continue
        options = {}
        for cand, detail in _ocr_variants(low):
            z = lex.zipf(cand)
            if z >= 2.0 and not _transliteration_variant(low, cand):
                options[cand] = max(options.get(cand, (0.0, ""))[0], z), detail
        plain = False
        if not options and len(low) > LONG_WORD and _starts_a_sentence(doc, form):
            # No shape confusion: a long word one plain edit from a very common word the report prints
            # in lowercase, at a sentence start (`Especialls`); names that long are seldom one letter
            # from common English.
            for cand in lowercase_neighbours(doc).one_edit(low):
                z = lex.common.get(cand, 0.0)
                if z >= 2.0 and edits_between(low, cand) and not _suffix_swap(low, cand):
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
            if tok.in_compound or _INITIAL_BEFORE.search(doc.text[max(0, tok.start - 6) : tok.start]):
                continue
            if plain and not _sentence_start(doc.text, tok.start):
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
    title = _frequent(doc)["title"]
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


#: Endings that make a word of a name (`Zinovyevite`, `Bukharinism`).
_NAME_DERIVATIONS = ("ites", "ite", "ists", "ist", "ism")


def name_derivations(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A word made of a name (`Trotskyite`, `Bukharinist`) with the name misread by one OCR confusion
    where the report prints the name itself at least 20 times (`Zinovvevite` beside `Zinovyev`)."""
    out: list[Correction] = []
    title = _frequent(doc)["title"]
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
            if title.get(raw[0], 0) >= 20 and describe(stem, raw).ocr and not _transliteration_variant(stem, raw[0])
        }
        if len(hits) != 1:
            continue
        name = apply_pattern(hits.pop(), "title")
        target = name + form[len(stem) :]
        n = title[name.lower()]
        reason = f"'{form}' seen {_times(seen)}; the name '{name}' is printed {n} times, one OCR confusion apart"
        out.extend(Correction(t.start, t.end, form, target, "name", reason, 0.8) for t in doc.tokens_of(form))
    return out


def _starts_a_sentence(doc: DocStats, form: str) -> bool:
    return any(_sentence_start(doc.text, start) for raw in doc.raw_of.get(form, ()) for start in doc.positions[raw])


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“'‘(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


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
        for raw in _near(doc, "lower", form):
            cand = raw[0]
            n = doc.forms.get(cand, 0)
            var = describe(form, raw)
            plain_swap = var.op == "substitute" and not var.ocr  # `senter`: center or sentence?
            if plain_swap or _inflection(form, cand, var, True):
                continue
            if n >= 10 and lex.zipf(cand) >= 3.5 and lex.in_dictionary(cand):
                hits.append((n, var, cand))
        if len({h[2] for h in hits}) != 1:
            continue
        n, var, cand = max(hits, key=lambda h: h[0])
        reason = (
            f"'{form}' is a rare listed misspelling (Zipf {z:.1f}); "
            f"'{cand}' seen {n} times in this report, {_edit_words(var)}"
        )
        for tok in doc.tokens_of(form):
            if not tok.in_compound and _context(doc.text, tok) != "fragment":
                out.append(Correction(tok.start, tok.end, form, cand, "word", reason, 0.7))
    return out


# ---------------------------------------------------------------- lost letters and hyphens the report itself restores


def report_restores(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """Rare lowercase forms that one lost character turns into a form the report prints far more often
    or a common word: a lost hyphen (`socalled`, `so-called` x18), a lost first letter (`arty`, `party`
    x741), a lost last letter of an unknown form (`ambitiou`)."""
    out: list[Correction] = []
    compounds = doc.compounds
    for form, seen in doc.forms.items():
        if seen > 2 or len(form) < 3 or not form.islower() or not form.isalpha() or doc.lower[form] > 2:
            continue
        verdict = None
        if len(form) >= 5:
            splits = [
                (compounds.get(f"{form[:i]}-{form[i:]}", 0), f"{form[:i]}-{form[i:]}") for i in range(2, len(form) - 1)
            ]
            n, joined = max(splits)
            if n >= 3 and n >= 3 * seen:
                verdict = (joined, "merge", f"'{joined}' seen {n} times in this report, '{form}' {_times(seen)}", 0.8)
        if verdict is None and lex.zipf(form) < 3.0:
            hits = [(doc.forms.get(c + form, 0), c + form) for c in LETTERS]
            n, cand = max(hits)
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
            if not tok.in_compound and _context(doc.text, tok) != "fragment":
                out.append(Correction(tok.start, tok.end, form, cand, kind, reason, confidence))
    return out


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
        reason = f"'{target}' seen {_times(n)} in this report, '{group}' once: a hyphen lost"
        out.append(Correction(start, end, group, target, "merge", reason, 0.75))
    return out


_APOSTROPHE_END_RE = re.compile(r"([^\W\d_]{3,})'(?![^\W\d_])")
_INNER_MARK_RE = re.compile(r"(?<![\w'’-])([A-Za-z]?[a-z]{2,})'([a-z]{2,})(?![\w'’-])")
#: What follows an apostrophe in English contractions (`don't`, `you'll`, `I'm`).
_CONTRACTIONS = frozenset(["s", "t", "ll", "re", "ve", "d", "m"])


def _inner_mark(doc: DocStats, lex: Lexicon, here: int) -> Correction | None:
    """An apostrophe read for a letter inside a word (`ret'rned`): the word with one letter in its
    place is a common English word, and no other letter makes one. Contractions and the apostrophes of
    transliteration (hard and soft signs: `s'yezd`) give no English word and are left alone."""
    text = doc.text
    i = here
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    m = _INNER_MARK_RE.match(text, i)
    if not m or m.end(1) != here or m.group(2) in _CONTRACTIONS:
        return None
    head, tail = m.group(1), m.group(2)
    if len(head) + len(tail) < 5 or lex.is_word((head + tail).lower()):
        return None
    fits = [
        head + c + tail
        for c in "abcdefghijklmnopqrstuvwxyz"
        if lex.zipf(head + c + tail) >= 3.0 or doc.lower.get((head + c + tail).lower(), 0) >= ATTESTED
    ]
    if len(fits) != 1:
        return None
    reason = f"an apostrophe inside a word; with the letter '{fits[0][len(head)]}' in its place it reads '{fits[0]}'"
    return Correction(m.start(), m.end(), m.group(), fits[0], "word", reason, 0.75)


def lost_letter_marks(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """An apostrophe read for a final `l` (`Centra'` where the report prints `Central` hundreds of
    times), and an acronym printed once with a letter lost (`OGU` beside `OGPU` x18)."""
    out: list[Correction] = []
    text = doc.text
    pos = text.find("'")
    while pos >= 0:
        here, pos = pos, text.find("'", pos + 1)
        if here + 1 < len(text) and text[here + 1].isalpha():
            inner = _inner_mark(doc, lex, here)
            if inner is not None:
                out.append(inner)
            continue
        i = here
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        if here - i < 3 or (i and (text[i - 1].isalnum() or text[i - 1] in "'’-_")):
            continue
        m = _APOSTROPHE_END_RE.match(text, i)
        if not m:
            continue
        word = m.group(1)
        full = word + ("L" if word.isupper() else "l")
        n, seen = doc.lower.get(full.lower(), 0), doc.lower.get(word.lower(), 0)
        if seen <= 2 and n >= 10 and n >= 10 * seen:
            reason = f"an apostrophe read for a final 'l'; '{full}' seen {n} times in this report"
            out.append(Correction(m.start(), m.end(), m.group(), full, "word", reason, 0.75))
    shortened: dict[str, list[tuple[int, str]]] = {}
    for target, n in doc.forms.items():
        if n >= 10 and len(target) >= 4 and target.isupper() and target.isalpha():
            for cut in {target[:i] + target[i + 1 :] for i in range(len(target))}:
                shortened.setdefault(cut, []).append((n, target))
    for form, seen in doc.forms.items():
        if seen != 1 or form not in shortened or not form.isupper():
            continue
        if lex.zipf(form) >= 2.0 or lex.in_dictionary(form.lower()):
            continue
        hits = shortened[form]
        if len(hits) != 1:
            continue
        n, target = hits[0]
        reason = f"'{form}' seen once; '{target}' seen {n} times in this report, one letter lost"
        for tok in doc.tokens_of(form):
            if not tok.in_compound:
                out.append(Correction(tok.start, tok.end, form, target, "name", reason, 0.7))
    # ... and one printed once with a letter too many inside it (`OGUPU`, `NKVID`); an extra first or
    # last letter makes another body (`BSSR` beside `SSR`)
    for form, seen in doc.forms.items():
        if seen != 1 or len(form) < 5 or not form.isupper() or not form.isalpha():
            continue
        if lex.zipf(form) >= 2.0 or lex.in_dictionary(form.lower()):
            continue
        longer = {
            cut: doc.forms.get(cut, 0)
            for cut in {form[:i] + form[i + 1 :] for i in range(1, len(form) - 1)}
            if doc.forms.get(cut, 0) >= 10
        }
        if len(longer) != 1:
            continue
        ((target, n),) = longer.items()
        reason = f"'{form}' seen once; '{target}' seen {n} times in this report, one letter added"
        for tok in doc.tokens_of(form):
            if not tok.in_compound:
                out.append(Correction(tok.start, tok.end, form, target, "name", reason, 0.7))
    return out
