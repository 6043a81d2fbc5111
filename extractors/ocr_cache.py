"""What OCR read on a page, cached by the page's hash: a pure function of the page's pixels.

The key is the SHA-256 of the page rendered grey (its bytes and size) and of the readers' settings
(`SETTINGS`, changed whenever a reader or its settings change); the value is JSON. The folder is
`$GURUPUKA_OCR_CACHE`, else the user's cache (`$XDG_CACHE_HOME/gurupuka/ocr`, `~/.cache/...`);
never a path taken from a document. `GURUPUKA_OCR_CACHE=off` turns the cache off. A cache entry
that cannot be read or written is ignored: OCR then runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ENV = "GURUPUKA_OCR_CACHE"
OFF = "off"


def cache_dir() -> Path | None:
    configured = os.environ.get(ENV)
    if configured:
        return None if configured == OFF else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gurupuka" / "ocr"


def page_key(gray: np.ndarray, settings: str) -> str:
    digest = hashlib.sha256()
    digest.update(f"{gray.shape[0]}x{gray.shape[1]}|{settings}|".encode())
    digest.update(np.ascontiguousarray(gray).tobytes())
    return digest.hexdigest()


def load(key: str) -> dict[str, Any] | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        found: dict[str, Any] = json.loads((folder / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
        return found
    except (OSError, ValueError):
        return None


def store(key: str, value: dict[str, Any]) -> None:
    folder = cache_dir()
    if folder is None:
        return
    target = folder / key[:2] / f"{key}.json"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=target.parent, delete=False, encoding="utf-8") as out:
            json.dump(value, out, ensure_ascii=False)
        os.replace(out.name, target)
    except OSError:
        return
