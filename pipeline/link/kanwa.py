"""pykakasi's kanji dictionary read one first character at a time, so a run that reads a few new
names does not load all of it (0.4-0.8 s and about 90 MB of Python objects, where a reading looks
up only the entries of the characters its name holds).

pykakasi keeps the dictionary as one pickle of {first character: {word: readings}} and looks a
word up by its first character only (`Kanwa.load`). The first run that needs it loads it whole, as
pykakasi does, and writes it as an index file: each character's entries pickled apart, and where
each one lies. A later run maps the character's entries from that file when a reading asks for
them: the same entries, so the same readings. The file is written whole or not at all, named by
pykakasi's version; a file that does not read back as written is made again.

The index is a function of the installed pykakasi alone, so it is kept once for the machine
(`index_folder`: `$GURUPUKA_KANWA_CACHE`, else the user's cache, `$XDG_CACHE_HOME/gurupuka/kanwa`,
`~/.cache/...`), not once per dataset: a cold run into a new output reads only its names'
characters, where loading the whole dictionary and writing the index took 1-2 s.
`GURUPUKA_KANWA_CACHE=off` keeps it beside the readings store of the dataset, as before; a folder
that cannot be written leaves the run with the whole dictionary.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pipeline.store.pickled import atomic_file

_HEADER = struct.Struct("<Q")  # the index's length, before the index and the entries
ENV = "GURUPUKA_KANWA_CACHE"
OFF = "off"


def dictionary_version() -> str:
    try:
        return version("pykakasi")
    except PackageNotFoundError:
        return "unknown"


def index_folder(dataset_folder: Path) -> Path:
    """Where the index is kept: the machine's folder for it, or `dataset_folder` (the readings
    store's) where `$GURUPUKA_KANWA_CACHE` is `off`."""
    configured = os.environ.get(ENV)
    if configured:
        return dataset_folder if configured == OFF else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gurupuka" / "kanwa"


def index_path(folder: Path) -> Path:
    return folder / f"kanwa-pykakasi-{dictionary_version()}.index"


def _full_table() -> dict[int, Any]:
    from pykakasi import properties

    settings: Any = properties.Configurations  # an instance of the class of that name (no type hints)
    with open(settings.dictpath(settings.jisyo_kanwa), "rb") as handle:
        table: dict[int, Any] = pickle.load(handle)
    return table


class KanwaIndex:
    """The dictionary's table as pykakasi reads it (`get(ord(first character))`), each character's
    entries read from the index file on first use."""

    def __init__(self, path: Path, index: dict[int, tuple[int, int]], start: int) -> None:
        self.path = path
        self.index = index
        self.start = start  # where the entries begin
        self.loaded: dict[int, Any] = {}

    @classmethod
    def open(cls, path: Path) -> KanwaIndex | None:
        """The file's index; None when it is missing or does not hold what its index says."""
        try:
            with path.open("rb") as handle:
                (length,) = _HEADER.unpack(handle.read(_HEADER.size))
                index = pickle.loads(handle.read(length))
            size = path.stat().st_size
        except (OSError, struct.error, pickle.UnpicklingError, EOFError, ValueError):
            return None
        start = _HEADER.size + length
        if not isinstance(index, dict) or size != start + sum(n for _, n in index.values()):
            return None
        return cls(path, index, start)

    def get(self, key: int, default: Any = None) -> Any:
        if key not in self.loaded:
            where = self.index.get(key)
            if where is None:
                return default
            with self.path.open("rb") as handle:  # opened a lookup at a time: nothing held across forks
                handle.seek(self.start + where[0])
                self.loaded[key] = pickle.loads(handle.read(where[1]))
        return self.loaded[key]


def write_index(path: Path, table: dict[int, Any]) -> None:
    """The table as an index file, written atomically."""
    index: dict[int, tuple[int, int]] = {}
    blobs: list[bytes] = []
    offset = 0
    for key in sorted(table):
        blob = pickle.dumps(table[key], protocol=pickle.HIGHEST_PROTOCOL)
        index[key] = (offset, len(blob))
        blobs.append(blob)
        offset += len(blob)
    header = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    with atomic_file(path) as handle:
        handle.write(_HEADER.pack(len(header)))
        handle.write(header)
        for blob in blobs:
            handle.write(blob)


def dictionary_in(folder: Path) -> Callable[[], Any]:
    """What gives pykakasi its table (`normalizers.readings.provide_dictionary`): the index file in
    `folder` when there is one, else the whole table, then written there as an index."""

    def load() -> Any:
        path = index_path(folder)
        found = KanwaIndex.open(path)
        if found is not None:
            return found
        table = _full_table()
        with contextlib.suppress(OSError):  # a folder that cannot be written: the whole table all the same
            write_index(path, table)
        return table

    return load
