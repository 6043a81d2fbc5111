"""Run `process_file` in long-lived worker processes, each document under a time and a memory limit.

Every worker imports the extractors and builds the Arrow schemas once (`initialize`), before its
first document, then takes one file at a time. A document past its time limit: its worker is
killed and replaced, the document becomes a `failed` result that names the limit, and the batch
goes on; the same for a worker that dies (a crashing parser) or runs out of memory. `workers=0`
runs in this process (for debugging and `--strict`).

Workers come from a fork server (`multiprocessing`'s `forkserver` start method): a zygote, forked
from the run's process when it has imported everything and holds nothing else yet (`fork_server`,
before the run reads its last state), forks every worker, a replacement after a killed or
recycled one included. So each starts in milliseconds with the same small footprint, however much
the run's process holds by then (the last run's state, the files' rows). Where this Python's
`forkserver` is not the one the zygote was written for, the standard server is used (a fresh
interpreter that imports `pipeline.executors.preloaded`, a second or two once a process); where
there is no fork server at all, workers are spawned and import for themselves. The pool starts
its workers when it has a file to parse: a run with nothing to parse starts none.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import gc
import importlib
import multiprocessing
import multiprocessing.connection
import os
import pickle
import resource
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from pipeline.executors.zygote import start as start_zygote
from pipeline.formats import source_format_of
from pipeline.process import file_without_records, process_file
from pipeline.records import TABLES, FileResult, to_arrow
from pipeline.store.gate import validate_table

DEFAULT_TIMEOUT_S = 300.0  # a scanned PDF is OCRed page by page: allow it minutes
DEFAULT_MEMORY_MB = 2048  # address space one document may add to its worker
DEFAULT_DOCUMENTS_PER_WORKER = 500  # then the worker is replaced, so a slow leak cannot build up
OUT_OF_MEMORY_WORDS = (
    "Cannot allocate memory",
    "failed to map segment",
    "out of memory",
    "malloc",
    "realloc",
    "calloc",
)
PRELOADED_MODULES = ("extractors.pdf", "pipeline.process")  # PyMuPDF, pdfplumber, the extractors
SERVER_PRELOAD = "pipeline.executors.preloaded"  # the standard fork server imports it: `initialize`
DEFAULT_START_TIMEOUT_S = 300.0  # a worker's imports, on a loaded machine; its documents' clocks start after
READY = b"ready"
# Net allocations between two young collections (Python's default: 700). A document allocates
# millions of short-lived objects (a page's characters, lines, records), nearly all freed by their
# count. Over the 400 bench files in one process: at 700 the collector ran about 1,800 times
# (0.9 s in gc callbacks' clocks), at 10,000 about 130 (0.1 s); the whole CPU was about 2.5% lower
# in alternating runs on a shared machine; peak RSS the same.
YOUNG_COLLECTION_THRESHOLD = 10_000


@dataclass(frozen=True)
class Limits:
    timeout_s: float = DEFAULT_TIMEOUT_S
    memory_mb: int = DEFAULT_MEMORY_MB


@dataclass(frozen=True)
class Finished:
    """One input file done. `computed` is False where a limit or a crash, not the bytes, decided the
    result (such results are never cached). `pickled`: the result as a local worker pickled it to
    send it, which the content-hash cache stores as it is (the run's process does not pickle the
    result a second time); None where the result was not sent pickled."""

    path: Path
    result: FileResult
    computed: bool
    pickled: bytes | None = None


def initialize() -> None:
    """Everything a document needs, imported and built before the first one: the extractors, each
    table's Arrow schema, and what pyarrow imports on its first conversion (pandas, a second)."""
    for module in PRELOADED_MODULES:
        importlib.import_module(module)
    for name, record_type in TABLES.items():
        validate_table(name, to_arrow(record_type, []))
    if not gc.get_freeze_count():  # once a process (a forked worker inherits its parent's)
        # What is imported now lives as long as the process: kept out of the collector's
        # generations, a full collection (a page's characters set one off every few pages) no
        # longer walks the objects of PyMuPDF, pyarrow and pandas (about 10% of a PDF's CPU).
        gc.collect()
        gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])


def _address_space_bytes() -> int | None:
    """This process's current virtual size (Linux), to put a document's limit on top of it."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _limit_memory(memory_mb: int) -> None:
    if memory_mb <= 0:
        return
    baseline = _address_space_bytes() or 0
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = baseline + memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _lift_memory_limit() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _is_out_of_memory(error: BaseException) -> bool:
    """Allocation failures that surface as other errors under the address-space limit."""
    text = str(error)
    return getattr(error, "errno", None) == errno.ENOMEM or any(w in text for w in OUT_OF_MEMORY_WORDS)


def extract_under_limit(data: bytes, memory_mb: int) -> tuple[str, object]:
    """(kind, payload): ("ok", FileResult), ("memory", None) or ("error", message). Used by every
    executor's workers, local or remote."""
    try:
        _limit_memory(memory_mb)
        try:
            return "ok", process_file(data)
        finally:
            _lift_memory_limit()
    except MemoryError:
        return "memory", None
    except BaseException as error:  # noqa: BLE001 - sent to the parent as this document's failure
        kind = "memory" if _is_out_of_memory(error) else "error"
        return kind, f"{type(error).__name__}: {error}"


def _serve(conn: multiprocessing.connection.Connection, memory_mb: int) -> None:
    """A worker: ready once initialized (done in the fork server already), then a path in,
    (kind, payload) out, until the parent says stop (None) or goes away (the pipe closes)."""
    initialize()
    conn.send_bytes(READY)
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            answer: tuple[str, object] = ("unreadable", f"unreadable file: {error}")
        else:
            answer = extract_under_limit(data, memory_mb)
            if answer[0] == "ok":  # pickled on its own: the parent caches these bytes as they are
                answer = ("ok", pickle.dumps(answer[1], protocol=pickle.HIGHEST_PROTOCOL))
        conn.send_bytes(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))


def fork_server() -> None:
    """Start the workers' fork server now, unless it runs: a zygote forked from this process after
    `initialize`, before it holds anything else (`run_extract` calls this before it takes the lock
    and reads the last run's state). It lives as long as this process, so a later run's workers
    come from it too. Where the zygote does not fit this Python, the standard server starts with
    the first worker instead."""
    initialize()
    start_zygote()


def _context() -> ForkServerContext | SpawnContext:
    """The fork server where there is one (Linux, macOS; the standard server, if it starts, imports
    `SERVER_PRELOAD`); elsewhere spawn, and each worker imports for itself. A process has one fork
    server, kept until it ends."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([SERVER_PRELOAD])
        return context
    return multiprocessing.get_context("spawn")


def failure(path: Path, message: str) -> FileResult:
    try:
        data = path.read_bytes()
    except OSError as error:
        return file_without_records(b"", f"unreadable file: {error}")
    return file_without_records(data, message, source_format=source_format_of(data))


def outcome(path: Path, kind: str, payload: object, limits: Limits) -> Finished:
    """A worker's answer (or its death) as the file's result."""
    if kind == "ok" and isinstance(payload, FileResult):
        return Finished(path, payload, computed=True)
    if kind == "memory":
        message = f"memory limit exceeded ({limits.memory_mb} MB) while extracting"
    elif kind == "died":
        message = (
            f"worker process died (exit code {payload}) while extracting, most likely at "
            f"the memory limit ({limits.memory_mb} MB) or in a crashing parser"
        )
    elif kind == "timeout":
        message = f"time limit exceeded ({limits.timeout_s:g} s) while extracting"
    elif kind == "unreadable":
        return Finished(path, file_without_records(b"", str(payload)), computed=False)
    else:
        message = f"extraction error: {payload}"
    return Finished(path, failure(path, message), computed=False)


def run_in_process(paths: Sequence[Path], strict: bool = False) -> Iterator[Finished]:
    for path in paths:
        try:
            yield Finished(path, process_file(path.read_bytes()), computed=True)
        except Exception as error:  # the one place a document's failure is recorded
            if strict:
                raise
            yield Finished(path, failure(path, f"extraction error: {type(error).__name__}: {error}"), False)


@dataclass
class _Worker:
    process: BaseProcess
    conn: multiprocessing.connection.Connection
    done: int = 0
    task: tuple[Path, float] | None = None  # the file it works on and its deadline
    queued: Path | None = None  # the file it takes next, sent already (`WorkerPool._assign`)


@dataclass
class WorkerPool:
    """`size` long-lived workers; `run` yields files' results as they finish."""

    size: int
    limits: Limits
    clock: Callable[[], float] = time.monotonic
    documents_per_worker: int = DEFAULT_DOCUMENTS_PER_WORKER
    replaced: int = 0  # workers killed or lost and started anew
    _workers: list[_Worker] = field(default_factory=list)
    started: int = 0  # worker processes started, replacements included
    _context: ForkServerContext | SpawnContext = field(default_factory=_context)
    _pending: deque[Path] = field(default_factory=deque)  # the files no worker has been sent yet

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(target=_serve, args=(child, self.limits.memory_mb), daemon=True)
        process.start()
        child.close()
        self.started += 1
        return _Worker(process, parent)

    def _wait_ready(self, workers: list[_Worker]) -> None:
        """Block until each worker has imported everything (a time limit counts work, not start-up)."""
        for worker in workers:
            try:
                ready = worker.conn.poll(DEFAULT_START_TIMEOUT_S) and worker.conn.recv_bytes() == READY
            except (EOFError, OSError):
                ready = False
            if not ready:
                raise RuntimeError(f"worker process {worker.process.pid} did not start")

    def _stop(self, worker: _Worker, kill: bool) -> None:
        if kill:
            worker.process.kill()
        else:
            with contextlib.suppress(OSError):  # already gone
                worker.conn.send(None)
        worker.conn.close()
        worker.process.join(5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()

    def _replace(self, worker: _Worker, kill: bool) -> _Worker:
        self._stop(worker, kill)
        self.replaced += 1
        fresh = self._start()
        self._wait_ready([fresh])
        self._workers[self._workers.index(worker)] = fresh
        return fresh

    def _receive(self, worker: _Worker) -> tuple[str, object]:
        try:
            message = worker.conn.recv_bytes()
        except (EOFError, OSError):
            worker.process.join(1)
            return "died", worker.process.exitcode
        kind, payload = pickle.loads(message)
        return str(kind), payload

    def _outcome(self, path: Path, kind: str, payload: object) -> Finished:
        if kind == "ok" and isinstance(payload, bytes):
            result = pickle.loads(payload)
            return dataclasses.replace(outcome(path, kind, result, self.limits), pickled=payload)
        return outcome(path, kind, payload, self.limits)

    def prepare(self) -> WorkerPool:
        """Start the workers' fork server now, if none runs (`fork_server`), and no worker yet:
        before the caller's process holds what its workers should not carry."""
        if self._context.get_start_method() == "forkserver":
            fork_server()
        return self

    def start(self) -> WorkerPool:
        """Start the workers (and the fork server, if none runs yet). `run` does, when it has
        files; `close` stops them."""
        self.prepare()
        while len(self._workers) < max(self.size, 1):
            self._workers.append(self._start())
        return self

    def run(self, paths: Sequence[Path]) -> Iterator[Finished]:
        pending = self._pending = deque(paths)
        if not pending:
            return  # nothing to parse: no worker started
        self.start()  # each worker's ready is waited for once, here (`close` clears the pool)
        self._wait_ready(self._workers)
        try:
            while True:
                self._assign(pending)
                busy = [w for w in self._workers if w.task is not None]
                if not busy:
                    return
                next_deadline = min(w.task[1] for w in busy if w.task is not None)
                ready = multiprocessing.connection.wait(
                    [w.conn for w in busy], timeout=max(0.0, next_deadline - self.clock())
                )
                finished = [
                    self._finish(worker, *self._receive(worker))
                    for worker in busy
                    if worker.conn in ready and worker.task is not None
                ]
                now = self.clock()
                finished += [
                    self._finish(worker, "timeout", None)
                    for worker in busy
                    if worker.task is not None and worker.task[1] <= now
                ]
                # the workers take their next files before the caller handles these results (the
                # writer's work on them runs while the workers parse, not between documents)
                self._assign(pending)
                yield from finished
        finally:
            self.close()

    def _assign(self, pending: deque[Path]) -> None:
        """A file to each idle worker, while files wait; its time limit starts now. Then, while more
        files wait than there are workers, each busy worker is sent the file it takes next: it
        starts that one as soon as it has sent its result, without waiting for this process to
        receive the result and answer (a round trip a document, and none while this process
        stages a batch of records). Its time limit starts when the result before it is received."""
        for worker in self._workers:
            if worker.task is None and pending:
                path = pending.popleft()
                worker.conn.send(str(path))
                worker.task = (path, self.clock() + self.limits.timeout_s)
        for worker in self._workers:
            if (
                worker.task is not None
                and worker.queued is None
                and len(pending) > len(self._workers)  # the last files go to whichever is free first
                and worker.done + 2 <= self.documents_per_worker  # the next is not past its recycling
            ):
                worker.queued = pending.popleft()
                worker.conn.send(str(worker.queued))

    def _finish(self, worker: _Worker, kind: str, payload: object) -> Finished:
        assert worker.task is not None
        path = worker.task[0]
        worker.task = None
        worker.done += 1
        queued, worker.queued = worker.queued, None
        if kind in ("timeout", "died", "memory"):
            if queued is not None:  # sent to a worker that goes: another takes it
                self._pending.appendleft(queued)
            self._replace(worker, kill=kind in ("timeout", "died") or queued is not None)
        elif worker.done >= self.documents_per_worker:  # recycled (never sent a next file: `_assign`)
            self._replace(worker, kill=False)
        elif queued is not None:
            worker.task = (queued, self.clock() + self.limits.timeout_s)
        return self._outcome(path, kind, payload)

    def pids(self) -> list[int | None]:
        return [w.process.pid for w in self._workers]

    def busy_pids(self) -> list[int | None]:
        """The workers in the middle of a document."""
        return [w.process.pid for w in self._workers if w.task is not None]

    def close(self) -> None:
        for worker in self._workers:
            self._stop(worker, kill=worker.task is not None)
        self._workers.clear()


def run_in_workers(
    paths: Sequence[Path],
    workers: int,
    limits: Limits,
    clock: Callable[[], float] = time.monotonic,
    pool: WorkerPool | None = None,
) -> Iterator[Finished]:
    """Yield results as documents finish, at most `workers` at a time; `pool`: workers started
    earlier (`WorkerPool.start`), else started now."""
    yield from (pool or WorkerPool(max(workers, 1), limits, clock)).run(paths)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
