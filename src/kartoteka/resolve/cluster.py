"""Group candidate names into persons.

* Strong candidates (initials + surname, given name + surname, title + surname) found persons: one group
  per surname key (`names.name_key`, so Yezhov/Ezhov/Ежов meet), split by compatible initials
  (`L. B. Kamenev` and `L. Kamenev` together; `S. Kamenev` apart) and given names.
* A bare surname goes to the person of that surname whom the text named last within a window, else
  to the most prominent one, with lower confidence.
* A bare surname with no strong form becomes a person only with evidence: a surname-like ending, a
  possessive or title, or a place in a list beside other persons; and never when the word is used in
  lower case in the same text, names a place, or stands after `in`/`town of`.
* Aliases from the curated table (Koba, Soso -> Stalin; Sergo -> Ordzhonikidze) and from apposition
  in the text (`Soso (Stalin's name in childhood)`).
"""

from __future__ import annotations

import heapq
import itertools
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from kartoteka.names import name_key
from kartoteka.resolve.detect import Candidate, is_patronymic
from kartoteka.resolve.lexicon import (
    ALIAS_INITIALS,
    BARE_ONLY_ALIASES,
    BIRTH_NAME_UNTIL,
    FAMOUS_SURNAMES,
    FICTION_LEFT,
    FULL_NAME_ALIASES,
    GIVEN,
    PLACES,
    SURNAME_ENDINGS,
)
from kartoteka.resolve.roles import _HEAD_SET as ROLE_HEADS
from kartoteka.resolve.roles import KIN_HEADS, role_before, roles_for

_WORD_RE = re.compile(r"[A-Za-z]+")
_APPOSITION_RE = re.compile(
    r"\b([A-Z][a-z]+) \(([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s (?:name|nickname|alias|party alias|pseudonym)"
)
_PLACE_LEFT = ("in ", "In ", "near ", "town of ", "city of ", "village of ", "region of ", "settlement of ",
               "station ", "outside ", "capital of ")
_AFTER_A_PLACE = re.compile(r"\b([A-Z][a-z]{2,})\s+(?:and|or)\s+$")
_LIST_GAP_RE = re.compile(r",? (?:and |or )?|, ")
#: The translators' note after a name they render by ear (JPRS house style).
_PHONETIC_NOTE = re.compile(r"\s?\[(?:transliteration|phonetic|as transliterated|phonetically)\]")
#: A bare surname goes to the person named last within this many characters before it.
CONTEXT_WINDOW = 1500
_VERB_RIGHT_RE = re.compile(
    r"(?:['’]s)? (?:said|wrote|told|was|had|asked|recalled|believed|writes|says|became|died|replied|declared|"
    r"noted|stated|spoke|proposed|demanded|received|remained|did|could|would|knew|thought|considered|arrived|"
    r"came|went|met|fled|himself|herself|[a-z]{3,}ed)\b"
    # (or a translator's spelling of the name, then its nationality: `Albrekht [Albrecht], a German by nationality`)
    r"|(?: \[[A-Z][a-z]+\])?, an? [A-Za-z]+ by (?:nationality|origin|profession)\b"
)
_QUOTES = ('"', "“", "'", "‘")
#: A relative `who` after a name (`the words of Socrates, who said`) ...
_WHO_RIGHT_RE = re.compile(r"(?: \[[A-Z][a-z]+\])?, who\b")
#: ... unless the name hangs off an office, whose holder the `who` is (`the director of Mosfilm, who`).
_OF_HEAD_RE = re.compile(r"\b([a-z]+) of (?:the )?$")
_PLACE_LIST = sorted(PLACES)
#: SURNAME_ENDINGS[:_SLAVIC_ENDINGS] are Slavic, Georgian and Armenian endings; the rest also end English words.
_SLAVIC_ENDINGS = 35
_FICTION_RE = re.compile(
    r"(?:(?:" + "|".join(p.strip(" ,") for p in FICTION_LEFT) + r")(?: of (?:the|a|his|her) (?:novel|story|play|film|"
    r"tale|book))?|(?:novel|story|play|film)['’]s (?:hero|heroine|character|protagonist)),? $"
)
#: Endings of place names and adjectives, not of given names (`Monastyrskoye`).
_NOT_GIVEN_ENDINGS = ("oye", "skoye", "aya", "sk", "grad", "burg", "ov", "ev", "in", "skiy", "yy", "iy")
@lru_cache(maxsize=8192)
def _near_place(word: str) -> bool:
    from rapidfuzz import fuzz, process

    if len(word) < 5:
        return False
    return process.extractOne(word, _PLACE_LIST, scorer=fuzz.ratio, score_cutoff=86) is not None


_NEE_RE = re.compile(r",? (?:nee|née) ([A-Z][a-z]+)")


@dataclass
class Group:
    key: str
    surname: str | None
    initials: tuple[str, ...] = ()
    given: str | None = None
    patronymic: str | None = None
    members: list[int] = field(default_factory=list)  # candidate indices
    aliases: set[str] = field(default_factory=set)
    member_conf: dict[int, float] = field(default_factory=dict)
    confidence: float = 1.0


def _other_given(a: str | None, b: str | None) -> bool:
    """Two given names of two people: both known and not one name in two spellings (`Fritz`/`Frits`,
    `Aleksey`/`Aleksei`: the same first letter, one letter apart)."""
    if not a or not b or a == b:
        return False
    from rapidfuzz.distance import Levenshtein

    return not (a[0] == b[0] and min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b) <= 1)


@lru_cache(maxsize=65536)  # (called for every pair of a surname's profiles: the pairs repeat)
def _ini_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    for x, y in zip(a, b, strict=False):
        # (`W.` is a `V.` spelled as in the West: Walter Krivitsky is V. Krivitsky)
        x, y = x.lower().replace("w", "v"), y.lower().replace("w", "v")
        if not (x.startswith(y) or y.startswith(x)):
            return False
    return True


#: Endings a surname takes in the translation: a plural (`the Kedrovs`), a Russian genitive (`tayna Stalina`).
_INFLECTIONS = frozenset(["s", "a", "y", "u"])
#: A name key this long, printed once each way after the same initials, is one person in two spellings.
TIE_KEY = 8
#: Letters OCR (or the typesetter) confuses in initials: `M.M. Krestinskiy` for N. N., `L. Babel` for I.
_CONFUSABLE = (frozenset("MN"), frozenset("IL1JT"), frozenset("VY"), frozenset("EF"), frozenset("BP"))
#: Words near a name that make a second person of the same surname likely: kin, namesakes.
_KIN_RE = re.compile(
    r"\b(?:brothers?|sisters?|sons?|daughters?|father|mother|wife|husband|widow|relatives?|nephew|niece|uncle|aunt|"
    r"cousin|namesakes?|another|no relation|no relative|not to be confused|elder|younger|family)\b"
)
#: A given name alone with no one of that name before it may be the one named this far after it.
GIVEN_AHEAD = 1500
#: A kin noun of someone's, then the given names in apposition to it (`'s son, `, `his sons Kondratiy, `)
_KIN_BEFORE_RE = re.compile(
    # (the owner, or a preposition before a kin noun used as a title: `addresses of brother Ivan`)
    r"(?:['’]s|\b[Hh]is|\b[Hh]er|\b[Tt]heir|\b[Mm]y|\b[Oo]ur|\b(?:of|to|with|and)(?=\s+(?:brother|sister)\s))\s+"
    r"(?:(?:older|younger|eldest|youngest|elder|first|second|only|own)\s+)?"
    r"(?:sons?|daughters?|wife|brothers?|sisters?|husband|nephews?|nieces?|grandsons?|granddaughters?)"
    r"(?:,\s*|\s+)(?:[A-Z][a-z]+(?:,\s*|,?\s+and\s+))*$"
)
#: `Lyuba and I were in the room`: a given name coordinated with the speaker is someone present
_AND_I_RE = re.compile(r"\s+and\s+I\s")
#: What is left of an initial OCR damaged right before a name's initials: `Ya.  M.`, `1. Ye.`, `P F.`
_DAMAGED_LEFT_RE = re.compile(r"(?:^|[\s(—-])[A-Z0-9][a-z]?\.?[ \n]{1,2}$")
#: A sentence about the characters of a novel, story or play.
_FICTION_SENT_RE = re.compile(
    r"(?:novel|story|play|film)['’]s (?:hero|heroine|heroes|characters?|protagonist)\b"
    r"|characters (?:in|of) |heroes (?:in|of) the (?:novel|story|play|film)\b"
)
#: Endings of Russian adjectives (`Istoricheskiye Ocherki`) and English compass words, not of names.
_NOT_NAME_ENDINGS = ("iye", "yye", "oye", "aya", "skiy", "skoy", "nyy", "ogo", "ern")
_AUTHOR_RIGHT_RE = re.compile(r",? (?:in his|in her|wrote|writes|describe[sd]|the author)\b")
_YEAR_RE = re.compile(r"\b1[89]\d\d\b")
#: Occupations that tell a namesake from an alias's person (kin words do not).
_PROFESSIONS = frozenset(ROLE_HEADS - KIN_HEADS)
#: Words before a quoted alias that introduce it as a name (`the alias "Koba"`), not as a thing's name.
_ALIAS_INTRO = frozenset("name names alias aliases pseudonym pseudonyms nickname nicknames called named signed as "
                         "and or".split())
_SENT_END_RE = re.compile(r"[.!?;]\s+(?=[A-Z\"“])|\n")


def _deletions(key: str) -> set[str]:
    """The key and every string one letter shorter."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _confusable(x: str, y: str) -> bool:
    return any(x[:1] in s and y[:1] in s for s in _CONFUSABLE)


def dropped_initial(minor: tuple[str, ...], major: tuple[str, ...]) -> bool:
    """`M.` for `Ya. M.`: the minority initials are the majority's with the leading one lost."""
    return 0 < len(minor) < len(major) and _ini_compatible(tuple(major[len(major) - len(minor) :]), minor)


def ocr_initials(minor: tuple[str, ...], major: tuple[str, ...]) -> bool:
    """Could `minor` be `major` misprinted: one confusable letter (`L.` for `I.`, `M. M.` for `N. N.`)?"""
    if not minor or not major or len(minor) > len(major):
        return False
    diffs = [k for k, (x, y) in enumerate(zip(minor, major, strict=False))
             if not (x.lower().startswith(y.lower()) or y.lower().startswith(x.lower()))]
    return 1 <= len(diffs) <= 2 and all(_confusable(minor[k], major[k]) for k in diffs)


#: each letter's OCR confusion class (`_CONFUSABLE`), W read as V; other letters are their own class
_CLASS_OF = {ch: n for n, group in enumerate(_CONFUSABLE) for ch in group} | {"W": 2}


def _letter_classes(initials: tuple[str, ...]) -> tuple[int, ...]:
    """The confusion class of each initial's first letter: two initials that are compatible or one OCR
    confusion apart share it."""
    return tuple(_CLASS_OF.get(x[:1].upper(), 100 + ord(x[:1].upper() or " ")) for x in initials)


def _profiles_for(by_key: dict[str, list[int]], by_letter: dict[str, dict[str, list[int]]], c: Candidate):
    """The profiles of `c`'s surname that may fit its initials, in the order they were made."""
    key = name_key(c.surname)
    if not c.initials:
        return by_key[key]
    letters = by_letter[key]
    return heapq.merge(letters[_first_letter(c.initials)], letters[""])


def _first_letter(initials: tuple[str, ...]) -> str:
    """The letter `_ini_compatible` compares first (`W.` reads as `V.`); "" for no initials."""
    return initials[0][:1].lower().replace("w", "v") if initials else ""


def _merge_initials(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    longer, shorter = (a, b) if len(a) >= len(b) else (b, a)
    out = list(longer)
    for k, s in enumerate(shorter):
        if len(s) > len(out[k]):
            out[k] = s
    return tuple(out)


class Clusterer:
    def __init__(self, text: str, cands: list[Candidate], lexicon=None, stop: set[str] | None = None) -> None:
        self.text = text
        self.stop = stop or set()
        words = set(_WORD_RE.findall(text))  # one scan for both word sets
        self.capitalised = {w for w in words if w[0].isupper() and w[1:].islower()}
        self.cands = cands
        self.lower_words = {w for w in words if w.islower()}
        self.lexicon = lexicon
        self.groups: list[Group] = []
        self._role_cache: dict[int, list[str]] = {}
        self._fiction_pos: dict[str, list[int]] = defaultdict(list)
        self._pair_index: dict[tuple[str, str], list[tuple[int, int]]] | None = None
        self._starts = [c.start for c in cands]
        self.assign: dict[int, tuple[int, float]] = {}  # cand index -> (group, confidence)

    # -- evidence about a bare word ----------------------------------------------------------------
    def _used_lower(self, word: str) -> bool:
        low = word.lower()
        return low in self.lower_words or low.split("-")[0] in self.lower_words

    def _place_context(self, c: Candidate) -> bool:
        left = self.text[max(0, c.start - 16) : c.start]
        if left.endswith(_PLACE_LEFT):
            return True
        return self._coordinated_with_place(c)

    def _coordinated_with_place(self, c: Candidate) -> bool:
        """`lived in St. Petersburg and Moskov`, `sent to Solikamsk and Kuybyshev`: coordinated with a place, it is
        one (a town in -sk or -grad counts, listed or not)."""
        m = _AFTER_A_PLACE.search(self.text, max(0, c.start - 30), c.start)
        return m is not None and (m.group(1) in PLACES or m.group(1).endswith(("sk", "grad")))

    def _zipf(self, word: str) -> float:
        if self.lexicon is None:
            return 0.0
        return self.lexicon.zipf(word.lower())

    # -- main ----------------------------------------------------------------------------------------
    def run(self) -> list[Group]:
        cands = self.cands
        fiction = self._fictional_keys()
        self._drop_fiction_sentences()
        self._pair_given_names()
        self._parenthesised_aliases()
        for c in cands:
            if c.strong and c.given and c.surname and c.given not in GIVEN and not self._strong_ok(c):
                # `Investigators Ivanov`: not a given name; keep the surname as a bare form
                c.start, c.given, c.initials, c.strong = c.name_start, None, (), False
        alias_initials = {name_key(surname): fix for surname, fix in ALIAS_INITIALS.items()}
        for c in cands:
            fix = alias_initials.get(name_key(c.surname)) if c.surname else None
            if fix and c.strong:
                # `S. Ordzhonikidze`, `Sergo Ordzhonikidze`: the alias's letter, not the person's initials
                new = fix.get(c.given or "") or (fix.get(c.initials[0]) if len(c.initials) == 1 and not c.given
                                                 else None)
                if new:
                    c.initials = new
        strong_idx = [i for i, c in enumerate(cands) if c.strong and c.surname and self._strong_ok(c)
                      and name_key(c.surname) not in fiction]
        # 1. strong forms: most informative first, so profiles are independent of mention order
        strong_idx.sort(key=lambda i: (-len(cands[i].initials) - (cands[i].given is not None),
                                       cands[i].initials, cands[i].given or "", cands[i].start))
        by_key: dict[str, list[int]] = defaultdict(list)
        # a surname's profiles by the first letter of their initials ("" for none): only a profile with the
        # same letter, or none, can fit a form with initials (many namesakes would make the search quadratic)
        by_letter: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        deferred: list[int] = []
        for i in strong_idx:
            c = cands[i]
            key = name_key(c.surname)
            letters = by_letter[key]
            fits = (g for g in _profiles_for(by_key, by_letter, c) if self._profile_ok(self.groups[g], c))
            gi = next(fits, None)
            # (two compatible profiles are enough to know: stop counting there)
            if not c.given and gi is not None and next(fits, None) is not None:
                deferred.append(i)  # `G. Ordzhonikidze` beside G. A. and G. K.: decided by context below
                continue
            if gi is None:
                self.groups.append(Group(key, c.surname, c.initials, c.given, c.patronymic))
                gi = len(self.groups) - 1
                by_key[key].append(gi)
                letters[_first_letter(c.initials)].append(gi)
            g = self.groups[gi]
            if not g.initials and c.initials:  # (a profile that gains initials moves to their letter)
                letters[""].remove(gi)
                insort(letters[_first_letter(c.initials)], gi)
            g.initials = _merge_initials(g.initials, c.initials)
            g.given = g.given or c.given
            g.patronymic = g.patronymic or c.patronymic
            self.assign[i] = (gi, 1.0)
        self._assign_deferred(deferred, by_key, by_letter)
        self._merge_ocr_variants(by_key)
        self._merge_initial_variants(by_key)
        # given name + patronymic without a surname: join a person with the same pair, else stand alone
        pair_alone: list[int] = []
        for i, c in enumerate(cands):
            if c.strong and c.surname is None and c.patronymic and i not in self.assign:
                gi = next((k for k, g in enumerate(self.groups) if g.given == c.given and g.patronymic ==
                           c.patronymic), None)
                nee = _NEE_RE.match(self.text, c.end)
                if gi is None and nee:
                    gi = next((k for k in by_key.get(name_key(nee.group(1)), [])), None)
                    if gi is None:
                        self.groups.append(Group(name_key(nee.group(1)), nee.group(1), c.initials, c.given,
                                                 c.patronymic))
                        gi = len(self.groups) - 1
                        by_key[self.groups[gi].key].append(gi)
                if gi is None:
                    gi = self._by_initials_near(c)
                if gi is None:
                    self.groups.append(Group(name_key(f"{c.given} {c.patronymic}"), None, c.initials, c.given,
                                             c.patronymic))
                    gi = len(self.groups) - 1
                    pair_alone.append(i)
                self.assign[i] = (gi, 0.9)
        # 2. bare surnames with no strong form: decide which are persons
        bare: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(cands):
            if i in self.assign or c.surname is None or c.alias_of:
                continue
            key = name_key(c.surname)
            if key not in fiction:
                bare[key].append(i)
        # OCR-damaged bare forms: join a person whose key is one edit away
        self._fuzzy_join(bare, by_key)
        self._given_name_joined(bare, by_key)
        accepted = {k for k, idx in bare.items() if k not in by_key and self._accept_bare(idx)}
        accepted |= self._accept_by_lists(bare, accepted | set(by_key))
        for key in sorted(accepted):
            idx = bare.get(key)
            if not idx:  # a key the list evidence named but no bare mention carries (bare is a defaultdict)
                continue
            c = cands[idx[0]]
            self.groups.append(Group(key, c.surname, confidence=0.8))
            by_key[key].append(len(self.groups) - 1)
        # 3. bare surnames -> persons, by context
        self._assign_bare(bare, by_key)
        # `Vsevolod Emilyevich's` near a bare `Meyerkhold` whose person is V. E.: now bare forms count as context
        for n, i in enumerate(pair_alone):
            gi = self._by_initials_near(self.cands[i], fresh=n == 0)
            if gi is not None:
                self.assign[i] = (gi, 0.7)
        # 4. aliases
        self._assign_aliases(by_key)
        # 5. a given name alone: a kin noun's apposition names a person of its own (`Stalin's son, Yakov,`),
        # else the person with that given name named shortly before
        self._kin_named()
        self._assign_given()
        for i, (gi, conf) in self.assign.items():
            self.groups[gi].members.append(i)
            self.groups[gi].member_conf[i] = conf
        for g in self.groups:
            g.members.sort()
        return [g for g in self.groups if g.members]

    @staticmethod
    def _kill(c: Candidate) -> None:
        c.surname = c.given = c.patronymic = c.alias_of = None
        c.strong = False

    def _drop_fiction_sentences(self) -> None:
        """`Investigators Ivanov and Gletkin ... prepare the novel's hero`: names in a sentence about a work's
        characters are characters, except the author (`by X`, `X's novel`)."""
        spans = []
        for m in _FICTION_SENT_RE.finditer(self.text):
            a, b = self._sentence(m.start())
            spans.append((a, max(b, m.end())))
        if not spans:
            return
        for c in self.cands:
            if c.surname is None and c.given is None:
                continue
            k = bisect_right(spans, (c.start, 1 << 62)) - 1
            if k < 0 or not (spans[k][0] <= c.start < spans[k][1]):
                continue
            left = self.text[max(0, c.start - 4) : c.start]
            if left.endswith(("by ", "By ")) or c.possessive or _AUTHOR_RIGHT_RE.match(self.text, c.end):
                continue
            if c.surname:
                self._fiction_pos[name_key(c.surname)].append(c.start)
            self._kill(c)

    def _pair_given_names(self) -> None:
        """`Ipay Olyk`, `Yakub Kolas`: an unlisted word that the text prints only right before one surname is
        that person's given name."""
        cands = self.cands
        text = self.text
        counts = Counter(c.surname for c in cands if c.surname and not c.initials and not c.given)
        pairs: dict[str, set[str]] = defaultdict(set)
        adj: list[tuple[Candidate, Candidate]] = []
        for a, b in pairwise(cands):
            if (a.surname and b.surname and not a.initials and not a.given and not b.initials and not b.given
                    and not a.possessive and b.start == a.end + 1 and text[a.end] == " "):
                pairs[a.surname].add(b.surname)
                adj.append((a, b))
        before_a_name = Counter(a.surname for a, _ in adj)  # counted once: a scan per pair is quadratic
        for a, b in adj:
            w = a.surname
            if (len(pairs[w]) != 1 or counts[w] != before_a_name[w] or w in PLACES
                    or len(w) < 3 or not w[1:].islower() or self._used_lower(w) or a.title or a.alias_of
                    or is_patronymic(b.surname) or w.lower().endswith(_NOT_NAME_ENDINGS)
                    or b.surname.lower().endswith(_NOT_NAME_ENDINGS)
                    or self._zipf(w) >= 3.9 or self._zipf(b.surname) >= 3.0):
                continue
            b.start, b.given, b.initials, b.strong = a.start, w, (w[0],), True
            b.sentence_initial = a.sentence_initial
            self._kill(a)

    def _parenthesised_aliases(self) -> None:
        """`G. I. Lomov (Oppokov)`, `Daniil Kharms (Yuvachev)`: a bare word in parentheses right after a name is
        another name of that person."""
        text = self.text
        for a, b in pairwise(self.cands):
            if (a.surname and b.surname and not b.initials and not b.given and not a.possessive
                    and text.startswith(" (", a.end) and b.start == a.end + 2 and text.startswith(")", b.end)
                    and b.surname not in PLACES and not self._used_lower(b.surname)):
                b.alias_of = a.surname

    def _fictional_keys(self) -> set[str]:
        out = set()
        for c in self.cands:
            if c.surname and _FICTION_RE.search(self.text, max(0, c.start - 48), c.start):
                out.add(name_key(c.surname))
        return out

    def _by_initials_near(self, c: Candidate, fresh: bool = False) -> int | None:
        """`Mariya Ilinichna` near `M. I. Ulyanova`: the person whose initials are the pair's."""
        want = (c.given[0], c.patronymic[0]) if c.given and c.patronymic else None
        if want is None:
            return None
        if fresh or self._pair_index is None:
            index: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
            for i, (gi, _) in self.assign.items():
                g = self.groups[gi]
                if g.surname and len(g.initials) >= 2:
                    index[(g.initials[0][0], g.initials[1][0])].append((self.cands[i].start, gi))
            self._pair_index = index
        best, dist = None, 6000
        for start, gi in self._pair_index.get(want, ()):
            d = abs(start - c.start)
            if d < dist:
                best, dist = gi, d
        return best

    def _merge_ocr_variants(self, by_key: dict[str, list[int]]) -> None:
        """`Medvedey`/`Medvedev`, `Sokolonikov`/`Sokolnikov`: a small group joins a bigger one a letter away."""
        from rapidfuzz import fuzz

        size = Counter(gi for gi, _ in self.assign.values())
        held: dict[int, list[int]] = defaultdict(list)  # group -> the candidates assigned to it
        for i, (gi, _conf) in self.assign.items():
            held[gi].append(i)
        keys = sorted(by_key, key=lambda k: -sum(size[g] for g in by_key[k]))
        order = {k: n for n, k in enumerate(keys)}
        bucket: dict[str, list[str]] = defaultdict(list)
        # keys printed once after two or more initials: the only keys a tie can join, indexed by their
        # initials and each string one letter shorter (a symmetric-delete index: keys one edit apart share
        # an entry, so a report of one-off names is not compared all with all)
        once: dict[tuple, list[str]] = defaultdict(list)
        for k in keys:
            total = sum(size[g] for g in by_key[k])
            if total >= 2:
                bucket[k[:1]].append(k)
            elif total == 1 and len(k) >= TIE_KEY and len(self.groups[by_key[k][0]].initials) >= 2:
                initials = self.groups[by_key[k][0]].initials
                for variant in _deletions(k):
                    once[initials, variant].append(k)
        for k in list(reversed(keys)):
            if len(k) < 5 or k not in by_key:
                continue
            mine = by_key[k]
            n = sum(size[g] for g in mine)
            if n > 2:
                continue
            near: set[str] = set()
            if n == 1 and len(k) >= TIE_KEY:
                initials = self.groups[mine[0]].initials
                for variant in _deletions(k):
                    near.update(once.get((initials, variant), ()))
            ties = sorted(near, key=order.__getitem__)  # (in the keys' order: the result must not vary by run)
            for other in itertools.chain(bucket.get(k[:1], ()), ties):
                if other == k or other not in by_key or other[0] != k[0] or abs(len(other) - len(k)) > 1:
                    continue
                theirs = sum(size[g] for g in by_key[other])
                if theirs < 2 * n and not (
                    theirs >= n and other != k + "a" and self._same_full_initials(mine, by_key[other], k)
                ):
                    continue  # (a tie joins the feminine or genitive `-a` form to the plain one, not back)
                if fuzz.ratio(other, k) < 87:
                    continue
                # (initials that agree, and no two given names: `Milan Gorkich` is not `Maxim Gorkiy`)
                target = next((g for g in by_key[other] if all(
                    _ini_compatible(self.groups[g].initials, self.groups[m].initials)
                    and not _other_given(self.groups[g].given, self.groups[m].given) for m in mine)), None)
                if target is None:
                    continue
                for m in mine:
                    for i in held.pop(m, ()):
                        self.assign[i] = (target, min(self.assign[i][1], 0.8))
                        held[target].append(i)
                by_key[k] = [target]
                break

    def _same_full_initials(self, mine: list[int], theirs: list[int], key: str) -> bool:
        """Two spellings printed as often, each once with the same two or more initials (`K. A.
        Mekhonoshin`, `K.A. Mekhonishin`): one person, when the name is long enough that one letter
        rarely makes another."""
        if len(key) < TIE_KEY or len(mine) != 1:
            return False
        initials = self.groups[mine[0]].initials
        return len(initials) >= 2 and any(self.groups[g].initials == initials for g in theirs)

    def _strong_ok(self, c: Candidate) -> bool:
        if c.initials and c.surname in PLACES and not c.given:
            return False
        if c.given and c.given not in GIVEN and (
                self._used_lower(c.given) or (c.sentence_initial and self._zipf(c.given) >= 3.0)
                or c.given in PLACES or self._near_place(c.given)
                or self._place_context(c) or c.given.lower().endswith(_NOT_GIVEN_ENDINGS)):
            return False
        if c.initials or c.given:
            return not (c.title is None and self._used_lower(c.surname) and not c.initials)
        # title + word: only if the word is not an ordinary word of the text
        return not self._used_lower(c.surname) and c.surname not in PLACES

    @staticmethod
    def _profile_ok(g: Group, c: Candidate) -> bool:
        return not _other_given(c.given, g.given) and _ini_compatible(g.initials, c.initials)

    def _positions(self) -> dict[int, list[int]]:
        pos: dict[int, list[int]] = defaultdict(list)
        for i, (gi, _) in self.assign.items():
            pos[gi].append(self.cands[i].start)
        for p in pos.values():
            p.sort()
        return pos

    def _assign_deferred(self, deferred: list[int], by_key: dict[str, list[int]],
                         by_letter: dict[str, dict[str, list[int]]]) -> None:
        """A short form that fits several profiles goes to the one named nearest before it, else the biggest."""
        if not deferred:
            return
        pos = self._positions()
        for i in deferred:
            c = self.cands[i]
            groups = [g for g in _profiles_for(by_key, by_letter, c) if self._profile_ok(self.groups[g], c)]
            best, best_d = None, CONTEXT_WINDOW + 1
            for g in groups:
                near = pos.get(g, [])
                k = bisect_left(near, c.start)
                for p in near[max(0, k - 1) : k + 1]:  # (the nearest mention on either side)
                    if abs(p - c.start) < best_d:
                        best, best_d = g, abs(p - c.start)
            if best is None:
                best = max(groups, key=lambda g: (len(pos.get(g, ())), -g))
            self.assign[i] = (best, 0.8)

    def _sentence(self, pos: int) -> tuple[int, int]:
        text = self.text
        a = max(text.rfind("\n", 0, pos), text.rfind(". ", max(0, pos - 400), pos - 3))
        m = _SENT_END_RE.search(text, pos, pos + 600)
        return a + 1, (m.start() if m else min(len(text), pos + 600))

    def _kin_near(self, start: int, end: int) -> bool:
        return _KIN_RE.search(self.text, max(0, start - 60), min(len(self.text), end + 40)) is not None

    def _merge_initial_variants(self, by_key: dict[str, list[int]]) -> None:
        """`L. Babel` beside `I. F. Babel`, `M. Sverdlov` beside `Ya. M. Sverdlov`: a minority profile whose
        initials differ from a bigger one's by an OCR confusion (or a dropped initial) is the same person,
        unless both stand in one sentence or the text marks kin or a namesake near the minority form."""
        members: dict[int, list[int]] = defaultdict(list)
        for i, (gi, _) in self.assign.items():
            members[gi].append(i)
        bare_keys = Counter(name_key(c.surname) for c in self.cands
                            if c.surname and not c.initials and not c.given and not c.alias_of)
        for key, groups in by_key.items():
            if len(groups) < 2:
                continue
            first = {g: min((self.cands[i].start for i in members[g]), default=0) for g in set(groups)}
            # the smaller profile first; among equals the one the text introduces later
            order = sorted(set(groups), key=lambda g: (len(members[g]), len(self.groups[g].initials), -first[g]))
            rank = {g: k for k, g in enumerate(order)}
            two = len(order) == 2
            # the profiles each minority profile could be a variant of, found by the confusion classes of their
            # initials' letters: the same classes in front (an OCR confusion) or at the end (a dropped initial)
            fronts: dict[tuple[int, ...], list[int]] = defaultdict(list)
            ends: dict[tuple[int, ...], list[int]] = defaultdict(list)
            for g in order:
                classes = _letter_classes(self.groups[g].initials)
                for n in range(1, len(classes) + 1):
                    fronts[classes[:n]].append(g)
                    ends[classes[-n:]].append(g)
            removed: set[int] = set()
            for k, minor in enumerate(order):
                gm = self.groups[minor]
                mine = _letter_classes(gm.initials)
                near = order[k + 1 :] if two else {*fronts.get(mine, ()), *ends.get(mine, ())}
                for major in sorted((g for g in near if rank[g] > k), key=rank.__getitem__, reverse=True):
                    gM = self.groups[major]
                    if major in removed or _other_given(gm.given, gM.given):
                        continue
                    same_first_other_second = (
                        len(set(groups)) == 2 and len(members[minor]) == 1 and bare_keys[key] > 0
                        and len(gm.initials) >= 2 and len(gM.initials) >= 2 and gm.initials[0] == gM.initials[0])
                    dropped = dropped_initial(gm.initials, gM.initials) and all(
                        self._damaged_left(self.cands[i].start, gM.initials[0]) for i in members[minor])
                    if not (dropped or ocr_initials(gm.initials, gM.initials) or same_first_other_second):
                        continue
                    if self._apart(members[minor], members[major], same_paragraph=not dropped):
                        continue
                    for i in members[minor]:
                        self.assign[i] = (major, min(self.assign[i][1], 0.8))
                    members[major] += members.pop(minor)
                    removed.add(minor)
                    break
            if removed:
                by_key[key] = [g for g in by_key[key] if g not in removed]

    def _damaged_left(self, start: int, lost: str) -> bool:
        """Is what stands before `start` the remains of the initial `lost` (`Ya.  M.`, `1. Ye.`, `P F.`)?"""
        m = _DAMAGED_LEFT_RE.search(self.text, max(0, start - 6), start)
        if not m:
            return False
        left = m.group(0).strip(" \n(—-.")
        return not left[:1].isalpha() or left.lower().startswith(lost.lower()) or _confusable(left, lost)

    def _apart(self, minor: list[int], major: list[int], same_paragraph: bool = False) -> bool:
        """Both forms in one sentence (or paragraph), or kin or a namesake named beside the minority form."""
        starts = sorted(self.cands[i].start for i in major)
        for i in minor:
            c = self.cands[i]
            if self._kin_near(c.start, c.end):
                return True
            if same_paragraph:
                a = self.text.rfind("\n", 0, c.start) + 1
                b = self.text.find("\n", c.end)
                b = len(self.text) if b < 0 else b
            else:
                a, b = self._sentence(c.start)
            k = bisect_right(starts, a - 1)
            if k < len(starts) and starts[k] < b:
                return True
        return False

    def _accept_bare(self, idx: list[int]) -> bool:
        cands = self.cands
        word = cands[idx[0]].surname
        if len(word) < 3 or not word[1:].replace("-", "").islower():
            return False
        if word in PLACES or word in self.stop or self._used_lower(word) or self._near_place(word):
            return False
        if word in FAMOUS_SURNAMES:
            # a surname the whole period knows needs no initials (`Orlov met Stalin in Moscow`), and stands after
            # `in` as its works (`obscurities in Heraclitus`); in quotation marks it is a nickname (`this
            # latterday 'Dante'`)
            return any(not self.text.endswith(_QUOTES, 0, cands[i].start) for i in idx)
        low = word.lower()
        if low.endswith("s") and word[:-1] in self.capitalised:
            return False  # a plural: `Kazakhs`, `Cossacks`
        if low.endswith(("skaya", "aya")) and not any(cands[i].possessive or cands[i].title for i in idx):
            return False  # a bare -skaya is a place (`Poltavskaya` stanitsa) far more often than a woman
        idx = [i for i in idx if not self.text.endswith(('"', "“"), 0, cands[i].start)]
        if not idx:
            return False
        place = sum(1 for i in idx if self._place_context(cands[i]))
        if place and place * 3 >= len(idx):
            return False
        non_initial = [i for i in idx if not cands[i].sentence_initial]
        if any(cands[i].possessive or cands[i].title for i in idx):
            return True
        if any(_PHONETIC_NOTE.match(self.text, cands[i].end) for i in idx):
            return True  # `headed by Sikeyros [transliteration]`: JPRS marks a name it renders by ear
        zipf = self._zipf(word)
        if is_patronymic(word):
            return False  # `Vasilyevich` alone names nobody new
        slavic = low.endswith(SURNAME_ENDINGS[:_SLAVIC_ENDINGS])
        if low.endswith(SURNAME_ENDINGS) and len(word) >= 5 and zipf < (3.0 if slavic else 2.0):
            return bool(non_initial) or zipf < 2.5
        if zipf >= 3.8:
            return False
        if not non_initial:
            return zipf < 3.2 and any(self._person_right(cands[i]) for i in idx)
        # a verb of speech or state right after the name: `Radek wrote`, `Yakir was`
        return any(self._person_right(cands[i]) for i in idx)

    def _person_right(self, c: Candidate) -> bool:
        """What follows the word speaks of a person: a verb of speech or state, or `who`."""
        if _VERB_RIGHT_RE.match(self.text, c.end):
            return True
        if not _WHO_RIGHT_RE.match(self.text, c.end):
            return False
        office = _OF_HEAD_RE.search(self.text, max(0, c.start - 40), c.start)
        return office is None or office.group(1) not in ROLE_HEADS

    def _near_place(self, word: str) -> bool:
        return _near_place(word)

    def _accept_by_lists(self, bare: dict[str, list[int]], known: set[str]) -> set[str]:
        """Bare words in a list (`A, B and C`) beside persons are persons too."""
        cands = self.cands
        out: set[str] = set()
        person_at: dict[int, bool] = {}
        for i, c in enumerate(cands):
            if c.surname and (i in self.assign or name_key(c.surname) in known):
                person_at[i] = True
        # the words that may join a list, checked once (the rounds below only look at neighbours)
        todo: list[tuple[int, str]] = []
        for k, idx in bare.items():
            for i in idx:
                c = cands[i]
                if i in person_at or c.surname in PLACES or len(c.surname) < 3 or self._used_lower(c.surname):
                    continue
                if self._place_context(c) or self._zipf(c.surname) >= 4.2:
                    continue
                todo.append((i, k))
        todo.sort()
        changed = True
        rounds = 0
        while changed and rounds < 4:
            changed = False
            rounds += 1
            for i, key in todo:
                c = cands[i]
                if i in person_at or key in out:
                    continue
                nb = 0
                for j in (i - 1, i + 1):
                    if 0 <= j < len(cands) and person_at.get(j):
                        a, b = (cands[j], c) if j < i else (c, cands[j])
                        gap = self.text[a.end : b.start]
                        if _LIST_GAP_RE.fullmatch(gap):
                            nb += 1
                if nb:
                    out.add(key)
                    person_at[i] = True
                    for k in bare[key]:
                        person_at[k] = True
                    changed = True
        # a list of three or more unknown names with nothing against them: `Titian, Rafael, Rubens and ...`
        run: list[int] = []
        for i in range(len(cands) + 1):
            c = cands[i] if i < len(cands) else None
            if c is not None and c.surname and not c.given and not c.initials and self._list_item_ok(c):
                if run and not _LIST_GAP_RE.fullmatch(self.text[cands[run[-1]].end : c.start]):
                    self._take_run(run, out)
                    run = []
                run.append(i)
                continue
            self._take_run(run, out)
            run = []
        return out

    def _list_item_ok(self, c: Candidate) -> bool:
        w = c.surname
        if w.endswith(("aya", "s")) and (w.endswith("aya") or w[:-1] in self.capitalised):
            return False
        return (len(w) >= 3 and w not in PLACES and w not in self.stop and not self._used_lower(w)
                and not self._near_place(w) and self._zipf(w) < 4.2 and not self._place_context(c))

    def _take_run(self, run: list[int], out: set[str]) -> None:
        if len(run) >= 3:
            out.update(name_key(self.cands[i].surname) for i in run)

    def _fuzzy_join(self, bare: dict[str, list[int]], by_key: dict[str, list[int]]) -> None:
        from rapidfuzz import fuzz, process

        # known keys by first letter and length: a key is compared only with keys one letter longer or
        # shorter at most (a scan of the whole first-letter bucket is quadratic on OCR noise)
        known: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
        for order, k in enumerate(by_key):
            if len(k) >= 5:
                known[k[0], len(k)].append((order, k))
        for key in list(bare):
            if key in by_key or len(key) < 5:
                continue
            word = self.cands[bare[key][0]].surname
            if word in PLACES or self._used_lower(word):
                continue
            near = sorted(
                item for size in (len(key) - 1, len(key), len(key) + 1) for item in known.get((key[0], size), ())
            )
            # in the keys' order: the first of equal scores wins
            best = process.extractOne(key, [k for _, k in near], scorer=fuzz.ratio, score_cutoff=87)
            if best is not None and self._damaged_form_of(word, by_key[best[0]]):
                by_key[key] = by_key[best[0]]

    def _given_name_joined(self, bare: dict[str, list[int]], by_key: dict[str, list[int]]) -> None:
        """`Aksel-Bakunts` beside `A. Bakunts`: a given name hyphened to a surname the report prints after the
        given name's initial (and after no other) is that person, when the given name is no surname here."""
        for key in list(bare):
            if key in by_key:
                continue
            word = self.cands[bare[key][0]].surname or ""
            given, _, surname = word.partition("-")
            if not surname or len(given) < 3 or not given[1:].islower() or not surname[:1].isupper():
                continue
            if name_key(given) in by_key or given in PLACES:
                continue
            groups = by_key.get(name_key(surname), [])
            initials = {(self.groups[g].initials or ("",))[0][:1].upper() for g in groups}
            if len(groups) == 1 and initials == {given[0].upper()}:
                by_key[key] = groups

    def _damaged_form_of(self, word: str, groups: list[int]) -> bool:
        """`Zinovvev` for Zinovyev (an OCR confusion), `Kedrovs` for Kedrov (an ending added): not a
        letter put in or changed at random (`Savitsky` is not `Stavitsky`, `Tamanskiy` not `Tymanskiy`)."""
        from kartoteka.repair.candidates import describe, variant_strings

        low = word.lower()
        targets = {(self.groups[g].surname or "").lower() for g in groups}
        for t in targets:
            if low.startswith(t) and low[len(t) :] in _INFLECTIONS:
                return True
        return any(raw[0] in targets and describe(low, raw).ocr for raw in variant_strings(low))

    def _assign_bare(self, bare: dict[str, list[int]], by_key: dict[str, list[int]]) -> None:
        cands = self.cands
        # positions of assigned mentions per group, for context
        pos: dict[int, list[int]] = defaultdict(list)
        for i, (gi, _) in self.assign.items():
            pos[gi].append(cands[i].start)
        for p in pos.values():
            p.sort()
        for key, idx in bare.items():
            groups = by_key.get(key)
            if not groups:
                continue
            prominence = {gi: len(pos.get(gi, ())) for gi in groups}
            main = max(groups, key=lambda gi: (prominence[gi], -gi))
            exact = {self.groups[gi].surname for gi in groups}
            for i in idx:
                c = cands[i]
                if c.surname in PLACES and (self._place_context(c) or c.surname not in exact):
                    continue  # (`the Mari writers` is no `Maari`: a place word joins only its own spelling)
                if not c.possessive and self._coordinated_with_place(c):
                    continue  # a town named after the person (`Solikamsk and Kuybyshev`)
                if c.surname not in exact and self._used_lower(c.surname):
                    continue
                best, best_pos = None, -1
                for gi in groups:
                    p = pos.get(gi, [])
                    k = bisect_right(p, c.start)
                    if k and p[k - 1] > best_pos:
                        best, best_pos = gi, p[k - 1]
                fp = self._fiction_pos.get(key)
                if fp:
                    k = bisect_right(fp, c.start)
                    if k and fp[k - 1] > best_pos and c.start - fp[k - 1] <= 2 * CONTEXT_WINDOW:
                        continue  # `Ivanov's ethics` two paragraphs after `Inspector Ivanov, a character`
                if c.initials == () and c.given is None and len(groups) == 1:
                    self.assign[i] = (groups[0], 0.9 if self.groups[groups[0]].confidence >= 1 else 0.7)
                    continue
                if best is not None and best != main and c.start - best_pos > CONTEXT_WINDOW:
                    best = None
                if best is not None:
                    self.assign[i] = (best, 0.8)
                else:
                    self.assign[i] = (main, 0.6)

    def _assign_aliases(self, by_key: dict[str, list[int]]) -> None:
        cands = self.cands
        table: dict[str, str] = {}
        for m in _APPOSITION_RE.finditer(self.text):
            table[m.group(1)] = m.group(2)
        counts = Counter(gi for gi, _ in self.assign.values())
        for i, c in enumerate(cands):
            full = f"{c.given} {c.surname or c.patronymic}" if c.given else ""
            if full in FULL_NAME_ALIASES:
                groups = by_key.get(name_key(FULL_NAME_ALIASES[full]))
                if groups:
                    gi = max(groups, key=lambda g: (counts[g], -g))
                    self.assign[i] = (gi, 0.9)
                    self.groups[gi].aliases.add(self.text[c.start : c.end].removesuffix("'s").removesuffix("’s"))
                continue
            word = c.surname or c.given
            target = table.get(word) or c.alias_of
            if not target or (i in self.assign and not c.alias_of):
                continue
            if word in BARE_ONLY_ALIASES and (c.initials or (c.given and c.surname)):
                continue
            if c.surname and c.given and c.alias_of is None:
                continue
            groups = by_key.get(name_key(target))
            if not groups:
                continue
            gi = max(groups, key=lambda g: (counts[g], -g))
            blocked = self._alias_blocked(c, word, gi) if c.alias_of and not c.given else None
            if blocked == "thing":
                continue
            if blocked:
                # `the physicist Bronshteyn` (1937) is not Trotsky: a namesake of that surname, else a person alone
                own = by_key.get(name_key(word))
                if own:
                    self.assign[i] = (max(own, key=lambda g: (counts[g], -g)), 0.6)
                else:
                    self.groups.append(Group(name_key(word), word, confidence=0.7))
                    by_key[name_key(word)].append(len(self.groups) - 1)
                    self.assign[i] = (len(self.groups) - 1, 0.7)
                continue
            self.assign[i] = (gi, 0.9)
            self.groups[gi].aliases.add(word)

    def _alias_blocked(self, c: Candidate, word: str, target: int) -> str | None:
        """Why a curated alias does not name its person here: `thing` (`the steamship "Ilich"`), `era` (a birth
        name in a sentence dated after the person took the new name), `role` (`the physicist Bronshteyn`, a
        profession the person's own mentions never give), `namesake` (the text names another person so)."""
        text = self.text
        if text.endswith(('"', "“"), 0, c.start) and text.startswith(('"', "”"), c.end):
            left = text[max(0, c.start - 30) : c.start - 1].rstrip().rsplit(" ", 1)[-1]
            if left.islower() and left not in _ALIAS_INTRO:
                return "thing"
        until = BIRTH_NAME_UNTIL.get(word)
        a, b = self._sentence(c.start)
        if until and any(int(y) > until for y in _YEAR_RE.findall(text, a, b)):
            return "era"
        role = role_before(text, c.start)
        if role:
            heads = {w.rstrip("s") for w in role.lower().split()} & _PROFESSIONS
            if heads and not heads & {w.rstrip("s") for r in self._roles_of(target) for w in r.lower().split()}:
                return "role"
        if until and self._sentence_names_namesake(c, a, b):
            return "namesake"
        return None

    def _roles_of(self, gi: int) -> list[str]:
        if gi not in self._role_cache:
            spans = sorted((self.cands[i].start, self.cands[i].end) for i, (g, _) in self.assign.items()
                           if g == gi and self.cands[i].surname)
            self._role_cache[gi] = roles_for(self.text, spans[:60], limit=12)
        return self._role_cache[gi]

    def _sentence_names_namesake(self, c: Candidate, a: int, b: int) -> bool:
        key = name_key(c.surname or c.given or "")
        return any(o is not c and o.surname and (o.initials or o.given) and name_key(o.surname) == key
                   and a <= o.start < b for o in self.cands[bisect_right(self._starts, a - 1) :][:40])

    def _kin_named(self) -> None:
        """`Stalin's son, Yakov,`; `his sons Kondratiy, Nikolay and Aleksandr`; `addresses of brother Ivan`;
        `Lyuba and I`: a given name set after a kin noun of someone's, or beside the speaker, is a person of
        their own, unless a person with that given name is named nearby
        (`his son, Igor,` beside `Igor Kedrov`: that one)."""
        cands = self.cands
        named: dict[str, list[int]] = defaultdict(list)
        for i, (gi, _) in self.assign.items():
            if self.groups[gi].given:
                named[self.groups[gi].given].append(cands[i].start)
        for v in named.values():
            v.sort()
        for i, c in enumerate(cands):
            if i in self.assign or c.surname is not None or not c.given or c.patronymic or c.alias_of:
                continue
            if not (_KIN_BEFORE_RE.search(self.text, max(0, c.start - 120), c.start)
                    or _AND_I_RE.match(self.text, c.end)):
                continue
            near = named.get(c.given, ())
            k = bisect_left(near, c.start - 2500)
            if k < len(near) and near[k] <= c.start + 2500:
                continue
            self.groups.append(Group(f"{name_key(c.given)}-{c.start}", None, (), c.given, confidence=0.7))
            self.assign[i] = (len(self.groups) - 1, 0.7)

    def _assign_given(self) -> None:
        cands = self.cands
        given_pos: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, (gi, _) in self.assign.items():
            g = self.groups[gi].given
            if g:
                given_pos[g].append((cands[i].start, gi))
        for v in given_pos.values():
            v.sort()
        for i, c in enumerate(cands):
            if i in self.assign or c.surname is not None or not c.given or c.patronymic:
                continue
            v = given_pos.get(c.given)
            if not v:
                continue
            k = bisect_right(v, (c.start, 1 << 30))
            if k and c.start - v[k - 1][0] <= 2500:
                self.assign[i] = (v[k - 1][1], 0.7)
            elif k < len(v) and v[k][0] - c.start <= GIVEN_AHEAD:
                # `One of his sons, Igor, an investigator ...` before `Igor Kedrov`: the one named just after
                self.assign[i] = (v[k][1], 0.6)
