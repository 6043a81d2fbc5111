"""Extract documents on a Dask distributed cluster: `--executor dask --scheduler tcp://HOST:8786`.

The client reads each file and sends its bytes, so workers need no shared file system, only the
same code and dependencies. Before the first document every worker imports the extractors and
builds the Arrow schemas (`initialize`). Each task is `extract_under_limit`: the document's memory
limit is set in the worker process around it. At most one task per worker thread is in flight, so
a task runs from the moment it is sent: one past its time limit becomes `failed` naming the limit,
and the worker running it is restarted by its nanny (as `dask worker` starts them), so the batch
goes on. A worker that dies loses its task, which becomes `failed` naming the death.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from distributed import Client, Future, as_completed

from pipeline.executors.workers import Finished, Limits, extract_under_limit, initialize, outcome

Answer = Future[tuple[str, object]]  # a task's (kind, payload)
DEFAULT_CONNECT_TIMEOUT_S = 30.0
DEFAULT_POLL_S = 0.05  # how often finished tasks and deadlines are looked at
# `type: ignore[no-untyped-call]` below: calls into distributed's Client, Future and as_completed
# methods that distributed leaves unannotated (its py.typed covers part of its API only).


def _worker_of(client: Client, future: Answer) -> list[str]:
    processing = client.processing()  # type: ignore[no-untyped-call]
    return [address for address, keys in processing.items() if future.key in keys]


def _give_up(client: Client, future: Answer) -> None:
    """Cancel a task past its time limit and restart the worker stuck in it."""
    workers = _worker_of(client, future)
    client.cancel(future, force=True)  # type: ignore[no-untyped-call]
    if workers:
        try:
            client.restart_workers(workers, timeout=DEFAULT_CONNECT_TIMEOUT_S, raise_for_error=False)
        except Exception:  # noqa: BLE001 - a worker without a nanny cannot restart: the task is given up anyway
            return


def _answer(future: Answer) -> tuple[str, object]:
    try:
        kind, payload = future.result()
    except Exception as error:  # noqa: BLE001 - the worker died (KilledWorker) or lost the task
        return "died", f"{type(error).__name__}: {error}"
    return str(kind), payload


def run_on_dask(paths: Sequence[Path], scheduler: str | None, limits: Limits) -> Iterator[Finished]:
    if not scheduler:
        raise ValueError("the dask executor needs the scheduler's address (--scheduler tcp://HOST:8786)")
    if not paths:
        return
    with Client(  # type: ignore[no-untyped-call]
        scheduler, timeout=DEFAULT_CONNECT_TIMEOUT_S, set_as_default=False
    ) as client:
        client.run(initialize)
        slots = max(sum(client.nthreads().values()), 1)
        pending = deque(paths)
        running: dict[Answer, tuple[Path, float]] = {}
        finished = as_completed(loop=client.loop, raise_errors=False)  # type: ignore[no-untyped-call]
        while pending or running:
            while pending and len(running) < slots:
                path = pending.popleft()
                try:
                    data = path.read_bytes()
                except OSError as error:
                    yield outcome(path, "unreadable", f"unreadable file: {error}", limits)
                    continue
                future = client.submit(extract_under_limit, data, limits.memory_mb, pure=False, retries=0)
                running[future] = (path, time.monotonic() + limits.timeout_s)
                finished.add(future)  # type: ignore[no-untyped-call]
            batch = finished.next_batch(block=False)  # type: ignore[no-untyped-call]
            done = [f for f in batch if f in running]
            if not done:
                time.sleep(DEFAULT_POLL_S)
            for future in done:
                path, _ = running.pop(future)
                yield outcome(path, *_answer(future), limits)
            now = time.monotonic()
            for future, (path, deadline) in list(running.items()):
                if deadline <= now:
                    del running[future]
                    _give_up(client, future)
                    yield outcome(path, "timeout", None, limits)
