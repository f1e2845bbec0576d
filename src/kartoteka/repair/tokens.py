"""Misread tokens (`Medvedey`, `interregations`, `stalin`): a rare form one OCR edit from a frequent
form of the same report, or from a common English word, and the name evidence (initials, given names)
that says whether a one-off surname is the same person or another.
"""

from __future__ import annotations

import re

from kartoteka.repair.candidates import (
    Variant,
    describe,
    variant_strings,
)
from kartoteka.repair.document import COMPOUND_RE, DocStats, Token, apply_pattern, case_pattern
from kartoteka.repair.evidence import (
    ATTESTED,
    BARELY_ZIPF,
    CANDIDATE_ZIPF,
    FUNCTION_WORDS,
    LONG_CANDIDATE_ZIPF,
    LONG_NAME,
    LONG_WORD,
    PREFIXES,
    RATIO,
    edit_in_words,
    frequent_forms,
    is_inflection,
    is_spelling_variant,
    is_suffix_swap,
    is_transliteration_variant,
    mostly_not_english,
    near_forms,
    slip_in_name,
    times_in_words,
    token_context,
    vowel_added_in_name,
)
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

# ---------------------------------------------------------------- misread tokens (name, word)

#: Zipf units a known OCR confusion counts over a random letter when a non-word's candidates are ranked
#: (`hurned`: `burned`, a `b` read as `h`, over the commoner `turned`).
OCR_BONUS = 1.5
#: A barely attested string yields to an OCR confusion this many Zipf units commoner.
BARELY_MARGIN = 2.5


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
            context = token_context(text, tok)
            if context == "fragment" and not _whole_after_break(text, tok, lex):
                continue
            context = "plain" if context == "fragment" else context
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


#: The word a paragraph or page break left hanging: its last letters before the break.
_HANGING = re.compile(r"([A-Za-z]+)[ \t]*\n[ \t]*\n?$")


def _whole_after_break(text: str, tok: Token, lex: Lexicon) -> bool:
    """A lowercase word opening an unindented line is a whole word, not the tail of one the break cut, when
    the line before ends in a word and the two do not join into one (`all-Russian` / `autocra,`)."""
    line_start = text.rfind("\n", 0, tok.start) + 1
    if line_start != tok.start:
        return False  # indented: a contents line's cut-off tail
    hanging = _HANGING.search(text, max(0, line_start - 80), line_start)
    if hanging is None:
        return False
    last = hanging.group(1)
    return lex.is_word(last) and not lex.is_word(last + tok.base)


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
    seen = f"seen once; '{target}' seen {n} times in this report, {edit_in_words(var)}"
    if mine is None:
        if slip_in_name(tok.base.lower(), target.lower()):
            return target, f"{seen}, an inner vowel", 0.6
        if vowel_added_in_name(tok.base.lower(), target.lower()):
            return target, f"{seen}, a vowel added beside a vowel", 0.6
        return None
    if not isinstance(mine, tuple) or not mine:
        return None
    theirs = [g for g in (given_before(doc.text, t.start, lex) for t in doc.tokens_of(target)) if isinstance(g, tuple)]
    if not theirs or not all(_initials_agree(mine, g) for g in theirs):
        return None
    shown = ". ".join(mine) + "."
    return target, f"{seen}, and always after the same initials ({shown})", 0.7


class _Analysis:
    __slots__ = (
        "attested_string",
        "base",
        "doc_hits",
        "lex_hits",
        "low",
        "own_words",
        "pattern",
        "propername",
        "seen",
        "weak_hits",
    )

    def __init__(self, base, low, pattern, seen):
        self.base, self.low, self.pattern, self.seen = base, low, pattern, seen
        self.attested_string = False
        self.propername: tuple | None = None
        self.doc_hits: list[tuple[int, Variant, str]] = []
        self.lex_hits: list[tuple[float, Variant, str]] = []
        #: report forms printed 3-4 times beside this one-off: a misprint only if the initials agree
        self.weak_hits: list[tuple[int, Variant, str]] = []
        #: dictionary words the web writes seldom but this report prints often, and how often
        self.own_words: dict[str, int] = {}


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
                f"seen {times_in_words(seen)} in lowercase; "
                f"'{title}' seen {proper} times mid-sentence, always capitalised",
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
                    f"seen {times_in_words(seen)}; '{as_i}' seen {n} times in this report: a capital I read as l",
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
        freq = frequent_forms(doc)[pattern]
        for raw in near_forms(doc, pattern, low, inserts=False):
            n = freq.get(raw[0], 0)
            if n >= 20 * seen:
                var = describe(low, raw)
                if var.ocr and not is_transliteration_variant(low, raw[0]) and not is_inflection(low, raw[0], var):
                    a.doc_hits.append((n, var, apply_pattern(raw[0], pattern)))
            elif n >= 2 * seen and len(low) >= LONG_NAME and slip_in_name(low, raw[0]):
                # a long name kept misprinted through one passage (Poskrobyshev x3 beside Poskrebyshev x6)
                a.doc_hits.append((n, describe(low, raw), apply_pattern(raw[0], pattern)))
        return a if a.doc_hits else None
    a.attested_string = zget(low, 0.0) > 0.0
    freq = frequent_forms(doc)[pattern]
    # also for attested strings: lexicon rivals lower a document fix
    want_lex = pattern == "lower" and not mostly_not_english(doc, lex)
    need = RATIO * max(seen, 1)
    if want_lex:
        # every one-edit string, but only those the report or the lexicon knows go on (most are neither)
        known = lex.common
        raws = [raw for raw in variant_strings(low) if raw[0] in known or raw[0] in freq]
    else:
        raws = near_forms(doc, pattern, low)
    for raw in raws:
        cand = raw[0]
        if len(cand) < 3 or _added_first_letter(raw):
            continue
        n = freq.get(cand, 0)
        if n >= need:
            var = describe(low, raw)
            if is_inflection(low, cand, var, pattern == "lower") or is_transliteration_variant(low, cand):
                continue
            if pattern == "upper" and not var.ocr:
                continue  # acronyms one letter apart are usually different bodies (BSSR, RSFSR)
            if a.attested_string and not var.ocr:
                continue
            a.doc_hits.append((n, var, apply_pattern(cand, pattern)))
        elif pattern == "title" and seen == 1 and n >= ATTESTED and len(low) >= 6:
            # too few prints to outweigh a second person alone; initials may still say it is the same one
            var = describe(low, raw)
            if not (is_inflection(low, cand, var) or is_transliteration_variant(low, cand)):
                a.weak_hits.append((n, var, apply_pattern(cand, pattern)))
        if want_lex and len(cand) >= 4:
            z = common_get(cand, 0.0)
            if n >= ATTESTED and z < ATTESTED_WORD_ZIPF and lex.in_dictionary(cand):
                # the report's own vocabulary: a dictionary word it prints again and again is no rarity
                # here, though the web writes it seldom (`autocra` beside `autocrat` x3)
                z = ATTESTED_WORD_ZIPF
                a.own_words[cand] = n
            if z >= (CANDIDATE_ZIPF if len(cand) < 6 else LONG_CANDIDATE_ZIPF):
                a.lex_hits.append((z, describe(low, raw), cand))
    if not a.doc_hits and not a.lex_hits and not a.weak_hits:
        return None
    return a


#: The Zipf a dictionary word the report prints ATTESTED times or more counts as, when lower.
ATTESTED_WORD_ZIPF = 3.0

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
        # confusion makes of it a word some 300 times as common (`caten` for `eaten`, `crase` for `erase`)
        own = lex.zipf(low)
        if own < BARELY_ZIPF:
            lex_best = [hit for hit in a.lex_hits if hit[1].ocr and hit[0] >= own + BARELY_MARGIN]

    rival_word = ""
    unsure = _unsure_report(doc_best) if doc_best and lex_best and pattern == "lower" else None
    if unsure:
        # The report's near forms cannot choose: two are printed often (`hurned`: `hurried` x7, `turned` x37), or
        # the one it prints is a random letter away. The lexicon with its OCR confusions may (`burned`, a `b`
        # read as `h`).
        verdict = _lexicon_verdict(a, lex, lex_best, base, low)
        if verdict is not None and verdict[2].ocr and verdict[0][0] not in unsure[1]:
            cased, kind, reason, confidence, source = verdict[0]
            return cased, kind, f"{reason}; {unsure[0]}", confidence, source
    if doc_best:
        n, var, cased, rival, _rival_form = _report_choice(doc_best)
        name_like = pattern != "lower" and doc.forms.get(cased.lower(), 0) * 5 < n
        long_word = pattern == "lower" and len(low) >= LONG_WORD and not _splits_in_two(low, lex)
        if var.ocr:
            confidence = 0.9
        elif var.op in ("delete", "insert", "transpose"):
            confidence = 0.75 if len(low) >= 7 or (var.op == "transpose" and len(low) >= 5) else 0.5
            if pattern == "title" and var.op == "insert" and var.at_end and cased.endswith("e") and len(low) >= 4:
                confidence = max(confidence, 0.7)  # a name's last `e` lost (`Eykh` beside `Eykhe`)
        elif long_word:
            confidence = 0.65  # a long word: few words lie one letter from it
        elif pattern == "title" and var.op == "substitute" and slip_in_name(low, cased.lower()):
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
        reason = f"seen {times_in_words(seen)}; '{cased}' seen {n} times in this report, {edit_in_words(var)}"
        if rival:
            reason += f"; a rival form is seen {rival} times"
        if rival_word:
            reason += f"; but the English word '{rival_word}' is as near"
        return cased, kind, reason, round(min(confidence, 0.97), 3), "document"

    verdict = _lexicon_verdict(a, lex, lex_best, base, low)
    return verdict[0] if verdict is not None else None


def _lexicon_verdict(a: _Analysis, lex: Lexicon, lex_best: list, base: str, low: str):
    """The common English word a non-word is one edit from, with its confidence: (verdict, gap, variant)."""
    lex_best = [hit for hit in lex_best if not (is_suffix_swap(low, hit[2]) or is_spelling_variant(low, hit[2]))]
    if lex_best:
        lex_best = sorted(lex_best, key=lambda t: -(t[0] + (OCR_BONUS if t[1].ocr else 0.0)))
        z, var, cased = lex_best[0]
        others = {c: zz for zz, _v, c in (a.lex_hits if a.attested_string else lex_best) if c != cased}
        second = max(others.values(), default=0.0)
        gap = z + (OCR_BONUS if var.ocr else 0.0) - second
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
        printed = f"printed {prints} times in this report" if (prints := a.own_words.get(cased, 0)) else ""
        reason = (
            f"'{base}' is not an English word and not seen elsewhere in this report; "
            f"'{cased}' (Zipf {lex.zipf(cased):.1f}{', ' + printed if printed else ''}) is {edit_in_words(var)}"
        )
        if long_word and not var.ocr:
            reason += f"; a word of {len(low)} letters"
        if second:
            reason += f"; next candidate Zipf {second:.1f}"
        return (cased, "word", reason, round(min(confidence, 0.9), 3), "lexicon"), gap, var
    return None


def _report_choice(doc_best: list) -> tuple[int, Variant, str, int, str]:
    """The near form a document fix takes (an OCR confusion first, then the most printed): its count,
    variant and form, and the count and form of its commonest rival (0 and "" when none)."""
    n, var, cased = min(doc_best, key=lambda t: (not t[1].ocr, -t[0]))
    rival, rival_form = max(((m, w) for m, _v, w in doc_best if w != cased), default=(0, ""))
    return n, var, cased, rival, rival_form


def _unsure_report(doc_best: list) -> tuple[str, dict[str, int]] | None:
    """Why the report's near forms do not settle a lowercase word, and those forms; None when they do.
    Unsettled: the form a document fix would take has a rival printed over a third as often (the test
    that lowers the fix to a proposal), or it is no OCR confusion away."""
    n, var, first, m, second = _report_choice(doc_best)
    if m * 3 > n:
        return f"the report's near forms ('{first}' x{n}, '{second}' x{m}) are split", {first: n, second: m}
    if not var.ocr:
        return f"the report's near form '{first}' (x{n}) is no OCR confusion away", {first: n}
    return None


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
