"""Peak resident memory of a process and all its descendants, sampled while it runs (Linux /proc)."""

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


def _rss_bytes(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> int:
    """The RSS of the process and every descendant, summed (pages shared after fork count once per
    process, so this errs high)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _rss_bytes(current)
        todo += _children(current)
    return total


def peak_rss_of(process: subprocess.Popen[str], interval_s: float = DEFAULT_INTERVAL_S) -> int:
    """Sample until the process ends; the highest total seen."""
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(interval_s)
    return peak
