"""Where the per-document work runs: one function per executor, in one registry.

- `local`: this machine, in long-lived worker processes with limits (`pipeline.executors.workers`), or in
  this process with `workers=0`;
- `dask`: a Dask distributed cluster (`--executor dask --scheduler tcp://HOST:8786`), in
  `pipeline.executors.dask_cluster`; Dask is an optional dependency (`pip install -e '.[dask]'`).

Every executor yields one `Finished` per path, in any order, and makes the same records: the work
is `process_file` on the file's bytes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.executors.workers import Finished, Limits, WorkerPool, run_in_process, run_in_workers


@dataclass(frozen=True)
class ExecutorOptions:
    workers: int
    limits: Limits
    strict: bool = False
    scheduler: str | None = None  # the Dask scheduler's address
    pool: WorkerPool | None = None  # the local workers, started with the first file to parse


@contextlib.contextmanager
def closing_pool(pool: WorkerPool | None) -> Iterator[WorkerPool | None]:
    try:
        yield pool
    finally:
        if pool is not None:
            pool.close()


def local_pool(executor: str, workers: int, limits: Limits) -> WorkerPool | None:
    """The local executor's workers, none started yet (`WorkerPool.run` starts them when it has a
    file), with their fork server started now (`WorkerPool.prepare`: before the caller loads anything);
    None for another executor or none wanted. The caller closes it."""
    return WorkerPool(workers, limits).prepare() if executor == "local" and workers > 0 else None


Execute = Callable[[Sequence[Path], ExecutorOptions], Iterator[Finished]]


def _local(paths: Sequence[Path], options: ExecutorOptions) -> Iterator[Finished]:
    if options.workers > 0:
        return run_in_workers(paths, options.workers, options.limits, pool=options.pool)
    return run_in_process(paths, options.strict)


def _dask(paths: Sequence[Path], options: ExecutorOptions) -> Iterator[Finished]:
    from pipeline.executors.dask_cluster import run_on_dask  # only where Dask is installed

    return run_on_dask(paths, options.scheduler, options.limits)


EXECUTORS: dict[str, Execute] = {"local": _local, "dask": _dask}
