"""The bench's memory figures (bench/rss.py): a sum of RSS counts the pages a forked child shares
with its parent once per process; a sum of PSS counts them once."""

from __future__ import annotations

import subprocess
import sys

from bench.rss import peak_memory_of

MB = 1024 * 1024
HELD_MB = 200
SCRIPT = f"""
import os, time
held = os.urandom({HELD_MB} * 1024 * 1024)  # resident, then shared with the child
for _ in range(2):
    if os.fork() == 0:
        time.sleep(0.6)
        os._exit(0)
time.sleep(0.6)
os.wait(); os.wait()
"""


def test_pages_shared_after_fork_count_once_in_pss_and_once_per_process_in_rss() -> None:
    process = subprocess.Popen([sys.executable, "-c", SCRIPT], text=True)
    rss, pss = peak_memory_of(process)
    assert process.returncode == 0
    assert rss > 2.5 * HELD_MB * MB  # the parent's pages counted in each of three processes
    assert HELD_MB * MB < pss < 1.5 * HELD_MB * MB  # once
