"""Name repairs that need more than one edit, each backed by the report's own frequent spelling.

- `double_confusions`: a rare capitalised form two single-letter OCR confusions away from a form the
  report prints at least `NAME_ATTESTED` times (`Andrevey` beside `Andreyev`: y/v read twice).
- `initials`: initials before a surname misread by one OCR confusion each (`LV. Stalin` where the
  report prints `I.V. Stalin` elsewhere), when the misread initials never occur with that surname
  again.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from kartoteka.repair.candidates import OCR_CONFUSIONS, NeighbourIndex, describe
from kartoteka.repair.document import DocStats, case_pattern
from kartoteka.repair.evidence import times_in_words
from kartoteka.repair.lexicon import Lexicon
from kartoteka.repair.model import Correction

#: A target spelling must be printed at least this often.
NAME_ATTESTED = 5

_SINGLE = {(a, b) for a, b in OCR_CONFUSIONS if len(a) == 1 and len(b) == 1}


def _components() -> dict[str, str]:
    """Letters joined by single-letter confusions map to one representative (a skeleton key)."""
    parent = {c: c for c in "abcdefghijklmnopqrstuvwxyz"}

    def find(c: str) -> str:
        while parent[c] != c:
            c = parent[c]
        return c

    for a, b in _SINGLE:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {c: find(c) for c in parent}


_ROOT = _components()


def _skeleton(low: str) -> str:
    return "".join(_ROOT.get(c, c) for c in low)


def double_confusions(doc: DocStats, lex: Lexicon) -> list[Correction]:
    frequent: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for form, n in doc.forms.items():
        if n >= NAME_ATTESTED and len(form) >= 6 and case_pattern(form) == "title" and form.isalpha():
            frequent[_skeleton(form.lower())].append((form, n))
    out: list[Correction] = []
    for form, seen in doc.forms.items():
        if seen > 2 or len(form) < 6 or case_pattern(form) != "title" or not form.isalpha():
            continue
        low = form.lower()
        if lex.zipf(low) > 0 or lex.is_word(low):
            continue
        hits = []
        for target, n in frequent.get(_skeleton(low), ()):
            t_low = target.lower()
            diffs = [(a, b) for a, b in zip(low, t_low, strict=True) if a != b]
            if len(diffs) == 2 and all(d in _SINGLE for d in diffs) and n >= 5 * seen and low[0] == t_low[0]:
                hits.append((n, target, diffs))
        if len(hits) != 1:
            continue
        n, target, diffs = hits[0]
        detail = ", ".join(f"{a}->{b}" for a, b in diffs)
        reason = f"seen {seen} time(s); '{target}' seen {n} times in this report, two OCR confusions apart ({detail})"
        for tok in doc.tokens_of(form):
            if not tok.in_compound:
                out.append(Correction(tok.start, tok.end, form, target, "name", reason, 0.8))
    return out


def _family(doc: DocStats, form: str) -> int:
    """Prints of a surname in both genders (`Serebryakov`, `Serebryakova`)."""
    stem = form[:-1] if form.endswith("a") else form
    return doc.forms.get(stem, 0) + doc.forms.get(stem + "a", 0)


def _lines_of(doc: DocStats, form: str) -> set[int]:
    """The lines (by their start offset) a form is printed on."""
    text = doc.text
    return {text.rfind("\n", 0, p) + 1 for raw in doc.raw_of.get(form, ()) for p in doc.positions[raw]}


#: A name printed on one line only, at most this often, may be one passage's repeated misreading.
PASSAGE_MAX = 6


def passage_misreads(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A name printed a few times, all on one line, one OCR confusion from a name the report prints
    (in either gender) at least twice as often and on other lines (`Screbryakova` x3 in one passage,
    `Serebryakov(a)` x8 elsewhere): one passage's damage repeats, a second person's name would recur."""
    out: list[Correction] = []
    # the names a passage's misreading could stand for: printed at least 4 times in both genders, indexed
    # for one-edit lookups (a scan of every variant of every form is slow on a report of one-off names)
    targets = NeighbourIndex(
        f.lower()
        for f in doc.forms
        if len(f) >= 5 and f.isalpha() and case_pattern(f) == "title" and _family(doc, f) >= 4
    )
    for form, seen in doc.forms.items():
        if not 2 <= seen <= PASSAGE_MAX or len(form) < 6 or case_pattern(form) != "title" or not form.isalpha():
            continue
        low = form.lower()
        if lex.zipf(low) > 0 or lex.is_word(low):
            continue
        near = targets.near(low, inserts=False)
        if not near:
            continue
        lines = _lines_of(doc, form)
        if len(lines) != 1:
            continue
        hits = []
        for raw in near:
            target = raw[0][:1].upper() + raw[0][1:]
            var = describe(low, raw)
            if raw[0][:1] != low[:1] or not var.ocr:
                continue
            n = _family(doc, target)
            if n >= 2 * seen and _lines_of(doc, target) - lines:
                hits.append((n, target, var))
        if len({h[1] for h in hits}) != 1:
            continue
        n, target, var = hits[0]
        reason = (
            f"printed {seen} times, all on one line; '{target}' is {var.detail} (one OCR confusion) away, and "
            f"the name is printed {n} times elsewhere in this report"
        )
        out.extend(
            Correction(tok.start, tok.end, form, target, "name", reason, 0.75)
            for tok in doc.tokens_of(form)
            if not tok.in_compound
        )
    return out


#: Opens with a capital (a fast first-character scan); the boundary before is checked after.
_INITIALS_RE = re.compile(r"([A-Z](?:\. ?[A-Z]\.|\.|[A-Z]\.) ?)([A-Z][a-z]{2,})\b")


def _letters(initials: str) -> str:
    return initials.replace(".", "").replace(" ", "")


def initials(doc: DocStats, lex: Lexicon) -> list[Correction]:
    text = doc.text
    found: dict[str, Counter] = defaultdict(Counter)
    spans: list[tuple[int, int, str, str, str]] = []
    for m in _INITIALS_RE.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if before.isalnum() or before in "_.":
            continue
        raw, surname = m.group(1).rstrip(" "), m.group(2)
        letters = _letters(raw)
        found[surname][letters] += 1
        spans.append((m.start(1), m.start(1) + len(raw), raw, letters, surname))
    out: list[Correction] = []
    for start, end, raw, letters, surname in spans:
        counts = found[surname]
        if counts[letters] > 1 or doc.forms.get(surname, 0) < 3:
            continue
        hits = []
        for other, n in counts.items():
            if other == letters or len(other) != len(letters) or n < 2:
                continue
            pairs = [(a.lower(), b.lower()) for a, b in zip(letters, other, strict=True) if a != b]
            if pairs and all(p in _SINGLE for p in pairs):
                hits.append((n, other))
        if len(hits) != 1:
            continue
        n, other = hits[0]
        sep = ". " if ". " in raw else "."
        replacement = sep.join(other) + "."
        reason = (
            f"initials '{raw}' before {surname} seen once; '{'.'.join(other)}. {surname}' seen {n} times "
            "in this report, OCR confusions apart"
        )
        out.append(Correction(start, end, raw, replacement, "name", reason, 0.8))
    return out


#: Initials before a surname, dotted or not (`B. N.`, `A D`, `Ya.`).
_INITIALS_AT_END = re.compile(r"(?<![\w.])(?:[A-Z][a-z]?\.? ?){1,3}$")
#: A capitalised word after a form: a given name before its surname or patronymic (`Korney Chukovskiy`).
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
#: The report must print this many surnames in `-ev` before its convention counts.
EV_SURNAMES = 20


#: A form an English word list knows is still a misread surname ending when the report prints the repaired
#: spelling too, unless it is this common (Zipf): `Taney` (2.3) beside `Tanev`, not `honey`.
OWN_MAX_ZIPF = 3.0
#: Surname endings with a `v` misread (as `y` or `s`) or a `y` read as `v`: printed -> the report's ending,
#: and whether the repaired form must be printed elsewhere in the report (Greek names end in `-os`).
_YV_ENDINGS = (("ey", "ev", False), ("vey", "yev", False), ("os", "ov", True), ("van", "yan", False))


def ev_endings(doc: DocStats, lex: Lexicon) -> list[Correction]:
    """A Russian surname ending `-ey`, `-vey` or `-os` where the report spells surnames `-ev`, `-yev`
    and `-ov`, or an Armenian one in `-van` where it spells them `-yan`: a `v` read as `y` or `s`, a `y`
    read as `v`, or the two swapped (`B. N. Ponomarey`, `A. Gusavey`, `A. I. Kuratos`, `D. Akopvan`).
    An `-os` form only when the report prints the `-ov` one (`N. Kalogeropoulos` is Greek). Only a form
    the lexicon does not know (English `Carey`, `Dewey` are known), printed at most twice, standing
    after initials at least once and never before a capitalised word (given names end so too: `Korney
    Chukovskiy`, `Levan Gogoberidze`); or, bare and even one a word list knows, when the report prints
    the repaired spelling as often (`Popov and Taney` beside `Tanev`)."""
    text = doc.text
    out: list[Correction] = []
    endings = tuple({e for printed, meant, _a in _YV_ENDINGS for e in (printed, meant)})
    titled = [(f, n) for f, n in doc.forms.items() if f.endswith(endings) and f.isalpha() and f[0].isupper()]
    titled = [(f, n) for f, n in titled if case_pattern(f) == "title"]
    for printed, meant, attested in _YV_ENDINGS:
        convention = sum(n for form, n in titled if form.endswith(meant))
        if convention < EV_SURNAMES:
            continue
        for form, seen in titled:
            if seen > 2 or not form.endswith(printed):
                continue
            target = form[: -len(printed)] + meant
            # the report prints the repaired spelling itself (`Popov and Taney` beside `Tanev` x2): that is
            # evidence enough for a bare form, a short one, or one an English word list knows (Roger Taney)
            own = doc.forms.get(target, 0) >= seen
            if len(form) < (5 if own else 6):
                continue
            if (lex.zipf(form) > 0.0 or lex.is_word(form.lower())) and not (own and lex.zipf(form) < OWN_MAX_ZIPF):
                continue
            if printed == "ey" and form[-3] == "v":
                continue  # `-vey`: the y and v swapped, the next entry's business
            if printed == "vey" and form[-4] not in "aeiou":
                continue  # `Matvey` is a given name; `-ayev`, `-eyev` ... are surnames read `-avey`
            if attested and not doc.forms.get(target, 0):
                continue
            tokens = doc.tokens_of(form)
            if not tokens or any(_CAPITAL_AFTER.match(text, t.end + len(t.suffix)) for t in tokens):
                continue
            if not own and not any(
                _INITIALS_AT_END.search(text[max(0, _name_start(text, t.start) - 12) : _name_start(text, t.start)])
                for t in tokens
            ):
                continue
            where = f"printed {times_in_words(seen)} beside '{target}'" if own else "after initials"
            reason = (
                f"'{form}' {where}; the report spells {convention} surnames in '-{meant}', none "
                f"in '-{printed}': a letter of the ending misread"
            )
            out.extend(Correction(t.start, t.end, form, target, "name", reason, 0.75) for t in tokens)
    return out


def _name_start(text: str, pos: int) -> int:
    """Where a double-barrelled name opens (`Ter-` before `Petrosyan`)."""
    while pos > 1 and text[pos - 1] == "-" and text[pos - 2].isalpha():
        pos -= 1
        while pos > 0 and text[pos - 1].isalpha():
            pos -= 1
    return pos
