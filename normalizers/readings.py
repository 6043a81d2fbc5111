"""Kana readings of names, to tell a kana printing from a kanji printing of one name
(ありま / 有馬, こうのす / 鴻巣). pykakasi's dictionary ships inside the package: nothing is
fetched. A reading is a best guess for proper nouns (白鳥 reads はくちょう, not しらとり), so
it only ever makes two names *close*; it never decides alone that they are one body."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Mapping
from typing import Any

from normalizers.variants import fold_kana_script

DEFAULT_READINGS_CACHED = 65536
# Readings this dictionary gave in an earlier process, handed over by `remember`: a text among them
# is not converted again, so a process whose texts were all read before never loads the dictionary.
_remembered: dict[str, str | None] = {}
# What gives pykakasi its kanji dictionary's table in place of loading it whole (`provide_dictionary`).
_provider: list[Callable[[], Any]] = []


def provide_dictionary(load: Callable[[], Any]) -> None:
    """Where the converter, when first made in this process, takes the kanji dictionary's table
    from (`pipeline.link.kanwa`: the same entries, read a first character at a time) instead of
    loading pykakasi's whole file. Once made, the converter keeps the table it has."""
    _provider[:] = [load]


@functools.cache
def _converter() -> Any:
    import pykakasi  # on first use: worker processes, which never link, do not import it
    from pykakasi import kanji

    shared: dict[str, Any] = kanji.Kanwa._shared_state  # pykakasi's one table for the process
    make: Callable[[], Any] = pykakasi.kakasi  # the package has no type hints

    def build() -> Any:
        if _provider and shared["_jisyo_table"] is None:
            shared["_jisyo_table"] = _provider[0]()
        return make()  # loads the dictionary whole unless provided

    return lasting(build)  # once per process


def lasting(make: Callable[[], Any]) -> Any:
    """What `make` builds, kept for the rest of the process: built with the cyclic collector off
    (pykakasi's dictionary is 270,000 containers unpickled at once, which set off collections of
    everything the run holds: 0.5 s instead of 0.2), then frozen out of the collector's
    generations, so that later full collections do not walk it again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        built = make()
        gc.freeze()
    finally:
        if enabled:
            gc.enable()
    return built


@functools.lru_cache(maxsize=DEFAULT_READINGS_CACHED)
def reading_of(text: str) -> str | None:
    """The text in katakana: ``有馬皮膚科`` -> ``アリマヒフカ``; kana, digits and letters as they are.
    None where the dictionary cannot read every character (it drops some rare kanji, 髙 or 﨑 among
    them, with the characters after them): no reading is better than a wrong one."""
    if not text:
        return ""
    if text in _remembered:
        return _remembered[text]
    parts = _converter().convert(text)
    if "".join(part["orig"] for part in parts) != text or any(not part["hira"] for part in parts):
        return None
    return fold_kana_script("".join(part["hira"] for part in parts))


def remember(readings: Mapping[str, str | None]) -> None:
    """Readings `reading_of` gave before (by this version of the dictionary), in place of those
    remembered so far: they are returned without loading the dictionary."""
    _remembered.clear()
    _remembered.update(readings)
    reading_of.cache_clear()
