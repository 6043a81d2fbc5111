"""A pickle file written whole or not at all, and read as absent when it is missing, torn or stale."""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path


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
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, path)
