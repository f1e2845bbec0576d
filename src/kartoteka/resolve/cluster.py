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

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from kartoteka.names import name_key
from kartoteka.resolve.detect import Candidate, is_patronymic
from kartoteka.resolve.lexicon import BARE_ONLY_ALIASES, FICTION_LEFT, FULL_NAME_ALIASES, GIVEN, PLACES, SURNAME_ENDINGS

_LOWER_RE = re.compile(r"\b[a-z]+")
_APPOSITION_RE = re.compile(
    r"\b([A-Z][a-z]+) \(([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s (?:name|nickname|alias|party alias|pseudonym)"
)
_PLACE_LEFT = ("in ", "In ", "near ", "town of ", "city of ", "village of ", "region of ", "settlement of ",
               "station ", "outside ", "capital of ")
_LIST_GAP_RE = re.compile(r",? (?:and |or )?|, ")
#: A bare surname goes to the person named last within this many characters before it.
CONTEXT_WINDOW = 1500
_VERB_RIGHT_RE = re.compile(
    r"(?:['’]s)? (?:said|wrote|told|was|had|asked|recalled|believed|writes|says|became|died|replied|declared|"
    r"noted|stated|spoke|proposed|demanded|received|remained|did|could|would|knew|thought|considered|arrived|"
    r"himself|herself|[a-z]{3,}ed)\b"
)
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


_CAP_RE = re.compile(r"\b[A-Z][a-z]+\b")
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


def _ini_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    for x, y in zip(a, b, strict=False):
        x, y = x.lower(), y.lower()
        if not (x.startswith(y) or y.startswith(x)):
            return False
    return True


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
        self.capitalised = set(_CAP_RE.findall(text))
        self.cands = cands
        self.lower_words = set(_LOWER_RE.findall(text))
        self.lexicon = lexicon
        self.groups: list[Group] = []
        self.assign: dict[int, tuple[int, float]] = {}  # cand index -> (group, confidence)

    # -- evidence about a bare word ----------------------------------------------------------------
    def _used_lower(self, word: str) -> bool:
        low = word.lower()
        return low in self.lower_words or low.split("-")[0] in self.lower_words

    def _place_context(self, c: Candidate) -> bool:
        left = self.text[max(0, c.start - 16) : c.start]
        return left.endswith(_PLACE_LEFT)

    def _zipf(self, word: str) -> float:
        if self.lexicon is None:
            return 0.0
        return self.lexicon.zipf(word.lower())

    # -- main ----------------------------------------------------------------------------------------
    def run(self) -> list[Group]:
        cands = self.cands
        fiction = self._fictional_keys()
        for c in cands:
            if c.strong and c.given and c.surname and c.given not in GIVEN and not self._strong_ok(c):
                # `Investigators Ivanov`: not a given name; keep the surname as a bare form
                c.start, c.given, c.initials, c.strong = c.name_start, None, (), False
        strong_idx = [i for i, c in enumerate(cands) if c.strong and c.surname and self._strong_ok(c)
                      and name_key(c.surname) not in fiction]
        # 1. strong forms: most informative first, so profiles are independent of mention order
        strong_idx.sort(key=lambda i: (-len(cands[i].initials) - (cands[i].given is not None),
                                       cands[i].initials, cands[i].given or "", cands[i].start))
        by_key: dict[str, list[int]] = defaultdict(list)
        for i in strong_idx:
            c = cands[i]
            key = name_key(c.surname)
            gi = self._find_profile(by_key[key], c)
            if gi is None:
                self.groups.append(Group(key, c.surname, c.initials, c.given, c.patronymic))
                gi = len(self.groups) - 1
                by_key[key].append(gi)
            g = self.groups[gi]
            g.initials = _merge_initials(g.initials, c.initials)
            g.given = g.given or c.given
            g.patronymic = g.patronymic or c.patronymic
            self.assign[i] = (gi, 1.0)
        self._merge_ocr_variants(by_key)
        # given name + patronymic without a surname: join a person with the same pair, else stand alone
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
        accepted = {k for k, idx in bare.items() if k not in by_key and self._accept_bare(idx)}
        accepted |= self._accept_by_lists(bare, accepted | set(by_key))
        for key in sorted(accepted):
            idx = bare[key]
            c = cands[idx[0]]
            self.groups.append(Group(key, c.surname, confidence=0.8))
            by_key[key].append(len(self.groups) - 1)
        # 3. bare surnames -> persons, by context
        self._assign_bare(bare, by_key)
        # 4. aliases
        self._assign_aliases(by_key)
        # 5. a given name alone: the person with that given name named shortly before
        self._assign_given()
        for i, (gi, conf) in self.assign.items():
            self.groups[gi].members.append(i)
            self.groups[gi].member_conf[i] = conf
        for g in self.groups:
            g.members.sort()
        return [g for g in self.groups if g.members]

    def _fictional_keys(self) -> set[str]:
        out = set()
        for c in self.cands:
            if c.surname and _FICTION_RE.search(self.text, max(0, c.start - 48), c.start):
                out.add(name_key(c.surname))
        return out

    def _by_initials_near(self, c: Candidate) -> int | None:
        """`Mariya Ilinichna` near `M. I. Ulyanova`: the person whose initials are the pair's."""
        want = (c.given[0], c.patronymic[0]) if c.given and c.patronymic else None
        if want is None:
            return None
        best, dist = None, 6000
        for i, (gi, _) in self.assign.items():
            g = self.groups[gi]
            if g.surname and len(g.initials) >= 2 and (g.initials[0][0], g.initials[1][0]) == want:
                d = abs(self.cands[i].start - c.start)
                if d < dist:
                    best, dist = gi, d
        return best

    def _merge_ocr_variants(self, by_key: dict[str, list[int]]) -> None:
        """`Medvedey`/`Medvedev`, `Sokolonikov`/`Sokolnikov`: a small group joins a bigger one a letter away."""
        from rapidfuzz import fuzz

        size = Counter(gi for gi, _ in self.assign.values())
        keys = sorted(by_key, key=lambda k: -sum(size[g] for g in by_key[k]))
        bucket: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            if sum(size[g] for g in by_key[k]) >= 2:
                bucket[k[:1]].append(k)
        for k in list(reversed(keys)):
            if len(k) < 5 or k not in by_key:
                continue
            mine = by_key[k]
            n = sum(size[g] for g in mine)
            if n > 2:
                continue
            for other in bucket.get(k[:1], ()):
                if other == k or other not in by_key or other[0] != k[0] or abs(len(other) - len(k)) > 1:
                    continue
                if sum(size[g] for g in by_key[other]) < 2 * n or fuzz.ratio(other, k) < 87:
                    continue
                target = next((g for g in by_key[other] if all(
                    _ini_compatible(self.groups[g].initials, self.groups[m].initials) for m in mine)), None)
                if target is None:
                    continue
                for i, (gi, conf) in list(self.assign.items()):
                    if gi in mine:
                        self.assign[i] = (target, min(conf, 0.8))
                by_key[k] = [target]
                break

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

    def _find_profile(self, groups: list[int], c: Candidate) -> int | None:
        best = None
        for gi in groups:
            g = self.groups[gi]
            if c.given and g.given and c.given != g.given:
                continue
            if not _ini_compatible(g.initials, c.initials):
                continue
            best = gi
            break
        return best

    def _accept_bare(self, idx: list[int]) -> bool:
        cands = self.cands
        word = cands[idx[0]].surname
        if len(word) < 3 or not word[1:].replace("-", "").islower():
            return False
        if word in PLACES or word in self.stop or self._used_lower(word) or self._near_place(word):
            return False
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
        zipf = self._zipf(word)
        if is_patronymic(word):
            return False  # `Vasilyevich` alone names nobody new
        slavic = low.endswith(SURNAME_ENDINGS[:_SLAVIC_ENDINGS])
        if low.endswith(SURNAME_ENDINGS) and len(word) >= 5 and zipf < (3.0 if slavic else 2.0):
            return bool(non_initial) or zipf < 2.5
        if zipf >= 3.8:
            return False
        if not non_initial:
            return zipf < 3.2 and any(_VERB_RIGHT_RE.match(self.text, cands[i].end) for i in idx)
        # a verb of speech or state right after the name: `Radek wrote`, `Yakir was`
        return any(_VERB_RIGHT_RE.match(self.text, cands[i].end) for i in idx)

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
        changed = True
        rounds = 0
        while changed and rounds < 4:
            changed = False
            rounds += 1
            for i in range(len(cands)):
                c = cands[i]
                if i in person_at or c.surname is None:
                    continue
                key = name_key(c.surname)
                if key in out or key not in bare:
                    continue
                if c.surname in PLACES or self._used_lower(c.surname) or len(c.surname) < 3:
                    continue
                if self._place_context(c) or self._zipf(c.surname) >= 4.2:
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
        from rapidfuzz import fuzz

        known: dict[str, list[str]] = defaultdict(list)
        for k in by_key:
            if len(k) >= 5:
                known[k[:1]].append(k)
        for key in list(bare):
            if key in by_key or len(key) < 5:
                continue
            word = self.cands[bare[key][0]].surname
            if word in PLACES or self._used_lower(word):
                continue
            best = None
            for k in known.get(key[:1], ()):
                if k[0] == key[0] and abs(len(k) - len(key)) <= 1 and fuzz.ratio(k, key) >= 87:
                    best = k if best is None or fuzz.ratio(k, key) > fuzz.ratio(best, key) else best
            if best is not None:
                by_key[key] = by_key[best]

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
                if c.surname in PLACES and self._place_context(c):
                    continue
                if c.surname not in exact and self._used_lower(c.surname):
                    continue
                if c.initials == () and c.given is None and len(groups) == 1:
                    self.assign[i] = (groups[0], 0.9 if self.groups[groups[0]].confidence >= 1 else 0.7)
                    continue
                best, best_pos = None, -1
                for gi in groups:
                    p = pos.get(gi, [])
                    k = bisect_right(p, c.start)
                    if k and p[k - 1] > best_pos:
                        best, best_pos = gi, p[k - 1]
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
            self.assign[i] = (gi, 0.9)
            self.groups[gi].aliases.add(word)

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
