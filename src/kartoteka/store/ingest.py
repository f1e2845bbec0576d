"""Ingest many reports: expand paths, analyse each (locally or on Dask), write each in one transaction.

Writes always happen here, in the main process, one transaction per report: killing the run loses no
committed report and leaves no half report. Workers only read and analyse. A report is keyed by the
sha256 of its bytes; a stored report is skipped unless the running pipeline is newer than the one that
derived it, in which case its derived layers are rebuilt from the stored source.
"""

from __future__ import annotations

import glob
import hashlib
import os
import pickle
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kartoteka.errors import InputError
from kartoteka.ingest import Source, source_from_bytes
from kartoteka.pipeline import analyze, current_version, version_key
from kartoteka.store.backend import Store
from kartoteka.store.migrations import upgrade
from kartoteka.store.write import Rows, to_rows, write

#: Dask settings for `--workers N` (a local cluster): no profiler, no GIL monitor, no work stealing
#: (tasks are uniform and submitted in a small window), slower housekeeping ticks.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "200ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
}

#: SQLite page cache of the ingesting connection, in KiB.
INGEST_CACHE_KIB = 32_768

#: Pages of write-ahead log between automatic checkpoints while ingesting (SQLite's default is 1,000).
INGEST_WAL_PAGES = 8_192

#: File suffixes taken from folders and globs (an explicit file path is always tried).
SUFFIXES = (".txt", ".pdf")


@dataclass
class Summary:
    files: int = 0
    new: int = 0
    rederived: int = 0
    unchanged: int = 0
    persons: int = 0
    mentions: int = 0
    facts: int = 0
    corrections: int = 0
    blocks: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    #: with a local cluster: reports analysed in the main process while the cluster was starting
    in_main_process: int = 0

    def to_json(self) -> dict:
        return {
            "files": self.files,
            "reports": self.new + self.rederived,
            "new": self.new,
            "rederived": self.rederived,
            "unchanged": self.unchanged,
            "blocks": self.blocks,
            "persons": self.persons,
            "mentions": self.mentions,
            "facts": self.facts,
            "corrections": self.corrections,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "seconds": round(self.seconds, 3),
            "workers": self.workers,
            "in_main_process": self.in_main_process,
        }


def expand(paths: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files named by `paths` (files, folders searched recursively, globs), in a stable order."""
    files: list[str] = []
    skipped: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                skipped.append((raw, "folder holds no .txt or .pdf files"))
            files.extend(found)
        elif p.exists():
            files.append(raw)
        elif glob.has_magic(raw):
            found = sorted(f for f in glob.glob(raw, recursive=True)
                           if Path(f).is_file() and Path(f).suffix.lower() in SUFFIXES)
            if not found:
                skipped.append((raw, "pattern matches no .txt or .pdf files"))
            files.extend(found)
        else:
            skipped.append((raw, "no such file"))
    seen: set[str] = set()
    unique = []
    for f in files:
        key = os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, skipped


def source_from_file_bytes(data: bytes, path: str) -> Source:
    """Decode a report file; a PDF is read through its text layer (needs the `pdf` extra)."""
    if data[:5] == b"%PDF-":
        return _pdf_source(data, path)
    return source_from_bytes(data, path)


def _pdf_source(data: bytes, path: str) -> Source:
    try:
        import io

        from pypdf import PdfReader
    except ImportError:
        raise InputError(f"{path}: PDF input needs pypdf: pip install 'kartoteka[pdf]'") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as error:
        raise InputError(f"{path}: unreadable PDF ({type(error).__name__}: {error})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError(f"{path}: PDF has no text layer (scanned images need OCR first)")
    decoded = source_from_bytes(text.encode("utf-8"), path)
    # The report is keyed by the bytes of the file as given, not by the extracted text.
    return Source(path=path, sha256=hashlib.sha256(data).hexdigest(), text=decoded.text, encoding="pdf",
                  warnings=decoded.warnings)


def prepare(path: str, data: bytes) -> Rows | tuple[str, str]:
    """The per-file task (runs on a worker): rows to write, or (path, reason) when the file is bad."""
    try:
        return to_rows(analyze(source_from_file_bytes(data, path)))
    except InputError as error:
        return (path, str(error).removeprefix(f"{path}: "))
    except Exception as error:  # a pipeline bug on one file must not stop a corpus run
        return (path, f"internal error: {type(error).__name__}: {error}")


def prepare_file(path: str) -> Rows | tuple[str, str]:
    """The per-file task of a local cluster: the worker reads the file itself (the bytes in the task
    would travel through the scheduler, which keeps memory of every graph it was sent)."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return (path, f"cannot read ({error.strerror or error})")
    return prepare(path, data)


def prepare_stored(source: Source) -> Rows | tuple[str, str]:
    """Re-derive a stored report from its stored source."""
    try:
        return to_rows(analyze(source))
    except Exception as error:
        return (source.path, f"internal error while re-deriving: {type(error).__name__}: {error}")


def _tasks(store: Store, files: list[str], summary: Summary) -> Iterator[tuple[Callable, tuple, int]]:
    """What to run for each file: nothing (already stored), a fresh analysis, or a re-derivation; with
    the number of files after it (a Dask run makes its batches smaller towards the end)."""
    running = version_key(current_version())
    for i, path in enumerate(files):
        left = len(files) - i - 1
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            summary.skipped.append((path, f"cannot read ({error.strerror or error})"))
            continue
        sha = hashlib.sha256(data).hexdigest()
        row = store.one("SELECT pipeline_version, path, encoding, warnings FROM reports WHERE sha256 = ?", (sha,))
        if row is None:
            yield prepare, (path, data), left
        elif version_key(row[0]) >= running:
            summary.unchanged += 1
        else:
            import json

            text = store.scalar("SELECT source_text FROM reports WHERE sha256 = ?", (sha,))
            source = Source(path=row[1] or path, sha256=sha, text=text, encoding=row[2] or "utf-8",
                            warnings=tuple(json.loads(row[3] or "[]")))
            yield prepare_stored, (source,), left


def _record(store: Store, result: Rows | tuple[str, str], summary: Summary) -> None:
    if isinstance(result, tuple):
        summary.skipped.append(result)
        return
    try:
        outcome = write(store, result)
    except Exception as error:  # the transaction rolled back: nothing of this report is stored
        if type(error).__module__.split(".")[0] not in ("sqlite3", "psycopg"):
            raise
        summary.skipped.append((result.report[4], f"not stored: {type(error).__name__}: {error}"))
        return
    if outcome == "unchanged":
        summary.unchanged += 1
        return
    if outcome == "new":
        summary.new += 1
    else:
        summary.rederived += 1
    summary.blocks += len(result.blocks)
    summary.persons += len(result.persons)
    summary.mentions += len(result.person_mentions)
    summary.facts += len(result.facts)
    summary.corrections += len(result.corrections)


def ingest(
    store: Store,
    paths: list[str],
    workers: int | None = None,
    scheduler: str | None = None,
    on_file: Callable[[int, int], None] | None = None,
    analyse_while_starting: bool = True,
) -> Summary:
    """Ingest `paths` into `store`. `on_file(done, total)` is called after each file (for progress).

    With `workers`, the main process analyses reports itself while the local cluster starts, unless
    `analyse_while_starting` is False (then every report goes through Dask)."""
    started = time.perf_counter()
    upgrade(store)
    if store.dialect == "sqlite":
        # A report's rows land in several B-trees at once (tables, indexes, the full-text index): a larger
        # page cache for this connection keeps their interior pages in memory across reports.
        store.execute(f"PRAGMA cache_size = -{INGEST_CACHE_KIB}")
        # Checkpoint the write-ahead log less often: a page written by several reports is copied once.
        store.execute(f"PRAGMA wal_autocheckpoint = {INGEST_WAL_PAGES}")
    files, skipped = expand(paths)
    summary = Summary(files=len(files), skipped=list(skipped), workers=workers or 1)
    total = len(files)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if on_file:
            on_file(done, total)

    tasks = _tasks(store, files, summary)
    if (workers and workers > 1) or scheduler:
        _run_dask(store, tasks, summary, workers, scheduler, tick, analyse_while_starting)
    else:
        for fn, args, _ in tasks:
            _record(store, fn(*args), summary)
            tick()
        # files skipped before any task (unreadable, already stored) still count as done
    while done < total:
        tick()
    summary.seconds = time.perf_counter() - started
    return summary


#: Reports per Dask task at most: Dask costs ~13 ms of CPU per task on a small machine (measured), a
#: few percent of a report's analysis; batches shrink towards the end so no worker waits on a long last one.
MAX_BATCH = 4


def _batch_size(files_left: int, workers: int) -> int:
    return max(1, min(MAX_BATCH, files_left // (4 * workers)))


def prepare_batch(batch: list[tuple[Callable, tuple]]) -> bytes:
    """Run several per-file tasks on a worker; the results travel back as one pickled blob (Dask then
    ships a single frame instead of inspecting and serialising thousands of row tuples itself)."""
    return pickle.dumps([fn(*args) for fn, args in batch], protocol=pickle.HIGHEST_PROTOCOL)


def _task_path(args: tuple) -> str:
    first = args[0]
    return first.path if isinstance(first, Source) else str(first)


def _can_fork() -> bool:
    """Fork only from a single-threaded process: a child forked while another thread holds a lock (an
    earlier Dask client leaves its `Dask-Offload` thread behind; a web server or a pool may run too)
    inherits the lock held forever and can hang at its first log line or allocation."""
    import multiprocessing
    import sys
    import threading

    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


def _start_local(workers: int, method: str) -> tuple:
    """A local cluster of `workers` single-threaded worker processes started by `method`, and its client."""
    import dask
    from dask.distributed import Client, LocalCluster

    with dask.config.set({**LOCAL_CLUSTER_CONFIG, "distributed.worker.multiprocessing-method": method}):
        # Loopback only, and the scheduler's HTTP server on a free port (None would mean 8787 on every
        # interface).
        local = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                             dashboard_address="127.0.0.1:0", silence_logs=40)
    return local, Client(local)


def _run_dask(store, tasks, summary, workers, scheduler, tick, analyse_while_starting) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise InputError("--workers/--scheduler need Dask: pip install 'kartoteka[dask]'") from None

    cluster = None
    if scheduler:
        client = Client(scheduler)
        summary.workers = len(client.scheduler_info().get("workers", {})) or 1
    elif _can_fork():
        # Forked workers start in a fraction of a second and share this process's loaded lexicons and
        # warm caches; spawned ones are fresh interpreters that import Dask and the pipeline and load
        # the lexicons again (~1.5 s CPU each). The first report is analysed here to warm them.
        if analyse_while_starting:
            task = next(tasks, None)
            if task is not None:
                fn, args, _ = task
                _record(store, fn(*args), summary)
                summary.in_main_process += 1
                tick()
        # No other thread of ours runs while the cluster forks (the CLI's progress bar refreshes from
        # the main thread), and a worker never touches the store's connection it inherits.
        cluster, client = _start_local(workers, "fork")
    else:
        # Spawning takes seconds, while the main process would sit idle: it analyses reports itself
        # until the cluster is up.
        with ThreadPoolExecutor(max_workers=1) as pool:
            starting = pool.submit(_start_local, workers, "spawn")
            while analyse_while_starting and not starting.done():
                task = next(tasks, None)
                if task is None:
                    break
                fn, args, _ = task
                _record(store, fn(*args), summary)
                summary.in_main_process += 1
                tick()
            cluster, client = starting.result()
    try:
        window = max(2, 2 * summary.workers)
        pending = as_completed()
        batches: dict = {}  # future -> the paths of its reports
        tasks = iter(tasks)
        exhausted = False

        def submit_next() -> bool:
            batch: list[tuple[Callable, tuple]] = []
            for fn, args, left in tasks:
                if fn is prepare and cluster is not None:
                    # our own workers see our files: send the path, not the bytes (sending the bytes,
                    # the main process grew by ~0.2 MB per report over a run; with paths it levels off)
                    fn, args = prepare_file, (args[0],)
                batch.append((fn, args))
                if len(batch) >= _batch_size(left, summary.workers):
                    break
            if not batch:
                return False
            future = client.submit(prepare_batch, batch, pure=False)
            batches[future] = [_task_path(args) for _, args in batch]
            pending.add(future)
            return True

        while len(batches) < window and not exhausted:
            exhausted = not submit_next()
        while batches:
            future = next(pending)
            paths = batches.pop(future)
            try:
                results = pickle.loads(future.result())
            except Exception as error:
                results = [(path, f"worker failed: {type(error).__name__}: {error}") for path in paths]
            future.release()
            for result in results:
                _record(store, result, summary)
                tick()
            if not exhausted:
                exhausted = not submit_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
