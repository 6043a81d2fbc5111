"""Kana readings of a dataset's name keys kept between runs, so a run whose names were all read by
an earlier run does not load pykakasi's dictionary (most of a second, every run that links).

The readings are those `normalizers.readings.reading_of` gave, kept in one file per version of
pykakasi under the block cache's folder (itself under the code's fingerprint): a reading is reused
only where converting again would give it. The file holds the readings of the last run's keys
only, written whole or not at all; a torn or unreadable file is read as empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from normalizers.readings import reading_of, remember
from pipeline.store.pickled import read_pickle, write_pickle


def _dictionary_version() -> str:
    try:
        return version("pykakasi")
    except PackageNotFoundError:
        return "unknown"


class ReadingStore:
    def __init__(self, folder: Path) -> None:
        self.path = folder / f"readings-pykakasi-{_dictionary_version()}.pickle"

    def _load(self) -> dict[str, str | None]:
        found = read_pickle(self.path)
        return found if isinstance(found, dict) else {}

    def prime(self, keys: Iterable[str]) -> None:
        """Readings of the keys: those kept by the last run remembered, the others read (loading the
        dictionary only if there are any), then kept for the next run."""
        kept = self._load()
        wanted = sorted(set(keys))
        remember({key: kept[key] for key in wanted if key in kept})
        readings = {key: reading_of(key) for key in wanted}
        remember(readings)
        if readings != kept:
            write_pickle(self.path, readings)
