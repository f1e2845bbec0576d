"""All six kinds of entity mention in one report: PERSON, ORG, PLACE, DATE, QUANTITY, WORK.

    >>> from kartoteka.extract.entities import find_entities
    >>> ents = find_entities(report, repaired, persons)   # list[Mention], source offsets, sorted

* PERSON: every mention of every resolved person, value ``{"id": person id}``.
* ORG: acronyms (NKVD, OGPU, VKP(b), TsK...) and institution names (Central Committee, Politburo,
  People's Commissariat of ...); value ``{"expansion": ...}`` where the report glosses the acronym.
* PLACE: a gazetteer of Soviet and European places, plus `town/village/city of X` and `X oblast/kray`.
* DATE, QUANTITY: ``kartoteka.extract.dates`` / ``quantities`` over the source text (EDTF values, numbers
  with units; Julian/Gregorian pairs as those functions mark them).
* WORK: quoted titles the translators gloss (`"Kratkaya biografiya" [Short Biography]`) and quoted titles
  after `book`, `novel`, `article`...; periodicals printed in capitals (PRAVDA, ZNAMYA).

Overlaps are resolved by kind priority (PERSON, WORK, ORG, PLACE, DATE, QUANTITY); `text == source[start:end]`
for every mention.
"""

from __future__ import annotations

import re

from kartoteka.extract.dates import find_dates
from kartoteka.extract.mention import Mention
from kartoteka.extract.quantities import find_quantities
from kartoteka.resolve.lexicon import PLACES

__all__ = ["find_entities"]

_PRIORITY = {"PERSON": 0, "WORK": 1, "ORG": 2, "PLACE": 3, "DATE": 4, "QUANTITY": 5}

#: Acronyms and one-word institutions of the Soviet period (general knowledge, not report-specific).
ORG_WORDS = frozenset(
    """
NKVD OGPU GPU VChK Cheka VKP(b) RKP(b) RSDRP RSDRP(b) KPSS CPSU TsK TsKK TsIK VTsIK SNK Sovnarkom Politburo
Orgburo Comintern Cominform Komsomol Gosplan VSNKh Rabkrin RKI Narkomnats Narkomindel Narkomvoyenmor NKID NKPS
NKYu RVS RVSR Gulag GULAG Profintern Krestintern MGB MVD NKGB KGB SMERSH Osoaviakhim Glavlit Tsentrosoyuz
Proletkult RAPP LEF Prombank Mensheviks Duma Okhrana Gestapo Reichstag Wehrmacht Sovnarkhoz Obkom Gorkom Raykom
Kraykom Gubkom Uchraspred Orgotdel Agitprop IKKI KIM MOPR Dalstroy Belbaltlag SLON OSO VChK—GPU PSS CP(b)
KP(b)U BTsK AUCCTU VTsSPS TASS ROSTA Ispolkom Narkompros Narkomzem Narkomfin Narkomtyazhprom Narkomvnudel Narkomyust
Stavka Entente
""".split()
)
_ORG_PHRASE_RE = re.compile(
    r"(?:All-Union |All-Russian )?(?:Central (?:Committee|Control Commission|Executive Committee)"
    r"|People['’]s Commissariat (?:of|for) (?:[A-Z][a-z]+ )*?(?:and )?[A-Z][a-z]+(?: (?:and |of )?[A-Z][a-z]+)*"
    r"|Council of People['’]s Commissars|Military[- ]Revolutionary (?:Committee|Council)|Red Army|Red Guards?"
    r"|Supreme Court|Supreme Soviet|Military Collegium|Academy of Sciences|Communist International"
    r"|Communist Party|Bolshevik Party|General Staff|Procuracy|Secretariat|Presidium|Politburo|Orgburo"
    r"|Comintern|Komsomol|Petrograd Soviet|Moscow Soviet|Constituent Assembly|Provisional Government"
    r"|State Duma|Left Opposition|Right Opposition|Workers['’] Opposition|Military Opposition)"
)
_ACRONYM_RE = re.compile(r"\b[A-Z][A-Za-z]{0,4}[A-Z](?:\([a-z]\))?(?:[—-][A-Z]{2,4})?\b(?:\([a-z]\))?")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
_PLACE_CTX_RE = re.compile(
    r" (?:(?:town|village|city|settlement|stanitsa|station|region|district|province) of ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"|([A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?:oblast|kray|guberniya|uyezd|rayon|stanitsa)\b)"
)
_WORK_RE = re.compile(
    r"(?:book|novel|article|articles|story|poem|play|pamphlet|essay|work|brochure|report|letter|film|speech|"
    r"memoirs|collection|journal|magazine|newspaper)s?,? (?:entitled |called |titled )?"
    r"(\"[A-Z][^\"\n]{2,90}\"|“[A-Z][^”\n]{2,90}”)"
)
_YEAR_LIKE_RE = re.compile(r"1[6-9]\d\d(?!\d|,\d)(?! (?:years|people|persons|men|rubles|tons|percent)\b(?!['’]))")
_CAPS_WORD_RE = re.compile(r"\b[A-Z]{4,}(?:-[A-Z]{4,})?(?: [A-Z]{2,})*\b")
_VOWELS = set("AEIOUY")


def _expansions(report) -> dict[str, str]:
    out: dict[str, str] = {}
    for g in getattr(report, "glosses", ()):
        if g.kind == "expansion" and g.term:
            out.setdefault(g.term, g.gloss)
    return out


def _add(out: list[Mention], text: str, kind: str, s: int, e: int, value, conf: float = 1.0) -> None:
    if 0 <= s < e <= len(text):
        out.append(Mention(kind, s, e, text[s:e], value, conf))


def find_entities(report, repaired=None, persons=None) -> list[Mention]:
    """Entity mentions of all six kinds, sorted by offset, non-overlapping. They are found in the repaired
    reading when one is given (`F. AVDA` is the periodical PRAVDA) and point at the SOURCE text: `text` is
    the characters as printed, and `value["repaired"]` the repaired form where the two differ."""
    text = report.source.text
    if persons is None:
        from kartoteka.resolve import find_persons

        persons = find_persons(report, repaired)
    found: list[Mention] = []
    for p in persons:
        for m in p.mentions:
            _add(found, text, "PERSON", m.start, m.end, {"id": p.id}, m.confidence)
    _work_glosses(report, text, found)  # glosses carry source offsets already
    reading = repaired.text if repaired is not None and repaired.corrections else text
    in_reading: list[Mention] = []
    _orgs(reading, _expansions(report), in_reading)
    _places(reading, in_reading)
    _works(reading, in_reading)
    dates = find_dates(reading)
    in_reading.extend(dates)
    # a bare year the date finder left (`In 1936 people's ...`) is not a count
    in_reading.extend(q for q in find_quantities(reading, dates=dates) if not _YEAR_LIKE_RE.match(q.text))
    found.extend(in_reading if reading is text else [_to_source(m, repaired, text) for m in in_reading])
    return _resolve(found)


def _to_source(m: Mention, repaired, text: str) -> Mention:
    """A mention found in the repaired reading, moved onto the source span it was read from."""
    start, end = repaired.span_to_source(m.start, m.end)
    if end - start > len(m.text) and text.count(m.text, start, end) == 1:
        # printed as it reads inside a wider correction (`Buryat` in `Buryat- Mongolia`): just those characters
        start = text.find(m.text, start, end)
        end = start + len(m.text)
    value = m.value
    if text[start:end] != m.text:
        value = {**value, "repaired": m.text} if isinstance(value, dict) else {"value": value, "repaired": m.text}
    return Mention(m.kind, start, end, text[start:end], value, m.confidence)


_CAP_TOKEN_RE = re.compile(r"[A-Z][A-Za-z]*(?:\([a-z]\))?(?:[—-][A-Za-z]+)*")
_PHRASE_ANCHORS = frozenset("All-Union All-Russian Central People Council Military Military-Revolutionary Red "
                            "Supreme Academy Communist Bolshevik General Procuracy Secretariat Presidium Politburo "
                            "Orgburo Comintern Komsomol Petrograd Moscow Constituent Provisional State Left Right "
                            "Workers".split())


def _orgs(text: str, expansions: dict[str, str], out: list[Mention]) -> None:
    terms = {t: g for t, g in expansions.items() if " " not in t}
    for m in _CAP_TOKEN_RE.finditer(text):
        w = m.group(0)
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "-"):
            continue
        if w in _PHRASE_ANCHORS:
            pm = _ORG_PHRASE_RE.match(text, s)
            if pm:
                _add(out, text, "ORG", s, pm.end(), {"name": pm.group(0)})
                continue
        found = _org_or_place(w, terms)
        if found is not None:
            kind, value, confidence = found
            _add(out, text, kind, s, m.end(), value, confidence)
            continue
        if not _JOIN_RE.search(w):
            continue
        # a compound of names (`Buryat-Mongolia`, `Moscow-Volga Canal`, `VChK—GPU`): each part on its own,
        # below a name the context gives for the whole (`the town of Leninsk-Kuznetsk`); a capitals part
        # counts as an acronym only beside another name (`GPU-NKVD`, not `BED-NOTA`)
        parts = _JOIN_RE.split(w)
        acronyms = all(_org_or_place(part, terms) is not None for part in parts)
        for part in parts:
            found = _org_or_place(part, terms, acronyms)
            if found is not None:
                kind, value, confidence = found
                _add(out, text, kind, s, s + len(part), value, min(confidence, 0.7))
            s += len(part) + 1


_JOIN_RE = re.compile("[—-]")


def _org_or_place(w: str, terms: dict[str, str], acronyms: bool = True) -> tuple[str, dict, float] | None:
    """What `w` is by itself, ORG or PLACE, with its value and confidence; None when neither."""
    if w in terms:
        return "ORG", {"expansion": terms[w]}, 1.0
    if w in ORG_WORDS:
        return "ORG", {}, 1.0
    if (acronyms and w.isupper() and 2 <= len(w) <= 6 and sum(c in _VOWELS for c in w) <= 1
            and not _ROMAN_RE.match(w) and w not in ("JPRS", "FBIS")):
        return "ORG", {}, 0.7
    if w in PLACES:
        return "PLACE", {"name": w}, 1.0
    return None


def _places(text: str, out: list[Mention]) -> None:
    for m in _PLACE_CTX_RE.finditer(text):
        g = 1 if m.group(1) else 2
        _add(out, text, "PLACE", m.start(g), m.end(g), {"name": m.group(g)}, 0.8)


def _work_glosses(report, text: str, out: list[Mention]) -> None:
    """Titles the translators glossed (`"Ottseubiytsa" [Patricide]`): the gloss records hold source offsets."""
    for g in getattr(report, "glosses", ()):
        if g.kind == "translation" and g.term and g.term.startswith(('"', "“")) and g.term_start is not None:
            _add(out, text, "WORK", g.term_start, g.term_end, {"title": g.term.strip('"“”'), "translation": g.gloss})


def _works(text: str, out: list[Mention]) -> None:
    for m in _WORK_RE.finditer(text):
        _add(out, text, "WORK", m.start(1), m.end(1), {"title": m.group(1).strip('"“”')}, 0.8)
    for m in _CAPS_WORD_RE.finditer(text):
        w = m.group(0)
        # periodicals are printed in capitals (PRAVDA, NOVYY MIR); acronyms have few vowels
        if sum(c in _VOWELS for c in w) >= 2 and w not in ORG_WORDS and not _ROMAN_RE.match(w.replace(" ", "")):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if line.isupper():  # a heading or cover line in capitals, not a title
                continue
            _add(out, text, "WORK", m.start(), m.end(), {"title": w, "periodical": True}, 0.7)


def _resolve(found: list[Mention]) -> list[Mention]:
    ranked = sorted(found, key=lambda m: (_PRIORITY[m.kind], -m.confidence, -(m.end - m.start), m.start))
    # characters taken so far, one byte each: an overlap test is one C-level `find` over the span
    taken = bytearray(max((m.end for m in found), default=0))
    kept: list[Mention] = []
    for m in ranked:
        if taken.find(1, m.start, m.end) >= 0:
            continue
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        kept.append(m)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept
