"""Corpus persons: person records of different reports linked into one person of the corpus.

A store-level step (per-report stages never see the corpus). Two person records are the same corpus
person when their surnames have the same `names.name_key` and their first initials agree. A record
without an initial joins the only initial group of its surname when there is exactly one; otherwise
it stays in the surname's "no initial" group. A corpus person's name is its members' most frequent
name (then the longest, then the first in order).

Ids are derived from the key (`cp-` + hash of surname key and initial), never from insertion order,
so they are the same after re-ingest, re-derivation or ingesting the reports in another order: web
pages and exports can link to them.

Linking is incremental: `corpus_person_names` counts the person records per (surname key, own
initial, name), so writing one report touches only its own surnames and costs the same whether the
store holds ten reports or ten thousand: the counts are updated by the report's delta, the groups of
each touched surname are recomputed from its counts (a few rows), and only the report's own records
get links, except when a surname's "no initial" records change group (a rare, bounded move).
`rebuild` recomputes everything from `persons` (the migration's backfill; tests check both agree).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from kartoteka.names import name_key
from kartoteka.store.backend import Store

#: Parameters per `IN (...)` list (well below every SQLite build's limit).
_CHUNK = 500


def corpus_person_id(surname_key: str, initial: str) -> str:
    digest = hashlib.sha1(f"{surname_key}|{initial}".encode()).hexdigest()[:12]
    return f"cp-{digest}"


def surname_and_initial(name: str, surname: str | None) -> tuple[str, str, str]:
    """(key of the full name, key of the surname, first initial as a key letter or "")."""
    words = name.replace(".", ". ").split()
    if not surname:
        surname = words[-1] if words else name
    given = [w for w in words if w != surname and name_key(w) != name_key(surname)]
    first = next((name_key(w) for w in given if name_key(w)), "")
    return name_key(name), name_key(surname) or name_key(name), first[:1]


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _no_initial_target(initials: Iterable[str]) -> str:
    """The group of a surname's records without an initial, given the initials present."""
    present = sorted({i for i in initials if i})
    return present[0] if len(present) == 1 else ""


def _groups(counts: dict[tuple[str, str], int]) -> dict[str, str]:
    """initial -> corpus person name, from one surname's {(own initial, name): count}."""
    target = _no_initial_target(i for i, _ in counts)
    names: dict[str, Counter] = defaultdict(Counter)
    for (initial, name), n in counts.items():
        names[initial or target][name] += n
    return {g: min(c, key=lambda n: (-c[n], -len(n), n)) for g, c in names.items()}


def _read(store: Store, table_sql: str, keys: list[str]) -> list[tuple]:
    out: list[tuple] = []
    for part in _chunks(keys):
        marks = ", ".join("?" * len(part))
        out += store.all(table_sql.format(marks=marks), tuple(part))
    return out


def update(store: Store, removed: Iterable[tuple[str, str, str, int]],
           added: Sequence[tuple[str, str, str, str, str]]) -> None:
    """Link one report's person records incrementally (inside the report's transaction).

    `removed`: (surname key, initial, name, count) of records already deleted from `persons` (a
    re-derivation; their links are gone with the report's rows). `added`: (report, person id, surname
    key, initial, name) of records just inserted into `persons`, not yet linked.
    """
    delta: Counter = Counter()
    for sk, initial, name, n in removed:
        delta[(sk, initial, name)] -= n
    for _, _, sk, initial, name in added:
        delta[(sk, initial, name)] += 1
    delta = Counter({k: n for k, n in delta.items() if n})
    keys = sorted({k[0] for k in delta} | {a[2] for a in added})
    if not keys:
        return
    before: dict[str, dict[str, str]] = defaultdict(dict)  # surname key -> initial -> name (stored groups)
    for sk, initial, name in _read(store, "SELECT surname_key, initial, name FROM corpus_persons "
                                   "WHERE surname_key IN ({marks})", keys):
        before[sk][initial] = name
    if delta:
        store.executemany(
            "INSERT INTO corpus_person_names (surname_key, initial, name, n) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (surname_key, initial, name) DO UPDATE SET n = corpus_person_names.n + excluded.n",
            [(sk, i, name, n) for (sk, i, name), n in sorted(delta.items())],
        )
        if any(n < 0 for n in delta.values()):
            store.executemany("DELETE FROM corpus_person_names WHERE surname_key = ? AND initial = ? AND name = ? "
                              "AND n <= 0", [k for k, n in sorted(delta.items()) if n < 0])
    counts: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for sk, initial, name, n in _read(store, "SELECT surname_key, initial, name, n FROM corpus_person_names "
                                      "WHERE surname_key IN ({marks})", keys):
        counts[sk][(initial, name)] = n
    inserts, renames, deletes, moves = [], [], [], []
    targets: dict[str, str] = {}
    for sk in keys:
        old, new = before.get(sk, {}), _groups(counts.get(sk, {}))
        for initial, name in sorted(new.items()):
            if initial not in old:
                inserts.append((corpus_person_id(sk, initial), sk, initial, name))
            elif old[initial] != name:
                renames.append((name, corpus_person_id(sk, initial)))
        deletes += [(corpus_person_id(sk, initial),) for initial in sorted(old) if initial not in new]
        targets[sk] = after = _no_initial_target(i for i, _ in counts.get(sk, {}))
        was = _no_initial_target(old)
        if was != after and old:
            moves.append((corpus_person_id(sk, after), corpus_person_id(sk, was)))
    # Records without an initial that changed group (their surname gained or lost an initial group).
    store.executemany(
        "UPDATE corpus_person_links SET corpus_person = ? WHERE corpus_person = ? AND EXISTS (SELECT 1 FROM "
        "persons p WHERE p.report = corpus_person_links.report AND p.id = corpus_person_links.person "
        "AND p.initial = '')", moves)
    store.executemany("DELETE FROM corpus_persons WHERE id = ?", deletes)
    store.executemany("UPDATE corpus_persons SET name = ? WHERE id = ?", renames)
    store.executemany("INSERT INTO corpus_persons (id, surname_key, initial, name) VALUES (?, ?, ?, ?)", inserts)
    store.executemany(
        "INSERT INTO corpus_person_links (corpus_person, report, person) VALUES (?, ?, ?)",
        [(corpus_person_id(sk, initial or targets[sk]), report, pid) for report, pid, sk, initial, _ in added],
    )


def rebuild(store: Store) -> None:
    """Recompute the name counts, corpus persons and links of the whole store from `persons`."""
    store.execute("DELETE FROM corpus_person_links")
    store.execute("DELETE FROM corpus_persons")
    store.execute("DELETE FROM corpus_person_names")
    store.execute("INSERT INTO corpus_person_names (surname_key, initial, name, n) "
                  "SELECT surname_key, initial, name, count(*) FROM persons GROUP BY surname_key, initial, name")
    added = store.all("SELECT report, id, surname_key, initial, name FROM persons")
    counts: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for sk, initial, name, n in store.all("SELECT surname_key, initial, name, n FROM corpus_person_names"):
        counts[sk][(initial, name)] = n
    targets = {sk: _no_initial_target(i for i, _ in c) for sk, c in counts.items()}
    store.executemany("INSERT INTO corpus_persons (id, surname_key, initial, name) VALUES (?, ?, ?, ?)",
                      [(corpus_person_id(sk, g), sk, g, name) for sk in sorted(counts)
                       for g, name in sorted(_groups(counts[sk]).items())])
    store.executemany(
        "INSERT INTO corpus_person_links (corpus_person, report, person) VALUES (?, ?, ?)",
        [(corpus_person_id(sk, initial or targets[sk]), report, pid) for report, pid, sk, initial, _ in added],
    )
