"""Renderings of Russian person names: FBIS, LOC (ALA-LC) and Cyrillic.

Library choice: Cyrillic -> Latin goes through ``iuliia`` (MIT, pure Python, no network, already a
dependency). It ships each standard as a reviewed schema with context rules (word-initial ``е`` ->
``ye``, ``ий``/``ый`` endings), unlike ``unidecode`` (one scheme, lossy) or ``transliterate`` /
``cyrtranslit`` (single home-grown table each). We use two of its schemas:

* ``BGN_PCGN``: the system FBIS/JPRS follow (Yezhov, Zinov'yev, Krestinskiy); FBIS prints it without
  the apostrophes, so we strip them and write ``ё`` as ``e`` (Khrushchev), as Russian print does.
* ``ALA_LC_ALT``: Library of Congress without diacritics, as catalogues and bibliographies print it
  (Ezhov, Zinov'ev, Krestinskii).

No library goes Latin -> Cyrillic for names, because the direction is ambiguous (FBIS ``Ulyanova`` can be
``Улянова`` or ``Ульянова``; a LOC ``E`` can be ``Е`` or ``Э``). :func:`cyrillic` is a documented best-effort,
rule-based reverse of FBIS conventions, with a light pre-normalisation for LOC, ISO 9 and German input.
Its one hard guarantee is ``name_key(cyrillic(x)) == name_key(x)`` (tested), not a perfect spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache

import iuliia

__all__ = ["CYRILLIC_RE", "cyrillic", "detect_scheme", "fbis", "has_cyrillic", "keys", "loc"]

CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")

# Non-Russian Cyrillic letters iuliia's Russian schemas pass through untouched: map to Russian spellings.
_CYR_PREP = str.maketrans(
    {"ё": "е", "Ё": "Е", "і": "и", "І": "И", "ї": "йи", "Ї": "Йи", "є": "е", "Є": "Е", "ґ": "г", "Ґ": "Г",
     "ў": "у", "Ў": "У", "ј": "й", "Ј": "Й"}
)
_MARKS = str.maketrans({"’": None, "”": None, "'": None, '"': None, "ʹ": None, "ʺ": None})


def has_cyrillic(text: str) -> bool:
    return CYRILLIC_RE.search(text) is not None


def _cyr_to_bgn(text: str) -> str:
    out = iuliia.BGN_PCGN.translate(text.translate(_CYR_PREP))
    # BGN writes йе as "yye" (Meyyerkhol'd); FBIS prints Meyerkhold.
    return out.translate(_MARKS).replace("yye", "ye").replace("YYe", "Ye")


def _cyr_to_ala(text: str) -> str:
    return iuliia.ALA_LC_ALT.translate(text.translate(_CYR_PREP))


# ---------------------------------------------------------------- Latin -> Cyrillic (best effort)

_VOW = set("aeiouy")
_SIMPLE = {
    "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "z": "з", "i": "и", "k": "к", "l": "л", "m": "м",
    "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "e": "е", "w": "в",
    "h": "х", "c": "ц", "j": "й", "q": "к", "x": "кс", "ë": "ё", "ė": "э",
}
_DIGRAPHS = (("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"))
_SOFT = {"'": "ь", "’": "ь", "ʹ": "ь", '"': "ъ", "ʺ": "ъ", "”": "ъ"}

# A word: letters with apostrophe-like marks inside or at the end (LOC Chubar', Zinov'ev).
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʹʺ\"”][^\W\d_]+)*['’ʹ]?")
_ISO_MARK_RE = re.compile(r"[žščŝʹʺčĭ]|è")
_GERMAN_MARK_RE = re.compile(r"w|sch|j|ow\b|ew\b")
_LOC_MARK_RE = re.compile(r"['’ʹ]|ii|i[aue]|[aeou]i\b|[aeou]i[aeou]|yi\b|ĭ|ė")
_DEHNUNGS_H_RE = re.compile(r"\beh(?=[rlmn])")  # Ehrenburg = Erenburg in every scheme
_FRENCH_MARK_RE = re.compile(r"ou|(?<!s)tch|\bdj|\bie|\bj[^aeiouy\W]")


def detect_scheme(name: str) -> str:
    """Guess how a Latin name was romanised: "iso", "french", "german", "loc" or "fbis" (the default)."""
    s = name.casefold()
    if _ISO_MARK_RE.search(s):
        return "iso"
    if _FRENCH_MARK_RE.search(s):
        return "french"
    if _GERMAN_MARK_RE.search(s):
        return "german"
    if _LOC_MARK_RE.search(s):
        return "loc"
    return "fbis"


def _scan(w: str, digraphs: tuple[tuple[str, str], ...], letter) -> str:
    """Latin word -> Cyrillic: the digraphs first, else `letter(w, i)` -> (Cyrillic, letters used)."""
    out: list[str] = []
    i = 0
    while i < len(w):
        for lat, cyr in digraphs:
            if w.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            cyr, used = letter(w, i)
            out.append(cyr)
            i += used
    return "".join(out)


# Russian never writes ы after к, г or х: a final "ky"/"gy" is the popular spelling of -кий/-гий
# (Trotsky, Dzerzhinsky, Georgy), not FBIS -кы.
_VELAR_Y_RE = re.compile(r"(?<=[kgh])y\b")


def _fbis_word(w: str, initial_e: str | None = None) -> str:
    """FBIS Latin word (lower case) -> Cyrillic, reading y as the glide/ы/soft sign by context."""
    w = _VELAR_Y_RE.sub("iy", w)

    def letter(w: str, i: int) -> tuple[str, int]:
        c = w[i]
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        after_cons = bool(prev) and prev.isalpha() and prev not in _VOW
        if c == "y":
            if nxt in ("a", "e", "u", "o"):
                # ye after a consonant can only be ье (plain е is "e"); ya/yu/yo are
                # ambiguous (я or ья): take я/ю/ё.
                if nxt == "e":
                    return ("ье" if after_cons else "е"), 2
                return {"a": "я", "u": "ю", "o": "ё"}[nxt], 2
            if nxt == "i" and after_cons:  # Ilyich -> Ильич
                return "ьи", 2
            return ("ы" if after_cons or not prev else "й"), 1
        if c == "e":
            if i == 0:
                return initial_e or ("э" if "y" in w else "е"), 1
            # After a vowel FBIS would write е as "ye", but a bare e there (Allilueva, Fadeev) is far
            # likelier a LOC/English е than a rare э.
            return "е", 1
        if c in _SOFT:
            return _SOFT[c], 1
        return _SIMPLE.get(c, c), 1

    return _scan(w, _DIGRAPHS, letter)


_LOC_DIGRAPHS = (*_DIGRAPHS, ("iu", "ю"), ("ia", "я"))


def _loc_word(w: str) -> str:
    """LOC (ALA-LC without diacritics) word (lower case) -> Cyrillic."""
    w = _VELAR_Y_RE.sub("ii", w)  # a final -ky/-gy/-khy is the popular -кий/-гий/-хий (LOC -kii), never -кы

    def letter(w: str, i: int) -> tuple[str, int]:
        c = w[i]
        prev = w[i - 1] if i else ""
        if c in ("i", "ĭ"):
            # i after a vowel is й in ALA-LC (Kuibyshev, Meierkhol'd, Krestinskii);
            # Chkheidze (Чхеидзе) is the price.
            return ("й" if c == "ĭ" or (prev in _VOW and prev) else "и"), 1
        if c == "y":
            return "ы", 1
        if c in _SOFT:
            return _SOFT[c], 1
        return _SIMPLE.get(c, c), 1

    return _scan(w, _LOC_DIGRAPHS, letter)


# German (Duden) -> FBIS Latin. Upper-case tokens protect finished units from later rules; lower() at the end.
_GERMAN_SUBS = [
    (re.compile(p), r)
    for p, r in (
        (r"tz|z", "TS"), (r"schtsch", "SHCH"), (r"tsch", "CH"), (r"dsch", "DZH"), (r"sch", "SH"),
        (r"ch", "KH"), (r"(?<=[aeiouy])s(?=[aeiouy])", "z"), (r"ss", "s"), (r"w", "v"), (r"ei", "ey"),
        (r"ai", "ay"), (r"(?<=[^aeiouy])jo", "yo"), (r"ij\b", "iy"), (r"j", "y"), (r"(?<=sk)i\b", "iy"),
        (r"nn\b", "n"), (r"\beh", "e"),
    )
]
_FRENCH_SUBS = [
    (re.compile(p), r)
    for p, r in (
        (r"ou", "u"), (r"(?<!s)tch", "CH"), (r"dj", "DZH"), (r"kh", "KH"), (r"ch", "SH"), (r"\bie", "ye"),
        (r"j", "ZH"), (r"(?<=sk)i\b", "iy"), (r"ine\b", "in"), (r"ï", "i"), (r"é", "e"),
    )
]
_ISO_MAP = str.maketrans(
    {"ž": "zh", "š": "sh", "č": "ch", "ŝ": "shch", "h": "kh", "c": "ts", "j": "i", "ʹ": "'", "ʺ": '"',
     "è": "ė", "ĭ": "i"}
)
_ISO_J_RE = re.compile(r"j(?=[aueë])")


def _word_to_cyr(w: str, scheme: str) -> str:
    lw = _DEHNUNGS_H_RE.sub("e", w.casefold())
    if scheme == "iso":
        lw = _ISO_J_RE.sub(lambda m: "i", lw)  # ISO ja/ju = LOC ia/iu
        lw = lw.replace("ië", "ë").translate(_ISO_MAP)
        cyr = _loc_word(lw)
    elif scheme == "loc":
        cyr = _loc_word(lw)
    elif scheme == "german":
        for rx, rep in _GERMAN_SUBS:
            lw = rx.sub(rep, lw)
        lw = lw.lower()
        cyr = _fbis_word(lw, initial_e="э")
    elif scheme == "french":
        for rx, rep in _FRENCH_SUBS:
            lw = rx.sub(rep, lw)
        lw = lw.lower()
        cyr = _fbis_word(lw)
    else:
        cyr = _fbis_word(lw)
    if w.isupper() and len(w) > 1:
        return cyr.upper()
    if w[:1].isupper():
        return cyr[:1].upper() + cyr[1:]
    return cyr


@lru_cache(maxsize=65536)
def cyrillic(name: str) -> str:
    """Best-effort Cyrillic for a name; Cyrillic input is returned unchanged.

    Latin input is read per its guessed scheme (see :func:`detect_scheme`); ambiguous cases are resolved
    toward the commoner Russian spelling and the soft sign is only restored where FBIS marks it (ye/yi
    after a consonant: Zinovyev -> Зиновьев), so Mandelshtam -> Манделштам, Ulyanova -> Улянова.
    """
    if has_cyrillic(name):
        return name
    # Scheme per word: a popular "Beria" next to an FBIS "Lavrentiy" must not turn the latter into LOC.
    return _WORD_RE.sub(lambda m: _word_to_cyr(m.group(0), detect_scheme(m.group(0))), name)


@lru_cache(maxsize=65536)
def fbis(name: str) -> str:
    """FBIS/JPRS rendering (BGN/PCGN without apostrophes): Yezhov, Zinovyev, Krestinskiy."""
    return _cyr_to_bgn(name if has_cyrillic(name) else cyrillic(name))


@lru_cache(maxsize=65536)
def loc(name: str) -> str:
    """Library of Congress (ALA-LC, no diacritics) rendering: Ezhov, Zinov'ev, Krestinskii."""
    return _cyr_to_ala(name if has_cyrillic(name) else cyrillic(name))


def keys(name: str) -> dict[str, str]:
    """All three renderings at once: {"fbis": ..., "loc": ..., "cyrillic": ...}."""
    return {"fbis": fbis(name), "loc": loc(name), "cyrillic": cyrillic(name)}
