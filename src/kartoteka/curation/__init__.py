"""Curation (issue 9): historians' decisions as their own append-only layer over the machine's records.

    >>> from kartoteka.curation import Decision, apply, record, curate
    >>> record(store, Decision(report=sha, kind="fact.reject", target=..., payload={}, author="ann", reason="..."))
    >>> curate(store, sha).facts          # the machine's facts with every decision applied

The machine layers are never edited; the curated state is computed from them and the decisions.
"""

from kartoteka.curation.apply import Curated, Machine, apply
from kartoteka.curation.model import KINDS, Decision
from kartoteka.curation.store import curate, export, import_records, load, orphans, record

__all__ = ["KINDS", "Curated", "Decision", "Machine", "apply", "curate", "export", "import_records", "load",
           "orphans", "record"]
