"""An English lexicon with frequencies, loaded once, lazily, from installed packages (no network).

Frequencies come from wordfreq's `large` English list (Zipf scale: log10 of frequency per billion
words), falling back to symspellpy's bundled `frequency_dictionary_en_82_765.txt` (Google n-gram
counts) when wordfreq is absent. Lookups are lowercase dict hits.
"""

from __future__ import annotations

import math
import os
import threading
import time
from functools import lru_cache

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


class Lexicon:
    """`zipf(word)`: 0.0 for unknown words; ~7 for `the`. `is_word`: a real English word or inflection."""

    def __init__(
        self,
        zipf_by_word: dict[str, float],
        origin: str,
        seconds: float,
        dictionary: frozenset[str] = frozenset(),
    ):
        self._zipf = zipf_by_word
        self._dictionary = dictionary
        self.origin = origin
        self.load_seconds = seconds
        self._word_cache: dict[str, bool] = {}

    def zipf(self, word: str) -> float:
        return self._zipf.get(word.lower(), 0.0)

    def is_word(self, word: str, zipf: float = 1.5) -> bool:
        """In the curated dictionary, at least `zipf` common, or a regular inflection/prefixing of a word."""
        low = word.lower()
        key = f"{low}|{zipf}"
        hit = self._word_cache.get(key)
        if hit is None:
            hit = self._is_word(low, zipf)
            self._word_cache[key] = hit
        return hit

    def _is_word(self, low: str, zipf: float) -> bool:
        if low in self._dictionary or self._zipf.get(low, 0.0) >= zipf:
            return True
        for ending, repl in _ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                stem = low[: -len(ending)] + repl
                if stem in self._dictionary or self._zipf.get(stem, 0.0) >= 2.5:
                    return True
                doubled = ending in ("ed", "ing", "er", "est") and len(stem) >= 4 and stem[-1] == stem[-2]
                if doubled and self._zipf.get(stem[:-1], 0.0) >= 2.5:  # `stopped` -> `stop`
                    return True
        for prefix in _PREFIXES:
            if low.startswith(prefix) and len(low) - len(prefix) >= 5:
                rest = low[len(prefix) :].lstrip("-")
                if rest in self._dictionary or self._zipf.get(rest, 0.0) >= 3.0:
                    return True
        return False

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._zipf

    def __len__(self) -> int:
        return len(self._zipf)


def _from_wordfreq() -> dict[str, float] | None:
    try:
        import wordfreq
    except ImportError:
        return None
    freqs = wordfreq.get_frequency_dict("en", wordlist="large")
    log10 = math.log10
    return {w: log10(f) + 9.0 for w, f in freqs.items() if f > 0 and w.isalpha()}


def _symspell_counts() -> dict[str, int] | None:
    try:
        import symspellpy
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(symspellpy.__file__), "frequency_dictionary_en_82_765.txt")
    if not os.path.exists(path):
        return None
    counts: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, _, count = line.partition(" ")
            counts[word] = int(count)
    return counts


def _from_symspell(counts: dict[str, int] | None) -> dict[str, float] | None:
    if counts is None:
        return None
    # The list counts about 1e12 tokens; put it on the Zipf scale.
    total = 1e12
    log10 = math.log10
    return {w: log10(c / total) + 9.0 for w, c in counts.items() if c > 0}


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load() -> Lexicon:
    with _lock:
        t0 = time.perf_counter()
        counts = _symspell_counts()
        table = _from_wordfreq()
        origin = "wordfreq (en, large) + symspellpy frequency_dictionary_en_82_765"
        if table is None:
            table = _from_symspell(counts)
            origin = "symspellpy frequency_dictionary_en_82_765"
        if table is None:
            raise RuntimeError("no English lexicon: install wordfreq or symspellpy")
        return Lexicon(table, origin, time.perf_counter() - t0, frozenset(counts or ()))


def get_lexicon() -> Lexicon:
    """The process-wide lexicon (loaded on first use, then cached)."""
    return _load()
