"""A pickle file written whole or not at all, and read as absent when it is missing, torn or stale."""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def read_pickle(path: Path) -> object | None:
    """The object in the file; None when there is none to read."""
    try:
        with path.open("rb") as handle:
            found: object = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return found


def write_pickle(path: Path, value: object) -> None:
    """Write atomically: a killed run never leaves half a file."""
    with atomic_file(path) as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A binary file to write `path`'s bytes to, put in its place whole once written: a killed run
    never leaves half a file at `path`, and a write that fails removes its temporary file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
        try:
            yield handle
        except BaseException:
            handle.close()
            os.unlink(handle.name)
            raise
    os.replace(handle.name, path)
