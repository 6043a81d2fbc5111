"""Poppler's pdftotext, as the archive's layout-text renditions were made."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

MODES = ("default", "default_noff", "layout")


def pdftotext(pdf: Path, mode: str = "default") -> str:
    """`default`: one text block after another, pages ended by form feeds; `default_noff`: the
    same without form feeds; `layout`: `-layout`, columns kept by spaces. UTF-8."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    exe = shutil.which("pdftotext")
    if exe is None:
        raise RuntimeError("pdftotext is not on PATH; install poppler-utils")
    args = [exe, "-enc", "UTF-8", *(["-layout"] if mode == "layout" else []), str(pdf), "-"]
    text = subprocess.run(args, capture_output=True, check=True, timeout=120).stdout.decode("utf-8")
    return text.replace("\f", "") if mode == "default_noff" else text
