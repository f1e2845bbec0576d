"""Lines and runs (maximal groups of non-blank lines) with exact offsets into the text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs several times more, per line
class Line:
    """One line; `start`/`end` bound its non-whitespace content (end exclusive)."""

    start: int
    end: int
    raw_start: int  # first character of the line (offset after the previous newline)
    indented: bool  # content starts after leading whitespace (a title cut at the margin)


@dataclass(slots=True)
class Run:
    """Consecutive non-blank lines; blank lines separate runs."""

    lines: list[Line]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of `text`, each trimmed to its content. Linear in len(text)."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):  # one C-level pass; offsets are tracked, nothing is normalised
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            lines.append(Line(start, start + len(stripped), pos, lead > 0))
        pos += len(raw) + 1
    return lines


def group_runs(text: str, lines: list[Line]) -> list[Run]:
    """Group lines that follow each other with no blank line between."""
    runs: list[Run] = []
    for line in lines:
        if runs:
            prev = runs[-1].lines[-1]
            between = text[prev.end : line.raw_start]
            if between.count("\n") <= 1:
                runs[-1].lines.append(line)
                continue
        runs.append(Run([line]))
    return runs
