"""An English lexicon with frequencies and bigram counts, from installed packages (no network).

Frequencies come from wordfreq's `large` English list (Zipf scale: log10 of frequency per billion
words), falling back to symspellpy's bundled `frequency_dictionary_en_82_765.txt` (Google n-gram
counts) when wordfreq is absent; the curated word list is that symspellpy dictionary; word-pair
counts are symspellpy's `frequency_bigramdictionary_en_243_342.txt`.

Building those tables from the packages takes most of a second, so the first build is written to a
compact cache (`$KARTOTEKA_CACHE` or `~/.cache/kartoteka`), keyed by the package versions:

- words at or above `COMMON_ZIPF` (the ones rules ask about by value) in a plain dict;
- every other word, the curated list and the bigrams as sorted 64-bit hashes with quantised values
  (`array`s read straight from bytes: no Python object per entry). A hash lookup is a bisection.

Loading the cache takes a few tens of milliseconds. Lookups are lowercase.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import tempfile
import threading
import time
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

#: Words at least this common are kept as strings (candidates are drawn from them).
COMMON_ZIPF = 2.5
_FORMAT = 2

#: Endings stripped to find a known stem: `steamships` is a word because `steamship` is.
_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("ied", "y"),
    ("ier", "y"),
    ("iest", "y"),
    ("ily", "y"),
    ("iness", "y"),
    ("s", ""),
    ("es", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("er", "e"),
    ("ers", ""),
    ("ers", "e"),
    ("est", ""),
    ("ly", ""),
    ("ness", ""),
    ("ment", ""),
    ("ments", ""),
    ("ist", ""),
    ("ists", ""),
    ("ism", ""),
    ("isms", ""),
    ("ity", ""),
    ("ation", "e"),
    ("ations", "e"),
    ("ally", ""),
    ("ically", "ic"),
)
#: `-es` follows a hissing sound or an `o` (`marches`, `heroes`); after anything else it is `-s`, and
#: `slanderes` is no word. `-d` follows an `e` (`freed`, `used`).
_ES_AFTER = ("s", "x", "z", "ch", "sh", "o")


def _takes_ending(stem: str, ending: str) -> bool:
    if ending == "es":
        return stem.endswith(_ES_AFTER)
    if ending == "d":
        return stem.endswith("e")
    return True


#: Prefixes that make words out of words: `unrepentant`, `counterrevolutionaries`.
_PREFIXES = (
    "un",
    "non",
    "anti",
    "counter",
    "re",
    "pre",
    "post",
    "over",
    "under",
    "mis",
    "dis",
    "semi",
    "sub",
    "super",
    "inter",
    "intra",
    "arch",
    "self",
    "multi",
)


def _h(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little") >> 1


class _HashTable:
    """Sorted 63-bit string hashes with one value each; `get` is a bisection (false hits ~1e-13)."""

    __slots__ = ("keys", "values")

    def __init__(self, keys: array, values: array):
        self.keys, self.values = keys, values

    @classmethod
    def build(cls, items, typecode: str) -> _HashTable:
        pairs = sorted((_h(k), v) for k, v in items)
        return cls(array("q", (k for k, _ in pairs)), array(typecode, (v for _, v in pairs)))

    def get(self, s: str, default=None):
        k = _h(s)
        keys = self.keys
        i = bisect_left(keys, k)
        if i < len(keys) and keys[i] == k:
            return self.values[i]
        return default

    def __len__(self) -> int:
        return len(self.keys)


class Lexicon:
    """`zipf(word)`: 0.0 for unknown words; ~7 for `the`. `is_word`: a real English word or inflection.
    `bigram(a, b)`: the count of the word pair in the n-gram list (0 when below its cut-off)."""

    def __init__(
        self,
        common: dict[str, float],
        rare: _HashTable,
        dictionary: _HashTable,
        bigrams: _HashTable | None,
        origin: str,
        seconds: float,
    ):
        self.common = common
        self._rare = rare
        self._dictionary = dictionary
        self._bigrams = bigrams
        self.origin = origin
        self.load_seconds = seconds
        self._zipf_cache: dict[str, float] = {}
        self._word_cache: dict[tuple[str, float], bool] = {}
        self._dict_cache: dict[str, bool] = {}
        self._bigram_cache: dict[str, float] = {}

    @classmethod
    def from_tables(
        cls,
        zipf_by_word: dict[str, float],
        dictionary=(),
        bigrams: dict[str, int] | None = None,
        origin: str = "tables",
        seconds: float = 0.0,
    ) -> Lexicon:
        """A lexicon over plain tables (tests, other languages)."""
        common = {w: z for w, z in zipf_by_word.items() if z >= COMMON_ZIPF}
        rare = _HashTable.build(((w, round(z * 40)) for w, z in zipf_by_word.items() if z < COMMON_ZIPF), "B")
        dic = _HashTable.build(((w, 1) for w in set(dictionary)), "B")
        big = _HashTable.build(((k, float(v)) for k, v in (bigrams or {}).items()), "f")
        return cls(common, rare, dic, big, origin, seconds)

    def zipf(self, word: str) -> float:
        low = word.lower()
        z = self.common.get(low)
        if z is not None:
            return z
        z = self._zipf_cache.get(low)
        if z is None:
            q = self._rare.get(low, 0)
            z = self._zipf_cache[low] = q / 40.0
        return z

    def zipf_get(self, low: str, default: float = 0.0) -> float:
        """`zipf` of an already lowercased word (a hot-loop shortcut)."""
        z = self.common.get(low)
        if z is None:
            z = self._zipf_cache.get(low)
            if z is None:
                z = self._zipf_cache[low] = self._rare.get(low, 0) / 40.0
        return z or default

    def in_dictionary(self, low: str) -> bool:
        hit = self._dict_cache.get(low)
        if hit is None:
            hit = self._dict_cache[low] = self._dictionary.get(low) is not None
        return hit

    @property
    def has_bigrams(self) -> bool:
        """Whether word-pair counts are installed (symspellpy's bigram list): a pair every English text has."""
        return self.bigram("the", "party") > 0

    def bigram(self, a: str, b: str) -> float:
        if self._bigrams is None:
            return 0.0
        key = f"{a.lower()} {b.lower()}"
        hit = self._bigram_cache.get(key)
        if hit is None:
            hit = self._bigram_cache[key] = self._bigrams.get(key, 0.0)
        return hit

    def is_word(self, word: str, zipf: float = 1.5) -> bool:
        """In the curated dictionary, at least `zipf` common, or a regular inflection/prefixing of a word."""
        key = (word.lower(), zipf)
        hit = self._word_cache.get(key)
        if hit is None:
            hit = self._word_cache[key] = self._is_word(key[0], zipf)
        return hit

    def _is_word(self, low: str, zipf: float) -> bool:
        if self.zipf(low) >= zipf or self.in_dictionary(low):
            return True
        # Stems and prefixed rests must be common (>= COMMON_ZIPF): only the plain dict can say so.
        common = self.common
        for ending, repl in _ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                stem = low[: -len(ending)] + repl
                if not _takes_ending(stem, ending):
                    continue
                if common.get(stem, 0.0) >= 2.5 or self.in_dictionary(stem):
                    return True
                doubled = ending in ("ed", "ing", "er", "est") and len(stem) >= 4 and stem[-1] == stem[-2]
                if doubled and common.get(stem[:-1], 0.0) >= 2.5:  # `stopped` -> `stop`
                    return True
        for prefix in _PREFIXES:
            if low.startswith(prefix) and len(low) - len(prefix) >= 5:
                rest = low[len(prefix) :].lstrip("-")
                if common.get(rest, 0.0) >= 3.0 or self.in_dictionary(rest):
                    return True
        return False

    def __contains__(self, word: str) -> bool:
        return self.zipf(word) > 0.0

    def __len__(self) -> int:
        return len(self.common) + len(self._rare)


# ---------------------------------------------------------------- building and caching


def _symspell_file(name: str) -> Path | None:
    try:
        import symspellpy
    except ImportError:
        return None
    path = Path(symspellpy.__file__).parent / name
    return path if path.exists() else None


def _read_counts(path: Path | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    if path is None:
        return counts
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            key, _, count = line.rstrip("\n").rpartition(" ")
            if key:
                counts[key] = int(count)
    return counts


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = [f"f{_FORMAT}"]
    for pkg in ("wordfreq", "symspellpy"):
        try:
            out.append(f"{pkg}-{version(pkg)}")
        except PackageNotFoundError:
            out.append(f"{pkg}-none")
    return "_".join(out)


def _cache_dir() -> Path:
    env = os.environ.get("KARTOTEKA_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kartoteka"


def _build_tables() -> tuple[dict[str, float], _HashTable, _HashTable, _HashTable, str]:
    words = _read_counts(_symspell_file("frequency_dictionary_en_82_765.txt"))
    try:
        import wordfreq

        freqs = wordfreq.get_frequency_dict("en", wordlist="large")
        table = {w: math.log10(f) + 9.0 for w, f in freqs.items() if f > 0 and w.isalpha()}
        origin = "wordfreq (en, large) + symspellpy frequency_dictionary_en_82_765"
    except ImportError:
        # The list counts about 1e12 tokens; put it on the Zipf scale.
        table = {w: math.log10(c / 1e12) + 9.0 for w, c in words.items() if c > 0}
        origin = "symspellpy frequency_dictionary_en_82_765"
    if not table:
        raise RuntimeError("no English lexicon: install wordfreq or symspellpy")
    bigrams = _read_counts(_symspell_file("frequency_bigramdictionary_en_243_342.txt"))
    if bigrams:
        origin += " + frequency_bigramdictionary_en_243_342"
    common = {w: round(z, 3) for w, z in table.items() if z >= COMMON_ZIPF}
    rare = _HashTable.build(((w, max(1, round(z * 40))) for w, z in table.items() if z < COMMON_ZIPF), "B")
    dic = _HashTable.build(((w, 1) for w in words), "B")
    big = _HashTable.build(((k, float(v)) for k, v in bigrams.items()), "f")
    return common, rare, dic, big, origin


def _write_cache(path: Path, common, rare: _HashTable, dic: _HashTable, big: _HashTable, origin: str) -> None:
    import marshal

    blob = marshal.dumps(
        (
            origin,
            common,
            rare.keys.tobytes(),
            rare.values.tobytes(),
            dic.keys.tobytes(),
            big.keys.tobytes(),
            big.values.tobytes(),
        )
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(blob)
    os.replace(tmp, path)


def _read_cache(path: Path):
    import marshal

    origin, common, rk, rv, dk, bk, bv = marshal.loads(path.read_bytes())

    def arr(code: str, data: bytes) -> array:
        a = array(code)
        a.frombytes(data)
        return a

    rare = _HashTable(arr("q", rk), arr("B", rv))
    dk_arr = arr("q", dk)
    dic = _HashTable(dk_arr, array("B", bytes(len(dk_arr))))
    big = _HashTable(arr("q", bk), arr("f", bv))
    return common, rare, dic, big, origin


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load() -> Lexicon:
    with _lock:
        t0 = time.perf_counter()
        path = _cache_dir() / f"lexicon_{_versions()}.bin"
        tables = None
        if path.is_file():
            try:
                tables = _read_cache(path)
            except Exception:  # a damaged or foreign cache file: rebuild it
                tables = None
        if tables is None:
            tables = _build_tables()
            with contextlib.suppress(OSError):  # read-only home: keep the tables in memory only
                _write_cache(path, *tables)
        common, rare, dic, big, origin = tables
        return Lexicon(common, rare, dic, big, origin, time.perf_counter() - t0)


def get_lexicon() -> Lexicon:
    """The process-wide lexicon (loaded on first use, then cached)."""
    return _load()
