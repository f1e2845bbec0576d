"""The Python API: `kartoteka.read(path)` and `kartoteka.connect(db)`.

    import kartoteka
    r = kartoteka.read("JPRS-UPA-89-042.txt")      # runs the pipeline on one file
    r.reports[0].number, len(r.persons), r.facts[0].evidence, r.citations[1].ibid_of
    df = r.facts.to_pandas()                           # with the `pandas` extra installed
    db = kartoteka.connect("kartoteka.db")             # every report of a store

Records are light objects over the same JSON the CLI prints: attribute access (`p.name`), `.to_json()`,
and every span has `start`/`end` offsets and `.text` read from the source.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kartoteka.errors import InputError


class Record:
    """One record (a person, fact, citation, mention, correction, report) with attribute access."""

    kind = "record"

    def __init__(self, data: dict, report: Report | None = None):
        self._data = data
        self._report = report

    def __getattr__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._data[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self._data.get(name, default)

    @property
    def report(self) -> Report | None:
        return self._report

    @property
    def text(self) -> str:
        """The source characters of the record's span (`[start, end)`), when it has one."""
        if "text" in self._data:
            return self._data["text"]
        if self._report is not None and self._data.get("start") is not None:
            return self._report.source_text[self._data["start"] : self._data["end"]]
        raise AttributeError("text")

    def to_json(self) -> dict:
        return dict(self._data)

    def __repr__(self) -> str:
        label = self._data.get("name") or self._data.get("work") or self._data.get("type") or self._data.get("id")
        return f"<{self.kind} {label!r}>"


class Person(Record):
    kind = "Person"


class Fact(Record):
    kind = "Fact"


class Citation(Record):
    kind = "Citation"


class Mention(Record):
    kind = "Mention"


class Correction(Record):
    kind = "Correction"


class Records(list):
    """A list of records with `to_pandas()` (and `to_json()`)."""

    def to_json(self) -> list[dict]:
        return [r.to_json() for r in self]

    def to_pandas(self):
        try:
            import pandas as pd
        except ImportError:
            raise InputError("to_pandas() needs pandas: pip install 'kartoteka[pandas]'") from None
        rows = []
        for r in self:
            row = {k: (v if v is None or isinstance(v, str | int | float | bool) else repr(v))
                   for k, v in r.to_json().items()}
            if r.report is not None and "report" not in row:
                row["report"] = r.report.number
            rows.append(row)
        return pd.DataFrame(rows)


class Report(Record):
    """One report: header fields, the source text, and its persons, facts, citations, mentions, corrections."""

    kind = "Report"

    def __init__(self, bundle):
        h = bundle.report.header
        super().__init__({"number": h.number, "date": h.date, "title": h.title, "author": h.author,
                          "sha256": bundle.sha256, "urn": bundle.urn, "path": bundle.report.source.path})
        self.bundle = bundle
        self.source_text = bundle.text
        self.persons = Records(Person({**p, "report": self.number}, self) for p in bundle.persons)
        self.facts = Records(Fact({**f, "report": self.number}, self) for f in bundle.facts)
        self.citations = Records(Citation({**c.to_json(), "index": i, "report": self.number}, self)
                                 for i, c in enumerate(bundle.citations))
        self.mentions = Records(Mention({**m, "report": self.number}, self) for m in bundle.mentions())
        self.corrections = Records(Correction({**c, "report": self.number}, self) for c in bundle.corrections)

    @property
    def text(self) -> str:
        return self.source_text

    def person(self, name: str) -> Person | None:
        """The person of this report best matching `name` (any spelling), or None."""
        from kartoteka.cli.facts import matching_persons

        found = matching_persons([p.to_json() for p in self.persons], name)
        return next((p for p in self.persons if found and p.id == found[0]["id"]), None)

    def export(self, fmt: str, out) -> list:
        """Write this report as `fmt` (tei, jsonld, csv, sqlite, graph, bib) into directory `out`."""
        from pathlib import Path

        from kartoteka.cli.export import FORMATS, run_export

        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
        return run_export(fmt, [self.bundle], Path(out))

    def __repr__(self) -> str:
        return f"<Report {self.number or self.sha256[:12]}: {len(self.persons)} persons, {len(self.facts)} facts>"


class Collection:
    """Reports read from a file or a store, with every record of all of them."""

    def __init__(self, bundles: list):
        self.reports = Records(Report(b) for b in bundles)

    def _all(self, name: str) -> Records:
        return Records(r for rep in self.reports for r in getattr(rep, name))

    @property
    def persons(self) -> Records:
        return self._all("persons")

    @property
    def facts(self) -> Records:
        return self._all("facts")

    @property
    def citations(self) -> Records:
        return self._all("citations")

    @property
    def mentions(self) -> Records:
        return self._all("mentions")

    @property
    def corrections(self) -> Records:
        return self._all("corrections")

    def __iter__(self) -> Iterator[Report]:
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)

    def export(self, fmt: str, out) -> list:
        from pathlib import Path

        from kartoteka.cli.export import FORMATS, run_export

        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
        return run_export(fmt, [r.bundle for r in self.reports], Path(out))

    def __repr__(self) -> str:
        return f"<kartoteka {len(self.reports)} report(s)>"


def read(path: str) -> Collection:
    """Run the whole pipeline on one report file."""
    from kartoteka.export.bundle import from_file

    return Collection([from_file(str(path))])


def connect(db: str, report: str | None = None, raw: bool = False) -> Collection:
    """Every report of a store (SQLite path or postgresql:// URL), or only `report` (number or sha256).

    The curated state (historians' decisions applied) unless `raw=True`, which gives the machine's records."""
    from kartoteka.export.bundle import from_store

    return Collection(from_store(str(db), report, curated=not raw))
