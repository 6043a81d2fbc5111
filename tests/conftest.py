"""What the tests share: the repository's root, its sample archive, and the CLI run the way an
analyst runs it (`python -m pipeline ARGS` in a process of its own)."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "gold"
CLI_TIMEOUT_S = 600

sys.path.insert(0, str(ROOT))
# OCR results are cached by page hash (extractors/ocr_cache.py): one fresh cache per test session, so
# each scanned page is read once per session and never from a user's cache.
os.environ["GURUPUKA_OCR_CACHE"] = tempfile.mkdtemp(prefix="gurupuka-ocr-cache-")
# pykakasi's dictionary index (pipeline/link/kanwa.py) likewise: one per session, never the user's.
os.environ["GURUPUKA_KANWA_CACHE"] = tempfile.mkdtemp(prefix="gurupuka-kanwa-cache-")


def run_cli(
    *args: str, cwd: pathlib.Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m pipeline ARGS`, its exit code and output kept (never raised)."""
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        check=False,
        env=env,
    )
