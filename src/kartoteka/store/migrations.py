"""Schema versions. Each migration is applied once, in order, in its own transaction.

To change the schema, append a `Migration` (never edit an applied one) and bump nothing else:
`SCHEMA_VERSION` is the last migration's number. `kartoteka db upgrade` applies what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from kartoteka.errors import InputError
from kartoteka.store.backend import Store
from kartoteka.store.schema import corpus_person_names_schema, initial_schema, surname_forms_schema


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Store], None]


def _initial(store: Store) -> None:
    store.script(initial_schema(store.dialect))


def _decisions(store: Store) -> None:
    # Curation (issue 9): the append-only decisions layer; see kartoteka.curation.schema.
    from kartoteka.curation.schema import decisions_schema

    store.script(decisions_schema(store.dialect))


def _corpus_person_names(store: Store) -> None:
    # Incremental corpus-person linking: name counts per surname, backfilled from the stored persons.
    from kartoteka.store.corpus_persons import rebuild

    store.script(corpus_person_names_schema(store.dialect))
    rebuild(store)


def _surname_forms(store: Store) -> None:
    # Search's name expansion read every person record of a surname (thousands in a large store).
    from kartoteka.store.surname_forms import rebuild

    store.script(surname_forms_schema(store.dialect))
    rebuild(store)


def _drop_unused_indexes(store: Store) -> None:
    # No query reads entities by kind or persons by surname key (search uses `surname_forms`): the two
    # indexes cost a quarter of the store's size and every ingest kept them up to date.
    store.execute("DROP INDEX IF EXISTS entities_kind")
    store.execute("DROP INDEX IF EXISTS persons_surname_key")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema: reports, layers, full-text index", _initial),
    Migration(2, "curation: append-only decisions", _decisions),
    Migration(3, "corpus persons: name counts for incremental linking", _corpus_person_names),
    Migration(4, "surname forms: spellings per surname key for search", _surname_forms),
    Migration(5, "drop the unused indexes entities_kind and persons_surname_key", _drop_unused_indexes),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def current_version(store: Store) -> int:
    if not store.has_table("schema_version"):
        return 0
    return int(store.scalar("SELECT max(version) FROM schema_version") or 0)


def upgrade(store: Store) -> list[Migration]:
    """Apply the missing migrations; return those applied."""
    applied: list[Migration] = []
    with store.transaction():
        if not store.has_table("schema_version"):
            store.execute(
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)"
            )
    have = current_version(store)
    for m in MIGRATIONS:
        if m.version <= have:
            continue
        with store.transaction():
            m.apply(store)
            store.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (m.version, m.description, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        applied.append(m)
    return applied


def require_current(store: Store) -> None:
    """For read commands: refuse a store whose schema is older (or newer) than this program."""
    have = current_version(store)
    if have == 0:
        raise InputError(f"{store.url}: empty store (run `kartoteka ingest` first)")
    if have < SCHEMA_VERSION:
        raise InputError(
            f"{store.url}: schema version {have} is older than {SCHEMA_VERSION}; run `kartoteka db upgrade`"
        )
    if have > SCHEMA_VERSION:
        raise InputError(f"{store.url}: schema version {have} is newer than this kartoteka ({SCHEMA_VERSION})")
