"""An offset map between a source text and a reading made by replacing some of its spans.

Edits are `(start, end, replacement)` over the source, sorted and non-overlapping. Touching edits are
coalesced into one segment, so each changed region has one source span and one repaired span. Lookups
bisect over the segment starts: O(log n).

Inside a changed region every position maps to the region's start (a deleted region has no inside:
its one repaired position is the character after it, so it maps to the region's source end);
`span_*` map a span that starts or ends inside a region to a span covering the whole region on the other side.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class OffsetMap:
    __slots__ = ("_rep_end", "_rep_start", "_src_end", "_src_start", "rep_len", "src_len")

    def __init__(self, src_len: int, segments: list[tuple[int, int, int, int]]):
        # segments: (src_start, src_end, rep_start, rep_end), sorted, disjoint, not touching
        self.src_len = src_len
        self._src_start = [s[0] for s in segments]
        self._src_end = [s[1] for s in segments]
        self._rep_start = [s[2] for s in segments]
        self._rep_end = [s[3] for s in segments]
        delta = (segments[-1][3] - segments[-1][1]) if segments else 0
        self.rep_len = src_len + delta

    @classmethod
    def from_edits(cls, src_len: int, edits: Iterable[tuple[int, int, str]]) -> OffsetMap:
        segments: list[list[int]] = []
        delta = 0
        last_end = -1
        for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
            if start < last_end or start > end or end > src_len or start < 0:
                raise ValueError(f"bad or overlapping edit {start}-{end}")
            growth = len(replacement) - (end - start)
            if segments and start == segments[-1][1]:
                seg = segments[-1]
                seg[1] = end
                seg[3] += len(replacement)
            else:
                segments.append([start, end, start + delta, start + delta + len(replacement)])
            delta += growth
            last_end = end
        return cls(src_len, [tuple(s) for s in segments])  # type: ignore[misc]

    @staticmethod
    def _map(i: int, starts: list[int], ends: list[int], ostarts: list[int], oends: list[int]) -> int:
        k = bisect_right(starts, i) - 1
        if k < 0:
            return i
        if i < ends[k]:
            return ostarts[k]
        return oends[k] + (i - ends[k])

    def to_source(self, i: int) -> int:
        if not 0 <= i <= self.rep_len:
            raise IndexError(f"repaired offset {i} out of range 0..{self.rep_len}")
        return self._map(i, self._rep_start, self._rep_end, self._src_start, self._src_end)

    def from_source(self, i: int) -> int:
        if not 0 <= i <= self.src_len:
            raise IndexError(f"source offset {i} out of range 0..{self.src_len}")
        return self._map(i, self._src_start, self._src_end, self._rep_start, self._rep_end)

    @staticmethod
    def _end(i: int, starts: list[int], ends: list[int], oends: list[int], fallback: int) -> int:
        # An end offset strictly inside (or at the end of) a non-empty region extends to the region's end.
        k = bisect_right(starts, i - 1) - 1 if i > 0 else -1
        if k >= 0 and starts[k] < i <= ends[k]:
            return oends[k]
        return fallback

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        if end < start:
            raise ValueError("span end before start")
        s = self.to_source(start)
        e = self._end(end, self._rep_start, self._rep_end, self._src_end, self.to_source(end))
        return s, max(s, e)

    def span_from_source(self, start: int, end: int) -> tuple[int, int]:
        if end < start:
            raise ValueError("span end before start")
        s = self.from_source(start)
        e = self._end(end, self._src_start, self._src_end, self._rep_end, self.from_source(end))
        return s, max(s, e)

    def __len__(self) -> int:
        return len(self._src_start)
