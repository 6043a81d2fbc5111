"""Run `process_file` on each file in its own worker process, with a time and a memory limit.

A document past its limit is killed and becomes a `failed` result that names the limit; the batch
goes on. `workers=0` runs in this process (for debugging and `--strict`).
"""

from __future__ import annotations

import errno
import importlib
import multiprocessing
import multiprocessing.connection
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.formats import source_format_of
from pipeline.process import file_without_records, process_file
from pipeline.records import FileResult

DEFAULT_TIMEOUT_S = 300.0  # a scanned PDF is OCRed page by page: allow it minutes
DEFAULT_MEMORY_MB = 2048
OUT_OF_MEMORY_WORDS = (
    "Cannot allocate memory",
    "failed to map segment",
    "out of memory",
    "malloc",
    "realloc",
    "calloc",
)
PRELOADED_MODULES = ("extractors.pdf",)  # imports PyMuPDF, pdfplumber and the PDF extractors


@dataclass(frozen=True)
class Limits:
    timeout_s: float = DEFAULT_TIMEOUT_S
    memory_mb: int = DEFAULT_MEMORY_MB


def _child(conn: multiprocessing.connection.Connection, path: str, memory_mb: int) -> None:
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result = process_file(Path(path).read_bytes())
        conn.send(("ok", result))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as error:  # noqa: BLE001 - sent to the parent as this document's failure
        kind = "memory" if _is_out_of_memory(error) else "error"
        conn.send((kind, f"{type(error).__name__}: {error}"))
    finally:
        conn.close()


def _is_out_of_memory(error: BaseException) -> bool:
    """Allocation failures that surface as other errors under the address-space limit."""
    text = str(error)
    return getattr(error, "errno", None) == errno.ENOMEM or any(w in text for w in OUT_OF_MEMORY_WORDS)


def preload_extractors() -> None:
    """Import every extractor before forking, so no worker imports under its memory limit."""
    for module in PRELOADED_MODULES:
        importlib.import_module(module)


def _context() -> multiprocessing.context.DefaultContext:
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)  # type: ignore[return-value]


def _failure(path: Path, message: str) -> FileResult:
    try:
        data = path.read_bytes()
    except OSError as error:
        return file_without_records(b"", f"unreadable file: {error}")
    return file_without_records(data, message, source_format=source_format_of(data))


# (path, result, computed): computed is False where a limit or a crash, not the bytes, decided it.
Finished = tuple[Path, FileResult, bool]


def _outcome(path: Path, kind: str, payload: object, limits: Limits) -> FileResult:
    if kind == "ok" and isinstance(payload, FileResult):
        return payload
    if kind == "memory":
        return _failure(path, f"memory limit exceeded ({limits.memory_mb} MB) while extracting")
    if kind == "died":
        return _failure(
            path,
            f"worker process died (exit code {payload}) while extracting, most likely at "
            f"the memory limit ({limits.memory_mb} MB) or in a crashing parser",
        )
    return _failure(path, f"extraction error: {payload}")


def run_in_process(paths: Sequence[Path], strict: bool = False) -> Iterator[Finished]:
    for path in paths:
        try:
            yield path, process_file(path.read_bytes()), True
        except Exception as error:  # the one place a document's failure is recorded
            if strict:
                raise
            yield path, _failure(path, f"extraction error: {type(error).__name__}: {error}"), False


def run_in_workers(
    paths: Sequence[Path], workers: int, limits: Limits, clock: Callable[[], float] = time.monotonic
) -> Iterator[Finished]:
    """Yield (path, result) as documents finish, at most `workers` at a time."""
    context = _context()
    preload_extractors()
    pending = list(reversed(paths))
    running: dict[multiprocessing.connection.Connection, tuple[Path, multiprocessing.Process, float]] = {}
    while pending or running:
        while pending and len(running) < max(workers, 1):
            path = pending.pop()
            parent, child = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(child, str(path), limits.memory_mb), daemon=True)
            process.start()
            child.close()
            running[parent] = (path, process, clock() + limits.timeout_s)
        next_deadline = min(deadline for _, _, deadline in running.values())
        waited = multiprocessing.connection.wait(list(running), timeout=max(0.0, next_deadline - clock()))
        ready = [conn for conn in running if conn in waited]
        for conn in ready:
            path, process, _ = running.pop(conn)
            kind: str
            payload: object
            try:
                kind, payload = conn.recv()
            except EOFError:
                process.join(1)
                kind, payload = "died", process.exitcode
            process.join(5)
            yield path, _outcome(path, kind, payload, limits), kind == "ok"
        now = clock()
        for conn, (path, process, deadline) in list(running.items()):
            if deadline <= now:  # finished ones were already taken out of `running`
                process.kill()
                process.join()
                del running[conn]
                yield (
                    path,
                    _failure(path, f"time limit exceeded ({limits.timeout_s:g} s) while extracting"),
                    False,
                )


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
