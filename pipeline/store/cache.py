"""Per-document results cached by content hash, so a re-run only extracts new or changed files.

The key is the SHA-256 of the file's bytes plus a fingerprint of the pipeline's own source code:
a result is reused only by the same code on the same bytes, which is exactly when it would be
recomputed identically (`process_file` is a pure function of the bytes). Results that hit a
worker limit are never cached: the limit, not the bytes, decided them.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pipeline.records import FileResult
from pipeline.store.pickled import atomic_file, read_pickle, write_pickle

PACKAGES = ("extractors", "normalizers", "pipeline")
CACHE_DIR = "_cache"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    root = Path(__file__).resolve().parents[2]
    digest = hashlib.sha256()
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ResultCache:
    def __init__(self, output: Path) -> None:
        self.folder = output / CACHE_DIR / code_fingerprint()
        self.hits = 0

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.pickle"

    def get(self, sha256: str) -> FileResult | None:
        path = self._path(sha256)
        if not sha256 or not path.exists():
            return None
        result = read_pickle(path)
        if result is None:
            return None  # a torn or stale entry is recomputed
        self.hits += 1
        return result if isinstance(result, FileResult) else None

    def put(self, result: FileResult, pickled: bytes | None = None) -> None:
        """Store the result; `pickled`: the result already pickled (by the worker that sent it),
        written as it is."""
        path = self._path(result.file.file_sha256)
        if pickled is None:
            write_pickle(path, result)  # a killed run leaves no half entry
            return
        with atomic_file(path) as handle:
            handle.write(pickled)
