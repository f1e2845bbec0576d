"""Person-name keys that are invariant across transliterations (FBIS, LOC, ISO 9, German, Cyrillic).

``name_key`` is the comparison key used by ``resolve``; ``fbis``/``loc``/``cyrillic``/``keys`` render a
name in the three forms a researcher searches with; ``similar`` scores OCR-damaged forms.
"""

from .keys import gender_neutral_key, name_key, similar
from .translit import cyrillic, detect_scheme, fbis, has_cyrillic, keys, loc

__all__ = [
    "cyrillic",
    "detect_scheme",
    "fbis",
    "gender_neutral_key",
    "has_cyrillic",
    "keys",
    "loc",
    "name_key",
    "similar",
]
