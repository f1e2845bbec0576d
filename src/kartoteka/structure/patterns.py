"""Regular expressions for JPRS/FBIS house conventions. All are linear (no nested repeats).

They are used with `.match`, which anchors at the start (also at a `pos`), so none begins with `^`.
"""

from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
MONTH_ABBR = {n: k.capitalize() for k, n in MONTHS.items()}

# `28400112a Kazan VOLGA in Russian No 5, May 89; No 6, Jun 89` and
# `91UN1234A Moscow SOYUZ in Russian No 23, Jun 91 p 4`. OCR glues `inRussian`.
SOURCE_LINE = re.compile(
    r"(?P<code>(?=[0-9A-Z]{0,6}\d{4})[0-9A-Z]{6,14}[a-z]?)\s+"
    r"(?P<place>[A-Z][A-Za-z.'-]*(?:[ -][A-Z][A-Za-z.'-]*){0,3})\s+"
    r"(?P<publication>[A-Z0-9][A-Z0-9 .'\"&-]{1,60}?)\s+"
    r"in\s*(?P<language>[A-Z][a-z]+)\b\s*(?P<rest>.*)$"
)
# One issue in a source line: `No 1, Jan 89` / `16 Jul 91` / `Jul 91`.
ISSUE_NUMBERED = re.compile(
    r"No\.?\s*(?P<number>\d{1,4})\s*,?\s*(?:(?P<day>\d{1,2})\s+)?(?P<month>[A-Z][a-z]{2,8})\.?\s*(?P<year>\d{2,4})"
)
ISSUE_DATED = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_NAMES})\.?\s+(?P<year>\d{{2,4}})\b")

# `[ZNAMYA No 2, Feb 89, pp 174-222]` (`;` or `,` before pp).
INSTALMENT = re.compile(
    r"\[\s*(?P<publication>[A-Z][A-Z .'-]{1,40}?)\s+No\.?\s*(?P<number>\d{1,4})\s*[,;]?\s*"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s*(?P<year>\d{2,4})\s*[,;]\s*pp?\.?\s*(?P<first>\d{1,4})\s*[-—–]\s*(?P<last>\d{1,4})\s*\]$"
)
INDICATOR = re.compile(
    r"\[(?P<name>Text|Excerpts?|Editorial Report|Summary|Abstract|Report|Article|Interview|Commentary|Communique)\]"
)
FOOTNOTES_HEADING = re.compile(r"(?:Footnotes?|FOOTNOTES?|Notes|NOTES)\s*:?$")
FOOTNOTE_LINE = re.compile(r"-\s*(?:(?P<number>\d{1,3})\s*[.)]\s*)?")
COPYRIGHT = re.compile(r"-?\s*COPYRIGHT\b", re.IGNORECASE)
PART_HEADING = re.compile(r"(?P<kind>Part|PART|Book|BOOK)\s+(?P<number>[0-9IVXivx]{1,5})\s*[:.—-]?\s*(?P<title>.*)$")
END_LINE = re.compile(r"END$")

REPORT_NUMBER = re.compile(
    r"\b(?P<series>JPRS|FBIS|JPRS\s*-\s*[A-Z]{1,3}|FBIS)\s*-\s*(?P<code>[A-Z0-9]{2,4})\s*-\s*"
    r"(?P<year>[0-9OIl](?:\s?[0-9OIl]))\s*-\s*(?P<serial>[0-9OIl](?:\s?[0-9OIl]){2,3})(?P<suffix>-[A-Z])?\b"
)
DATE_LINE = re.compile(
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?P<day>[0-9IlO]{{1,2}})\s+(?P<month>{MONTH_NAMES}|[A-Z]{{3,9}})\.?\s+(?P<year>\S{{2,5}})$", re.IGNORECASE
)
BYLINE = re.compile(r"By\s+(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})\s*$")
BARE_NUMBER = re.compile(r"(?:\d{1,3}|\w)$")
