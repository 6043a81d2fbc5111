"""A run killed (kill -9) at any moment leaves the dataset at the last recorded run, readable,
and the next run succeeds. Two runs on one output at once: the second stops with a message."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from deltalake import DeltaTable

from pipeline.records import TABLES
from pipeline.store.data_files import read_rows
from pipeline.store.load import load_run
from tests.conftest import ROOT

RAW = ROOT / "data" / "raw"
MARKER_WAIT_S = 120


def start_run(archive: Path, output: Path, pause_at: str | None) -> subprocess.Popen[str]:
    env = dict(os.environ)
    if pause_at:
        env.update(PIPELINE_PAUSE_AT=pause_at, PIPELINE_PAUSE_S="60")
    cmd = [
        sys.executable,
        "-m",
        "pipeline",
        "extract",
        "--input",
        str(archive),
        "--output",
        str(output),
        "--workers",
        "0",
        "--no-progress",
    ]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + MARKER_WAIT_S
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"run never reached {path.name}"
        time.sleep(0.05)


def snapshot(output: Path) -> dict[str, pd.DataFrame]:
    tables = load_run(output)
    return {name: tables[name] for name in TABLES}


REMOVED = "000_77fec06e79e16c0d.txt"
CHANGED = "001_aa0a80047dfd47e6.txt"
CHANGED_OLD_ID = hashlib.sha256((RAW / CHANGED).read_bytes()).hexdigest()[:16]


def change_bytes(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace("在宅医療".encode(), "在宅診療".encode(), 1))


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("kill")
    archive = base / "archive"
    shutil.copytree(RAW, archive)
    output = base / "template-out"
    first = start_run(archive, output, None)
    assert first.wait(timeout=300) == 0, first.communicate()
    return archive, output


def edited_archive(baseline_archive: Path, tmp_path: Path, edit: str) -> Path:
    """The second run's input: one document less, or one changed (an incremental commit that
    deletes rows, or one that rewrites and appends), so an unrecorded version would show."""
    archive = tmp_path / "archive"
    shutil.copytree(baseline_archive, archive)
    if edit == "removed":
        (archive / REMOVED).unlink()
    else:
        change_bytes(archive / CHANGED)
    return archive


@pytest.mark.parametrize(
    ("edit", "point"),
    [
        ("removed", "extracted"),
        ("removed", "committed:documents"),
        ("removed", "committed:outcomes"),
        ("removed", "committed:checks"),
        ("removed", "before_run_record"),
        ("changed", "committed:files"),
        ("changed", "committed:initiatives"),
        ("changed", "before_run_record"),
    ],
)
def test_kill_at_any_point_keeps_last_run(
    baseline: tuple[Path, Path], tmp_path: Path, edit: str, point: str
) -> None:
    template_archive, template = baseline
    archive = edited_archive(template_archive, tmp_path, edit)
    output = tmp_path / "out"
    shutil.copytree(template, output)
    before = snapshot(output)
    process = start_run(archive, output, point)
    wait_for(output / f".paused-{point}", process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    after = snapshot(output)  # readable, and what the last recorded run committed
    for name in TABLES:
        pd.testing.assert_frame_equal(before[name], after[name], check_like=True)

    rerun = start_run(archive, output, None)
    _out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    latest = load_run(output)
    assert len(latest["runs"]) == 2
    expected_documents = len(before["documents"]) - (1 if edit == "removed" else 0)
    assert len(latest["documents"]) == expected_documents
    for name in TABLES:  # every table's newest version is the one the new run recorded
        assert read_rows(DeltaTable(str(output / name))).num_rows == len(latest[name])
        if name == "facilities":  # one row per body across documents: no doc_id of its own
            continue
        assert set(latest[name]["doc_ids" if name == "files" else "doc_id"].explode()) <= set(
            latest["documents"]["doc_id"]
        )
    if edit == "changed":
        changed_id = hashlib.sha256((archive / CHANGED).read_bytes()).hexdigest()[:16]
        assert changed_id in set(latest["documents"]["doc_id"])
        assert CHANGED_OLD_ID not in set(latest["documents"]["doc_id"])
        for name in ("initiatives", "status", "dates"):  # the changed word moves no row
            assert (latest[name]["doc_id"] == changed_id).sum() == (
                before[name]["doc_id"] == CHANGED_OLD_ID
            ).sum()


def test_second_concurrent_run_stops_with_message(baseline: tuple[Path, Path], tmp_path: Path) -> None:
    archive, template = baseline
    output = tmp_path / "out"
    shutil.copytree(template, output)
    first = start_run(archive, output, "extracted")
    wait_for(output / ".paused-extracted", first)
    second = start_run(archive, output, None)
    _, err = second.communicate(timeout=120)
    assert second.returncode == 2
    assert "another extract run is writing" in err
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert len(load_run(output)["runs"]) == 1
