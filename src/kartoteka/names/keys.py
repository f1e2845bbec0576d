"""Transliteration-invariant comparison keys for Russian person names.

``name_key`` reduces any spelling (FBIS, LOC/ALA-LC, ISO 9, German, French, popular English, Cyrillic) to
one skeleton. Cyrillic is first romanised with iuliia's BGN/PCGN schema (see :mod:`.translit`); every
Latin spelling then goes through the same hand-written reduction, so ``name_key(Cyrillic) ==
name_key(fbis(Cyrillic))`` by construction.

What the key deliberately does NOT distinguish (each merge is forced by some standard):

* glides: y/j/i before a vowel are dropped (Yezhov, Ezhov, Jeschow; Zinovyev, Zinov'ev, Zinoviev,
  Sinowjew), so и+vowel and й/ь+vowel coincide (Дмитриев ~ Дмитрев);
* word-final -iy/-yy/-ii/-ij/-i/-y all become ``i`` (Krestinskiy/-skii/-skij/-ski/-sky; Tolstoy/Tolstoi);
* sibilants by voice: с = з = ц -> ``s`` (German writes з and с as s and ц as z), ш = ж -> ``š``
  (German sch for both);
* ё: e/yo/jo/ë after a consonant -> e, and after ш/ж/ч/щ the ending -ov -> -ev (Khrushchev,
  Khrushchyov, Chruschtschow, Hruŝëv);
* doubled letters (Kossior, Allilueva, Eidemann); -off/-ow endings -> -ov.

It DOES keep gender forms apart (Yezhov != Yezhova): they are different people in the sources; use
:func:`gender_neutral_key` when a search should join a family. It keeps ы apart from и inside a word
(Rykov vs a hypothetical Rikov) but not at the end of a word.

Known limits: German ``ch`` is read as х only when the name carries another German mark (w, sch, j);
a bare Bucharin/Mechlis/Ulrich/Eiche/Michail reads as English ч. German ``st`` for шт (Mandelstam,
Eisenstein), English ``J`` for Дж (Jugashvili), Polish and French-without-markers forms (Vychinski) do
not unify. The scheme (French, German) is guessed per whole name.

Key alphabet: a-z plus ``š`` (ш/ж), ``č`` (ч); ``x`` is х, ``s`` is с/з/ц. Words are joined by one space.
The reduction is iterated to a fixpoint, so ``name_key(name_key(x)) == name_key(x)``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from .translit import CYRILLIC_RE, _cyr_to_bgn

__all__ = ["gender_neutral_key", "name_key", "similar"]

# Latin letters with diacritics -> placeholders (upper case never survives casefold, so it is free):
# S = ш/ж, C = ч, X = х.
_DIACRITICS = str.maketrans(
    {
        "ž": "S", "š": "S", "č": "C", "ŝ": "SC", "ĉ": "C", "ć": "C", "ś": "s", "ź": "s", "ż": "S",
        "ë": "e", "ё": "e", "ü": "yu", "ö": "yo", "ä": "ya", "ł": "l", "ı": "i", "ø": "o", "æ": "ae",
        "œ": "oe", "đ": "d", "ħ": "X", "ĭ": "i", "ï": "i", "ė": "e", "è": "e", "é": "e", "ȳ": "y", "ß": "ss",
        "x": "X",
    }
)
_POSSESSIVE_RE = re.compile(r"['’ʼ`´]s\b")
_MARK_RE = re.compile(r"['’ʼ`´ʹʺ\"”“‘]")  # apostrophes, soft/hard-sign marks: dropped, not spaced
_NONWORD_RE = re.compile(r"[^a-zSCX]+")

_FRENCH_RE = re.compile(r"ou|(?<!s)tch|\bdj|\bie|\bj(?=[b-df-hj-np-tv-zSCX])")
_GERMAN_RE = re.compile(r"w|sch|j")  # FBIS/LOC/English never write w or j; ISO never writes ch

_FRENCH_SUBS = [
    (re.compile(p), r)
    for p, r in (("kh", "X"), (r"(?<!s)tch", "C"), ("dj", "dS"), ("ch", "S"), ("j", "S"), ("ou", "u"))
]
_PRE_SUBS = [
    (re.compile(p), r)
    for p, r in (
        (r"\baleX(?=and|e)", "aleks"),  # English x = ks in Alexander/Alexei; elsewhere x is ISO/scientific х
        (r"maXim", "maksim"),
        (r"\beh(?=[rlmn])", "e"),  # German Dehnungs-h: Ehrenburg = Erenburg
        (r"(?<=[oe])ff\b", "v"),  # Romanoff, Smirnoff
        (r"ine\b", "in"),  # French Staline, Boukharine
    )
]
_CONS_UNITS = {
    "schtsch": "SC", "shch": "SC", "tsch": "C", "dsch": "dS", "sch": "S", "zh": "S", "sh": "S",
    "kh": "X", "ts": "s", "tz": "s", "ph": "f", "c": "s", "z": "s", "h": "X", "w": "v",
    "q": "k",
}
_CONS_RE = re.compile("|".join(sorted((*_CONS_UNITS, "ch"), key=len, reverse=True)))
_YO_RE = re.compile(r"(?<=[b-df-hk-np-tv-zSCX])[yj]o")  # consonant + yo/jo is ё: Fyodor, Koroljow
_SIB_OV_RE = re.compile(r"(?<=[SC])ov(?=a?\b)")  # Хрущёв: German/English -schow, -chov; FBIS -chev
_GLIDE_RE = re.compile(r"[iyj]+")
_VOWELS = frozenset("aeouy")
_DOUBLE_RE = re.compile(r"([a-zSCX ])\1+")
_OUT = str.maketrans({"S": "š", "C": "č", "X": "x"})


def _glide(m: re.Match[str]) -> str:
    run, s, end = m.group(0), m.string, m.end()
    nxt = s[end] if end < len(s) else " "
    if nxt in "aeou":
        return ""  # glide before a vowel: ya/ia/ja, ye/ie/je, yu/iu/ju, ...
    if nxt == " ":
        return "i"  # any word-final run: -iy, -yy, -ii, -ij, -y, -i
    start = m.start()
    prev = s[start - 1] if start else " "
    if run == "y" and prev not in _VOWELS and prev not in "i ":
        return "y"  # ы between consonants: Rykov, Syrtsov
    return "i"  # и, or й before a consonant (Eykhe, Kuybyshev)


def _reduce(text: str) -> str:
    # NFKC first folds compatibility forms (ligatures, circled letters) before casefold, so that no
    # upper-case letter survives to be confused with the S/C/X placeholders below.
    s = unicodedata.normalize("NFKC", text).casefold()
    s = _POSSESSIVE_RE.sub("", s)
    if CYRILLIC_RE.search(s):
        s = _cyr_to_bgn(s)
    s = _MARK_RE.sub("", s)
    s = s.translate(_DIACRITICS)
    if not s.isascii():
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = " " + _NONWORD_RE.sub(" ", s).strip() + " "  # pad so word-boundary logic sees spaces
    if _FRENCH_RE.search(s):
        for rx, rep in _FRENCH_SUBS:
            s = rx.sub(rep, s)
    ch = "X" if _GERMAN_RE.search(s) else "C"  # German ch is х, everyone else's is ч
    for rx, rep in _PRE_SUBS:
        s = rx.sub(rep, s)
    s = _CONS_RE.sub(lambda m: _CONS_UNITS.get(m.group(0), ch), s)
    s = _YO_RE.sub("e", s)
    s = _SIB_OV_RE.sub("ev", s)
    s = _GLIDE_RE.sub(_glide, s)
    s = _DOUBLE_RE.sub(r"\1", s)
    return s.strip().translate(_OUT)


@lru_cache(maxsize=262144)
def name_key(name: str) -> str:
    """Canonical comparison key: equal for the same Russian name in any common romanisation."""
    key = _reduce(name)
    for _ in range(4):  # a reduced key can read as another scheme (e.g. "ou"): iterate to a fixpoint
        again = _reduce(key)
        if again == key:
            break
        key = again
    return key


@lru_cache(maxsize=65536)
def gender_neutral_key(name: str) -> str:
    """``name_key`` with feminine surname endings folded: Yezhova ~ Yezhov, Krupskaya ~ Krupskiy."""
    key = name_key(name)
    key = re.sub(r"(?<=sk)a\b", "i", key)
    return re.sub(r"(?<=ov|ev|in|yn)a\b", "", key)


def similar(a: str, b: str) -> float:
    """Similarity 0..1 of two names on their keys, for OCR-damaged forms (Medvedey ~ Medvedev)."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return 1.0
    return fuzz.ratio(ka, kb) / 100.0
