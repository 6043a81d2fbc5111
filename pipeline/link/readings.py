"""Kana readings of a dataset's name keys kept between runs, so a run whose names were all read by
an earlier run does not load pykakasi's dictionary (most of a second, every run that links).

The readings are those `normalizers.readings.reading_of` gave, kept in one file per version of
pykakasi under the block cache's folder (itself under the code's fingerprint): a reading is reused
only where converting again would give it. The file holds the readings of the last run's keys
only, written whole or not at all; a torn or unreadable file is read as empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from normalizers.readings import provide_dictionary, reading_of, remember
from pipeline.link.kanwa import dictionary_in, dictionary_version, index_folder
from pipeline.store.pickled import read_pickle, write_pickle


class ReadingStore:
    def __init__(self, folder: Path) -> None:
        self.path = folder / f"readings-pykakasi-{dictionary_version()}.pickle"
        self.folder = folder

    def _load(self) -> dict[str, str | None]:
        found = read_pickle(self.path)
        return found if isinstance(found, dict) else {}

    def prime(self, keys: Iterable[str]) -> None:
        """Readings of the keys: those kept by the last run remembered, the others read (loading the
        dictionary only if there are any), then kept for the next run."""
        # the keys not kept read it a character at a time, from the machine's index of it
        provide_dictionary(dictionary_in(index_folder(self.folder)))
        kept = self._load()
        wanted = sorted(set(keys))
        remember({key: kept[key] for key in wanted if key in kept})
        readings = {key: reading_of(key) for key in wanted}
        remember(readings)
        if readings != kept:
            write_pickle(self.path, readings)
