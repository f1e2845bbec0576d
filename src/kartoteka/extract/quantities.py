"""QUANTITY mentions: counts and measures with a normalised number and head-noun unit.

Value: `{"number": int | float, "unit": str | None, "approximate": bool}` plus, when printed,
`"range": [lo, hi]` (then `number` is `lo`), `"qualifier"` (`more than`, `at least`, ...,
and `hundreds of` style vague counts), `"unseparated": True` for 5-6 digit numbers printed
without a thousands separator (JPRS always separates, so these are suspect OCR, confidence 0.5).

The span runs from the qualifier (`around`, `more than`) through the unit word when one is
found (`around 20 years`, `1,033,000 tons`, `thousands of prosperous peasants`).

Not quantities: anything inside a DATE (dates are found first and masked), reference numbers
after Vol/p/pp/No/Article/Part..., numbers glued to a word or after a full stop (footnote
markers, `Committee.4`), list and footnote markers at a line start (`- 1.`, `2.`), a number
alone on its line (section number), table-of-contents page numbers after a tab, ordinals
(`17th`, `3d`), report codes (`JPRS-UPA-89-042`, `18300508a`), runs of 7+ bare digits, clock
times (`0430 hours`), and a bare 1800-2000 number with no unit (an undated year, most likely).

Thousands separators: comma (`44,000`), space (`1 000`, seen in OCR) and full stop when each
group has exactly three digits and no `million`/`percent` follows (`200.000`, `353.680`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kartoteka.extract.dates import find_dates, literal_anchors, scan_anchored
from kartoteka.extract.mention import Mention

_MASK = "\x01"  # stands in for date characters: not a digit, letter, space or punctuation we test

_UNITS_W = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_W = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}
_MULT = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
         "mln": 1_000_000, "bn": 1_000_000_000}
_VAGUE = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1000,
          "millions": 1_000_000, "billions": 1_000_000_000}

_SP = r"(?:[ \t]{1,3}|[ \t]{0,2}\n[ \t]{0,2})"
_DASH = r"[ \t]{0,2}[-–—][ \t]{0,2}"
_UNIT_ALT = "|".join(sorted(_UNITS_W, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS_W)
_SMALL = rf"(?:(?:{_TENS_ALT})(?:-(?:{_UNIT_ALT}))?|{_UNIT_ALT})"
_MULT_ALT = r"hundred|thousand|million|billion"

_APPROX = r"(?:around|about|approximately|roughly|nearly|almost|some|circa|an[ \t]estimated)"
_COMPARE = (r"(?:more[ \t]than|less[ \t]than|fewer[ \t]than|over|under|up[ \t]to|at[ \t]least|at[ \t]most|"
            r"not[ \t]less[ \t]than|not[ \t]more[ \t]than|no[ \t]fewer[ \t]than|no[ \t]less[ \t]than|"
            r"no[ \t]more[ \t]than|as[ \t]many[ \t]as|as[ \t]much[ \t]as|almost|nearly)")
_QUAL = rf"(?<![A-Za-z])(?P<qual>(?i:{_COMPARE}|{_APPROX})){_SP}"

_NUM = (r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,6}"          # 44,000 ; 1,033,000
        r"|[0-9]{1,3}(?:\.[0-9]{3}){1,4}"            # 200.000 (checked later)
        r"|[0-9]{1,3}(?:[ ][0-9]{3}){1,4}(?![0-9])"  # 1 000 (OCR)
        r"|[0-9]{1,12}(?:\.[0-9]{1,2})?)")          # 70 ; 6.4
_NUM_START = r"(?<![0-9A-Za-z.,\x01])(?<![A-Za-z0-9][-–—])(?<![A-Za-z.,;:!?)][\"”’])"
_NUM_END = r"(?![0-9A-Za-z\x01])(?![.,][0-9])(?!['’]s(?![A-Za-z]))"  # not "1030's" (an OCR decade)

_ALTS = [
    # report codes: consume and drop so their digits are never read as counts
    r"(?P<code>(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{0,15}(?:-[A-Za-z0-9]{1,15}){0,5}-[0-9][A-Za-z0-9]{0,15}"
    r"(?:-[A-Za-z0-9]{1,15}){0,5}"
    r"|(?<![0-9])(?:[0-9]{3}\)[ \t]?)?[0-9]{3}-[0-9]{4}(?![0-9]))",  # telephone numbers
    # [qualifier] number [multiplier] [- number [multiplier]] [%]
    rf"{_NUM_START}(?P<n1>{_NUM}){_NUM_END}(?:{_SP}(?P<m1>{_MULT_ALT}|mln|bn)(?![A-Za-z]))?"
    rf"(?:(?:{_DASH}|{_SP}to{_SP})(?P<n2>{_NUM}){_NUM_END}(?:{_SP}(?P<m2>{_MULT_ALT}|mln|bn)(?![A-Za-z]))?)?"
    r"(?P<pct>[ \t]?%)?",
    # hundreds of thousands of ; tens of millions of ; thousands of
    rf"(?<![A-Za-z])(?P<vague>(?i:dozens|scores|tens|hundreds|thousands|millions|billions))"
    rf"(?:{_SP}of{_SP}(?P<vague2>(?i:thousands|millions|billions))(?![A-Za-z])|(?={_SP}of(?![A-Za-z])))",
    # a dozen ; a hundred ; a million
    r"(?<![A-Za-z])(?P<a>(?i:a|one))[ \t]{1,2}(?P<a_m>(?i:dozen|hundred|thousand|million|billion))"
    r"(?![A-Za-z-])",
    # several hundred ; a few thousand
    rf"(?<![A-Za-z])(?P<sev>(?i:several|a[ \t]few))[ \t]{{1,2}}(?P<sev_m>(?i:{_MULT_ALT}))(?![A-Za-z-])",
    # Thirteen volumes ; twenty-five ; three hundred thousand ; one million
    rf"(?<![A-Za-z-])(?P<w>(?i:{_SMALL}))(?P<w_rest>(?:{_SP}(?i:{_MULT_ALT})"
    rf"(?:{_SP}(?:and{_SP})?(?i:{_SMALL}))?){{0,3}})(?![A-Za-z-])",
]
# One optional qualifier in front of every number form (group names must be unique).
# Cheap rejection: digits, or a word start whose first letters can open a number form or qualifier.
_GUARD = (r"(?:(?<![0-9])(?=[0-9])"
          r"|(?<![A-Za-z])(?=(?i:a[ \t][dhtmbf]|an[ \t]e|at[ \t][lm]|as[ \t]m|arou|abou|appr"
          r"|alm|rou|n(?:o[ \t]|ot[ \t]|in|ear)|one|ove|up[ \t]|und|les|mo|mil|f(?:our|ive|if|ort|ew)"
          r"|t(?:en|w|hre|hir|hou)|e(?:le|ig)|doz|hun|bil|sco|som|six|sev|circ)))")
_QTY_RE = re.compile(_GUARD + f"(?:(?:{_ALTS[0]})|(?:{_QUAL})?(?:" + "|".join(f"(?:{a})" for a in _ALTS[1:])
                     + "))")
_DIGITS = re.compile(r"[0-9]+")
# Literal anchors for spelled numbers; every spelled form contains one of these.
_WORD_ANCHORS = tuple(
    form
    for w in (*_UNITS_W, *_TENS_W, "hundred", "thousand", "million", "billion", "dozen", "scores")
    for form in (w, w.title(), w.upper())
)

_REF_BEFORE = re.compile(
    r"\b(?:p|pp|P|PP|Vol|vol|Vols|vols|VOL|No|Nos|NO|no|nos|Art|Article|article|Articles|[Tt]om|[Ii]ssue|"
    r"[Pp]ages?|Ch|ch|Chapter|[Pp]art|[Ss]ection|[Pp]aragraph|[Pp]ara|[Pp]oint|[Ii]tem|[Oo]rder|[Ff]iche|FICHE|"
    r"[Nn]umber|[Tt]able|[Ff]ig|[Aa]ppendix|[Rr]oom|[Cc]ell|[Bb]uilding|[Hh]ouse|[Aa]pt|[Cc]lause|[Vv]olumes?|"
    r"Box|BOX)\.?[ \t]{0,2}$"
)
_LINE_MARK_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-–—•*][ \t]*)?\[?$")
# A unit may follow an OCR paragraph break ("1 000\n\npeople"); only a lower-case word counts then.
_WORD = re.compile(r"(?:'s|['’])?(?P<gap>[ \t]{1,2}|[ \t]{0,2}\n{1,2}[ \t]{0,2})(?:of[ \t]{1,2})?"
                   r"([A-Za-z][A-Za-z'’-]{0,30})")
_NEXT_WORD = re.compile(r"[ \t]{1,2}([A-Za-z][A-Za-z'’-]{0,30})")

_STOP = frozenset("""
a an the and or but nor of in on at to for from by with as than that which who whom whose this these those
there their his her its our your my were was is are be been being had has have did do does not no so if
then when while during after before since until among between about into over under per each all both
either neither such same only also just even still already more most less least very too up down
out off again once here where why how what it he she they we i you them him us me will would could should
may might must can shall ago later earlier each every later back old years' percent's
""".split()) - {"old"}
_ADJ = frozenset("""
old new former other many few additional ordinary certain various different several young small large big
great major minor main whole entire prominent leading rank-and-file senior junior local regional soviet
leading innocent ordinary rural urban private regular future
""".split())
_IRREGULAR_PLURAL = frozenset("people men women children clergy police cattle personnel staff".split())
_MEASURE = frozenset("percent ton kilogram kilometer meter ruble year month day hour time".split())
_ADJ_SUFFIX = ("ed", "ary", "ous", "ful", "ical", "ive", "ian")
_PLAN = re.compile(r"-(?:year|day)[ \t]{1,2}plan", re.IGNORECASE)


def _parse_num(s: str, multiplier_follows: bool) -> tuple[int | float, bool] | None:
    """Number from its printed form; second item True if printed without separators (>=5 digits)."""
    if "," in s:
        return int(s.replace(",", "")), False
    if " " in s:
        return int(s.replace(" ", "")), False
    if "." in s:
        head, _, tail = s.partition(".")
        if len(tail) == 3 and s.count(".") == 1 and (multiplier_follows or head == "0"):
            return float(s), False  # 6.400 million: a decimal
        if re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+", s):
            return int(s.replace(".", "")), False  # 200.000: thousands separator
        return float(s), False
    if len(s) >= 7:
        return None  # 18300508: a code, not a count
    if len(s) > 1 and s.startswith("0"):
        return None  # 0430: a clock time or code
    return int(s), len(s) >= 5


def _scale(n: int | float, multiplier: str | None) -> int | float:
    """6.4 million -> 6400000 exactly (Decimal avoids 16600000000.000002)."""
    if not multiplier:
        return n
    v = Decimal(str(n)) * _MULT[multiplier.lower()]
    return int(v) if v == v.to_integral_value() else float(v)


def _words_value(text: str) -> int | None:
    """Value of a spelled number such as 'three hundred and twenty-five thousand'."""
    total, current = 0, 0
    for tok in re.split(r"[\s-]+", text.lower()):
        if not tok or tok == "and":
            continue
        if tok in _UNITS_W:
            current += _UNITS_W[tok]
        elif tok in _TENS_W:
            current += _TENS_W[tok]
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok in _MULT:
            total += max(current, 1) * _MULT[tok]
            current = 0
        else:
            return None
    return total + current


def _unit(text: str, pos: int, end: int) -> tuple[str | None, int]:
    """Head noun after a number: skip simple adjectives and capitalised modifiers."""
    words: list[tuple[str, int]] = []
    m = _WORD.match(text, pos, end)
    if not m:
        return None, pos
    if "\n" in m.group("gap") and not m.group(2)[0].islower():
        return None, pos
    words.append((m.group(2), m.end(2)))
    p = m.end()
    while len(words) < 4:
        n = _NEXT_WORD.match(text, p, end)
        if not n:
            break
        words.append((n.group(1), n.end(1)))
        p = n.end()
    for i, (w, wend) in enumerate(words):
        lw = w.lower().rstrip("'’")
        if lw in _STOP or lw in _UNITS_W or lw in _MULT:
            return None, pos
        nxt = words[i + 1][0].lower() if i + 1 < len(words) else None
        modifier = lw in _ADJ or lw.endswith(_ADJ_SUFFIX) or w[0].isupper() or w.endswith(("'s", "’s"))
        if modifier and nxt is not None and nxt not in _STOP:
            continue
        if lw in _ADJ or lw.endswith("ed"):
            return None, pos
        # Compound head noun: "motor vehicles", "death sentences" (stop at plurals and verbs).
        j = i
        while (j + 1 < len(words) and j - i < 2 and not words[j][0].lower().endswith(("s", "'", "’"))
               and words[j][0].lower() not in _IRREGULAR_PLURAL and words[j][0].lower() not in _MEASURE):
            cand = words[j + 1][0]
            lc = cand.lower()
            if not cand[0].islower() or lc in _STOP or lc in _ADJ or lc.endswith(("ed", "ing", "ly")):
                break
            j += 1
        w, wend = words[j]
        head = re.sub(r"['’]s?$", "", w)  # "people's" -> people; "years'" -> years
        if len(head) < 2:
            return None, pos  # "1936 N. Demchenko": an initial, not a unit
        return head.lower(), wend - (len(w) - len(head))
    return None, pos


def _qualifier(g: dict[str, str | None]) -> tuple[str | None, bool]:
    q = g.get("qual")
    if not q:
        return None, False
    q = re.sub(r"\s+", " ", q).lower()
    if re.fullmatch(_APPROX, q) or q in ("almost", "nearly"):
        return q, True
    return q, False


def _own_line(text: str, s: int, e: int) -> bool:
    # Bounded look-around: a line longer than this is not a lone section number anyway,
    # and unbounded find() per mention would make a long single-line input quadratic.
    lo = max(0, s - 16)
    ls = text.rfind("\n", lo, s)
    if ls < 0 and lo > 0:
        return False
    le = text.find("\n", e, e + 16)
    if le < 0:
        if e + 16 < len(text):
            return False
        le = len(text)
    return text[ls + 1:le].strip(" \t.") == text[s:e]


def find_quantities(text: str, start: int = 0, end: int | None = None, *,
                    dates: list[Mention] | None = None) -> list[Mention]:
    """QUANTITY mentions in `text[start:end]`, offsets into `text`, sorted and non-overlapping.

    `dates` may pass the result of `find_dates(text, start, end)` to avoid computing it twice.
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    if start >= end:
        return []
    # Mask dates so "1937-1938" or "9 (21)" can never be read as counts; keep some left context.
    base = max(0, start - 40)
    pieces: list[str] = []
    cur = base
    for d in find_dates(text, start, end) if dates is None else dates:
        if d.end <= start or d.start >= end or d.start < cur:
            continue
        pieces.append(text[cur:d.start])
        pieces.append(_MASK * (d.end - d.start))
        cur = d.end
    pieces.append(text[cur:end])
    work = "".join(pieces)  # same length as text[base:end]; offsets shift by `base`
    wend = end - base

    out: list[Mention] = []

    def handle(m: re.Match[str]) -> int | None:
        r = _build(work, m, wend)
        if r is None:
            return m.end() if m.group("code") else None
        s, e, value, conf = r
        out.append(Mention("QUANTITY", s + base, e + base, text[s + base:e + base], value, conf))
        return e

    lo = start - base
    anchors = [d.start() for d in _DIGITS.finditer(work, lo, wend)]
    anchors = sorted(set(anchors).union(literal_anchors(work, lo, wend, _WORD_ANCHORS)))
    scan_anchored(_QTY_RE, work, lo, wend, anchors, handle, back=30)
    return out


def _build(work: str, m: re.Match[str], wend: int) -> tuple[int, int, dict[str, Any], float] | None:
    g = m.groupdict()
    if g["code"]:
        return None
    s, e = m.start(), m.end()
    qual, approx = _qualifier(g)
    conf = 1.0
    value: dict[str, Any]
    if g["n1"] is not None:
        ns = m.start("n1")
        before = work[max(0, ns - 30):ns]
        if _REF_BEFORE.search(before):
            return None
        after = work[m.end("n1"):m.end("n1") + 2]
        if _LINE_MARK_BEFORE.search(before) and (after[:1] in (".", ")") or _own_line(work, ns, m.end("n1"))):
            return None  # footnote or list marker, section number
        toc_page = before.endswith("\t") and re.match(r"[ \t]*(?:\n|$)", work[m.end("n1"):m.end("n1") + 8])
        if toc_page or _own_line(work, ns, m.end("n1")):
            return None  # section number; contents page number
        if after[:1] == "." and re.search(r"[:;\"“][ \t]{0,2}$", before):
            return None  # inline enumeration: "two issues: 1. On Bukharin"
        if re.match(r"[ \t]{0,2}(?:hours|hrs|GMT)\b", work[m.end("n1"):m.end("n1") + 8]) and \
                len(g["n1"]) == 4:
            return None  # 0430 hours: a clock time
        p1 = _parse_num(g["n1"], bool(g["m1"] or g["m2"]))
        if p1 is None:
            return None
        n1, unsep = p1
        n1 = _scale(n1, g["m1"])
        value = {"number": n1}
        if g["n2"] is not None:
            p2 = _parse_num(g["n2"], bool(g["m2"]))
            n2 = None if p2 is None else p2[0]
            if n2 is not None:
                mult2 = g["m2"] or g["m1"]  # "6-7 million": the multiplier covers both ends
                n2 = _scale(n2, mult2)
                if g["m2"] and not g["m1"] and n1 < n2 / 100:
                    n1 = _scale(n1, g["m2"])
                    value["number"] = n1
            if n2 is None or n2 <= n1:
                # Not a range: keep the first number only.
                e = m.end("m1") if g["m1"] else m.end("n1")
            else:
                value["range"] = [n1, n2]
        if unsep:
            value["unseparated"] = True
            conf = 0.5
        if isinstance(value["number"], float) and value["number"].is_integer() and g["m1"]:
            value["number"] = int(value["number"])
        if "range" in value:
            value["range"] = [int(x) if isinstance(x, float) and x.is_integer() else x
                              for x in value["range"]]
        if g["pct"] and e == m.end():
            value["unit"] = "percent"
        else:
            e = min(e, m.end("pct") if g["pct"] else e)
            if _PLAN.match(work, e, wend):
                return None  # five-year plan: a name, not a measure
            if work[e:e + 1] == "-" and re.match(r"-[A-Za-z]", work[e:e + 2]):
                hm = re.match(r"-([A-Za-z]{1,20})", work[e:e + 21])
                value["unit"] = hm.group(1).lower() if hm else None  # "10-year sentence"
                e += hm.end() if hm else 0
            else:
                unit, ue = _unit(work, e, wend)
                value["unit"] = unit
                e = ue if unit else e
        raw_is_year = re.fullmatch(r"1[89][0-9]{2}|2000", g["n1"]) and g["n2"] is None and not g["m1"]
        footnote_like = (re.search(r"[.!?][\"”’)]?[ \t]{1,2}$", before)
                         and re.match(r"[ \t]*(?:\n|$)", work[e:e + 3]))
        if value.get("unit") is None and "range" not in value and footnote_like:
            return None  # 'the campaign." 10' at a paragraph end: a footnote marker
        if unsep and value.get("unit") is None:
            return None  # "in 19937": OCR damage (most likely a mangled year), nothing counted
        if raw_is_year and value.get("unit") is None:
            return None  # a bare 1800-2000 number with nothing counted: most likely a year
    elif g["vague"] is not None:
        n = _VAGUE[g["vague"].lower()]
        if g["vague2"]:
            n *= _VAGUE[g["vague2"].lower()]
        value = {"number": n}
        qual = qual or re.sub(r"\s+", " ", work[m.start("vague"):m.end()]).lower()  # "hundreds of thousands"
        approx = True
        unit, ue = _unit(work, e, wend)
        value["unit"] = unit
        e = ue if unit else e
    elif g["a"] is not None:
        value = {"number": 12 if g["a_m"].lower() == "dozen" else _MULT[g["a_m"].lower()]}
        unit, ue = _unit(work, e, wend)
        value["unit"] = unit
        e = ue if unit else e
    elif g["sev"] is not None:
        value = {"number": _MULT[g["sev_m"].lower()]}
        qual = qual or g["sev"].lower()
        approx = True
        unit, ue = _unit(work, e, wend)
        value["unit"] = unit
        e = ue if unit else e
    else:
        n = _words_value(work[m.start("w"):m.end()])
        if n is None:
            return None
        if g["w"].lower() == "one" and not g["w_rest"].strip():
            return None  # bare "one" is mostly a pronoun
        value = {"number": n}
        unit, ue = _unit(work, e, wend)
        value["unit"] = unit
        e = ue if unit else e
        conf = 0.9
    value["approximate"] = approx
    if qual:
        value["qualifier"] = qual
    return s, e, value, conf
