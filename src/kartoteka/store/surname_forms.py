"""Spellings of each surname over the whole store: `surname_forms (surname_key, form, n)`.

`persons.forms` holds, per person record, the single-word spellings of its surname in that report.
Search expands a surname to its other spellings; reading them from `persons` visits every record of
the surname (one per report that names the person). This table keeps the distinct spellings with the
number of records using them, updated by each report's delta inside its transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kartoteka.store.backend import Store


def _counts(rows: Iterable[tuple[str, str]]) -> Counter:
    """(surname key, newline-separated forms) rows -> Counter of (surname key, form)."""
    out: Counter = Counter()
    for key, forms in rows:
        for form in set((forms or "").split("\n")):
            if key and form:
                out[(key, form)] += 1
    return out


def update(store: Store, removed: Iterable[tuple[str, str]], added: Iterable[tuple[str, str]]) -> None:
    """Apply one report's change: `removed`/`added` are (surname key, forms) of its old/new person records."""
    delta = _counts(added)
    delta.subtract(_counts(removed))
    changes = sorted((k, f, n) for (k, f), n in delta.items() if n)
    if not changes:
        return
    store.executemany(
        "INSERT INTO surname_forms (surname_key, form, n) VALUES (?, ?, ?) "
        "ON CONFLICT (surname_key, form) DO UPDATE SET n = surname_forms.n + excluded.n",
        changes,
    )
    gone = [(k, f) for k, f, n in changes if n < 0]
    if gone:
        store.executemany("DELETE FROM surname_forms WHERE surname_key = ? AND form = ? AND n <= 0", gone)


def rebuild(store: Store) -> None:
    """Recompute the table from `persons` (the migration's backfill; tests check it equals the updates)."""
    store.execute("DELETE FROM surname_forms")
    counts = _counts(store.all("SELECT surname_key, forms FROM persons"))
    store.executemany("INSERT INTO surname_forms (surname_key, form, n) VALUES (?, ?, ?)",
                      sorted((k, f, n) for (k, f), n in counts.items()))


def forms(store: Store, surname_key: str) -> list[str]:
    """Every stored spelling of a surname key, most used first."""
    return [r[0] for r in store.all(
        "SELECT form FROM surname_forms WHERE surname_key = ? ORDER BY n DESC, form LIMIT 500", (surname_key,))]
