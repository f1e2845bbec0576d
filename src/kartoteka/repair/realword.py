"""Real words misread as other real words (`Stalin as unable to work` for `was unable`).

A real-word corrector over-fires easily, so this one is narrow on purpose: only function words, only
the OCR damage of a first letter lost or added (`as`/`was`, `the`/`he`), and only when the word pair
counts (symspellpy's bigram list, ~1e12 words of English) never see the printed word with either
neighbour while the alternative is common with its right neighbour. Possessive determiners
(`his complete expropriation`) are left alone: an adjective after them breaks the bigram test. The
one exception is a singular determiner before a plural noun (`this friends` for `his friends`).

`context_words` does the same for common content words one letter from a word the report prints
more often (`the extend of` for `the extent of`), but weighs each pair per use of each word against
the list's cut-off, and wants both neighbours to agree: on 800 KB of report it fires once.

`of_before_a_verb` reads `of` as `or` where a finite verb follows it (`could not of did not`): a
preposition never stands there.

`of_between_names` reads `of` as `or` between two surnames (`like Trotsky of Zinovyev`), and
`not_only_but_also` reads the short word before `also` as `but` after `not only` (`not only by political by
also by economic necessity`). `article_before_plural` drops the `s` of a plural agent noun after `a`
(`a well-known journalists`), and `participle_for_adverb` reads the first of two participles after `be` as
its adverb (`was completed eliminated`).

`short_tokens` lets the neighbours choose for two- and three-letter strings no dictionary lists (`tht`,
`lme`): too many words lie one edit from them for the string alone to say which.
"""

from __future__ import annotations

import math
import re

from rapidfuzz.distance import Levenshtein

from kartoteka.repair.candidates import variant_strings
from kartoteka.repair.document import DocStats
from kartoteka.repair.evidence import FUNCTION_WORDS, at_sentence_start, neighbours
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

#: The alternative must follow into its right neighbour at least this often in the bigram list.
MIN_SUPPORT = 5e7
#: ... and that pair must make up this share of the right neighbour's uses (`was unable`, not `was rather`).
MIN_SHARE = 0.4
_DETERMINERS = frozenset(["his", "her", "its", "their", "our", "this", "that", "these", "those", "a", "an"])
#: Singular determiners: before a plural noun (`this friends`) they are misread (`his friends`).
_SINGULAR = frozenset(["this"])
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORD_AT = re.compile(r"[a-z]+")
_TRIPLE_RE = re.compile(r"(?<![\w'’-])([A-Za-z]+) ([a-z]{1,5}) ([a-z]+)(?![\w'’-])")


def _alternatives(word: str):
    for c in _LETTERS:
        if c + word in FUNCTION_WORDS:
            yield c + word, f"a lost first letter '{c}'"
    if len(word) >= 2 and word[1:] in FUNCTION_WORDS:
        yield word[1:], f"an added first letter '{word[0]}'"


def real_words(doc: DocStats, lex: Lexicon) -> list[Correction]:
    if not lex.has_bigrams:
        return []  # no bigram list installed
    text = doc.text
    out: list[Correction] = []
    for word in FUNCTION_WORDS:
        if word not in doc.forms or (word in _DETERMINERS and word not in _SINGULAR):
            continue
        alternatives = list(_alternatives(word))
        if not alternatives:
            continue
        # One C-speed pass finds the words that follow (a superset: `was` holds `as`); only unseen pairs
        # go on to the position check, which looks at whole tokens.
        follow = set(re.findall(rf"{word} ([a-z]+)(?![\w'’-])", text))
        suspects = {
            nxt
            for nxt in follow
            if not lex.bigram(word, nxt)
            and any(lex.bigram(alt, nxt) >= MIN_SUPPORT for alt, _ in alternatives)
            and (word not in _SINGULAR or _plural(nxt, lex))
        }
        if not suspects:
            continue
        for start in doc.positions.get(word, ()):
            nxt_m = _WORD_AT.match(text, start + len(word) + 1)
            if not nxt_m or nxt_m.group() not in suspects:
                continue
            m = _TRIPLE_RE.match(text, _prev_start(text, start))
            if not m or m.start(2) != start:
                continue
            prev, nxt = m.group(1), m.group(3)
            if lex.bigram(word, nxt) or (lex.bigram(prev, word) and word not in _SINGULAR):
                continue
            best = None
            for alt, how in alternatives:
                right, left = lex.bigram(alt, nxt), lex.bigram(prev, alt)
                # the alternative must also be a usual way into the next word: a good share of all
                # its uses (bigram counts and Zipf share a scale: Zipf 9 = 1e12 words / 1e3)
                share = right / (1000.0 * 10 ** lex.zipf(nxt))
                if right >= MIN_SUPPORT and share >= MIN_SHARE and (best is None or right > best[0]):
                    best = (right, left, alt, how)
            if best is None:
                continue
            right, left, alt, how = best
            confidence = min(0.6 + 0.05 * math.log10(right / MIN_SUPPORT + 1) + (0.05 if left else 0.0), 0.75)
            reason = (
                f"'{prev} {word}' and '{word} {nxt}' are unseen in the bigram list; "
                f"'{alt} {nxt}' is seen {right:.0e} times: {how}"
            )
            if alt == "he" and word == "the" and _feminine_clause(text, start + len(word)):
                # `the died in her cell`: the pronoun agrees with what follows; an `s` read as `t`
                alt = "she"
                reason += "; the clause goes on with 'her', so 'she' (an 's' read as 't')"
            out.append(Correction(start, start + len(word), word, alt, "word", reason, round(confidence, 3)))
    return out


#: `of` before a finite verb (`could not of did not`): no preposition stands there, and `or` does.
#: Only verbs that are never nouns: `of will`, `of might`, `of can` are English. The pattern opens
#: with a literal so the scan skips fast; the word edge before `of` is checked after.
_OF_BEFORE_VERB_RE = re.compile(r"of (did|does|was|were|is|are|had|has|could|would|should|shall)(?![\w'’-])")


def of_before_a_verb(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`of` directly before a finite verb is a misread `or` (an `r` whose arm reads as `f`)."""
    text = doc.text
    out: list[Correction] = []
    for m in _OF_BEFORE_VERB_RE.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_'’-"):
            continue
        reason = f"no preposition stands before the verb '{m.group(1)}': 'of' is a misread 'or'"
        out.append(Correction(start, start + 2, "of", "or", "word", reason, 0.7))
    return out


#: Two surnames joined by `of` (`like Trotsky of Zinovyev,`): one person is never "of" another, `or` joins them.
#: (the scan opens with the literal ` of `, which is fast; the name before it is matched after)
_OF_NAME = re.compile(r" of ([A-Z][a-z]{2,})(?![\w'’-])")
_NAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{2,})$")
#: Initials right before a name (`G. Ye. Zinovyev`): a person's surname, not a place's.
_INITIALS_BEFORE = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]?\.\s?){1,3}$")


def of_between_names(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`of` between two surnames the report prints after initials elsewhere (persons, not places) is a
    misread `or`."""
    text = doc.text
    candidates = []
    for m in _OF_NAME.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before:
            candidates.append((before.group(1), m.group(1), m.start() + 1))
    out: list[Correction] = []
    known: dict[str, bool] = {}
    for left, right, start in candidates:
        if not all(_after_initials(doc, name, known) for name in (left, right)):
            continue
        reason = (f"'{left}' and '{right}' are both printed after initials in this report (persons); one person "
                  f"is not 'of' another: 'of' is a misread 'or'")
        out.append(Correction(start, start + 2, "of", "or", "word", reason, 0.7))
    return out


def _after_initials(doc: DocStats, name: str, known: dict[str, bool]) -> bool:
    """Is `name` printed after initials somewhere in the report (`G. Ye. Zinovyev`)?"""
    if name not in known:
        text = doc.text
        known[name] = any(_INITIALS_BEFORE.search(text, max(0, at - 12), at)
                          for at in doc.positions.get(name, ()) + doc.positions.get(name + "'s", []))
    return known[name]


#: `not only by political by also by economic necessity`: the second half of `not only ... but also`
_NOT_ONLY_ALSO = re.compile(r"ot only\b([^.;:!?]{1,120}?)\b([a-z]{2,3}) also\b")


def not_only_but_also(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """After `not only`, a short word before `also` that never pairs with it in the bigram list and lies two
    letters or fewer from `but` is a misread `but`, when no `but` stands between."""
    if not lex.has_bigrams:
        return []
    out: list[Correction] = []
    for m in _NOT_ONLY_ALSO.finditer(doc.text):
        word = m.group(2)
        if word == "but" or re.search(r"\bbut\b", m.group(1)) or lex.bigram(word, "also") > 0:
            continue
        if Levenshtein.distance(word, "but") > 2:
            continue
        reason = (f"'not only ... {word} also': '{word} also' is unseen in the bigram list and "
                  f"'but also' completes 'not only'")
        out.append(Correction(m.start(2), m.end(2), word, "but", "word", reason, 0.7))
    return out


#: `a well-known journalists and`: the article counts one; a plural agent noun after it (a compound adjective
#: may stand between) lost nothing but gained an `s`. Not before a possessive (`a soldiers' meeting`).
_ARTICLE_PLURAL = re.compile(
    # (not a count: `a hundred-odd prisoners`)
    r"(?<![\w'’-])(?:a|an|A|An) (?:(?![a-z]+-odd )[a-z]+-[a-z]+ )?([a-z]{3,}(?:ists|ers|ors|ians))(?![\w'’-])"
)
_AGENT_ENDINGS = ("ists", "ers", "ors", "ians")
#: ... and the singular must be a common word, at least a third as common as the plural (not `headquarters`).
SINGULAR_MIN_ZIPF = 3.5


def article_before_plural(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`a` or `an` before a plural agent noun (`a well-known journalists`): the noun is singular."""
    out: list[Correction] = []
    text = doc.text
    # (only the few forms with an agent ending are looked at, where they stand)
    matches = [m for form, starts in doc.positions.items() if form.endswith(_AGENT_ENDINGS)
               for at in starts
               for m in [_ARTICLE_PLURAL.search(text, max(0, at - 30), at + len(form) + 1)] if m and m.start(1) == at]
    for m in matches:
        plural = m.group(1)
        singular = plural[:-1]
        zs, zp = lex.zipf_get(singular), lex.zipf_get(plural)
        if zs < SINGULAR_MIN_ZIPF or zp - zs > 0.5:
            continue
        reason = f"the article before it counts one: '{plural}' is the plural of '{singular}' with an added 's'"
        out.append(Correction(m.start(1), m.end(1), plural, singular, "word", reason, 0.7))
    return out


#: `This post was completed eliminated`: two past participles in a row after `be`; the first is an adverb.
_PARTICIPLE_PAIR = re.compile(r"\b(?:was|were|is|are|be|been|being) ([a-z]{4,}ed) ([a-z]{3,}ed)\b")
#: The adverb must be this common (Zipf) for the misreading to be the likelier reading.
ADVERB_MIN_ZIPF = 4.0


def participle_for_adverb(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`was completed eliminated`: of two participles after `be`, the first read as `-ed` where its adverb
    (`completely`) stands."""
    out: list[Correction] = []
    text = doc.text
    # (only forms whose adverb is a common word are looked at, where they stand)
    forms = [w for w in doc.positions if len(w) >= 6 and w.endswith("ed") and w.islower()
             and lex.zipf_get(w[:-1] + "ly") >= ADVERB_MIN_ZIPF and lex.in_dictionary(w[:-1] + "ly")]
    matches = [m for w in forms for at in doc.positions[w]
               for m in [_PARTICIPLE_PAIR.search(text, max(0, at - 7), at + 60)] if m and m.start(1) == at]
    for m in matches:
        word = m.group(1)
        adverb = word[:-1] + "ly"
        reason = (f"two past participles follow '{m.group().split()[0]}' ('{word} {m.group(2)}'): the first "
                  f"is the adverb '{adverb}', its 'ly' read as 'd'")
        out.append(Correction(m.start(1), m.end(1), word, adverb, "word", reason, 0.66))
    return out


_SENTENCE_END = re.compile(r"[.!?;]")
_PRONOUNS = re.compile(r"\b(her|herself|his|him|himself)\b")


def _feminine_clause(text: str, start: int) -> bool:
    """The rest of the sentence refers back with `her`/`herself` and never `his`/`him`/`himself`."""
    end = _SENTENCE_END.search(text, start, start + 200)
    found = {m.group(1) for m in _PRONOUNS.finditer(text, start, end.start() if end else start + 200)}
    return bool(found & {"her", "herself"}) and not found & {"his", "him", "himself"}


def _plural(word: str, lex: Lexicon) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and lex.zipf(word[:-1]) >= 3.5


def _prev_start(text: str, start: int) -> int:
    i = start - 1
    if i < 1 or text[i] != " ":
        return start
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return j


# ---------------------------------------------------------------- content words read as other words (`the extend of`)

#: The bigram list keeps pairs seen at least this often; an unseen pair was seen fewer times.
BIGRAM_CUTOFF = 6.4e6
#: Each neighbour must favour the alternative this many times over the printed word ...
SIDE_RATIO = 10.0
#: ... and both together this many times.
BOTH_RATIO = 1000.0
#: The printed word is rare in the report (a misreading), the other word printed at least twice as often.
MAX_SEEN = 3
#: Both words must be common enough for the bigram list to speak about them (Zipf).
CONTEXT_ZIPF = 3.3
_PAIR_AROUND = re.compile(r"(?<![\w'’-])([A-Za-z]+) ([a-z]+) ([a-z]+)(?![\w'’-])")


def context_words(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A common word one letter from a word the report prints often, where both neighbours pair with
    the other word in the bigram list and neither pairs with the printed one (`the extend of`).

    Each side is compared per use of each word: the pair's count over the word's frequency, against
    the list's cut-off (the most an unseen pair can have) over the printed word's frequency. A word
    too rare for its pairs to reach the list is never judged by their absence.
    """
    if not lex.has_bigrams:
        return []
    index = neighbours(doc, "lower")
    counts = doc.lower
    text = doc.text
    out: list[Correction] = []
    for w, starts in doc.positions.items():
        if len(starts) > MAX_SEEN or len(w) < 4 or not w.islower() or w in FUNCTION_WORDS:
            continue
        zw = lex.zipf_get(w)
        if zw < CONTEXT_ZIPF:
            continue
        seen = counts[w]
        cands = [
            c
            for c in index.one_edit(w)
            if counts[c] >= 2 * seen and len(c) >= 4 and lex.zipf_get(c) >= CONTEXT_ZIPF and _one_edit(w, c)
        ]
        if not cands:
            continue
        unseen = BIGRAM_CUTOFF / 10**zw  # the most an unseen pair can be, per use of `w`
        for start in starts:
            m = _PAIR_AROUND.match(text, _prev_start(text, start))
            if not m or m.start(2) != start:
                continue
            prev, nxt = m.group(1), m.group(3)
            if lex.bigram(w, nxt) or lex.bigram(prev, w):
                continue
            best = None
            for c in cands:
                left, right = lex.bigram(prev, c), lex.bigram(c, nxt)
                if not (left and right):
                    continue
                per_use = 10 ** lex.zipf_get(c)
                rl, rr = left / per_use / unseen, right / per_use / unseen
                if (
                    rl >= SIDE_RATIO
                    and rr >= SIDE_RATIO
                    and rl * rr >= BOTH_RATIO
                    and (best is None or rl * rr > best[0])
                ):
                    best = (rl * rr, c, left, right)
            if best is None:
                continue
            ratio, c, left, right = best
            reason = (
                f"'{prev} {w}' and '{w} {nxt}' are unseen in the bigram list; '{prev} {c}' ({left:.0e}) and "
                f"'{c} {nxt}' ({right:.0e}) are common, {ratio:.0f} times likelier per use; '{c}' is printed "
                f"{doc.lower[c]} times in this report, one letter apart"
            )
            confidence = min(0.6 + 0.05 * math.log10(ratio / BOTH_RATIO + 1), 0.75)
            out.append(Correction(start, start + len(w), w, c, "word", reason, round(confidence, 3)))
    return out


def _one_edit(a: str, b: str) -> bool:
    """One substitution, deletion, insertion or swap of neighbours apart."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(long_) == len(short) + 1 and any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


# ---------------------------------------------------------------- short strings no dictionary lists (`tht`, `lme`)

#: A short string is judged only when printed once, unknown to the curated dictionary and this rare (Zipf).
SHORT_MAX_ZIPF = 3.0
#: ... or this common, when the words on both sides pair with the candidate and never with it (`knows ho many`).
SHORT_WEB_ZIPF = 4.5
#: A candidate must be a word this report prints at least this often ...
SHORT_MIN_SEEN = 30
#: ... every neighbour the bigram list can speak for must pair with it at least this often ...
SHORT_SUPPORT = 1e7
#: ... and it must beat the next candidate by this factor on its weaker side.
SHORT_MARGIN = 10.0
_SHORT_RE = re.compile(r"(?<![\w'’.-])[a-z]{2,3}(?![\w'’-])")
_WORD_BEFORE = re.compile(r"([A-Za-z]+) $")
_WORD_AFTER = re.compile(r" ([A-Za-z]+)")


def short_tokens(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A two- or three-letter string printed once that no dictionary lists (the web word lists hold
    `tht`, `lme`), one edit from a word this report prints often, where the words on either side pair
    with that word in the bigram list and never with the printed string (`the fact tht Stalin`).

    `misread_tokens` leaves strings this short alone: too many words lie one edit from them, so the
    neighbours must choose. A capitalised neighbour says nothing (the list keeps lowercase pairs), nor
    does one behind punctuation.
    """
    if not lex.has_bigrams:
        return []
    text, counts = doc.text, doc.lower
    out: list[Correction] = []
    for w, starts in doc.positions.items():
        if len(starts) != 1 or not 2 <= len(w) <= 3 or not w.islower() or counts.get(w, 0) != 1:
            continue
        if lex.in_dictionary(w) or lex.zipf(w) >= SHORT_WEB_ZIPF:
            continue
        start = starts[0]
        m = _SHORT_RE.match(text, start)
        if not m or m.end() != start + len(w):
            continue  # inside a compound, a possessive or an abbreviation (`op. cit`)
        sides = _speaking_neighbours(text, start, start + len(w))
        if not sides or any((lex.bigram(nb, w) if side == "left" else lex.bigram(w, nb)) for nb, side in sides):
            continue
        if lex.zipf(w) >= SHORT_MAX_ZIPF and len(sides) < 2:
            # a string the web writes often (`ho`, slang and names) needs both neighbours to speak
            continue
        scored = []
        for cand in {raw[0] for raw in variant_strings(w)}:
            if len(cand) < 2 or counts.get(cand, 0) < SHORT_MIN_SEEN:
                continue
            support = min(lex.bigram(nb, cand) if side == "left" else lex.bigram(cand, nb) for nb, side in sides)
            scored.append((support, cand))
        if not scored:
            continue
        scored.sort(reverse=True)
        support, cand = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if support < SHORT_SUPPORT or support < SHORT_MARGIN * runner_up:
            continue
        pairs = " and ".join(f"'{nb} {cand}'" if side == "left" else f"'{cand} {nb}'" for nb, side in sides)
        reason = (
            f"'{w}' is printed once and no dictionary lists it; '{cand}' is one edit away, printed "
            f"{counts[cand]} times in this report, and {pairs} {'are' if len(sides) > 1 else 'is'} common "
            f"({support:.0e} or more)"
        )
        out.append(Correction(start, start + len(w), w, cand, "word", reason, 0.7))
    return out


def _speaking_neighbours(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """The words right before and after `text[start:end]` (one space apart) that the bigram list can
    speak for: lowercase ones, and a capitalised word opening the sentence (`The fact`), not names."""
    sides = []
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before:
        word = before.group(1)
        if word.islower() or (word[1:].islower() and at_sentence_start(text, before.start(1))):
            sides.append((word.lower(), "left"))
    after = _WORD_AFTER.match(text, end)
    if after and after.group(1).islower():
        sides.append((after.group(1), "right"))
    return sides
