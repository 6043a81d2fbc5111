"""The name keys' kana readings are kept between runs: a run whose names an earlier run read does
not convert any of them again (pykakasi's dictionary is not loaded), a new name is converted, and
the tables are those of a fresh run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import normalizers.readings as readings_module
from pipeline.run import run_extract
from tests.link.test_link_blocks import FACILITIES, evidence_of, make_archive
from tests.pipeline.test_incremental import assert_same_as_full_run


def counted_conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the dictionary converts from now on (the real dictionary, counted)."""
    converted: list[str] = []
    real = readings_module._converter()

    class Counting:
        def convert(self, text: str) -> Any:
            converted.append(text)
            return real.convert(text)

    monkeypatch.setattr(readings_module, "_converter", Counting)
    readings_module.remember({})  # a new process: nothing read in this one
    return converted


def test_names_read_by_an_earlier_run_are_not_converted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive, output = make_archive(tmp_path / "in"), tmp_path / "out"
    run_extract(archive, output, workers=0)
    assert len(list(output.glob("_cache/*/link-blocks/readings-*.pickle"))) == 1
    keys = {e.key for e in evidence_of(output)}

    converted = counted_conversions(monkeypatch)
    text = (FACILITIES / "r4_ami.txt").read_text(encoding="utf-8")
    next_year = text.replace("令和 4 年度", "令和 5 年度").replace("令和4年度", "令和5年度")
    (archive / "r5_ami.txt").write_text(next_year, encoding="utf-8")  # the same names again
    assert run_extract(archive, output, workers=0).extracted == 1
    assert converted == []

    converted = counted_conversions(monkeypatch)
    later = next_year.replace("令和 5 年度", "令和 6 年度").replace("令和5年度", "令和6年度")
    (archive / "r6_ami.txt").write_text(later.replace("さかえ医院", "栄町医院"), encoding="utf-8")
    run_extract(archive, output, workers=0)
    new = {e.key for e in evidence_of(output)} - keys  # the new name's
    assert new and set(converted) == new
    assert_same_as_full_run(archive, output, tmp_path)
