"""One extract run: discover files, extract what changed, commit what changed, record the run.

A file whose path and bytes the last recorded run already had (and that did not fail there) is not
read again: its rows stay where they are. Every other file comes from the content-hash cache or
from an executor's workers; its documents' records stream to staging (only those that differ from
what the tables hold), and the run commits, per table, one version replacing the rows of the keys
that changed. Without a previous run by the same code, every table is written whole. Facility
linking runs over the whole dataset when anything came, changed or went (`pipeline/link/dataset.py`)
and rewrites only the rows whose facility ids or linking checks changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import hashlib
import json
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from deltalake import DeltaTable

from pipeline import __version__
from pipeline.executors import EXECUTORS, ExecutorOptions, closing_pool, local_pool
from pipeline.executors.workers import Finished, Limits
from pipeline.link.blocks import BLOCKS_DIR, BlockCache
from pipeline.link.dataset import link_dataset
from pipeline.records import TABLES, Document, File, FileResult, Run
from pipeline.store.cache import CACHE_DIR, ResultCache, code_fingerprint
from pipeline.store.data_files import read_rows
from pipeline.store.faults import pause_point
from pipeline.store.incremental import FileRows, assemble, plan_changes
from pipeline.store.previous import PreviousRun, load_previous
from pipeline.store.staging import Staging
from pipeline.store.write import commit_tables, record_run, recover, table_path

LOCK_FILE = ".extract.lock"
DEFAULT_LOCK_WAIT_S = 0.0


class RunError(Exception):
    """The run itself could not happen (bad arguments, output locked, commit failed)."""


@dataclass
class RunSummary:
    run_id: str
    files: list[File]  # every input file's row
    documents: list[Document]  # every document's row, once (records are in the tables)
    table_versions: dict[str, int]
    rows: dict[str, int]  # rows of each table after the run
    recovered: list[str] = field(default_factory=list)
    cache_hits: int = 0  # files whose result came from the content-hash cache
    extracted: int = 0  # files the workers parsed
    unchanged: int = 0  # files the last run had with the same bytes: not read again
    incremental: bool = False  # committed only what changed (False: every table rewritten)
    workers_started: int = 0  # local worker processes started (none when nothing was parsed)
    checks: Counter[str] = field(default_factory=Counter)  # checks rows by name, whole dataset

    def by_status(self) -> Counter[str]:
        return Counter(d.status for d in self.documents)

    def by_form(self) -> Counter[str]:
        return Counter(d.form_version or "-" for d in self.documents if d.doc_kind == "report")

    def checks_by_name(self) -> Counter[str]:
        return self.checks


def discover(input_root: Path, exclude: Path | None = None) -> list[Path]:
    """Every file below the root, in a stable order. Hidden files and folders (`.git`, `.DS_Store`)
    are not inputs, nor is the output folder when it lies inside the input."""
    if not input_root.is_dir():
        raise RunError(f"input folder not found: {input_root}")
    skip = exclude.resolve() if exclude is not None else None
    found = []
    for dirpath, dirnames, filenames in os.walk(input_root):
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (Path(dirpath) / d).resolve() != skip
        )
        found += [Path(dirpath) / f for f in sorted(filenames) if not f.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(input_root).as_posix())


class OutputLock:
    """An exclusive lock on the output folder; the OS releases it if the process dies."""

    def __init__(self, output: Path, wait_s: float) -> None:
        self.path = output / LOCK_FILE
        self.wait_s = wait_s
        self.handle: object = None

    def __enter__(self) -> Self:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")
        deadline = time.monotonic() + self.wait_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise RunError(
                        f"another extract run is writing to {self.path.parent}; "
                        "try again when it has finished (or pass --wait SECONDS)"
                    ) from None
                time.sleep(0.2)
        handle.truncate(0)
        handle.write(str(os.getpid()))
        handle.flush()
        self.handle = handle
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()  # type: ignore[attr-defined]


def _sha256_of(path: Path) -> str:
    """The file's hash; an unreadable file hashes to "" (never unchanged, never cached: the worker
    reports it)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _unchanged(previous: PreviousRun | None, relative: str, sha256: str) -> FileRows | None:
    """The file's rows from the last run when it had this path with these bytes and nothing failed
    (a failure may have been a limit, not the bytes: such a file is looked at again)."""
    file = previous.files.get(relative) if previous else None
    if previous is None or file is None or not sha256 or file.file_sha256 != sha256:
        return None
    documents = [previous.documents.get(doc_id) for doc_id in file.doc_ids]
    if any(d is None or d.status == "failed" for d in documents):
        return None
    return FileRows(file, tuple(d for d in documents if d is not None))


def _records_changed(previous: PreviousRun | None, document: Document) -> bool:
    """Whether the tables lack this document's records as they are now (its path aside)."""
    before = previous.documents.get(document.doc_id) if previous else None
    return before is None or dataclasses.replace(before, source_path="") != dataclasses.replace(
        document, source_path=""
    )


@dataclass
class _Collector:
    """Every file's rows by relative path; records of changed documents go to staging."""

    root: Path
    previous: PreviousRun | None
    staging: Staging
    cache: ResultCache | None
    on_file: Callable[[File], None] | None
    entries: dict[str, FileRows] = field(default_factory=dict)
    by_sha: dict[str, FileRows] = field(default_factory=dict)  # a copy's bytes are read once
    extracted: int = 0
    unchanged: int = 0

    def keep(self, path: Path, rows: FileRows) -> None:
        self.entries[path.relative_to(self.root).as_posix()] = rows
        if self.on_file:
            self.on_file(rows.file)

    def absorb(
        self, path: Path, sha256: str, result: FileResult, computed: bool, pickled: bytes | None = None
    ) -> FileRows:
        if computed and self.cache is not None:
            self.cache.put(result, pickled)
        for document in result.documents:
            if _records_changed(self.previous, document.document):
                self.staging.add(document)
        rows = FileRows(result.file, tuple(d.document for d in result.documents))
        if sha256:
            self.by_sha.setdefault(sha256, rows)
        self.keep(path, rows)
        return rows


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def largest_first(paths: list[Path]) -> list[Path]:
    """The files to parse, the largest first (in path order among equals): the longest documents
    are not the last ones, which would leave the other workers idle at the end of the batch."""
    return sorted(paths, key=_size_of, reverse=True)


def _collect(paths: list[Path], collector: _Collector, options: ExecutorOptions, executor: str) -> None:
    """Unchanged files from the last run, the rest from the cache, then through the executor; a
    byte-identical copy is read once."""
    sha_of = {path: _sha256_of(path) for path in paths}
    waiting: list[Path] = []
    for path in paths:
        rows = _unchanged(collector.previous, path.relative_to(collector.root).as_posix(), sha_of[path])
        if rows is None:
            waiting.append(path)
            continue
        collector.by_sha.setdefault(sha_of[path], rows)
        collector.unchanged += 1
        collector.keep(path, rows)
    todo: list[Path] = []
    twins: dict[str, list[Path]] = {}
    for path in waiting:
        sha256 = sha_of[path]
        if sha256 and sha256 in collector.by_sha:
            collector.keep(path, collector.by_sha[sha256])
        elif sha256 and sha256 in twins:
            twins[sha256].append(path)
        elif collector.cache is not None and (hit := collector.cache.get(sha256)) is not None:
            collector.absorb(path, sha256, hit, computed=False)
        else:
            todo.append(path)
            if sha256:
                twins[sha256] = []
    finished: Finished
    for finished in EXECUTORS[executor](largest_first(todo), options):
        collector.extracted += 1
        sha256 = sha_of[finished.path]
        rows = collector.absorb(finished.path, sha256, finished.result, finished.computed, finished.pickled)
        for twin in twins.get(sha256, []) if sha256 else []:
            collector.keep(twin, rows)


def _dataset_counts(output: Path) -> tuple[dict[str, int], Counter[str]]:
    rows = {name: DeltaTable(str(table_path(output, name))).count() for name in TABLES}
    checks = read_rows(DeltaTable(str(table_path(output, "checks"))), ["check"])
    return rows, Counter(checks.column("check").to_pylist())


def run_extract(
    input_root: Path,
    output: Path,
    *,
    workers: int = 0,
    limits: Limits | None = None,
    strict: bool = False,
    lock_wait_s: float = DEFAULT_LOCK_WAIT_S,
    use_cache: bool = True,
    on_file: Callable[[File], None] | None = None,
    executor: str = "local",
    scheduler: str | None = None,
) -> RunSummary:
    if executor not in EXECUTORS:
        raise RunError(f"unknown executor {executor!r}; choose from {sorted(EXECUTORS)}")
    if executor == "dask" and not scheduler:
        raise RunError("--executor dask needs the scheduler's address: --scheduler tcp://HOST:8786")
    started = dt.datetime.now(dt.UTC)
    paths = discover(input_root, exclude=output)
    limits = limits or Limits()
    pool = local_pool(executor, workers, limits)  # its fork server forked now, before the lock is
    # taken (a zygote holding the lock's file would keep it locked) and the last run's state read
    with closing_pool(pool), OutputLock(output, lock_wait_s):
        options = ExecutorOptions(workers, limits, strict, scheduler, pool)
        recovered = recover(output, list(TABLES))
        code = code_fingerprint()
        previous = load_previous(output, code) if use_cache else None
        staging = Staging(output)
        try:
            cache = ResultCache(output) if use_cache else None
            collector = _Collector(input_root, previous, staging, cache, on_file)
            _collect(paths, collector, options, executor)
            staging.finish()
            pause_point("extracted", output)
            files, documents = assemble(collector.entries)
            blocks = BlockCache(output / CACHE_DIR / code_fingerprint() / BLOCKS_DIR) if use_cache else None
            linking = link_dataset(output, previous, staging, documents, blocks)
            changes = plan_changes(previous, files, documents, staging, linking)
            try:
                versions = commit_tables(output, changes, code)
            except Exception as error:  # put back what was committed, then fail the run
                recover(output, list(TABLES))
                raise RunError(f"commit failed, tables left at the last recorded run: {error}") from error
        finally:
            staging.remove()
        counts = Counter(d.status for d in documents)
        run = Run(
            run_id=uuid.uuid4().hex,
            started_at=started,
            finished_at=dt.datetime.now(dt.UTC),
            pipeline_version=__version__,
            input_root=str(input_root),
            documents_total=len(documents),
            documents_ok=counts["ok"],
            documents_partial=counts["partial"],
            documents_skipped=counts["skipped"],
            documents_failed=counts["failed"],
            table_versions=json.dumps(versions, sort_keys=True),
        )
        pause_point("before_run_record", output)
        record_run(output, run)
        rows, checks = _dataset_counts(output)
    return RunSummary(
        run.run_id,
        files,
        documents,
        versions,
        rows,
        recovered,
        cache_hits=cache.hits if cache else 0,
        extracted=collector.extracted,
        unchanged=collector.unchanged,
        incremental=previous is not None,
        checks=checks,
        workers_started=pool.started if pool is not None else 0,
    )
