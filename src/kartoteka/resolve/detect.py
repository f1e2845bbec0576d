"""Candidate person names in the repaired reading of a report.

One pass of one regex finds capitalised tokens (initials runs, name words, all-caps words); runs of
tokens separated by a single space form chains, and each chain is read left to right into candidates:

* strong: initials + surname (`N. I. Yezhov`, `Ya.M. Sverdlov`), given name [+ patronymic] [+ surname]
  (`Vissarion Ivanovich Dzhugashvili`, `Lev Trotsky`), title + name (`Comrade Sergo`, `Gen Wrangel`);
* weak: a bare capitalised word (`Yezhov`, `Yezhov's`), which the clusterer keeps only with evidence.

Filters drop heads of named things (`Kirov Plant`, `Order of Lenin`), adjectives and isms by suffix
(`Stalinist`, `Trotskyite`), function words, months and institutions. Offsets here are offsets in the
repaired text; `resolve` maps them back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kartoteka.resolve.lexicon import (
    ALIASES,
    FAMOUS_SURNAMES,
    FEMALE_PATRONYMIC_ENDINGS,
    GIVEN,
    GIVEN_CUTS,
    GROUP_NOUNS,
    HEADS,
    LOWER_HEADS,
    NAMED_AFTER,
    NON_PERSON_SUFFIXES,
    PATRONYMICS,
    PERSON_TITLES,
    PLACES,
    STOP,
    SURNAME_ENDINGS,
    TITLES,
)

# One token regex; its first item is a literal-free class, but the pattern is simple enough that the whole
# corpus scans in ~15 ms.
_TOKEN_RE = re.compile(
    # the first capital is factored out so the engine scans for it with its fast charset search
    r"[A-Z](?:"
    # an initial never continues a word: `BTsK. Stalin` is no `K. Stalin`
    r"(?<![A-Za-z0-9][A-Z])(?P<ini>(?:[a-z]?\.|em\.|[A-Z]\.)(?:[ ]{0,2}(?:[A-Z][a-z]?|Yem)\.){0,3})"
    r"(?=[ \n]?[A-Z][a-zà-ÿ])"
    # (a word run into the next name's initial, `VorG. A. Vorozheykin`, is a cut-off misprint: no word)
    r"|(?P<word>[a-zà-ÿ]+(?:['’][A-Za-z][a-zà-ÿ]+)?(?:-[A-Z][a-zà-ÿ]+){0,2})(?![A-Z]\.|[a-zà-ÿ])"
    r"(?P<pos>['’]s\b|(?<=[sxz])['’](?![A-Za-z]))?"
    r"|(?P<caps>[A-Z0-9]+(?:\([a-z]\))?)"
    r")"
)
_CAPITAL_NEXT = re.compile(r"[A-Z][a-z]")
#: Two or three capitals before a name, one at least without its stop (`V A `, `V. I `): initials.
_BARE_INITIALS = re.compile(r"(?<![\w.])((?=[A-Z]\.?\s[A-Z]\.?\s(?:[A-Z]\.?\s)?$)"
                            r"(?![A-Z]\.\s[A-Z]\.\s(?:[A-Z]\.\s)?$)(?:[A-Z]\.?\s){1,2}[A-Z])\.?\s$")
_ABBREV = frozenset("Gen Col Dr Mr Mrs Ms St Mt No Nos Vol Vols Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Op "
                    "Cit Ibid Ed Eds Tr Prof Lt Capt Maj Pp Ch Art Fig Ltd Co Inc".split())
_SENT_END = frozenset(".!?:;\n")
_OPENERS = "\"'“‘([«"


@dataclass(slots=True)
class Candidate:
    start: int  # repaired offsets, possessive included
    end: int
    surname: str | None
    initials: tuple[str, ...] = ()
    given: str | None = None
    patronymic: str | None = None
    title: str | None = None
    possessive: bool = False
    strong: bool = False
    sentence_initial: bool = False
    alias_of: str | None = None  # surname the curated alias table gives
    name_start: int = -1  # start of the surname word (for bare forms)

    @property
    def kind(self) -> str:
        if self.alias_of:
            return "alias"
        if self.possessive:
            return "possessive"
        if self.initials:
            return "initials"
        return "name"


@dataclass(slots=True)
class _Tok:
    kind: str  # ini | word | caps
    start: int
    end: int  # end of the whole token (possessive included)
    text: str  # the word without possessive
    possessive: bool


def _split_initials(s: str) -> tuple[str, ...]:
    parts = [p for p in re.split(r"[.\s]+", s) if p]
    out: list[str] = []
    for p in parts:
        if len(p) == 2 and p.isupper():  # OCR `LV.` for `I.V.`
            out.extend(["I" if p[0] == "L" else p[0], p[1]])
        else:
            out.append(p)
    return tuple(out)


_PATRONYMIC_SUFFIXES = ("yevich", "yevna", "evich", "evna", "ovich", "ovna")


def is_patronymic(word: str) -> bool:
    if word in PATRONYMICS or (len(word) > 6 and word.endswith(FEMALE_PATRONYMIC_ENDINGS)):
        return True
    # an unlisted spelling of a listed name's patronymic: `Emilyevich` (Emil), not `Kaganovich`
    for suf in _PATRONYMIC_SUFFIXES:
        if word.endswith(suf):
            stem = word[: -len(suf)]
            return len(stem) >= 3 and (stem in GIVEN or stem + "iy" in GIVEN or stem + "y" in GIVEN)
    return False


def is_non_person_word(word: str) -> bool:
    """Function words, institutions, months, adjectives and isms: never a person's surname."""
    if word in FAMOUS_SURNAMES:
        return False  # (`Titian` is no `-ian` adjective)
    if word in STOP or word in HEADS:
        return True
    low = word.lower()
    if (low.endswith(NON_PERSON_SUFFIXES) and not low.endswith(("ian", "yan"))) or low.endswith(("ians", "ists")):
        return True
    # -ian is also Armenian surnames (Mikoyan is -yan); only nationality-like -ian/-ians adjectives are dropped
    return low.endswith("ian") and low[:-3].endswith(("ar", "er", "or", "ur", "g", "d", "v", "t", "l", "s", "c", "n",
                                                      "a"))


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and (text[i] == " " or text[i] in _OPENERS):
        i -= 1
    if i < 0:
        return True
    c = text[i]
    if c in _SENT_END:
        if c == "." and i >= 1:
            # `N. I. Yezhov`: a dot after an initial or abbreviation does not end a sentence
            j = i - 1
            while j >= 0 and text[j].isalpha():
                j -= 1
            prev = text[j + 1 : i]
            if prev in _ABBREV or (1 <= len(prev) <= 2 and prev[0].isupper()):
                return False
        return True
    return False


def tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    append = out.append
    tok = _Tok
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "word":
            if text.startswith(". ", e) and m.group() in GIVEN_CUTS and _CAPITAL_NEXT.match(text, e + 2):
                append(tok("ini", s, e + 1, m.group() + ".", False))  # `Yevg. Mikeladze`: a given name cut short
                continue
            bare = _BARE_INITIALS.search(text, max(0, s - 9), s) if m.group()[1:2].islower() else None
            if bare and (not out or out[-1].end <= bare.start()):
                # `V A Barykin`, `N N Trotsky`, `V. I Aleksandrov`: initials whose stops OCR lost
                append(tok("ini", bare.start(), bare.end(1), bare.group(1), False))
            append(tok("word", s, e, m.group(), False))
        elif kind == "ini":
            t = m.group()
            # `Gen.`/`No.` are abbreviations, not initials
            if t.rstrip(".") in _ABBREV:
                append(tok("word", s, e - 1, t[:-1], False))
            else:
                append(tok("ini", s, e, t, False))
        elif kind == "pos":
            append(tok("word", s, e, text[s : m.end("word")], True))
        else:
            append(tok("caps", s, e, m.group(), False))
    return out


def _chains(text: str, toks: list[_Tok]) -> list[list[_Tok]]:
    chains: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for t in toks:
        if cur:
            prev = cur[-1]
            gap = text[prev.end : t.start]
            joined = (gap == " " or (gap in ("", "\n") and prev.kind == "ini")) and not prev.possessive
            if not joined:
                chains.append(cur)
                cur = []
        cur.append(t)
    if cur:
        chains.append(cur)
    return chains


def _named_after(text: str, start: int) -> bool:
    left = text[max(0, start - 16) : start]
    if left.endswith("order of ") and not text.startswith("Lenin", start):
        return False  # `on the direct order of Stalin`: a command; the lowercase decoration is the order of Lenin
    return left.endswith(NAMED_AFTER)


# `Kirov plant`, `the Dreyfus and Beylis trials`: a lower-case head after one name or two joined by `and`
_LOWER_HEAD_RE = re.compile(r"(?: and [A-Z][a-z]+)?[ \t]+(?:" + "|".join(LOWER_HEADS) + r")s?\b")


def _before_lower_head(text: str, end: int) -> bool:
    return _LOWER_HEAD_RE.match(text, end, end + 32) is not None


def _surname_ok(tok: _Tok) -> bool:
    return tok.kind == "word" and _surname_word(tok.text)


def _surname_word(word: str) -> bool:
    return not is_non_person_word(word) and word not in TITLES


#: Endings of words for peoples and movements (`Japanese`, `Marxist`): no surname even after a capital
#: and a stop (`Point A. Japanese troops`).
_GROUP_ENDINGS = ("ese", "ist", "ists", "ism", "isms", "ite", "ites", "ians")


#: Turkic patronymics (`Ali-Ogly`, `Mamed-Kyzy`): "son of", "daughter of".
_TURKIC_PATRONYMICS = ("ogly", "oglu", "ogli", "kyzy", "gyzy")


def _surname_after_initials(tok: _Tok) -> bool:
    """After initials most endings say nothing (`M. Kulish`, `A. Pergament`): adjectives and abstract
    nouns take no initials. Function words, institutions, titles and words for peoples and movements
    still are no surname."""
    if tok.kind != "word" or tok.text in TITLES or tok.text.lower().endswith(_TURKIC_PATRONYMICS):
        return False  # (`R. Ali-Ogly Akhundov`: the surname comes after the patronymic)
    return _surname_ok(tok) or (tok.text not in STOP and tok.text not in HEADS
                                and not tok.text.lower().endswith(_GROUP_ENDINGS))


#: A group, a case or a trial named after its members (`the Bukharin-Rykov group`).
_GROUP_AFTER = re.compile(rf"\s(?:{'|'.join(GROUP_NOUNS)})\b")


def _bare_surname(word: str) -> bool:
    """A capitalised word that may stand alone for a person: no function word, title, given name or place."""
    return (len(word) >= 3 and word[:1].isupper() and word[1:].islower() and _surname_word(word)
            and word not in GIVEN and word not in PLACES)


def _ly_surname(tok: _Tok) -> bool:
    """`Artem Vesely`: after a given name a word ending in -ly is a surname, not an adverb."""
    return tok.kind == "word" and len(tok.text) >= 5 and tok.text.endswith("ly") and tok.text not in STOP


def detect(text: str) -> list[Candidate]:
    """Candidate person names in `text` (the repaired reading), in text order."""
    out: list[Candidate] = []
    for chain in _chains(text, tokens(text)):
        # a head noun names a thing after the words before it: `Kirov Plant`, `Lenin Mausoleum`
        head_at = next((k for k, t in enumerate(chain) if t.kind == "word" and t.text in HEADS and k > 0), None)
        if head_at is not None:
            chain = chain[head_at + 1 :]
        n = len(chain)
        i = 0
        title: str | None = None
        while i < n:
            t = chain[i]
            if t.kind != "caps" and _named_after(text, t.start):
                break  # `the Institute imeni Sergo Ordzhonikidze`, `Academy imeni V. I. Lenin`: a thing's name
            if t.kind == "caps":
                i += 1
                title = None
                continue
            if t.kind == "word" and t.text in PERSON_TITLES and i + 1 < n and not t.possessive:
                title = t.text
                i += 1
                continue
            if t.kind == "ini":
                if i + 1 < n and _surname_after_initials(chain[i + 1]) and chain[i + 1].text not in GIVEN:
                    s = chain[i + 1]
                    out.append(Candidate(t.start, s.end, s.text, _split_initials(t.text), None, None, title,
                                         s.possessive, True, _sentence_initial(text, t.start), None, s.start))
                    i += 2
                elif i + 2 < n and chain[i + 1].text in GIVEN and _surname_ok(chain[i + 2]):
                    # `Ya. E.` then a given name: rare; keep the surname
                    i += 1
                else:
                    i += 1
                title = None
                continue
            w = t.text
            if w in GIVEN or (i + 1 < n and chain[i + 1].kind == "word" and is_patronymic(chain[i + 1].text)
                              and not t.possessive and not is_non_person_word(w)):
                j = i + 1
                patr = None
                surname_tok = None
                # (`Aleksey Kapitonovich Gastev`: an -ovich word between a given name and a surname is a
                # patronymic, listed or not)
                if not t.possessive and j < n and chain[j].kind == "word" and (
                    is_patronymic(chain[j].text)
                    or (chain[j].text.endswith(_PATRONYMIC_SUFFIXES) and j + 1 < n and _surname_ok(chain[j + 1])
                        and not chain[j].possessive)
                ):
                    patr = chain[j].text
                    j += 1
                if (not t.possessive and (patr is None or not chain[j - 1].possessive) and j < n
                        and (_surname_ok(chain[j]) or _ly_surname(chain[j])) and chain[j].text not in GIVEN):
                    surname_tok = chain[j]
                    j += 1
                last = chain[j - 1]
                if surname_tok is not None or patr is not None:
                    out.append(Candidate(t.start, last.end, surname_tok.text if surname_tok else None, (w[0],) if
                                         not w.startswith(("Ya", "Ye", "Yu", "Kh", "Zh", "Sh", "Ch", "Ts")) else
                                         (w[:2],), w, patr, title, last.possessive, True,
                                         _sentence_initial(text, t.start), None,
                                         surname_tok.start if surname_tok else t.start))
                    i = j
                    title = None
                    continue
                # a given name alone: a weak form, attached to a person with that given name if any
                out.append(Candidate(t.start, t.end, None, (), w, None, title, t.possessive, False,
                                     _sentence_initial(text, t.start), ALIASES.get(w), t.start))
                i += 1
                title = None
                continue
            if "-" in w and not t.possessive and _GROUP_AFTER.match(text, t.end):
                # `the Syrtsov-Lominadze group`, `the Pyatakov-Radek trial`: a group or a case named after its
                # members names each of them (a double-barrelled surname takes initials or a given name)
                parts = w.split("-")
                if all(_bare_surname(part) for part in parts):
                    at = t.start
                    for part in parts:
                        out.append(Candidate(at, at + len(part), part, alias_of=ALIASES.get(part), name_start=at))
                        at += len(part) + 1
                    i += 1
                    title = None
                    continue
            if is_non_person_word(w) or w in TITLES:
                i += 1
                title = None
                continue
            if _named_after(text, t.start) or (not t.possessive and _before_lower_head(text, t.end)):
                i += 1
                continue
            if w in GIVEN_CUTS and (text.startswith(("[", ".", "  ", "\n"), t.end)):
                i += 1
                continue
            if t.text.endswith("s") and text.startswith("'", t.end) and not t.possessive:
                i += 1  # plural possessive `Princes'`: a group
                continue
            nxt = chain[i + 1] if i + 1 < n else None
            if (nxt is not None and not t.possessive and _surname_ok(nxt) and nxt.text not in GIVEN
                    and w not in PLACES and nxt.text not in PLACES and nxt.text.lower().endswith(SURNAME_ENDINGS)
                    and not w.lower().endswith(SURNAME_ENDINGS[:6]) and not _before_lower_head(text, nxt.end)):
                # `Isidor Ramishvili`: an unlisted given name before a surname
                out.append(Candidate(t.start, nxt.end, nxt.text, (w[0],), w, None, title, nxt.possessive, True,
                                     _sentence_initial(text, t.start), None, nxt.start))
                i += 2
                title = None
                continue
            cand = Candidate(t.start, t.end, w, (), None, None, title, t.possessive, title is not None,
                             _sentence_initial(text, t.start), ALIASES.get(w), t.start)
            out.append(cand)
            i += 1
            title = None
    return out
