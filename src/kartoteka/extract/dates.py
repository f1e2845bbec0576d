"""DATE mentions normalised to EDTF (Library of Congress Extended Date/Time Format).

Values are dicts with at least `"edtf"`; extra keys say how the date was printed:

- `precision`: day | month | year | season | decade | century | interval
- `qualifier`: early | late | mid | beginning | end | first half | second half | turn
  (EDTF has no such words; the core `edtf` stays the plain decade/year)
- `needs_year: True` when the text gives day and month only (`on 5 March` -> `XXXX-03-05`).
  We deliberately do not borrow a year from the sentence: that is inference, and belongs to
  a later stage that can see the document's chronology.
- Julian/Gregorian pairs (`9 (21) December 1879`, JPRS house style; also
  `25 October (7 November) 1917` and `21 December 1879 (9 December O.S.)`) give the
  Gregorian in `edtf`, plus `calendar`, `julian`, `printed` and `consistent`; the pair is
  checked with `convertdate` and gets a lower confidence when the two halves disagree.
  A plain date is never converted: `25 October 1917` stays `1917-10-25`.
- Two-digit years (`Jan 89`, `1937-38`, `26 July 89`) pivot into the 1900s: these reports
  are 20th-century documents, so `yy -> 1900 + yy`.

Other printed forms: `1928/29` Soviet economic years (`1928/1929`, `economic_year`), seasons
over two years (`the winter of 1932-1933` -> `1932-24`), `in '33`, day ranges (`24-26 October
1917`), `5 and 6 March 1923` (two mentions), and the OCR misreading `I January 1930` (value
`1930-01-01`, `ocr` note, confidence 0.7). `1936-1936` (a slip) is read as `1936` at 0.6.

A bare four-digit number is a year only when it is 1800-2000 and its context says "date"
(a preposition such as in/of/by/since/during, `year`, `the`/`his` before it, a parenthesis,
a bibliographic `, 1931.`, or a list chained to a year already accepted). OCR damage such
as `19937` is not read as a date at all (five digits never match).

Every pattern uses bounded repetition only, and the scan resumes one character after a
rejected candidate, so run time is linear in the input length.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from typing import Any

from convertdate import julian as _julian

from kartoteka.extract.mention import Mention

# ---------------------------------------------------------------------------------------
# Building blocks

# One gap. OCR splits paragraphs mid-sentence ("on 10\n\nApril"), so a blank line may sit inside a date;
# a number alone on its line (a section number) is refused in `_handle` instead.
_SP = r"(?:[ \t]{1,3}|[ \t]{0,2}\n{1,2}[ \t]{0,2})"
_SPO = rf"(?:{_SP})?"
_DASH = r"[ \t]{0,2}[-–—][ \t]{0,2}"
_DAY = r"[0-3]?[0-9]"
_Y4 = r"(?:1[0-9]{3}|20[0-9]{2})"

_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]
_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
         "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}


def _month_alternation() -> str:
    # Title case and upper case only: lower-case "may" and "march" are verbs.
    forms: list[str] = []
    for name in _MONTHS:
        forms += [name.title(), name.upper()]
    for ab in _ABBR:
        forms += [ab.title() + r"\.?", ab.upper() + r"\.?"]
    forms.sort(key=len, reverse=True)  # longest first: "March" before "Mar"
    return "(?:" + "|".join(forms) + r")(?![A-Za-z])"


_MON = _month_alternation()


def _month_number(word: str) -> int:
    w = word.rstrip(".").lower()
    if w in _MONTHS:
        return _MONTHS.index(w) + 1
    return _ABBR[w]


_QUAL = (r"(?:[Ee]arly|[Ll]ate|[Mm]id|[Mm]iddle[ \t]of|[Bb]eginning[ \t]of|[Ss]tart[ \t]of|[Ee]nd[ \t]of"
         r"|[Cc]lose[ \t]of|[Ff]irst[ \t]half[ \t]of|[Ss]econd[ \t]half[ \t]of|[Tt]urn[ \t]of)"
         r"(?:[ \t]{1,2}the)?")
_QUAL_NORMAL = {"early": "early", "late": "late", "mid": "mid", "middle": "mid", "beginning": "beginning",
                "start": "beginning", "end": "end", "close": "end", "first half": "first half",
                "second half": "second half", "turn": "turn"}
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_ORD_WORDS = {"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
              "twentieth": 20, "twenty-first": 21}

_NB = r"(?<![0-9.,])"  # a number starts here, not inside 1,937 or 3.5
_WB = r"(?<![A-Za-z])"

_ALTS = [
    # 9 (21) December 1879 ; 10 (23) and 16 (29) October
    rf"{_NB}(?P<pa_j1>{_DAY}){_SPO}\({_SPO}(?P<pa_g1>{_DAY}){_SPO}\)"
    rf"(?:(?:[ \t]{{0,2}},[ \t]{{0,2}}|{_SP}and{_SP})"
    rf"(?P<pa_j2>{_DAY}){_SPO}\({_SPO}(?P<pa_g2>{_DAY}){_SPO}\))?"
    rf"{_SP}(?P<pa_m>{_MON})(?:,?{_SP}(?P<pa_y>{_Y4})(?![0-9]))?",
    # 25 October (7 November) 1917 ; 21 December 1879 (9 December O.S.)
    rf"{_NB}(?P<pm_d1>{_DAY}){_SP}(?P<pm_m1>{_MON})(?:,?{_SP}(?P<pm_y1>{_Y4}))?{_SPO}\({_SPO}"
    rf"(?P<pm_d2>{_DAY}){_SP}(?P<pm_m2>{_MON})(?:,?{_SP}(?P<pm_y2>{_Y4}))?"
    rf"(?:{_SPO}(?P<pm_style>O\.[ \t]?S\.|O\.S|[Oo]ld[ \t][Ss]tyle|N\.[ \t]?S\.|N\.S|[Nn]ew[ \t][Ss]tyle))?"
    rf"{_SPO}\)"
    rf"(?:,?{_SP}(?P<pm_y>{_Y4})(?![0-9]))?",
    # 30 December 1916 - 12 January 1917 ; 5 March-7 April 1937
    rf"{_NB}(?P<r2_d1>{_DAY}){_SP}(?P<r2_m1>{_MON})(?:,?{_SP}(?P<r2_y1>{_Y4}))?{_DASH}"
    rf"(?P<r2_d2>{_DAY}){_SP}(?P<r2_m2>{_MON})(?:,?{_SP}(?P<r2_y>{_Y4})(?![0-9]))?",
    # 24-26 October 1917
    rf"{_NB}(?P<dr_d1>{_DAY}){_DASH}(?P<dr_d2>{_DAY}){_SP}(?P<dr_m>{_MON})(?:,?{_SP}(?P<dr_y>{_Y4})(?![0-9]))?",
    # 5 and 6 March 1923 (two mentions)
    rf"{_NB}(?P<da_d1>{_DAY}){_SP}and{_SP}(?P<da_d2>{_DAY}){_SP}(?P<da_m>{_MON})"
    rf"(?:,?{_SP}(?P<da_y>{_Y4})(?![0-9]))?",
    # 1 December 1934 ; 5 JULY 1989 ; 26 July 89 ; 5 March
    rf"{_NB}(?P<f_d>{_DAY}){_SP}(?P<f_m>{_MON})"
    rf"(?:,?{_SP}(?P<f_y>{_Y4})(?![0-9])|{_SP}(?P<f_yy>[0-9]{{2}})(?![0-9A-Za-z]))?",
    # OCR "I January 1930": capital I or small l misread for the day 1
    rf"(?<![A-Za-z0-9])(?P<ocr1>[Il]){_SP}(?P<ocr1_m>{_MON})(?:,?{_SP}(?P<ocr1_y>{_Y4})(?![0-9]))?",
    # in '33 ; in'33 (a two-digit year after an apostrophe)
    r"(?<![0-9])['’](?P<ap>[0-9]{2})(?![0-9A-Za-z])",
    # 1928—July 1929
    rf"{_NB}(?P<ym_y1>{_Y4}){_DASH}(?P<ym_m2>{_MON}),?{_SP}(?P<ym_y2>{_Y4})(?![0-9])",
    # January-February 1934 ; July 1928—July 1929
    rf"{_WB}(?P<mr_m1>{_MON})(?:,?{_SP}(?P<mr_y1>{_Y4}))?{_DASH}(?P<mr_m2>{_MON}),?{_SP}(?P<mr_y2>{_Y4})(?![0-9])",
    # December 5, 1934 ; on May 16
    rf"{_WB}(?P<us_m>{_MON}){_SP}(?P<us_d>{_DAY})(?:,{_SP}(?P<us_y>{_Y4}))?(?![0-9A-Za-z])",
    # December 1934 ; May of 1937 ; Jan 89
    rf"{_WB}(?P<my_m>{_MON})(?:,?{_SP}of)?,?{_SP}(?:(?P<my_y>{_Y4})|(?P<my_yy>[0-9]{{2}}))(?![0-9])",
    # summer 1983 ; the autumn of 1927 ; the winter of 1932-1933
    rf"{_WB}(?P<se_s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|SPRING|SUMMER|AUTUMN|FALL|WINTER)"
    rf"(?:{_SP}of)?(?:{_SP}the)?{_SP}(?P<se_y>{_Y4})(?:{_DASH}(?P<se_y2>{_Y4}|[0-9]{{2}}))?(?![0-9])",
    # economic years 1928/29 ; the plan of 1928/29-1932/33
    rf"{_NB}(?P<fy1>{_Y4})/(?P<fy1b>[0-9]{{2}})(?:{_DASH}(?P<fy2>{_Y4})/(?P<fy2b>[0-9]{{2}}))?(?![0-9])",
    # [qualifier] century / decade / year range / year
    rf"(?:{_WB}(?P<q>{_QUAL})(?:{_SP}|[ \t]?-[ \t]?))?(?:"
    rf"{_NB}(?P<c_n>[0-9]{{1,2}})(?:st|nd|rd|th|d)(?:{_SP}and{_SP}(?P<c_n2>[0-9]{{1,2}})(?:st|nd|rd|th|d))?"
    rf"{_SP}(?:[Cc]entur(?:y|ies)|CENTUR(?:Y|IES))(?![A-Za-z])"
    rf"|{_WB}(?P<c_w>(?i:sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))"
    rf"{_SP}(?:[Cc]entury|CENTURY)(?![A-Za-z])"
    rf"|{_NB}(?P<dec>1[0-9]{{2}}|20[0-9])0[ \t]?['’]?s(?![A-Za-z])"
    rf"|{_NB}(?P<y1>{_Y4})(?:{_DASH}(?P<y2>{_Y4}|[0-9]{{2}}))?(?![0-9])"
    r")",
]
# Speed: the guard lets the C matcher reject most positions (mid-word, or a word that cannot
# start a date) before it tries the alternatives one by one.
_GUARD = (r"(?:(?<![0-9])(?=[0-9])|(?=['’][0-9])"
          r"|(?<![A-Za-z])(?=[JFMASONDEBCTWL]|[Il][ \t\n]|e[anai]|la|mi|be|cl|fa|fi|s[uptei]|au|wi"
          r"|t[wu]|ni))")
_DATE_RE = re.compile(_GUARD + "(?:" + "|".join(f"(?:{a})" for a in _ALTS) + ")")

# Context: what may stand right before a bare year.
_YEAR_CTX = re.compile(
    r"(?:\b(?:[Ii]n|IN|[Oo]f|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|[Tt]o|"
    r"[Tt]hrough|[Tt]hroughout|[Bb]etween|[Ff]or|[Aa]round|[Cc]irca|ca\.|c\.|[Yy]ears?|YEAR|[Oo]ver|"
    r"[Ii]nto|[Ww]ith|[Pp]rior[ \t]to|[Uu]p[ \t]to|[Aa]s[ \t]early[ \t]as|[Aa]s[ \t]late[ \t]as)"
    r"(?:[ \t]{1,3}|[ \t]{0,2}\n{1,2}[ \t]{0,2})|\([ \t]?)$"
)
_YEAR_WEAK_CTX = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)[ \t]{1,3}$")
_CHAIN_GAP = re.compile(r"[ \t]{0,3}(?:,|and|or|to|,[ \t]{0,2}and|,[ \t]{0,2}or|[-–—])[ \t]{0,3}")
_REF_BEFORE = re.compile(
    r"\b(?:p|pp|P|PP|Vol|vol|Vols|vols|VOL|No|Nos|NO|no|nos|Art|Article|article|[Tt]om|[Ii]ssue|[Pp]ages?|"
    r"Ch|ch|Chapter|[Pp]art|[Ss]ection|[Oo]rder|[Ff]iche|FICHE|[Nn]umber)\.?[ \t]{0,2}$"
)
_COUNT_AFTER = re.compile(
    r"[ \t]{1,3}(?:people|persons|men|women|children|peasants|workers|members|delegates|tons|rubles|"
    r"kilometers|km|meters|copies|votes|families|households|prisoners|officers|soldiers|communists|"
    r"hours|hrs|GMT|of[ \t]+them)(?![A-Za-z])"
)
_YEAR_CTX_TIGHT = re.compile(
    r"\b(?:[Ii]n|[Oo]f|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Ii]nto|[Dd]uring)[ \t]{0,2}$"
)
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_END_AFTER = re.compile(r"[ \t]*(?:$|\n|[;,.)\]]|pp?[ \t]?[0-9])")  # FBIS source line: "12 Feb 89 p 3"


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year else 2000, month)[1]  # 2000: allow 29 Feb


def _ymd(year: int | None, month: int, day: int | None = None) -> str:
    y = f"{year:04d}" if year is not None else "XXXX"
    return f"{y}-{month:02d}" if day is None else f"{y}-{month:02d}-{day:02d}"


def _pivot(yy: str) -> int:
    return 1900 + int(yy)  # two-digit years: this corpus is 20th century


def _year_pair(y1: int, y2s: str) -> int | None:
    y2 = (y1 // 100) * 100 + int(y2s) if len(y2s) == 2 else int(y2s)
    return y2 if y1 < y2 <= y1 + 100 else None


def _julian_to_gregorian(y: int, m: int, d: int) -> tuple[int, int, int]:
    return tuple(_julian.to_gregorian(y, m, d))  # type: ignore[return-value]


def _pair_value(jd: int, jm: int, gd: int, gm: int, year: int | None, printed: str,
                jy: int | None = None, gy: int | None = None) -> tuple[dict[str, Any], float] | None:
    """Value for a Julian/Gregorian pair; None if either half is not a real day."""
    gy = gy if gy is not None else year
    jy = jy if jy is not None else year
    if jy is not None and gy is None:
        gy = jy + 1 if (jm, gm) == (12, 1) else jy
    if gy is not None and jy is None:
        jy = gy - 1 if (jm, gm) == (12, 1) else gy
    if not (_valid_day(jy, jm, jd) and _valid_day(gy, gm, gd)):
        return None
    if jy is not None and gy is not None:
        consistent = _julian_to_gregorian(jy, jm, jd) == (gy, gm, gd)
    else:
        # No year: accept the offset of either century the pair convention covers.
        consistent = False
        for base in (1850, 1910):
            y_j = base - 1 if (jm, gm) == (12, 1) else base
            if _valid_day(y_j, jm, jd) and _julian_to_gregorian(y_j, jm, jd) == (base, gm, gd):
                consistent = True
    value: dict[str, Any] = {
        "edtf": _ymd(gy, gm, gd), "precision": "day", "calendar": "gregorian",
        "julian": _ymd(jy, jm, jd), "printed": printed, "consistent": consistent,
    }
    if gy is None:
        value["needs_year"] = True
    return value, (1.0 if consistent else 0.5)


class _Scan:
    """Per-call state: the text, the accepted mentions, the bounds."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.out: list[Mention] = []

    def add(self, s: int, e: int, value: dict[str, Any], conf: float = 1.0) -> None:
        self.out.append(Mention("DATE", s, e, self.text[s:e], value, conf))

    def before(self, pos: int, width: int = 40) -> str:
        # Context may reach before `start`: a caller's sentence span still has its "in".
        return self.text[max(0, pos - width):pos]

    def after_ok_for_yy(self, pos: int) -> bool:
        return bool(_END_AFTER.match(self.text, pos, self.end))


def _handle(scan: _Scan, m: re.Match[str]) -> bool:
    """Turn one regex match into mentions; False means 'not a date here'."""
    g = m.groupdict()
    t = scan.text
    s, e = m.start(), m.end()
    before = scan.before(s)
    if t[s].isdigit() and _REF_BEFORE.search(before):
        return False  # Vol 45, pp 1930-1935, No 5 March
    if "\n" in m.group() and t[s].isdigit() and _LINE_START.search(before):
        return False  # "6\n\nDecember 1934": a section number, then a paragraph

    if g["pa_j1"] is not None:
        month = _month_number(g["pa_m"])
        year = int(g["pa_y"]) if g["pa_y"] else None
        pairs = [("pa_j1", "pa_g1")] + ([("pa_j2", "pa_g2")] if g["pa_j2"] else [])
        built = []
        for i, (jk, gk) in enumerate(pairs):
            jd, gd = int(g[jk]), int(g[gk])
            jm = month if jd < gd else (month - 1 or 12)
            ps = m.start(jk)
            pe = e if i == len(pairs) - 1 else m.end(gk) + 1  # first of two ends at its ")"
            r = _pair_value(jd, jm, gd, month, year, t[ps:pe])
            if r is None:
                return False
            built.append((ps, pe, r))
        for ps, pe, (value, conf) in built:
            scan.add(ps, pe, value, conf)
        return True

    if g["pm_d1"] is not None:
        d1, m1 = int(g["pm_d1"]), _month_number(g["pm_m1"])
        d2, m2 = int(g["pm_d2"]), _month_number(g["pm_m2"])
        y = int(g["pm_y"]) if g["pm_y"] else None
        y1 = int(g["pm_y1"]) if g["pm_y1"] else None
        y2 = int(g["pm_y2"]) if g["pm_y2"] else None
        style = (g["pm_style"] or "").lower()
        if style.startswith("o"):  # the parenthesis holds the Julian (Old Style) date
            r = _pair_value(d2, m2, d1, m1, y, t[s:e], jy=y2, gy=y1)
        else:
            r = _pair_value(d1, m1, d2, m2, y, t[s:e], jy=y1, gy=y2)
        if r is None:
            return False
        scan.add(s, e, *r)
        return True

    if g["r2_d1"] is not None:
        y = int(g["r2_y"]) if g["r2_y"] else None
        y1 = int(g["r2_y1"]) if g["r2_y1"] else y
        d1, m1 = int(g["r2_d1"]), _month_number(g["r2_m1"])
        d2, m2 = int(g["r2_d2"]), _month_number(g["r2_m2"])
        if not (_valid_day(y1, m1, d1) and _valid_day(y, m2, d2)):
            return False
        value: dict[str, Any] = {"edtf": f"{_ymd(y1, m1, d1)}/{_ymd(y, m2, d2)}", "precision": "interval"}
        if y is None:
            value["needs_year"] = True
        scan.add(s, e, value)
        return True

    if g["dr_d1"] is not None:
        y = int(g["dr_y"]) if g["dr_y"] else None
        mo, d1, d2 = _month_number(g["dr_m"]), int(g["dr_d1"]), int(g["dr_d2"])
        if not (d1 < d2 and _valid_day(y, mo, d1) and _valid_day(y, mo, d2)):
            return False
        value = {"edtf": f"{_ymd(y, mo, d1)}/{_ymd(y, mo, d2)}", "precision": "interval"}
        if y is None:
            value["needs_year"] = True
        scan.add(s, e, value)
        return True

    if g["da_d1"] is not None:
        y = int(g["da_y"]) if g["da_y"] else None
        mo, d1, d2 = _month_number(g["da_m"]), int(g["da_d1"]), int(g["da_d2"])
        if not (_valid_day(y, mo, d1) and _valid_day(y, mo, d2)):
            return False
        for ds, de, d in ((s, m.end("da_d1"), d1), (m.start("da_d2"), e, d2)):
            value = {"edtf": _ymd(y, mo, d), "precision": "day"}
            if y is None:
                value["needs_year"] = True
            # The first day borrows its month (and year) from the second.
            scan.add(ds, de, value, 1.0 if de == e else 0.9)
        return True

    if g["f_d"] is not None:
        mo, d = _month_number(g["f_m"]), int(g["f_d"])
        if g["f_y"]:
            y: int | None = int(g["f_y"])
        elif g["f_yy"] and int(g["f_yy"]) > 31 and scan.after_ok_for_yy(e):
            y = _pivot(g["f_yy"])
        else:
            y = None
            e = m.end("f_m")
        if not _valid_day(y, mo, d):
            return False
        value = {"edtf": _ymd(y, mo, d), "precision": "day"}
        if y is None:
            value["needs_year"] = True
        scan.add(s, e, value)
        return True

    if g["ocr1"] is not None:
        mo = _month_number(g["ocr1_m"])
        y = int(g["ocr1_y"]) if g["ocr1_y"] else None
        value = {"edtf": _ymd(y, mo, 1), "precision": "day", "ocr": f"{g['ocr1']} read as 1"}
        if y is None:
            value["needs_year"] = True
        scan.add(s, e, value, 0.7)
        return True

    if g["ap"] is not None:
        if not _YEAR_CTX_TIGHT.search(before):
            return False  # only "in '33", "of '37": otherwise a quote mark before a number
        scan.add(s, e, {"edtf": f"{_pivot(g['ap']):04d}", "precision": "year"}, 0.8)
        return True

    if g["ym_y1"] is not None:
        y1, y2, m2 = int(g["ym_y1"]), int(g["ym_y2"]), _month_number(g["ym_m2"])
        if not y1 <= y2 <= y1 + 100:
            return False
        scan.add(s, e, {"edtf": f"{y1:04d}/{_ymd(y2, m2)}", "precision": "interval"})
        return True

    if g["mr_m1"] is not None:
        y2 = int(g["mr_y2"])
        y1 = int(g["mr_y1"]) if g["mr_y1"] else y2
        m1, m2 = _month_number(g["mr_m1"]), _month_number(g["mr_m2"])
        if (y1, m1) >= (y2, m2):
            return False
        scan.add(s, e, {"edtf": f"{_ymd(y1, m1)}/{_ymd(y2, m2)}", "precision": "interval"})
        return True

    if g["us_m"] is not None:
        mo, d = _month_number(g["us_m"]), int(g["us_d"])
        y = int(g["us_y"]) if g["us_y"] else None
        if y is None and not re.search(r"\b[Oo]n[ \t]{1,3}$", before):
            return False  # "in March 12 people..." is not a date; "on May 16" is
        if not _valid_day(y, mo, d):
            return False
        value = {"edtf": _ymd(y, mo, d), "precision": "day"}
        if y is None:
            value["needs_year"] = True
        scan.add(s, e, value, 1.0 if y else 0.9)
        return True

    if g["my_m"] is not None:
        mo = _month_number(g["my_m"])
        if g["my_y"]:
            y = int(g["my_y"])
        elif int(g["my_yy"]) > 31:
            y = _pivot(g["my_yy"])
        else:
            return False
        scan.add(s, e, {"edtf": _ymd(y, mo), "precision": "month"})
        return True

    if g["se_s"] is not None:
        y = int(g["se_y"])
        code = _SEASONS[g["se_s"].lower()]
        value = {"edtf": f"{y:04d}-{code}", "precision": "season", "season": g["se_s"].lower()}
        if g["se_y2"]:
            y2 = _year_pair(y, g["se_y2"])
            if y2 is None:
                return False
            if not (code == 24 and y2 == y + 1):  # "winter of 1932-1933" is one winter: 1932-24
                value["edtf"] = f"{y:04d}-{code}/{y2:04d}-{code}"
                value["precision"] = "interval"
        scan.add(s, e, value)
        return True

    if g["fy1"] is not None:
        # Soviet economic years run across two calendar years: 1928/29 -> 1928/1929.
        y1 = int(g["fy1"])
        y1b = _year_pair(y1, g["fy1b"])
        last = y1b
        if g["fy2"]:
            y2 = int(g["fy2"])
            last = _year_pair(y2, g["fy2b"])
            if last is None or y2 < y1:
                return False
        if y1b is None or last is None:
            return False
        scan.add(s, e, {"edtf": f"{y1:04d}/{last:04d}", "precision": "interval", "economic_year": True})
        return True

    qual = None
    if g["q"]:
        head = re.sub(r"[ \t]+", " ", g["q"]).lower().removesuffix(" the").removesuffix(" of")
        qual = _QUAL_NORMAL.get(head, head)

    value = {}
    conf = 1.0
    if g["c_n"] is not None or g["c_w"] is not None:
        n = int(g["c_n"]) if g["c_n"] else _ORD_WORDS[g["c_w"].lower()]
        if g["c_n2"]:
            # "19th and 20th centuries": two mentions, the first ends at its ordinal.
            n2 = int(g["c_n2"])
            if not (10 <= n < n2 <= 21):
                return False
            first_end = m.end("c_n") + (1 if t[m.end("c_n")] == "d" else 2)
            v1 = {"edtf": f"{n - 1:02d}XX", "precision": "century"}
            if qual:
                v1["qualifier"] = qual
            scan.add(s, first_end, v1)
            scan.add(m.start("c_n2"), e, {"edtf": f"{n2 - 1:02d}XX", "precision": "century"})
            return True
        if not 10 <= n <= 21:
            return False
        value = {"edtf": f"{n - 1:02d}XX", "precision": "century"}
    elif g["dec"] is not None:
        if not 170 <= int(g["dec"]) <= 200:
            return False  # OCR damage such as "1030's"
        value = {"edtf": f"{g['dec']}X", "precision": "decade"}
    elif g["y1"] is not None:
        y1 = int(g["y1"])
        if g["y2"]:
            y2 = _year_pair(y1, g["y2"])
            if g["y2"] == g["y1"]:
                value = {"edtf": f"{y1:04d}", "precision": "year"}  # "1936-1936": an OCR or typing slip
                conf = 0.6
            elif y2 is None or not 1700 <= y1 <= 2050:
                return False
            else:
                value = {"edtf": f"{y1:04d}/{y2:04d}", "precision": "interval"}
                conf = 1.0 if qual else 0.95
        else:
            if not 1800 <= y1 <= 2000:
                return False
            if not qual:
                conf = _bare_year_confidence(scan, s, e, before)
                if conf == 0.0:
                    return False
            value = {"edtf": f"{y1:04d}", "precision": "year"}
    else:  # pragma: no cover - the pattern always sets one branch
        return False
    if qual:
        value["qualifier"] = qual
    scan.add(s, e, value, conf)
    return True


def _bare_year_confidence(scan: _Scan, s: int, e: int, before: str) -> float:
    """0.0 if a lone 4-digit number is not a year here, else how sure we are."""
    t = scan.text
    if _COUNT_AFTER.match(t, e, scan.end):
        return 0.0  # "in 1900 people", "1930 hours"
    if _YEAR_CTX.search(before):
        return 0.9
    if scan.out:
        last = scan.out[-1]
        if isinstance(last.value, dict) and last.value.get("precision") in ("year", "interval"):
            gap = t[last.end:s]
            if _CHAIN_GAP.fullmatch(gap):
                return 0.9  # "in 1931, 1932 and 1935"
    if _YEAR_WEAK_CTX.search(before):
        return 0.8  # "the 1913 level", "his 1940 novel"
    if re.search(r",[ \t]{0,2}$", before) and re.match(r"[ \t]*(?:[.,;:)\]]|$)", t[e:e + 3]):
        return 0.8  # bibliographic "Moscow, 1930, p 283"
    return 0.0


_DIGITS = re.compile(r"[0-9]+")
# Dates with no digit: spelled centuries, and OCR "I January" for "1 January".
_LITERAL_ANCHORS = ("entur", "ENTUR", *(f"{c} {name.title()}" for c in "Il" for name in _MONTHS))


def scan_anchored(pattern: re.Pattern[str], text: str, start: int, end: int, anchors: list[int],
                  handle: Callable[[re.Match[str]], int | None], back: int = 50, ahead: int = 300,
                  margin: int = 160) -> None:
    """Leftmost-first scan of `text[start:end]` that skips stretches with no anchor nearby.

    Every mention contains an anchor (a digit run, or a literal word found with str.find, both
    C-speed scans) within `back` characters of its start, so start positions further than that
    from the next anchor cannot match and are never tried. Each search looks at most `ahead`
    characters; a match starting within `margin` of that window's end might be cut short, so
    it is searched again from a later window. `handle` returns where an accepted match ends,
    or None to reject it (the scan then resumes one character later). Every step moves the
    scan forward, and matches are bounded, so the whole is linear in the text length.
    """
    done = start  # every start position below this has been examined
    search = pattern.search
    i, n = 0, len(anchors)
    while i < n:
        a = anchors[i]
        if a < done:
            i += 1
            continue
        ws = max(done, a - back)
        we = min(end, ws + ahead)
        limit = we if we == end else we - margin
        m = search(text, ws, we)
        if m is None or m.start() >= limit:
            done = limit
            continue
        new = handle(m)
        done = max(new if new is not None else 0, m.start() + 1)


def literal_anchors(text: str, start: int, end: int, words: Iterable[str]) -> list[int]:
    """Start offsets of every occurrence of each literal in `text[start:end]`."""
    out: list[int] = []
    for w in words:
        i = text.find(w, start, end)
        while i >= 0:
            out.append(i)
            i = text.find(w, i + 1, end)
    return out


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """DATE mentions in `text[start:end]`, offsets into `text`, sorted and non-overlapping."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    if start >= end:
        return []
    scan = _Scan(text, start, end)

    def handle(m: re.Match[str]) -> int | None:
        return m.end() if _handle(scan, m) else None

    # Every date has a digit except spelled centuries, which all contain "centur".
    anchors = [d.start() for d in _DIGITS.finditer(text, start, end)]
    extra = literal_anchors(text, start, end, _LITERAL_ANCHORS)
    if extra:
        anchors = sorted(set(anchors).union(extra))
    scan_anchored(_DATE_RE, text, start, end, anchors, handle)
    return sorted(scan.out, key=lambda x: x.start)
