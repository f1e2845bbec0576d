"""Digits and punctuation (kind `other`): foreign digits, `I` for `1` before a month, a full stop read
for a comma, a decade of the wrong century, apostrophes read for letters (`Centra'`, `ret'rned`), and
`()` read for an `O` (`PR()-LETARSKAYA`).
"""

from __future__ import annotations

import re
from collections import Counter

from kartoteka.repair.document import DocStats
from kartoteka.repair.evidence import (
    ATTESTED,
    times_in_words,
)
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

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
    out.extend(_doubled_year_digits(text))
    stops = set()
    for m in (*_STOP_IN_NAME_LIST_RE.finditer(text), *_STOP_BEFORE_NAME_LIST_RE.finditer(text)):
        reason = "a full stop between two names of a list that goes on after them: a comma misread"
        out.append(Correction(m.start(1), m.end(1), ".", ",", "other", reason, 0.75))
        stops.add(m.start(1))
    for m in _STOP_BEFORE_NAMES_ONLY_RE.finditer(text):
        if m.start() not in stops:
            reason = "a full stop before a sentence of names only (`A and B.`): a comma misread"
            out.append(Correction(m.start(), m.start() + 1, ".", ",", "other", reason, 0.75))
    for m in _OTHERS_HYPHEN_RE.finditer(text):
        # `A, B and others-9 men in all-were tried`: `others` makes no compound; a hyphen after it
        # is a dash, and so is the one that closes the aside it opens
        reason = "a hyphen after 'others' opens an aside (no compound ends so): a dash misread"
        out.append(Correction(m.start(), m.end(), "-", "\u2014", "other", reason, 0.8))
        close = _ASIDE_CLOSE_RE.match(text, m.end())
        if close:
            at = close.end() - 1
            reason = "the hyphen that closes an aside a dash opened after 'others': a dash misread"
            out.append(Correction(at, at + 1, "-", "\u2014", "other", reason, 0.75))
    for m in _HYPHEN_FOR_DASH_RE.finditer(text):
        reason = "a hyphen between a word and a person's initials opens an apposition or a list: a dash misread"
        out.append(Correction(m.start(), m.end(), "-", "\u2014", "other", reason, 0.8))
    for m in _STOP_BEFORE_LOWER_RE.finditer(text):
        dot, after = m.start(), m.group(1)
        before = _WORD_ENDING_AT.search(text, max(0, dot - 40), dot)
        if not before:
            continue
        word = before.group(1)
        if len(word) < 2 or word.lower() in _ABBREVIATIONS or after in _NAME_PARTICLES or not lex.is_word(after):
            continue
        if after in _DETERMINERS and (word.lower() in _IRREGULAR_PAST or word.endswith("ed")):
            # a verb and its object (`our army met. the war`): no mark stood between them, not even a comma
            reason = f"a full stop between the verb '{word}' and its object ('{after} ...'): a speck, not a mark"
            # (the space after it goes with it, so the replacement is no empty string that maps nowhere)
            out.append(Correction(dot, dot + 2, ". ", " ", "other", reason, 0.75))
            continue
        reason = f"a full stop before the lowercase word '{after}' that goes on the sentence: a comma misread"
        out.append(Correction(dot, dot + 1, ".", ",", "other", reason, 0.75))
    for m in _OPENING_FRAGMENT_RE.finditer(text):
        at = m.start()
        if at and text[at - 1] != "\n" and not (at >= 2 and text[at - 1] == " " and text[at - 2] in ".!?"):
            continue  # (checked here, not in the pattern: a pattern led by its words scans fast)
        fragment = m.group(1)
        words = fragment.split()
        if _FINITE_RE.search(fragment) or words[-1][-1:].isupper() or words[-1] in _ABBREVIATIONS:
            continue  # a clause of its own, or a stop after an initial or an abbreviation (`Armenia-A.`, `Yem.`)
        if len(words) > 10 or not _YEAR_IN_RE.fullmatch(words[-1]):
            continue  # only a phrase that ends in its year is surely no sentence (`In the 1930's the terror grew.`)
        reason = "a full stop after an opening phrase with no verb (`In April 1938.`) before its subject: a comma read"
        out.append(Correction(m.end(1), m.end(1) + 1, ".", ",", "other", reason, 0.7))
    for m in _COMMA_BEFORE_OPENER_RE.finditer(text):
        if not (m.start() and text[m.start() - 1].islower()):
            continue
        # `and V. Chopich, In 1941, the poet ...`: no clause goes on after a comma with a capital
        reason = f"a comma before '{m.group(1)}', capitalised, that opens a sentence: a full stop misread"
        out.append(Correction(m.start(), m.start() + 1, ",", ".", "other", reason, 0.75))
    return out


#: A sentence that is only an opening phrase of time ending in its year (`Already in April 1938.`), then a name or
#: `I`: the subject of the sentence the phrase opens.
_OPENING_FRAGMENT_RE = re.compile(
    r"((?:In|During|After|Following|Since|By|At|On|Before|Already\s+in|Even\s+in)\b"
    r"[^.!?\n\"“”;:]{3,120}?)\. (?=I |(?:[A-Z][a-z]?\. ?){0,3}[A-Z][a-z]+\b)"
)
#: A finite verb, modal or past form in the phrase makes it a sentence.
_FINITE_RE = re.compile(
    r"\b(?:was|were|is|are|had|has|have|did|does|do|could|would|should|will|can|may|might|must|said|became|began|"
    r"went|came|saw|knew|took|gave|made|left|wrote|found|sent|spread|heard|built|broke|put|shot|undertook|told|"
    r"thought|felt|met|led|held|kept|fled|fell|rose|ran|stood|sat|lay|got|let|set|cut|hit|[a-z]{3,}ed)\b"
)
_YEAR_IN_RE = re.compile(r"1[89]\d\d")
#: A comma, then a word that opens sentences written with a capital and a lowercase word or a number after it
#: (`V. Chopich, In 1941, the poet`, `Yu. G. Oksman, They kept O. Berggolts`); a lowercase letter before the
#: comma is checked after the match (a regex led by a literal scans fast).
_COMMA_BEFORE_OPENER_RE = re.compile(
    r", (In|The|He|She|It|They|We|This|These|But|At|On|After|When|Then|There|His|Her|Their)"
    r" (?=[a-z0-9])"
)


_DETERMINERS = frozenset("the a an his her their its this these those our my your".split())
#: Common irregular past tenses (the regular ones end in -ed).
_IRREGULAR_PAST = frozenset(
    "met saw took gave made found left sent put held led brought bought caught taught told sold won lost kept "
    "wrote began ran struck shot hit set cut knew threw drew chose broke spoke stole swore tore wore bore".split()
)


#: A full stop inside a list of names (`, P. A. Orlov, A. S. Orlova. Ya. G. Sorin, G. Belov`): a
#: comma before it, a name after it that a comma or `and` and another name (or `and others`) follow.
#: (A surname of four letters or more before it: `Yem. Yaroslavskiy` is an abbreviated given name.)
_NAME_OPENING = r"(?:(?:[A-Z][a-z]?\.\s?){1,3}|[A-Z][a-z]+\s)?"
_SURNAME = r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?"
_STOP_IN_NAME_LIST_RE = re.compile(
    rf", {_NAME_OPENING}[A-Z][a-z]{{3,}}(?:-[A-Z][a-z]+)?(\.) {_NAME_OPENING}{_SURNAME}"
    rf"(?=,\s{_NAME_OPENING}{_SURNAME}|\s+and\s(?:{_NAME_OPENING}{_SURNAME}|(?:many\s)?others\b))"
)
#: ... or after a name that a lowercase word leads, when two more names set off by commas follow
#: (`the artists Sandro Orlov. Igor Sorin, K. Belov, I. Lavrov`; `in Kursk. Orel, Tula, and other cities`).
_STOP_BEFORE_NAME_LIST_RE = re.compile(
    rf"(?<=[a-z] ){_NAME_OPENING}[A-Z][a-z]{{3,}}(\.) {_NAME_OPENING}{_SURNAME}"
    rf"(?=,\s{_NAME_OPENING}{_SURNAME},\s{_NAME_OPENING}{_SURNAME})"
)
#: ... or before a sentence that is only names joined by `and` (`a statement from himself. Orlov and Sokolov.`)
_STOP_BEFORE_NAMES_ONLY_RE = re.compile(
    rf"(?<=[a-z]{{2}})\. {_NAME_OPENING}{_SURNAME}(?:, {_NAME_OPENING}{_SURNAME})*,? and "
    rf"{_NAME_OPENING}[A-Z][a-z]{{2,}}(?:-[A-Z][a-z]+)?\.(?=\s+[A-Z\"])"
)
_OTHERS_HYPHEN_RE = re.compile(r"(?<=\bothers)-(?=\s?[\w\"])")
#: An aside of a few words (`12 persons in all`) closed by a hyphen before a lowercase word
_ASIDE_CLOSE_RE = re.compile(r"\d[^-—–\n.;:()]{0,40}?[a-z]-(?=[a-z])")
#: A hyphen after a word and before initials and a name (`the new one-F. I. Goloshchekin, E. I. Kviring`):
#: no compound is made so; the typesetter's dash came out as a hyphen.
_HYPHEN_FOR_DASH_RE = re.compile(r"(?<=[a-z]{2})-(?=[A-Z]\.\s?(?:[A-Z][a-z]?\.?\s?)?[A-Z][a-z])")
#: A decade as a report prints it: `1930's`, `1930s`.
_DECADE_RE = re.compile(r"(1\d)(\d)0(?='?s\b)")  # opens with a literal: the scan skips fast
#: How often the report must print the 20th-century decade before a lone decade of another century is
#: taken for it.
_DECADE_SEEN = 3


#: A five-digit number that opens like a year of the last two centuries (`19937`).
_FIVE_DIGITS_RE = re.compile(r"1[89]\d{3}")
#: How often the report must print the year a doubled digit hides.
_YEAR_SEEN = 5


def _doubled_year_digits(text: str) -> list[Correction]:
    """`"Moscow 19937"`, `the beginning of 19939`: a year with one digit doubled, when the report prints the year
    itself again and again and no count follows (`19950 persons` is a number)."""
    out = []
    for m in _FIVE_DIGITS_RE.finditer(text):
        s, e = m.start(), m.end()
        if (s and (text[s - 1].isdigit() or text[s - 1] in ".,")) or (e < len(text) and text[e].isdigit()):
            continue
        if _COUNTED_RE.match(text, e):
            continue
        digits = m.group()
        years = {digits[:i] + digits[i + 1 :] for i in range(1, 4) if digits[i] == digits[i + 1]}
        years = {y for y in years if y[:2] in ("18", "19")}
        if len(years) != 1:
            continue
        (year,) = years
        seen = _printed_number(text, year)
        if seen >= _YEAR_SEEN:
            reason = f"a year with a digit doubled; '{year}' is printed {seen} times in this report"
            out.append(Correction(s, e, digits, year, "other", reason, 0.75))
    return out


def _printed_number(text: str, number: str) -> int:
    """How often `number` is printed as a number of its own (not inside a longer one)."""
    n, at = 0, text.find(number)
    while at >= 0:
        end = at + len(number)
        if not (at and text[at - 1].isdigit()) and not (end < len(text) and text[end].isdigit()):
            n += 1
        at = text.find(number, end)
    return n


#: A count after a number (`19950 persons`, `10000 tons`): the number is no year.
_COUNTED_RE = re.compile(r"\s+[a-z]+s\b")


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
    out.extend(_acronym_tails(doc, lex))
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


#: An acronym with a parenthesised tail (`VKP(b)`, `RKP(b)`).
_ACRONYM_TAIL_RE = re.compile(r"([A-Z]{2,6})(\([a-z]\))(?!\w)")
#: A tailed acronym a one-off is taken for must be printed with that tail at least this often.
_TAILED_SEEN = 20


def _acronym_tails(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`VDP(b)` printed once beside `VKP(b)` x100: an acronym with the same tail one letter from a frequent one.
    (Acronyms one letter apart are often two bodies, `RKP(b)` and `VKP(b)`; the tail and the frequency say which
    is a misreading.)"""
    text = doc.text
    tailed = [
        (m.start(1), m.group(1), m.group(2))
        for m in _ACRONYM_TAIL_RE.finditer(text)
        if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"))
    ]
    if not tailed:
        return []
    counts: dict[tuple[str, str], int] = {}
    for _at, acronym, tail in tailed:
        counts[(acronym, tail)] = counts.get((acronym, tail), 0) + 1
    out = []
    for at, acronym, tail in tailed:
        if counts[(acronym, tail)] != 1 or lex.in_dictionary(acronym.lower()):
            continue
        near = [
            (n, other)
            for (other, other_tail), n in counts.items()
            if other_tail == tail and n >= _TAILED_SEEN and len(other) == len(acronym)
            and sum(a != b for a, b in zip(other, acronym, strict=True)) == 1
        ]
        if len(near) != 1:
            continue
        n, other = near[0]
        reason = f"'{acronym}{tail}' printed once; '{other}{tail}' printed {n} times in this report, one letter apart"
        out.append(Correction(at, at + len(acronym), acronym, other, "name", reason, 0.7))
    return out


#: A word with `()` inside it, and a hyphen the line end may have left (`PR()-LETARSKAYA`).
_PAREN_O_RE = re.compile(r"(?<![\w-])([A-Za-z]+)\(\)(-?)([A-Za-z]+)(?![\w-])")


def paren_o_marks(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`()` read for an `O` inside a word (`PR()-LETARSKAYA` where the report prints `PROLETARSKAYA`):
    taken only when the word with an `O` in its place is printed elsewhere in the report or is English."""
    out: list[Correction] = []
    text = doc.text
    pos = text.find("()")
    while pos >= 0:
        here, pos = pos, text.find("()", pos + 2)
        i = here
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        m = _PAREN_O_RE.match(text, i)
        if not m or m.end(1) != here:
            continue
        head, hyphen, tail = m.groups()
        o = "O" if head[-1].isupper() or tail[0].isupper() else "o"
        for candidate in ((head + o + tail,) + ((head + o + "-" + tail,) if hyphen else ())):
            counts = doc.compounds if "-" in candidate else doc.lower
            seen = counts.get(candidate.lower(), 0)
            if seen or lex.is_word(candidate.lower()):
                evidence = f"printed {times_in_words(seen)} elsewhere in this report" if seen else "an English word"
                reason = f"'()' read for '{o}' inside a word; '{candidate}' is {evidence}"
                out.append(Correction(m.start(), m.end(), m.group(), candidate, "other", reason, 0.85))
                break
    return out
