"""`python -m pipeline vacuum --keep-runs N`: the files no kept run needs go; every kept run still
loads exactly as before (time travel); a removed run says so."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline import load, load_all
from pipeline.records import TABLES
from pipeline.store.vacuum import needed_files, vacuum
from tests.analyst.conftest import Runs, cli, copy_dataset


def _data_files(path: Path) -> set[Path]:
    return {p for p in path.rglob("*.parquet") if "_delta_log" not in p.parts}


def test_keep_two_runs(three_runs: Runs, tmp_path: Path) -> None:
    path = copy_dataset(three_runs.path, tmp_path / "dataset")
    before = {run.run_id: load_all(run=run.run_id, dataset=path) for run in three_runs.runs}
    files_before = _data_files(path)
    result = cli("vacuum", "--keep-runs", "2", "--dataset", str(path))
    assert result.returncode == 0, result.stderr
    removed = files_before - _data_files(path)
    kept_versions = {name: {run.table_versions[name] for run in three_runs.runs[1:]} for name in TABLES}
    needed = {f for name in TABLES for f in needed_files(path / name, kept_versions[name])}
    # what the first run alone read is gone; what a kept run reads is all still there
    assert removed and not {p.resolve() for p in removed} & needed
    left = {p.resolve() for p in _data_files(path) if p.parent.name != "runs"}  # `runs`: the history
    assert left == needed
    assert f"removed {len(removed)} files" in result.stdout
    for run in three_runs.runs[1:]:
        after = load_all(run=run.run_id, dataset=path)
        for name, frame in before[run.run_id].items():
            pd.testing.assert_frame_equal(after[name], frame, obj=f"{name} of run {run.run_id}")
    with pytest.raises(LookupError, match="removed by `pipeline vacuum`"):
        load("outcomes", run=three_runs.runs[0].run_id, dataset=path)
    runs = load("runs", dataset=path)
    assert len(runs) == 3  # the history stays


def test_plain_parquet_after_keeping_one_run(three_runs: Runs, tmp_path: Path) -> None:
    path = copy_dataset(three_runs.path, tmp_path / "dataset")
    vacuum(1, path)
    latest = load("outcomes", dataset=path)
    assert len(pd.read_parquet(path / "outcomes")) == len(latest)


def test_dry_run_removes_nothing(three_runs: Runs, tmp_path: Path) -> None:
    path = copy_dataset(three_runs.path, tmp_path / "dataset")
    files = _data_files(path)
    result = vacuum(1, path, dry_run=True)
    assert result.removed_files and _data_files(path) == files
    assert load("outcomes", run=three_runs.runs[0].run_id, dataset=path) is not None


def test_keep_at_least_one(three_runs: Runs) -> None:
    result = cli("vacuum", "--keep-runs", "0", "--dataset", str(three_runs.path))
    assert result.returncode == 2
    assert "at least 1" in result.stderr


def test_never_beside_a_running_extract(three_runs: Runs, tmp_path: Path) -> None:
    from pipeline.run import OutputLock

    path = copy_dataset(three_runs.path, tmp_path / "dataset")
    files = _data_files(path)
    with OutputLock(path, 0.0):
        result = cli("vacuum", "--keep-runs", "1", "--dataset", str(path))
    assert result.returncode == 2
    assert "another extract run is writing" in result.stderr
    assert _data_files(path) == files
