"""The one atomic write of the store: whole or not at all, and nothing left behind by a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.store.pickled import atomic_file, read_pickle, write_pickle


def test_a_write_is_put_in_place_whole(tmp_path: Path) -> None:
    path = tmp_path / "folder" / "value.pickle"
    write_pickle(path, {"a": 1})
    assert read_pickle(path) == {"a": 1}
    assert [p.name for p in path.parent.iterdir()] == ["value.pickle"]


def test_a_write_that_fails_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "index"
    path.write_bytes(b"old")
    with pytest.raises(OSError, match="disk full"), atomic_file(path) as handle:
        handle.write(b"half")
        raise OSError("disk full")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["index"]
