"""Decode a report file once, into the immutable text every later layer points into.

The decoded text is never normalised: offsets are Python string indices into exactly
what `bytes.decode` returned, so `text[start:end]` is always the source as printed.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from kartoteka.errors import InputError

#: A line longer than this is reported: OCR that lost its line breaks, or not a report.
LONG_LINE = 20_000
#: Share of control characters (outside tab/newline/CR) above which a file is binary.
CONTROL_SHARE = 0.10
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r") + b"\x7f"


@dataclass(frozen=True)
class Source:
    """One decoded file. `text` is immutable; everything derived points into it."""

    path: str
    sha256: str
    text: str
    encoding: str
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def chars(self) -> int:
        return len(self.text)

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "chars": self.chars,
            "encoding": self.encoding,
            "warnings": list(self.warnings),
        }


def _latin1_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    # cp1252 leaves five bytes undefined; keep them as their Latin-1 code points
    # rather than fail or invent replacement characters.
    bad = error.object[error.start : error.end]
    return bad.decode("latin-1"), error.end


codecs.register_error("kartoteka-latin1", _latin1_fallback)


def _control_share(data: bytes) -> float:
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls / len(data)


def _longest_line(text: str) -> int:
    longest = 0
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            return max(longest, len(text) - start)
        longest = max(longest, end - start)
        start = end + 1


#: Byte-order marks of the wide encodings (UTF-32 first: its little-endian mark opens with UTF-16's).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _wide_encoding(data: bytes) -> str | None:
    """`utf-16`/`utf-32` when `data` opens with their byte-order mark (Windows tools write UTF-16 so)."""
    return next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)


def _looks_like_utf16(data: bytes) -> bool:
    """NUL in every other byte of mostly ASCII text: UTF-16 written without a byte-order mark."""
    sample = data[:20_000]
    return len(sample) >= 8 and max(sample[0::2].count(0), sample[1::2].count(0)) >= 0.9 * (len(sample) // 2)


def source_from_bytes(data: bytes, path: str = "<bytes>") -> Source:
    """Decode `data` by the input rules; raise `InputError` for what cannot be a report."""
    if not data.strip():
        raise InputError(f"{path}: file is empty or contains only whitespace")
    wide = _wide_encoding(data)
    if wide:
        try:
            # the codec reads and drops the mark; offsets count characters of the decoded text
            text = data.decode(wide)
        except UnicodeDecodeError as error:
            raise InputError(f"{path}: opens with a {wide.upper()} byte-order mark but is not valid {wide.upper()} "
                             f"(bad bytes at {error.start})") from None
        return _checked(text.encode("utf-8"), text, wide, [], path, data)
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise InputError(f"{path}: looks like UTF-16 without a byte-order mark; save it as UTF-8")
        raise InputError(f"{path}: binary file (contains NUL bytes), not a text report")

    warnings: list[str] = []
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as error:
        text = data.decode("cp1252", errors="kartoteka-latin1")
        encoding = "cp1252"
        warnings.append(f"not valid UTF-8 (first bad byte at {error.start}); decoded as cp1252")
    return _checked(data, text, encoding, warnings, path, data)


def _checked(narrow: bytes, text: str, encoding: str, warnings: list[str], path: str, data: bytes) -> Source:
    """The decoded text as a `Source`, unless it is binary or blank. `narrow`: its bytes, one per
    ASCII character (the file's own, or the wide text re-encoded), for the control-character test."""
    if "\x00" in text:
        raise InputError(f"{path}: binary file (contains NUL characters), not a text report")
    # Sample large files: the share of control characters is a property of the whole.
    sample = narrow if len(narrow) <= 1_000_000 else narrow[:500_000] + narrow[-500_000:]
    if _control_share(sample) > CONTROL_SHARE:
        raise InputError(f"{path}: binary file (more than 10% control characters), not a text report")
    if not text.strip():
        raise InputError(f"{path}: file is empty or contains only whitespace")

    longest = _longest_line(text)
    if longest > LONG_LINE:
        warnings.append(f"very long line ({longest:,} characters); line breaks may have been lost")
    return Source(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        encoding=encoding,
        warnings=tuple(warnings),
    )


def load_source(path: str | Path) -> Source:
    """Read and decode a file; raise `InputError` with a one-line reason when it is unusable."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a report file")
    try:
        data = p.read_bytes()
    except OSError as error:
        raise InputError(f"{p}: cannot read ({error.strerror or error})") from None
    return source_from_bytes(data, str(p))
