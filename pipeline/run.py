"""One extract run: discover files, process each document, commit every table, record the run."""

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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import pyarrow as pa

from pipeline import __version__
from pipeline.faults import pause_point
from pipeline.link import link_run
from pipeline.records import LINKED_TABLES, TABLES, DocumentResult, FileResult, Run, to_arrow
from pipeline.store.cache import ResultCache
from pipeline.store.gate import validate_all
from pipeline.store.write import commit_tables, record_run, recover
from pipeline.workers import Finished, Limits, run_in_process, run_in_workers

LOCK_FILE = ".extract.lock"
DEFAULT_LOCK_WAIT_S = 0.0
RECORD_TABLES = [name for name in TABLES if name not in ("files", "documents", *LINKED_TABLES)]


class RunError(Exception):
    """The run itself could not happen (bad arguments, output locked, commit failed)."""


@dataclass
class RunSummary:
    run_id: str
    files: list[FileResult]  # every input file, a byte-identical copy with no documents of its own
    documents: list[DocumentResult]  # every document once
    table_versions: dict[str, int]
    rows: dict[str, int]
    recovered: list[str] = field(default_factory=list)
    cache_hits: int = 0

    def by_status(self) -> Counter[str]:
        return Counter(r.document.status for r in self.documents)

    def by_form(self) -> Counter[str]:
        return Counter(
            r.document.form_version or "-" for r in self.documents if r.document.doc_kind == "report"
        )

    def checks_by_name(self) -> Counter[str]:
        return Counter(c.check for r in self.documents for c in r.checks)


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


def _with_paths(results: Iterable[tuple[Path, FileResult]], root: Path) -> list[FileResult]:
    """Attach source paths, in path order. A byte-identical copy of an earlier file (one sha256)
    keeps its own `files` row, with `duplicate_of` the first path and the twin's doc_ids, and no
    documents of its own: documents and their records are counted once."""
    first_path: dict[str, str] = {}
    out: list[FileResult] = []
    ordered = sorted(((p.relative_to(root).as_posix(), r) for p, r in results), key=lambda pr: pr[0])
    for relative, result in ordered:
        file = dataclasses.replace(result.file, source_path=relative)
        if file.file_sha256 in first_path and file.size_bytes > 0:
            file = dataclasses.replace(file, duplicate_of=first_path[file.file_sha256])
            out.append(FileResult(file=file, documents=()))
            continue
        first_path.setdefault(file.file_sha256, relative)
        documents = tuple(
            dataclasses.replace(r, document=dataclasses.replace(r.document, source_path=relative))
            for r in result.documents
        )
        out.append(FileResult(file=file, documents=documents))
    return out


def build_tables(files: list[FileResult]) -> dict[str, pa.Table]:
    ordered = sorted(files, key=lambda f: f.file.source_path)
    documents = [d for f in ordered for d in f.documents]
    tables = {
        "files": to_arrow(TABLES["files"], [f.file for f in ordered]),
        "documents": to_arrow(TABLES["documents"], [r.document for r in documents]),
    }
    for name in RECORD_TABLES:
        tables[name] = to_arrow(TABLES[name], [rec for r in documents for rec in getattr(r, name)])
    return tables


def _sha256_of(path: Path) -> str:
    """The file's hash for the cache; an unreadable file hashes to "" (a miss: the worker reports it)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _extract_all(
    paths: list[Path], cache: ResultCache | None, workers: int, limits: Limits, strict: bool
) -> Iterator[Finished]:
    """Cached results first, then the rest through the workers; new results go into the cache."""
    todo: list[Path] = []
    for path in paths:
        hit = cache.get(_sha256_of(path)) if cache else None
        if hit is not None:
            yield path, hit, False
        else:
            todo.append(path)
    stream = run_in_workers(todo, workers, limits) if workers > 0 else run_in_process(todo, strict)
    for path, result, computed in stream:
        if computed and cache is not None:
            cache.put(result)
        yield path, result, computed


def run_extract(
    input_root: Path,
    output: Path,
    *,
    workers: int = 0,
    limits: Limits | None = None,
    strict: bool = False,
    lock_wait_s: float = DEFAULT_LOCK_WAIT_S,
    use_cache: bool = True,
    on_file: Callable[[FileResult], None] | None = None,
) -> RunSummary:
    started = dt.datetime.now(dt.UTC)
    paths = discover(input_root, exclude=output)
    with OutputLock(output, lock_wait_s):
        recovered = recover(output, list(TABLES))
        cache = ResultCache(output) if use_cache else None

        def observed() -> Iterator[tuple[Path, FileResult]]:
            for path, result, _ in _extract_all(paths, cache, workers, limits or Limits(), strict):
                if on_file:
                    on_file(result)
                yield path, result

        files, facility_tables = link_run(_with_paths(observed(), input_root), output)
        results = [d for f in files for d in f.documents]
        pause_point("extracted", output)
        tables = build_tables(files) | facility_tables
        validate_all(tables)
        try:
            versions = commit_tables(output, tables)
        except Exception as error:  # put back what was committed, then fail the run
            recover(output, list(TABLES))
            raise RunError(f"commit failed, tables left at the last recorded run: {error}") from error
        counts = Counter(r.document.status for r in results)
        run = Run(
            run_id=uuid.uuid4().hex,
            started_at=started,
            finished_at=dt.datetime.now(dt.UTC),
            pipeline_version=__version__,
            input_root=str(input_root),
            documents_total=len(results),
            documents_ok=counts["ok"],
            documents_partial=counts["partial"],
            documents_skipped=counts["skipped"],
            documents_failed=counts["failed"],
            table_versions=json.dumps(versions, sort_keys=True),
        )
        pause_point("before_run_record", output)
        record_run(output, run)
    rows = {name: table.num_rows for name, table in tables.items()}
    return RunSummary(run.run_id, files, results, versions, rows, recovered, cache.hits if cache else 0)
