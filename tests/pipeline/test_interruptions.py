"""A run killed (kill -9) at any moment leaves the dataset at the last recorded run, readable,
and the next run succeeds. Two runs on one output at once: the second stops with a message."""

from __future__ import annotations

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
from pipeline.store.load import load_run

ROOT = Path(__file__).resolve().parents[2]
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


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("kill")
    archive = base / "archive"
    shutil.copytree(RAW, archive)
    output = base / "template-out"
    first = start_run(archive, output, None)
    assert first.wait(timeout=300) == 0, first.communicate()
    # The second run will see one document less, so an unrecorded version would show.
    (archive / "000_77fec06e79e16c0d.txt").unlink()
    return archive, output


@pytest.mark.parametrize(
    "point",
    ["extracted", "committed:documents", "committed:outcomes", "committed:checks", "before_run_record"],
)
def test_kill_at_any_point_keeps_last_run(baseline: tuple[Path, Path], tmp_path: Path, point: str) -> None:
    archive, template = baseline
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
    assert len(latest["documents"]) == len(before["documents"]) - 1
    for name in TABLES:  # every table's newest version is the one the new run recorded
        assert DeltaTable(str(output / name)).to_pandas().shape == latest[name].shape


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
