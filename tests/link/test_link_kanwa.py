"""pykakasi's kanji dictionary read a character at a time from an index file kept once for the
machine: the file holds every entry of pykakasi's own, a file that does not read back is made
again, and a run that reads a new name loads only the entries of its characters, with the reading
the whole dictionary gives, in the dataset it linked before or in a new one. (The tests' machine
folder is one per session: tests/conftest.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from normalizers.readings import reading_of
from pipeline.link.kanwa import (
    ENV,
    OFF,
    KanwaIndex,
    _full_table,
    dictionary_in,
    index_folder,
    index_path,
    write_index,
)
from pipeline.link.readings import ReadingStore
from pipeline.run import run_extract
from tests.link.test_link_blocks import FACILITIES, evidence_of, make_archive

ROOT = Path(__file__).resolve().parents[2]


def test_the_index_holds_every_entry_of_the_dictionary(tmp_path: Path) -> None:
    table = _full_table()
    path = index_path(tmp_path)
    write_index(path, table)
    index = KanwaIndex.open(path)
    assert index is not None and set(index.index) == set(table)
    assert all(index.get(key) == entries for key, entries in table.items())
    assert index.get(ord("A")) is None and ord("A") not in table


def test_a_file_that_does_not_read_back_is_made_again(tmp_path: Path) -> None:
    path = index_path(tmp_path)
    write_index(path, {ord("有"): {"有馬": [("ありま", None)]}})
    path.write_bytes(path.read_bytes()[:-3])  # torn
    assert KanwaIndex.open(path) is None
    table = dictionary_in(tmp_path)()  # the whole dictionary for this run, the file made anew
    assert isinstance(table, dict) and len(table) > 1000
    index = KanwaIndex.open(path)
    assert index is not None and set(index.index) == set(table)


# In a process of its own (pykakasi's table is one per process): one run, then what it loaded.
RUN = """
import json, sys
from pathlib import Path
from pykakasi import kanji
from pipeline.run import run_extract
summary = run_extract(Path(sys.argv[1]), Path(sys.argv[2]), workers=0)
table = kanji.Kanwa._shared_state["_jisyo_table"]
print(json.dumps({"extracted": summary.extracted, "table": type(table).__name__,
                  "loaded": sorted(chr(k) for k in getattr(table, "loaded", {}))}))
"""


def run_apart(archive: Path, output: Path) -> dict[str, Any]:
    """RUN in a process of its own: what it extracted and what of the dictionary it loaded."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(archive), str(output)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_a_cold_run_into_a_new_dataset_loads_only_its_names_characters(tmp_path: Path) -> None:
    """The index is the installed dictionary's, not a dataset's: a first run into a new output (a
    new archive, names never read) finds the index an earlier run elsewhere left."""
    run_extract(make_archive(tmp_path / "in"), tmp_path / "out", workers=0)
    dictionary_in(index_folder(tmp_path / "out"))()  # the index, as a run that loads the dictionary leaves it
    archive = tmp_path / "other"
    archive.mkdir()
    text = (FACILITIES / "r4_ami.txt").read_text(encoding="utf-8")
    (archive / "r6_ami.txt").write_text(text.replace("さかえ医院", "栄町医院"), encoding="utf-8")
    found = run_apart(archive, tmp_path / "new-out")
    assert found["table"] == "KanwaIndex"
    assert found["loaded"] and len(found["loaded"]) < 200  # not the whole dictionary


def test_the_index_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, str(tmp_path / "machine"))
    assert index_folder(tmp_path / "dataset") == tmp_path / "machine"
    monkeypatch.setenv(ENV, OFF)  # kept beside the dataset's readings
    assert index_folder(tmp_path / "dataset") == tmp_path / "dataset"
    monkeypatch.delenv(ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user"))
    assert index_folder(tmp_path / "dataset") == tmp_path / "user" / "gurupuka" / "kanwa"


def test_a_run_reading_a_new_name_loads_only_its_characters(tmp_path: Path) -> None:
    archive, output = make_archive(tmp_path / "in"), tmp_path / "out"
    run_extract(archive, output, workers=0)
    (folder,) = output.glob("_cache/*/link-blocks")
    dictionary_in(index_folder(folder))()  # the index, as the first run that loads the dictionary leaves it
    keys = {e.key for e in evidence_of(output)}

    text = (FACILITIES / "r4_ami.txt").read_text(encoding="utf-8")
    later = text.replace("令和 4 年度", "令和 6 年度").replace("令和4年度", "令和6年度")
    (archive / "r6_ami.txt").write_text(later.replace("さかえ医院", "栄町医院"), encoding="utf-8")
    found = run_apart(archive, output)
    assert found["extracted"] == 1 and found["table"] == "KanwaIndex"
    new = {e.key for e in evidence_of(output)} - keys
    assert new == {"栄町医院"}
    assert set(found["loaded"]) <= set("栄町医院") and found["loaded"]  # not the whole dictionary
    kept = ReadingStore(folder)._load()
    assert kept["栄町医院"] == reading_of("栄町医院") is not None  # the whole dictionary's reading
