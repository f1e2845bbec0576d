"""Real words misread as other real words (`Stalin as unable to work` for `was unable`).

A real-word corrector over-fires easily, so this one is narrow on purpose: only function words, only
the OCR damage of a first letter lost or added (`as`/`was`, `the`/`he`), and only when the word pair
counts (symspellpy's bigram list, ~1e12 words of English) never see the printed word with either
neighbour while the alternative is common with its right neighbour. Possessive determiners
(`his complete expropriation`) are left alone: an adjective after them breaks the bigram test. The
one exception is a singular determiner before a plural noun (`this friends` for `his friends`).
"""

from __future__ import annotations

import math
import re

from kartoteka.repair.document import DocStats
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction
from kartoteka.repair.rules import FUNCTION_WORDS

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
    if lex.bigram("the", "party") <= 0:
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
            out.append(Correction(start, start + len(word), word, alt, "word", reason, round(confidence, 3)))
    return out


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
