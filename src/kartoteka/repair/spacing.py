"""Lost and extra spaces: a word split by a space (`interro gation`, `Five- Year`) and two words run
together (`platoonsthe`, `inRussian`, `wellas`).
"""

from __future__ import annotations

import re

from kartoteka.repair.candidates import (
    LETTERS,
    describe,
    variant_strings,
)
from kartoteka.repair.document import COMPOUND_RE, DocStats, Token, case_pattern
from kartoteka.repair.evidence import (
    ATTESTED,
    BARELY_ZIPF,
    CANDIDATE_ZIPF,
    FUNCTION_WORDS,
    PREFIXES,
    SUFFIXES,
    frequent_forms,
    is_nonword,
    mostly_not_english,
    times_in_words,
    token_context,
)
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

#: A space after a hyphen before these is a suspended compound (`small- and medium-sized`).
SUSPENDED = frozenset(["and", "or", "nor", "to", "but", "as", "than"])


# ---------------------------------------------------------------- split words (`as istance`)

_PAIR_RE = re.compile(r"(?<![\w'’-])([^\W\d_]+) ([^\W\d_]+)(?![\w'’-])")


def split_words(doc: DocStats, lex: Lexicon) -> list[Correction]:
    if mostly_not_english(doc, lex):
        return []  # English words joined across noise or another language are no repair
    out: list[Correction] = []
    text = doc.text
    nonword_cache: dict[str, bool] = {}

    def nonword(w: str) -> bool:
        hit = nonword_cache.get(w)
        if hit is None:
            hit = nonword_cache[w] = is_nonword(w, lex, doc)
        return hit

    # Only pairs with a non-word in them matter: start from the non-word forms' occurrences (and from two
    # letters no dictionary lists, which the web writes often: `vi tim`, a `c` lost in the space).
    starts: set[int] = set()
    for raw, where in doc.positions.items():
        if len(raw) == 2 and _stray_pair(raw, lex):
            starts.update(where)
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
        stray = _stray_pair(a, lex) and not b_non
        if not (a_non or b_non or stray):
            continue
        joined = a + b
        jz = lex.zipf(joined)
        seen = doc.lower.get(joined.lower(), 0)
        lost = ""
        if stray or (jz < CANDIDATE_ZIPF and seen < 2):
            # The space may stand where a letter was (`as istance`): one letter restores a word.
            if not (b_non or stray) or lex.is_word(joined) or len(joined) < (5 if stray else 6):
                continue
            # Words this common are all in `lex.common`: a dict lookup, not a hashed search per string
            # (a page of OCR noise holds thousands of such pairs).
            common, low_a, low_b = lex.common, a.lower(), b.lower()
            fills = [
                (common[w], a + c + b, f"the space stands for a lost '{c}'")
                for c in LETTERS
                for w in (low_a + c + low_b,)
                if common.get(w, 0.0) >= 3.5
            ]
            if not fills:
                # ... or the space came with a letter beside it misread (`fi amework`: an `r` read as `i `)
                low = joined.lower()
                fills = [
                    (common[w.lower()], w, f"the space came with '{joined[i]}' read for '{c}'")
                    for i in (len(a) - 1, len(a))
                    if i > 0
                    for c in LETTERS
                    if c != joined[i]
                    for w in (joined[:i] + c + joined[i + 1 :],)
                    if common.get(low[:i] + c + low[i + 1 :], 0.0) >= 3.5
                ]
            if len(fills) != 1:
                continue
            jz, joined, lost = fills[0]
            seen = doc.lower.get(joined.lower(), 0)
            if stray and seen < ATTESTED:
                continue  # two stray letters and a word: only a word the report itself prints joins them
        both = a_non and b_non
        confidence = 0.7 + (0.15 if both else 0.0) + (0.1 if seen >= 2 else 0.0) + (0.05 if jz >= 4 else 0.0)
        if min(len(a), len(b)) == 1:
            confidence -= 0.2
        pieces = " and ".join(f"'{p}'" for p, non in ((a, a_non or stray), (b, b_non)) if non)
        reason = f"{pieces} not a word; '{joined}' is (Zipf {jz:.1f}, seen {times_in_words(seen)} in this report)"
        if lost:
            reason += f"; {lost}"
            confidence = min(confidence, 0.8)
        out.append(Correction(m.start(), m.end(), m.group(), joined, "split", reason, min(confidence, 0.95)))
        blocked = m.end()
    return out


def _stray_pair(word: str, lex: Lexicon) -> bool:
    """Two lowercase letters no dictionary lists and no function word (`vi`, `tl`): a cut piece of a word."""
    return len(word) == 2 and word.islower() and word not in FUNCTION_WORDS and not lex.in_dictionary(word)


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
            reason += f"; '{joined}' seen {times_in_words(seen)} in this report"
        out.append(Correction(m.start(), m.end(), m.group(), joined, "split", reason, confidence))
    return out


# ---------------------------------------------------------------- a number run into its word (`5year`)

_NUMBER_RUN_RE = re.compile(r"[0-9][a-z]{3,}")  # led by one class, it scans fast; the rest is checked after


def _after_a_number(text: str, word: str) -> int:
    """How often `<number>-word` is printed (`the 5-year plan`)."""
    n, key = 0, "-" + word
    at = text.find(key)
    while at >= 0:
        end = at + len(key)
        if at and text[at - 1].isdigit() and (end == len(text) or not (text[end].isalnum() or text[end] in "-'’")):
            n += 1
        at = text.find(key, at + 1)
    return n


def number_runs(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """`5year` -> `5-year`: a number run into the word it qualifies, where the report prints that word after a
    number and a hyphen again and again (`the 5-year plan`)."""
    text = doc.text
    out: list[Correction] = []
    seen: dict[str, int] = {}
    for m in _NUMBER_RUN_RE.finditer(text):
        start, end = m.start(), m.end()
        while start and text[start - 1].isdigit():
            start -= 1
        if (start and (text[start - 1].isalnum() or text[start - 1] in "_.,-")) or (
            end < len(text) and (text[end].isalnum() or text[end] in "'’")
        ):
            continue  # inside a longer token (`x25year`, `1.5year`); `5year-old` is still `5-year-old`
        number, word = text[start : m.start() + 1], text[m.start() + 1 : end]
        if word not in seen:
            seen[word] = _after_a_number(text, word)
        n = seen[word]
        if n >= ATTESTED:
            reason = f"a number run into its word; '<number>-{word}' is printed {n} times in this report"
            out.append(Correction(start, end, text[start:end], f"{number}-{word}", "merge", reason, 0.8))
    return out


# ---------------------------------------------------------------- merged words (`platoonsthe`)


def merged_words(doc: DocStats, lex: Lexicon) -> list[Correction]:
    if mostly_not_english(doc, lex):
        return []  # a non-word of noise or another language cut into English words is no repair
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
            key = base if base.islower() else (base, token_context(doc.text, tok))
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
        zl, zr = _attested_zipf(left, lex, doc), _attested_zipf(right, lex, doc)
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
    # One misread letter explains it as well as a lost space (`evewitnesses`: v read for y): leave it.
    # A random wrong letter (`sonsent`: `consent`) explains it less well, and lowers the confidence.
    common_get = lex.common.get
    rival_letter = ""
    for raw in variant_strings(low, inserts=False):
        cand, op = raw[0], raw[1]
        if op != "d" and len(cand) >= 5 and common_get(cand, 0.0) >= 2.5 and not usual_pair:
            if op in ("c", "t") or describe(low, raw).ocr:
                return None
            rival_letter = rival_letter or cand
    # A few lost letters explain it as well (`neverthese` beside `nevertheless` x40): leave it.
    if not usual_pair and _near_longer_form(low, doc):
        return None
    weakest = best[0]
    confidence = 0.6 + min(weakest - 3.0, 2.0) * 0.12 + (0.05 if best[3].lower() in FUNCTION_WORDS else 0.0)
    reason = (
        f"'{base}' is not a word; it splits only into '{best[2]}' (Zipf {lex.zipf(best[2]):.1f}) "
        f"and '{best[3]}' (Zipf {lex.zipf(best[3]):.1f})"
    )
    if rival_letter:
        # a random wrong letter is about half as common in this OCR as a lost space, but it happens
        confidence -= 0.15
        reason += f"; '{rival_letter}' is one letter away, but no OCR confusion"
    if best[3].lower() in SENTENCE_ADVERBS:
        # a long sentence adverb ends no other word, and mid-sentence it wants punctuation before it
        confidence += 0.1
        reason += f"; '{best[3]}' opens a clause"
    attested = [p for p in (best[2].lower(), best[3].lower()) if _attested_zipf(p, lex, doc) > lex.zipf(p)]
    if attested:
        reason += "; " + ", ".join(f"'{p}' printed {doc.lower[p]} times in this report" for p in attested)
    return best[2], best[3], reason, round(min(confidence, 0.92), 3)


def _a_word_not_a_pair(base: str, lex: Lexicon) -> bool:
    return (
        lex.is_word(base.lower(), zipf=1.0 if base.islower() else 2.0)
        and not _barely_a_usual_pair(base, lex)
        and not _self_compound(base, lex)
    )


#: Words that open with `self` and are written closed.
_SELF_CLOSED = frozenset("selfish selfishly selfishness selfless selflessly selflessness selfhood selfsame".split())


def _self_compound(base: str, lex: Lexicon) -> bool:
    """`selfpreservation`: English hyphenates `self-` before a word (word lists that learnt from the web
    hold the run-together too)."""
    low = base.lower()
    return low.startswith("self") and low not in _SELF_CLOSED and lex.zipf(low[4:]) >= 3.0 and len(low) >= 8


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
    frequent = frequent_forms(doc)["lower"]
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


#: A long part the report prints this often on its own counts as a common word (`counterrevolutionary`).
ATTESTED_PART_ZIPF = 3.5


def _attested_zipf(part: str, lex: Lexicon, doc: DocStats) -> float:
    """The part's Zipf frequency, raised for a long word the report itself prints often: the report is
    the first evidence of its own vocabulary (`rightistcounterrevolutionary`)."""
    zipf = lex.zipf(part)
    if len(part) >= 6 and doc.lower.get(part, 0) >= ATTESTED and lex.in_dictionary(part):
        return max(zipf, ATTESTED_PART_ZIPF)
    return zipf


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


#: Sentence adverbs that open a clause: mid-sentence, punctuation stands before them.
SENTENCE_ADVERBS = frozenset(
    "nonetheless nevertheless however moreover furthermore therefore consequently meanwhile incidentally".split()
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
    if r_low in SENTENCE_ADVERBS and l_low not in FUNCTION_WORDS:
        # a clause break: a lost comma would have left its space, so the glyph lost is an unspaced dash
        return "—"
    if right.lower() in ("and", "or"):
        nxt = COMPOUND_RE.match(text, tok.end + tok.suffix.__len__() + 1)
        if nxt:
            return "- "
    return " "
