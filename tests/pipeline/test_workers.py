"""The worker pool: long-lived workers that take document after document, a killed or stuck worker
replaced while the batch goes on."""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from pipeline.executors.workers import (
    SERVER_PRELOAD,
    YOUNG_COLLECTION_THRESHOLD,
    Limits,
    WorkerPool,
    initialize,
)
from pipeline.run import largest_first, run_extract
from pipeline.store.cache import ResultCache
from tests.conftest import ROOT

SEED_TSV = ROOT / "data" / "raw" / "000_77fec06e79e16c0d.txt"
SLOW_REPEATS = 1500  # the seed report this many times over: about 14 s of work, 7x the 2 s limit
KILL_WAIT_S = 60.0
BALLAST_BYTES = 384 * 1024 * 1024  # more than a worker's whole resident set


def slow_report(path: Path) -> Path:
    path.write_bytes(SEED_TSV.read_bytes() * SLOW_REPEATS)
    return path


def reports(folder: Path, count: int) -> list[Path]:
    """Copies of a seed report with distinct bytes."""
    paths = []
    for n in range(count):
        path = folder / f"report-{n}.txt"
        path.write_bytes(SEED_TSV.read_bytes() + b"\n" * (n + 1))
        paths.append(path)
    return paths


def kill_when_busy(pool: WorkerPool) -> threading.Thread:
    def kill() -> None:
        deadline = time.monotonic() + KILL_WAIT_S
        while time.monotonic() < deadline:
            busy = [pid for pid in pool.busy_pids() if pid is not None]
            if busy:
                time.sleep(0.2)  # well inside the document
                os.kill(busy[0], signal.SIGKILL)
                return
            time.sleep(0.02)

    thread = threading.Thread(target=kill, daemon=True)
    thread.start()
    return thread


def test_workers_live_across_documents(tmp_path: Path) -> None:
    pool = WorkerPool(1, Limits(timeout_s=120))
    seen = []
    for finished in pool.run(reports(tmp_path, 4)):
        seen.append((finished.result.file.status, tuple(pool.pids())))
    assert [status for status, _ in seen] == ["ok"] * 4
    assert len({pids for _, pids in seen}) == 1 and pool.replaced == 0  # one process did all four


def test_pool_replaces_a_killed_worker(tmp_path: Path) -> None:
    pool = WorkerPool(1, Limits(timeout_s=120))
    paths = [slow_report(tmp_path / "slow.txt"), *reports(tmp_path, 2)]
    killer = kill_when_busy(pool)
    results = {f.path.name: f for f in pool.run(paths)}
    killer.join()
    slow = results["slow.txt"]
    assert not slow.computed and slow.result.file.status == "failed"
    assert slow.result.file.message is not None
    assert slow.result.file.message.startswith("worker process died (exit code -9) while extracting")
    assert [results[p.name].result.file.status for p in paths[1:]] == ["ok", "ok"]  # the batch went on
    assert pool.replaced == 1


def test_document_past_time_limit_is_failed_and_the_batch_goes_on(tmp_path: Path) -> None:
    pool = WorkerPool(1, Limits(timeout_s=2.0))
    paths = [slow_report(tmp_path / "slow.txt"), *reports(tmp_path, 2)]
    results = {f.path.name: f.result.file for f in pool.run(paths)}
    assert (results["slow.txt"].status, results["slow.txt"].message) == (
        "failed",
        "time limit exceeded (2 s) while extracting",
    )
    assert [results[p.name].status for p in paths[1:]] == ["ok", "ok"]
    assert pool.replaced == 1


def test_workers_take_their_next_file_before_the_caller_handles_a_result(tmp_path: Path) -> None:
    """The writer's work on a result (staging, the cache) runs while the workers parse: when a
    result reaches the caller, the worker that made it already has its next file."""
    pool = WorkerPool(1, Limits(timeout_s=120))
    paths = reports(tmp_path, 4)
    busy_when_handed = [bool(pool.busy_pids()) for _finished in pool.run(paths)]
    assert busy_when_handed == [True, True, True, False]  # the last result: no file left to take


def test_a_worker_is_sent_its_next_file_before_it_finishes_the_one_it_works_on(tmp_path: Path) -> None:
    """A worker goes on to its next file without waiting for the caller (nor this process) to take
    its result: while the caller holds the first result and asks for nothing, the worker parses
    the second file and opens the third, a FIFO that it can read only once this test writes to it."""
    paths = reports(tmp_path, 5)
    fifo = paths[2]
    fifo.unlink()
    os.mkfifo(fifo)
    results = WorkerPool(1, Limits(timeout_s=120)).run(paths)
    first = next(results)
    deadline = time.monotonic() + KILL_WAIT_S
    writer = None
    while writer is None and time.monotonic() < deadline:
        try:  # succeeds once a reader has the FIFO open: the worker, at the third file
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            time.sleep(0.02)
    assert writer is not None, "the worker did not go on to the third file while the caller held the first"
    os.set_blocking(writer, True)
    os.write(writer, SEED_TSV.read_bytes())
    os.close(writer)
    statuses = [first.result.file.status] + [f.result.file.status for f in results]
    assert statuses == ["ok"] * 5


def test_the_cache_stores_the_bytes_a_worker_sent(tmp_path: Path) -> None:
    """A worker pickles its result once, on its own, and the run's process caches those very bytes
    (it does not pickle the result again: in a cold run that was a tenth of what it did a file)."""
    finished = list(WorkerPool(1, Limits(timeout_s=120)).run(reports(tmp_path, 2)))
    cache = ResultCache(tmp_path / "out")
    for one in finished:
        assert one.computed and one.pickled is not None
        assert pickle.loads(one.pickled) == one.result
        cache.put(one.result, one.pickled)
        sha256 = one.result.file.file_sha256
        assert cache._path(sha256).read_bytes() == one.pickled
        assert cache.get(sha256) == one.result


def test_the_largest_files_are_parsed_first(tmp_path: Path) -> None:
    """The longest documents are not left for the end of the batch, where one worker would parse
    them while the others idle: the workers take the files largest first."""
    (tmp_path / "in").mkdir()
    paths = reports(tmp_path / "in", 3)  # each a byte longer than the one before
    paths[0].write_bytes(paths[0].read_bytes() * 2)
    sizes: list[int] = []  # of the files as they were parsed, one worker: one after another
    run_extract(tmp_path / "in", tmp_path / "out", workers=1, on_file=lambda f: sizes.append(f.size_bytes))
    assert sizes == [p.stat().st_size for p in (paths[0], paths[2], paths[1])]
    assert largest_first(paths) == [paths[0], paths[2], paths[1]]


def test_initialize_keeps_the_imports_out_of_the_collector() -> None:
    initialize()
    assert gc.get_freeze_count() > 0
    frozen = gc.get_freeze_count()
    initialize()  # once a process: a later call freezes nothing more
    assert gc.get_freeze_count() == frozen


def test_initialize_collects_young_objects_less_often() -> None:
    gc.set_threshold(700, 10, 10)  # Python's default
    initialize()
    assert gc.get_threshold() == (YOUNG_COLLECTION_THRESHOLD, 10, 10)


def resident_bytes(pid: int | None) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmRSS for process {pid}")


def test_a_replacement_worker_holds_nothing_the_run_loaded_since(tmp_path: Path) -> None:
    """Workers come from a fork server that holds nothing the run loaded after it started: a worker
    started after the run's process grew (a replacement, here after each document) does not carry
    what it grew by, as a worker forked from the run's process would."""
    pool = WorkerPool(1, Limits(timeout_s=120), documents_per_worker=1)
    assert pool._context.get_start_method() == "forkserver"
    ballast = b""
    replacements = []
    for _finished in pool.run(reports(tmp_path, 3)):
        pid = pool.pids()[0]
        parent = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]
        replacements.append((parent, resident_bytes(pid), resident_bytes(int(parent))))
        ballast = ballast or b"\x01" * BALLAST_BYTES  # what the run holds from now, every page touched
    assert len(ballast) == BALLAST_BYTES and pool.replaced == 3 and pool.started == 4
    for parent, resident, server in replacements[1:]:  # started after the ballast
        # what the worker holds beyond its server's pages (the server may be a zygote forked from
        # a test process that had grown before this test): not the ballast
        assert resident - server < BALLAST_BYTES // 2
        assert parent != str(os.getpid())  # forked by the server, not this process


def test_a_run_starts_workers_only_for_files_it_parses(tmp_path: Path) -> None:
    """The pool starts with the first file to parse: an unchanged re-run starts no worker process,
    a run with one changed file starts its one worker."""
    from pipeline.run import run_extract

    archive, output = tmp_path / "in", tmp_path / "out"
    archive.mkdir()
    reports(archive, 2)
    assert run_extract(archive, output, workers=1).workers_started == 1
    unchanged = run_extract(archive, output, workers=1)
    assert (unchanged.unchanged, unchanged.extracted, unchanged.workers_started) == (2, 0, 0)
    (archive / "report-0.txt").write_bytes(SEED_TSV.read_bytes() + b"\n" * 9)
    changed = run_extract(archive, output, workers=1)
    assert (changed.unchanged, changed.extracted, changed.workers_started) == (1, 1, 1)
    assert multiprocessing.active_children() == []


STANDARD_SERVER_RUN = """
import multiprocessing, multiprocessing.forkserver, sys
from pathlib import Path
from pipeline.executors.workers import SERVER_PRELOAD, Limits, WorkerPool

if __name__ == "__main__":
    multiprocessing.get_context("forkserver").set_forkserver_preload([SERVER_PRELOAD])
    multiprocessing.forkserver.ensure_running()  # the standard server: a fresh interpreter
    pool = WorkerPool(1, Limits(timeout_s=120))
    for finished in pool.run([Path(sys.argv[1])]):
        worker = pool.pids()[0]
        server = Path(f"/proc/{worker}/stat").read_text().rsplit(")", 1)[1].split()[1]
        print(finished.result.file.status, worker, server)
        print(Path(f"/proc/{server}/cmdline").read_bytes().replace(b"\\0", b" ").decode())
        print("libmupdf" in Path(f"/proc/{server}/maps").read_text())
"""


def test_a_standard_fork_server_preloads_what_a_document_needs(tmp_path: Path) -> None:
    """Where a standard fork server runs (as where the zygote does not fit this Python), workers
    come from it, and it imported the extractors (PyMuPDF's library) before forking them."""
    script = tmp_path / "run.py"
    script.write_text(STANDARD_SERVER_RUN)
    done = subprocess.run(
        [sys.executable, str(script), str(reports(tmp_path, 1)[0])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=KILL_WAIT_S * 3,
        check=True,
    )
    status, command, preloaded = done.stdout.splitlines()
    assert status.split()[0] == "ok"
    assert "multiprocessing.forkserver import main" in command and SERVER_PRELOAD in command
    assert preloaded == "True"
