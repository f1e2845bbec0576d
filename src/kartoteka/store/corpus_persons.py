"""Corpus persons: person records of different reports linked into one person of the corpus.

A store-level step (per-report stages never see the corpus). Two person records are the same corpus
person when their surnames have the same `names.name_key` and their first initials agree. A record
without an initial joins the only initial group of its surname when there is exactly one; otherwise
it stays in the surname's "no initial" group.

Ids are derived from the key (`cp-` + hash of surname key and initial), never from insertion order,
so they are the same after re-ingest, re-derivation or ingesting the reports in another order: web
pages and exports can link to them.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from kartoteka.names import name_key
from kartoteka.store.backend import Store


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


def relink(store: Store, surname_keys: Iterable[str]) -> None:
    """Recompute corpus persons and links for every person with one of these surname keys."""
    for sk in sorted(set(surname_keys)):
        rows = store.all("SELECT report, id, name, initial FROM persons WHERE surname_key = ?", (sk,))
        store.execute("DELETE FROM corpus_person_links WHERE corpus_person IN "
                      "(SELECT id FROM corpus_persons WHERE surname_key = ?)", (sk,))
        store.execute("DELETE FROM corpus_persons WHERE surname_key = ?", (sk,))
        if not rows:
            continue
        initials = sorted({r[3] for r in rows if r[3]})
        groups: dict[str, list[tuple]] = defaultdict(list)
        for r in rows:
            initial = r[3] or (initials[0] if len(initials) == 1 else "")
            groups[initial].append(r)
        for initial, members in sorted(groups.items()):
            cid = corpus_person_id(sk, initial)
            names = Counter(m[2] for m in members)
            name = sorted(names, key=lambda n: (-names[n], -len(n), n))[0]
            store.execute(
                "INSERT INTO corpus_persons (id, surname_key, initial, name) VALUES (?, ?, ?, ?)",
                (cid, sk, initial, name),
            )
            store.executemany(
                "INSERT INTO corpus_person_links (corpus_person, report, person) VALUES (?, ?, ?)",
                [(cid, m[0], m[1]) for m in members],
            )
