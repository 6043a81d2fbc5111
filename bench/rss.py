"""Peak memory of a process and all its descendants, sampled while it runs (Linux /proc): the sum of
their resident sets (RSS), and the sum of their proportional sets (PSS, `smaps_rollup`).

Workers are forked by a zygote, itself forked from the run's process at its start: right after a
fork a process's RSS holds every page of its parent's, shared, so a sum of RSS counts the pages
the run's process had at that start once per worker and once for the zygote. PSS shares each page
among the processes that map it, so the sum of PSS is the memory the tree takes.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

DEFAULT_INTERVAL_S = 0.02
PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    """The process's children (none when it has just ended)."""
    found: list[int] = []
    try:
        tasks = list((PROC / str(pid) / "task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _field_bytes(path: Path, name: str) -> int:
    """A `Name:  123 kB` line of a /proc file, in bytes (0: gone or absent)."""
    try:
        for line in path.read_text().splitlines():
            if line.startswith(name):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _rss_bytes(pid: int) -> int:
    return _field_bytes(PROC / str(pid) / "status", "VmRSS:")


def _pss_bytes(pid: int) -> int:
    return _field_bytes(PROC / str(pid) / "smaps_rollup", "Pss:")


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += _children(current)
    return found


def tree_rss(pid: int) -> int:
    """The RSS of the process and every descendant, summed (pages shared after fork count once per
    process, so this errs high)."""
    return sum(_rss_bytes(p) for p in _tree(pid))


def tree_pss(pid: int) -> int:
    """The PSS of the process and every descendant, summed: each shared page counted once."""
    return sum(_pss_bytes(p) for p in _tree(pid))


def peak_memory_of(process: subprocess.Popen[str], interval_s: float = DEFAULT_INTERVAL_S) -> tuple[int, int]:
    """Sample until the process ends; the highest totals seen: (RSS, PSS)."""
    rss = pss = 0
    while process.poll() is None:
        tree = _tree(process.pid)
        rss = max(rss, sum(_rss_bytes(p) for p in tree))
        pss = max(pss, sum(_pss_bytes(p) for p in tree))
        time.sleep(interval_s)
    return rss, pss
