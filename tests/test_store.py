"""The store on SQLite and PostgreSQL: ingest, idempotence, re-derivation, corpus persons, bad files, Dask."""

from __future__ import annotations

import random
import threading
from dataclasses import replace

import pytest

from kartoteka.ingest import load_source
from kartoteka.pipeline import analyze
from kartoteka.store import connect, ingest, surname_forms, upgrade
from kartoteka.store.corpus_persons import rebuild, update
from kartoteka.store.read import facts, persons_by_name, stats, timeline
from store_support import BASE_REPORTS, dump, store_url, variants

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    return store_url(request.param, tmp_path)


def test_ingest_stores_every_layer(url):
    with connect(url) as store:
        summary = ingest(store, [str(p) for p in BASE_REPORTS])
        assert summary.new == 3 and not summary.skipped
        for path in BASE_REPORTS:
            a = analyze(load_source(path))
            sha = a.source.sha256
            assert store.scalar("SELECT count(*) FROM blocks WHERE report = ?", (sha,)) == len(a.report.blocks)
            assert store.scalar("SELECT count(*) FROM divisions WHERE report = ?", (sha,)) == len(a.report.divisions)
            corrections = store.scalar("SELECT count(*) FROM corrections WHERE report = ?", (sha,))
            assert corrections == len(a.repaired.corrections)
            assert store.scalar("SELECT count(*) FROM facts WHERE report = ?", (sha,)) == len(a.facts)
            assert store.scalar("SELECT source_text FROM reports WHERE sha256 = ?", (sha,)) == a.source.text
            # standoff: every block's text is exactly its source span
            for start, end, text in store.all('SELECT start, "end", text FROM blocks WHERE report = ?', (sha,)):
                assert a.source.text[start:end] == text
        counts = stats(store)
        assert counts["reports"] == 3
        assert counts["bytes"] == sum(p.stat().st_size for p in BASE_REPORTS)


def test_ingest_is_idempotent(url):
    with connect(url) as store:
        ingest(store, [str(p) for p in BASE_REPORTS])
        before = dump(store)
        again = ingest(store, [str(p) for p in BASE_REPORTS])
        assert again.new == 0 and again.rederived == 0 and again.unchanged == 3
        assert dump(store) == before


def test_older_pipeline_is_rederived_from_stored_source(url):
    with connect(url) as store:
        ingest(store, [str(p) for p in BASE_REPORTS])
        before = dump(store)
        cps = {r[0] for r in store.all("SELECT id FROM corpus_persons")}
        with store.transaction():
            store.execute("UPDATE reports SET pipeline_version = '0'")
            store.execute("DELETE FROM blocks")  # the derived layer is gone; the source stays
        summary = ingest(store, [str(p) for p in BASE_REPORTS])
        assert summary.rederived == 3
        after = dump(store)
        assert after["blocks"] == before["blocks"]
        assert [r[:-2] for r in after["reports"]] == [r[:-2] for r in before["reports"]]
        assert {r[0] for r in store.all("SELECT id FROM corpus_persons")} == cps


def test_corpus_person_ids_do_not_depend_on_order(url, tmp_path):
    reports = variants(tmp_path / "r", 6)
    with connect(url) as store:
        ingest(store, [str(p) for p in reports])
        forward = dump(store)["corpus_person_links"]
    other = store_url("sqlite", tmp_path / "other")
    (tmp_path / "other").mkdir(exist_ok=True)
    with connect(other) as store:
        for p in reversed(reports):
            ingest(store, [str(p)])
        assert dump(store)["corpus_person_links"] == forward


def test_corpus_persons_link_across_reports(url, tmp_path):
    reports = variants(tmp_path / "r", 3, start=2)  # three copies of the purge report's kind and others
    with connect(url) as store:
        ingest(store, [str(p) for p in reports] + [str(BASE_REPORTS[2])])
        if not store.scalar("SELECT count(*) FROM persons"):
            pytest.skip("the persons layer produced no persons")
        found = persons_by_name(store, "Lisitsyna")
        assert found, "Lisitsyna is named in the essay fixture"
        assert len(found[0]["reports"]) >= 1
        # any spelling of the surname finds the same corpus person
        assert [p["id"] for p in persons_by_name(store, "Лисицына")] == [p["id"] for p in found]


def test_facts_and_timeline_across_reports(url, tmp_path):
    reports = variants(tmp_path / "r", 4)
    with connect(url) as store:
        ingest(store, [str(p) for p in reports])
        all_facts = facts(store)
        if not all_facts:
            pytest.skip("the facts layer produced no facts")
        assert {f["report"] for f in all_facts} <= {r[0] for r in store.all("SELECT number FROM reports")}
        years = [f["year"] for f in all_facts if f.get("year") is not None]
        assert years == sorted(years)
        counts = timeline(store)
        assert sum(c["count"] for c in counts) == len([f for f in all_facts if f.get("year") is not None])
        one = all_facts[0]
        assert all(f["type"] == one["type"] for f in facts(store, type=one["type"]))


def test_bad_files_are_skipped_and_listed(url, tmp_path):
    folder = tmp_path / "mixed"
    good = variants(folder, 2)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "sub.txt").mkdir()
    with connect(url) as store:
        summary = ingest(store, [str(folder), str(tmp_path / "missing.txt"), str(tmp_path / "none*.txt")])
        assert summary.new == len(good)
        reasons = {p.rsplit("/", 1)[-1]: r for p, r in summary.skipped}
        assert "empty" in reasons["empty.txt"]
        assert "binary" in reasons["binary.txt"]
        assert "no such file" in reasons["missing.txt"]
        assert "none*.txt" in reasons


def test_dask_two_workers_equal_one_process(url, tmp_path):
    pytest.importorskip("dask.distributed")
    reports = [str(p) for p in variants(tmp_path / "r", 6)]
    with connect(url) as store:
        ingest(store, reports)
        serial = dump(store)
    parallel_url = store_url("sqlite", tmp_path) if url.endswith(".db") else store_url("postgres", tmp_path)
    if parallel_url == url:
        parallel_url = str(tmp_path / "parallel.db")
    with connect(parallel_url) as store:
        summary = ingest(store, reports, workers=2, analyse_while_starting=False)
        assert summary.new == 6 and summary.workers == 2 and summary.in_main_process == 0
        assert dump(store) == serial
    if not url.endswith(".db"):
        return
    # By default the main process analyses the first report itself (on Linux, to warm the caches the
    # forked workers share); the store is the same.
    with connect(str(tmp_path / "overlapped.db")) as store:
        summary = ingest(store, reports, workers=2)
        assert summary.new == 6 and summary.in_main_process >= 1
        assert dump(store) == serial


_FORKED_INGEST = """
import importlib, json, sys
from kartoteka.store import connect, ingest
module = importlib.import_module("kartoteka.store.ingest")
methods = []
start_local = module._start_local
module._start_local = lambda workers, method: (methods.append(method), start_local(workers, method))[1]
with connect(sys.argv[1]) as store:
    summary = ingest(store, sys.argv[2:], workers=2)
print(json.dumps({"methods": methods, "new": summary.new}))
"""


def test_dask_forked_workers_from_a_fresh_process_store_the_same(tmp_path):
    """The fork path as the command line takes it: a fresh, single-threaded process forks its workers
    (inside this test run other tests leave threads behind, so `ingest` would spawn instead)."""
    pytest.importorskip("dask.distributed")
    import json
    import multiprocessing
    import subprocess
    import sys

    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("forked workers are used on Linux only")
    reports = [str(p) for p in variants(tmp_path / "r", 5)]
    with connect(str(tmp_path / "serial.db")) as store:
        ingest(store, reports)
        serial = dump(store)
    done = subprocess.run([sys.executable, "-c", _FORKED_INGEST, str(tmp_path / "forked.db"), *reports],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"methods": ["fork"], "new": 5}
    with connect(str(tmp_path / "forked.db")) as store:
        assert dump(store) == serial


def test_no_fork_while_another_thread_runs():
    """A child forked while a thread of ours holds a lock would inherit it held forever: with any
    other thread alive, `ingest` spawns its workers instead."""
    from kartoteka.store.ingest import _can_fork

    release = threading.Event()
    waiting = threading.Thread(target=release.wait, name="test-holder")
    waiting.start()
    try:
        assert threading.active_count() > 1
        assert _can_fork() is False
    finally:
        release.set()
        waiting.join()


def _ingest_module():
    import importlib

    return importlib.import_module("kartoteka.store.ingest")  # `kartoteka.store.ingest` is also a function


@pytest.mark.parametrize("how", ["batches of 3", "spawned workers"])
def test_dask_variants_store_the_same(tmp_path, monkeypatch, how):
    """Batches of several reports per task, and spawned workers (where fork is unavailable, the main
    process analyses while they start), store exactly what one process stores."""
    pytest.importorskip("dask.distributed")
    reports = [str(p) for p in variants(tmp_path / "r", 7)]
    with connect(str(tmp_path / "serial.db")) as store:
        ingest(store, reports)
        serial = dump(store)
    if how == "batches of 3":
        # 3 + 3 + 1: every report is still written once, in its own transaction
        monkeypatch.setattr(_ingest_module(), "_batch_size", lambda left, workers: 3)
    else:
        monkeypatch.setattr(_ingest_module(), "_can_fork", lambda: False)
    with connect(str(tmp_path / "parallel.db")) as store:
        summary = ingest(store, reports, workers=2, analyse_while_starting=how == "spawned workers")
        assert summary.new == 7 and not summary.skipped and summary.workers == 2
        assert dump(store) == serial


def test_dask_batches_shrink_to_single_reports_at_the_end():
    from kartoteka.store.ingest import MAX_BATCH, _batch_size

    sizes = [_batch_size(left, 2) for left in range(200)]
    assert sizes[:8] == [1] * 8  # the last reports go one per task: no worker waits on a long batch
    assert max(sizes) == MAX_BATCH and min(sizes) == 1
    assert sizes == sorted(sizes)  # never larger closer to the end


def _linking(store) -> tuple[list, ...]:
    return (sorted(store.all("SELECT id, surname_key, initial, name FROM corpus_persons")),
            sorted(store.all("SELECT corpus_person, report, person FROM corpus_person_links")),
            sorted(store.all("SELECT surname_key, initial, name, n FROM corpus_person_names")))


def test_incremental_linking_equals_full_rebuild(url):
    """Writing reports one by one (new and re-derived, initials appearing and vanishing) links exactly
    as recomputing the whole store from `persons` does."""
    rng = random.Random(3)
    names = {"ivanov": ["Ivanov", "Ivanoff", "A. Ivanov"], "petrov": ["Petrov", "B. Petrov"], "kirov": ["Kirov"]}
    with connect(url) as store:
        upgrade(store)
        for step in range(60):
            sha = f"r{rng.randrange(10)}"
            with store.transaction():
                removed: list[tuple] = []
                if store.one("SELECT 1 FROM reports WHERE sha256 = ?", (sha,)):
                    removed = store.all("SELECT surname_key, initial, name, count(*) FROM persons WHERE report = ? "
                                        "GROUP BY surname_key, initial, name", (sha,))
                    store.execute("DELETE FROM corpus_person_links WHERE report = ?", (sha,))
                    store.execute("DELETE FROM persons WHERE report = ?", (sha,))
                else:
                    store.execute("INSERT INTO reports (sha256, bytes, source_text, pipeline_version, ingested_at, "
                                  "derived_at) VALUES (?, 0, '', '1', '', '')", (sha,))
                added = []
                for i in range(rng.randrange(5)):
                    sk = rng.choice(sorted(names))
                    added.append((sha, f"p{i}", sk, rng.choice(["", "", "a", "b"]), rng.choice(names[sk])))
                store.executemany("INSERT INTO persons (report, id, name, surname, key, surname_key, initial, forms, "
                                  "json) VALUES (?, ?, ?, NULL, '', ?, ?, '', '{}')",
                                  [(r, pid, name, sk, initial) for r, pid, sk, initial, name in added])
                update(store, removed, added)
            incremental = _linking(store)
            with store.transaction():
                rebuild(store)
            assert _linking(store) == incremental, f"step {step}"


def test_migration_backfills_name_counts(url, tmp_path):
    """A store written before migration 3 gets its name counts from `persons`; linking then goes on from them."""
    reports = [str(p) for p in variants(tmp_path / "r", 4)]
    with connect(url) as store:
        ingest(store, reports[:2])
        expected = _linking(store)
        with store.transaction():
            store.execute("DROP TABLE corpus_person_names")
            store.execute("DROP TABLE surname_forms")
            store.execute("DELETE FROM schema_version WHERE version >= 3")
        assert [m.version for m in upgrade(store)] == [3, 4, 5]
        assert _linking(store) == expected
        ingest(store, reports[2:])
        incremental = _linking(store)
        with store.transaction():
            rebuild(store)
        assert _linking(store) == incremental


def _forms(store) -> list[tuple]:
    return sorted(store.all("SELECT surname_key, form, n FROM surname_forms"))


def test_surname_forms_follow_writes_and_rederivation(url, tmp_path):
    """The store's spellings per surname key, kept by each report's delta, equal a recount from `persons`,
    after new reports and after re-deriving some of them; migration 4 backfills the same table."""
    reports = [str(p) for p in variants(tmp_path / "r", 4)]
    with connect(url) as store:
        ingest(store, reports[:3])
        with store.transaction():
            store.execute("UPDATE reports SET pipeline_version = '0' WHERE sha256 IN "
                          "(SELECT sha256 FROM reports ORDER BY sha256 LIMIT 2)")
        summary = ingest(store, reports)
        assert summary.rederived == 2 and summary.new == 1
        incremental = _forms(store)
        assert incremental and all(n > 0 for _, _, n in incremental)
        with store.transaction():
            surname_forms.rebuild(store)
        assert _forms(store) == incremental
        with store.transaction():
            store.execute("DROP TABLE surname_forms")
            store.execute("DELETE FROM schema_version WHERE version >= 4")
        assert [m.version for m in upgrade(store)] == [4, 5]
        assert _forms(store) == incremental


def test_surname_forms_delta_matches_recount(url):
    """Random add/remove sequences of person records: the incremental table equals a recount."""
    rng = random.Random(5)
    spellings = {"zinovev": ["Zinovyev", "Zinoviev", "Zinovev"], "ezhov": ["Yezhov", "Ezhov", "Ежов"]}
    with connect(url) as store:
        upgrade(store)
        for step in range(40):
            sha = f"r{rng.randrange(6)}"
            with store.transaction():
                removed = store.all("SELECT surname_key, forms FROM persons WHERE report = ?", (sha,))
                store.execute("DELETE FROM persons WHERE report = ?", (sha,))
                if not store.one("SELECT 1 FROM reports WHERE sha256 = ?", (sha,)):
                    store.execute("INSERT INTO reports (sha256, bytes, source_text, pipeline_version, ingested_at, "
                                  "derived_at) VALUES (?, 0, '', '1', '', '')", (sha,))
                added = []
                for i in range(rng.randrange(4)):
                    sk = rng.choice(sorted(spellings))
                    forms = "\n".join(sorted(set(rng.sample(spellings[sk], rng.randrange(1, 3)))))
                    added.append((sha, f"p{i}", sk, forms))
                store.executemany("INSERT INTO persons (report, id, name, surname, key, surname_key, initial, forms, "
                                  "json) VALUES (?, ?, '', NULL, '', ?, '', ?, '{}')", added)
                surname_forms.update(store, removed, [(sk, forms) for _, _, sk, forms in added])
            incremental = _forms(store)
            with store.transaction():
                surname_forms.rebuild(store)
            assert _forms(store) == incremental, f"step {step}"


def test_existing_scheduler_equals_one_process(tmp_path):
    """`--scheduler ADDRESS`: the analysis runs on a cluster started elsewhere; the store is the same."""
    distributed = pytest.importorskip("dask.distributed")
    reports = [str(p) for p in variants(tmp_path / "r", 3)]
    with connect(str(tmp_path / "serial.db")) as store:
        ingest(store, reports)
        serial = dump(store)
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address="127.0.0.1:0", silence_logs=40)
    with cluster, connect(str(tmp_path / "remote.db")) as store:
        summary = ingest(store, reports, scheduler=cluster.scheduler_address)
        assert summary.new == 3 and summary.workers == 1 and summary.in_main_process == 0
        assert dump(store) == serial


def test_a_local_worker_reads_its_file_and_reports_one_it_cannot_read(tmp_path):
    from kartoteka.store.ingest import prepare, prepare_file

    (report,) = variants(tmp_path / "r", 1)
    read, sent = prepare_file(str(report)), prepare(str(report), report.read_bytes())
    # the same rows, but for the two timestamps that end the report row
    assert replace(read, report=read.report[:-2]) == replace(sent, report=sent.report[:-2])
    missing = str(tmp_path / "gone.txt")  # removed between the main process's hashing and the worker's read
    path, reason = prepare_file(missing)
    assert path == missing and reason.startswith("cannot read")
