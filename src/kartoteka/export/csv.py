"""CSV export: persons.csv, facts.csv, mentions.csv, corrections.csv, citations.csv;
notes.csv too when some report has curation notes.

UTF-8 with a byte-order mark (so spreadsheet programs read the Cyrillic and the dashes right when the file
is opened as is), a header row, RFC 4180 quoting. Rows of every report go into the same files, with a
`report` column.
"""

from __future__ import annotations

import csv
from pathlib import Path

from kartoteka.export.bundle import Bundle
from kartoteka.export.tables import OPTIONAL_TABLES, TABLES


def export_csv(bundles: list[Bundle], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    tables = {**TABLES, **(OPTIONAL_TABLES if any(b.notes for b in bundles) else {})}
    for name, (columns, rows) in tables.items():
        path = out / f"{name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore")
            writer.writeheader()
            for b in bundles:
                writer.writerows(rows(b))
        written.append(path)
    return written
