"""`export bib`: cited works as CSL-JSON (`<report>.csl.json`) and BibTeX (`<report>.bib`)."""

from __future__ import annotations

import json
from pathlib import Path

from kartoteka.citations.bib import to_bibtex, to_csl
from kartoteka.export.bundle import Bundle


def export_bib(bundles: list[Bundle], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for b in bundles:
        csl, bib = out / f"{b.name}.csl.json", out / f"{b.name}.bib"
        csl.write_text(json.dumps(to_csl(b.citations), ensure_ascii=False, indent=2), encoding="utf-8")
        bib.write_text(to_bibtex(b.citations), encoding="utf-8")
        written += [csl, bib]
    return written
