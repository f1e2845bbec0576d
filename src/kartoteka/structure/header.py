"""The report's identity from its front: series, number, date, region, subject, title, author.

Fronts are OCR-damaged (`JPRS-UPA-9 1-024`, `3 May mi`, `By Roy Medvedey`). Each field usually
appears more than once (cover, contents line, running heads); we read each from the copy that
parses cleanly and repair a damaged copy only from evidence elsewhere in the front.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kartoteka.structure.model import Header
from kartoteka.structure.patterns import BYLINE, DATE_LINE, MONTHS, REPORT_NUMBER

REGIONS = (
    "Soviet Union", "Central Eurasia", "East Europe", "Eastern Europe", "China", "East Asia",
    "Southeast Asia", "Near East & South Asia", "Near East and South Asia", "Sub-Saharan Africa",
    "Latin America", "West Europe", "Western Europe", "Japan", "Korea", "North Korea", "Vietnam",
    "Worldwide", "USSR",
)
SUBJECTS = (
    "Political Affairs", "Economic Affairs", "Military Affairs", "International Affairs",
    "Political and Sociological Affairs", "Sociological Studies", "Foreign Military Review",
    "World Economy & International Relations", "World Economy and International Relations",
    "USA: Economics, Politics, Ideology", "Kommunist", "Translations from Kommunist",
    "Agriculture", "Science & Technology", "Science and Technology", "Economic Review",
    "Military History Journal", "Aviation & Cosmonautics", "Arms Control", "Nuclear Developments",
    "Environment & World Health", "Epidemiology", "Narcotics", "Telecommunications", "Labor",
    "National Economy", "Party Life", "Political, Sociological and Military Affairs",
)
# JPRS report codes, used only when the front names no region/subject (a damaged cover).
CODE_REGION = {
    "UPA": ("Soviet Union", "Political Affairs"), "UEA": ("Soviet Union", "Economic Affairs"),
    "UMA": ("Soviet Union", "Military Affairs"), "UIA": ("Soviet Union", "International Affairs"),
    "UAG": ("Soviet Union", "Agriculture"), "UKO": ("Soviet Union", "Kommunist"),
    "USS": ("Soviet Union", "Sociological Studies"), "UFM": ("Soviet Union", "Foreign Military Review"),
    "UWE": ("Soviet Union", "World Economy & International Relations"),
    "EER": ("East Europe", None), "CAR": ("China", None), "CPS": ("China", None),
    "NEA": ("Near East & South Asia", None), "AFR": ("Sub-Saharan Africa", None),
    "LAM": ("Latin America", None), "WER": ("West Europe", None), "EAR": ("East Asia", None),
    "SEA": ("East Asia", None), "JAR": ("Japan", None), "KAR": ("Korea", None),
}
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "i": "1", "|": "1", "S": "5", "B": "8"})
_SPACES = re.compile(r"\s+")


def squeeze(s: str) -> str:
    """Lower case with all whitespace removed: compares `Sov iet  Union` with `Soviet Union`."""
    return _SPACES.sub("", s).lower()


@dataclass
class FrontLine:
    text: str
    start: int
    end: int


def _number_candidates(lines: list[FrontLine]) -> list[tuple[str, bool]]:
    found = []
    for line in lines:
        for m in REPORT_NUMBER.finditer(line.text):
            series = squeeze(m.group("series")).upper()
            code = m.group("code").upper().translate(str.maketrans({"0": "O", "1": "I"}))
            year_raw, serial_raw = m.group("year"), m.group("serial")
            year = _SPACES.sub("", year_raw).translate(_OCR_DIGITS)
            serial = _SPACES.sub("", serial_raw).translate(_OCR_DIGITS)
            if not (year.isdecimal() and serial.isdecimal()):
                continue
            clean = year == year_raw and serial == serial_raw and code == m.group("code")
            number = f"{series}-{code}-{year}-{serial}{m.group('suffix') or ''}"
            found.append((number, clean))
    return found


def _pick(candidates: list[tuple[str, bool]]) -> str | None:
    if not candidates:
        return None
    clean = [c for c, ok in candidates if ok]
    pool = clean or [c for c, _ in candidates]
    return Counter(pool).most_common(1)[0][0]


def _year_from_number(number: str | None) -> int | None:
    if not number:
        return None
    m = re.match(r"^[A-Z]+-[A-Z]+-(\d{2})-", number)
    if not m:
        return None
    yy = int(m.group(1))
    return 1900 + yy if yy >= 40 else 2000 + yy


def _date_candidates(lines: list[FrontLine], number_year: int | None) -> list[tuple[str, bool]]:
    found = []
    for line in lines:
        text = line.text
        m = DATE_LINE.match(text) or _MONTH_FIRST.match(text)  # `17 January 1990`, `January 17, 1990`
        if not m:
            # a date sharing a line with the report number: `JPRS-UPA-91-024  15 May 1991`
            m = re.search(r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?\s+(?P<year>\d{4})\s*$", text)
            if not m or not REPORT_NUMBER.search(text):
                continue
        month = MONTHS.get(m.group("month")[:3].lower())
        if month is None:
            continue
        day_raw = m.group("day")
        day_s = day_raw.translate(_OCR_DIGITS)
        if not day_s.isdecimal() or not 1 <= int(day_s) <= 31:
            continue
        year_raw = m.group("year")
        clean = day_s == day_raw and year_raw.isdecimal() and len(year_raw) == 4
        year = int(year_raw) if clean else number_year
        if clean and number_year and abs(int(year_raw) - number_year) > 1:
            clean = False  # a date of the story, not of the report
            year = number_year
        if year is None or not 1940 <= year <= 2030:
            continue
        found.append((f"{year:04d}-{month:02d}-{int(day_s):02d}", clean))
    return found


def _match_prefix(text: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """(canonical name, remainder of the line) when `text` starts with one of `names`."""
    squeezed = squeeze(text)
    for name in sorted(names, key=len, reverse=True):
        key = squeeze(name)
        if squeezed.startswith(key):
            # walk the original text to find where the matched letters end
            seen, i = 0, 0
            while i < len(text) and seen < len(key):
                if not text[i].isspace():
                    seen += 1
                i += 1
            return name, text[i:].lstrip(" :—-\t")
    return None


def parse_header(lines: list[FrontLine], full_text: str) -> Header:
    """Read the header fields from the front lines (cover and contents page)."""
    header = Header()
    number = _pick(_number_candidates(lines))
    header.number = number
    if number:
        header.series = number.split("-", 1)[0]
    elif any(squeeze(line.text).startswith(("jprsreport", "jprs")) for line in lines):
        header.series = "JPRS"
    elif any(squeeze(line.text).startswith("fbis") for line in lines):
        header.series = "FBIS"
    header.date = _pick(_date_candidates(lines, _year_from_number(number)))

    region_at = None
    for i, line in enumerate(lines):
        hit = _match_prefix(line.text, REGIONS)
        if hit:
            header.region = hit[0]
            region_at = i
            rest = hit[1]
            if rest:
                subject = _match_prefix(rest, SUBJECTS)
                if subject:
                    header.subject = subject[0]
                    header.title = subject[1] or None
            break
    if region_at is not None and header.subject is None:
        for line in lines[region_at + 1 : region_at + 4]:
            hit = _match_prefix(line.text, SUBJECTS)
            if hit:
                header.subject = hit[0]
                header.title = hit[1] or header.title
                break
    if region_at is not None and header.subject is None:
        # a subject the list does not know (`USSR: Life Sciences`, `Chemistry`): the rest of the region
        # line, or the short title-case line right after it
        rest = _match_prefix(lines[region_at].text, REGIONS)
        candidates = [rest[1]] if rest and rest[1] else []
        candidates += [line.text for line in lines[region_at + 1 : region_at + 2]]
        header.subject = next((c for c in candidates if _looks_like_subject(c)), None)
    if header.number and (header.region is None or header.subject is None):
        code = header.number.split("-")[1]
        region, subject = CODE_REGION.get(code, (None, None))
        if region and _year_from_number(header.number) and (_year_from_number(header.number) or 0) >= 1992:
            region = region.replace("Soviet Union", "Central Eurasia")
        header.region = header.region or region
        header.subject = header.subject or subject

    header.title = _cover_title(lines, header) or header.title
    header.author = _author(lines, full_text)
    return header


_MONTH_FIRST = re.compile(
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?P<month>[A-Za-z]{3,9})\.?\s+"
    r"(?P<day>[0-9IlO]{1,2}),?\s+(?P<year>\d{4})$"
)


def _looks_like_subject(s: str) -> bool:
    words = s.split()
    if not 1 <= len(words) <= 6 or REPORT_NUMBER.search(s) or DATE_LINE.match(s) or squeeze(s) == "contents":
        return False
    return all(w[0].isupper() or w.lower() in {"and", "&", "of", "the"} for w in words) and not s.isupper()


def _cover_title(lines: list[FrontLine], header: Header) -> str | None:
    """A standalone cover line that repeats the title glued to the subject, if any."""
    if not header.title:
        return None
    key = squeeze(header.title)
    for line in lines:
        if squeeze(line.text) == key:
            return line.text
    return header.title


def _author(lines: list[FrontLine], full_text: str) -> str | None:
    forms = []
    for line in lines:
        m = BYLINE.match(line.text)
        if m:
            forms.append(_SPACES.sub(" ", m.group("name")))
    if not forms:
        return None
    # `By Roy Medvedey` and `By Roy Medvedev`: trust the spelling the report repeats.
    return max(forms, key=lambda f: (full_text.count(f.split()[-1]), forms.count(f)))
