"""What the report and the lexicon say about a form, shared by the detectors.

Thresholds (how often a form must be printed to count as the report's own, how common a lexicon word
must be to be proposed), the report's frequent forms and their one-edit neighbours, and the tests that
tell a misreading from a spelling (an inflection, a transliteration variant, a slip inside a long name).
Evidence order for every detector: the document itself, then the English lexicon, then split/merge tests
against the lexicon, then hyphen joins. Every detector leaves alone what it cannot argue for: a missed
error is better than a "correction" of a real name.
"""

from __future__ import annotations

import re

from kartoteka.repair.candidates import (
    NeighbourIndex,
)
from kartoteka.repair.document import DocStats, Token, case_pattern
from kartoteka.repair.lexicon import Lexicon

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


def is_known(word: str, lex: Lexicon, doc: DocStats) -> bool:
    low = word.lower()
    return lex.zipf(low) >= KNOWN_ZIPF or doc.lower.get(low, 0) >= ATTESTED


def is_nonword(word: str, lex: Lexicon, doc: DocStats, zipf: float = 2.0) -> bool:
    low = word.lower()
    return lex.zipf(low) < zipf and doc.lower.get(low, 0) < ATTESTED


INITIAL_BEFORE = re.compile(r"(?:\b[A-Z][a-z]?\.\s?)$")


def token_context(text: str, tok: Token) -> str:
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
        if INITIAL_BEFORE.search(before):
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


#: A text with at least this share of its distinct lowercase words unknown to the English lexicon is not
#: English prose (a page of OCR noise, a transliterated passage): the lexicon proposes no repair there.
#: This report: 2.6%.
NOT_ENGLISH_SHARE = 0.3


def mostly_not_english(doc: DocStats, lex: Lexicon) -> bool:
    """Most distinct lowercase words of four letters or more are no English words (built once per report).
    Repairs from the English lexicon would then 'correct' noise or another language, and cost a search
    per unknown form; the report's own evidence still applies."""
    return doc.derived("mostly_not_english", lambda: _not_english_share(doc, lex) >= NOT_ENGLISH_SHARE)


def _not_english_share(doc: DocStats, lex: Lexicon) -> float:
    forms = [f for f in doc.forms if len(f) >= 4 and f.islower() and f.isalpha()]
    if len(forms) < 50:
        return 0.0  # too few words to say
    return sum(1 for f in forms if not lex.is_word(f)) / len(forms)


def frequent_forms(doc: DocStats) -> dict[str, dict[str, int]]:
    """Forms seen at least ATTESTED times, by case pattern, keyed by lowercase (built once per report)."""
    return doc.derived("frequent_forms", lambda: _frequent_table(doc))


def _frequent_table(doc: DocStats) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {"lower": {}, "title": {}, "upper": {}, "mixed": {}}
    for form, n in doc.forms.items():
        if n >= ATTESTED:
            table[case_pattern(form)][form.lower()] = n
    return table


def near_forms(doc: DocStats, pattern: str, low: str, inserts: bool = True):
    """One-edit variants of `low` among the report's frequent forms printed in case `pattern`."""
    return neighbours(doc, pattern).near(low, inserts)


def neighbours(doc: DocStats, pattern: str) -> NeighbourIndex:
    """The deletion index over the forms the report prints at least `ATTESTED` times in case `pattern`."""
    return doc.derived(f"neighbours:{pattern}", lambda: NeighbourIndex(frequent_forms(doc)[pattern]))


_VOWELS = frozenset("aeiou")
#: A name this long with a slipped vowel is a misprint even when repeated: few real names lie so near.
LONG_NAME = 10


def slip_in_name(rare: str, frequent: str) -> bool:
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


def vowel_added_in_name(rare: str, frequent: str) -> bool:
    """A long name with one vowel more than another, set beside a vowel of its own (`Mailchakov` for
    `Milchakov`): a speck read as a letter. A vowel between consonants makes another name
    (Berezin/Berzin), and `y` is the transliteration's to move (Raykov/Rykov)."""
    if len(rare) < 7 or len(rare) != len(frequent) + 1:
        return False
    for i in range(1, len(rare) - 2):
        if rare[:i] + rare[i + 1 :] == frequent:
            return rare[i] in _VOWELS and (rare[i - 1] in _VOWELS or rare[i + 1] in _VOWELS)
    return False


#: A string the frequency list gives less than this (Zipf) is barely attested: a typo, not a word.
BARELY_ZIPF = 2.0

#: Words this long count as long for a one-edit repair from the lexicon.
LONG_WORD = 7


def is_suffix_swap(a: str, b: str) -> bool:
    """Two derivations of one stem (`sociologism`/`sociologist`), not a misreading."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return any(a[k:] in SUFFIXES and b[k:] in SUFFIXES for k in range(3, n + 1))


def is_spelling_variant(a: str, b: str) -> bool:
    """Two English spellings of one word, `-ize`/`-ise` and `-yze`/`-yse` (`disenfranchized`/
    `disenfranchised`): the translator's choice, not a misreading."""
    if len(a) != len(b):
        return False
    diffs = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diffs) == 1 and {a[diffs[0]], b[diffs[0]]} == {"s", "z"} and diffs[0] > 0 and a[diffs[0] - 1] in "iy"


def is_transliteration_variant(a: str, b: str) -> bool:
    """Spellings of one name in two transliterations (Tomsky/Tomskiy, Zinoviev/Zinovyev), not OCR damage."""
    return _translit_key(a) == _translit_key(b)


def _translit_key(word: str) -> str:
    # `tz` and `ts` both write ц (Kuznetzov/Kuznetsov); `z` is з, another letter (`Kutznetsov` is damage)
    w = word.replace("iy", "y").replace("yi", "i").replace("ye", "e").replace("ie", "e")
    w = w.replace("tz", "ts").replace("ks", "x").replace("kh", "h").replace("j", "y")
    return re.sub(r"[iy]+", "i", w)


def is_inflection(rare: str, frequent: str, var, lower: bool = False) -> bool:
    """Forms that differ by an ending are inflections or female forms (Kamenev/Kameneva), not misreadings.
    A last letter no English or transliterated Russian ending ends in is damage (`Ordzhonikidzel`),
    and so is a lowercase word short of a last consonant that no ending adds (`beginnin`)."""
    if var.at_end and var.op in ("delete", "insert"):
        letter = frequent[-1] if var.op == "insert" else rare[-1]
        if not lower and var.op == "insert" and letter == "e":
            return False  # no ending takes the -e off a name (Eykhe, Ordzhonikidze): a lost last letter
        # `Ordzhonikidzel`, `beginnin`: a stray or lost letter, no ending
        return not (letter in _NON_ENDING or (lower and var.op == "insert" and letter not in _ENDING_LETTERS))
    vowels = "aeiouy"
    return var.at_end and var.op == "substitute" and rare[-1] in vowels and frequent[-1] in vowels


#: Letters an ending adds by itself: plurals, past tenses, adverbs, Russian case and plural endings.
_ENDING_LETTERS = frozenset("aeiouysdr")
#: Letters no English or transliterated Russian ending ends in (-s, -d, -r, -y, -ov, -om, -ykh, -in ...).
_NON_ENDING = frozenset("bcfgjklpqtwxz")


def times_in_words(n: int) -> str:
    return {0: "nowhere else", 1: "once", 2: "twice"}.get(n, f"{n} times")


def edit_in_words(var) -> str:
    if var.ocr:
        return f"one OCR confusion apart ({var.detail})"
    return {
        "delete": "one letter apart (one extra letter)",
        "insert": "one letter apart (one letter missing)",
        "substitute": "one letter apart",
        "transpose": "two letters swapped",
    }.get(var.op, "one edit apart")


def starts_a_sentence(doc: DocStats, form: str) -> bool:
    return any(at_sentence_start(doc.text, start) for raw in doc.raw_of.get(form, ()) for start in doc.positions[raw])


def at_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“'‘(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"
