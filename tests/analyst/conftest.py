"""Datasets shared by the analyst tests, each extracted once per test session through the real CLI.

`analyst_dataset`: the four fixture PDFs (crops), the guidance notice (skipped), a byte-identical
copy of a PDF (files vs documents), and a hostile report whose group name and file name carry
HTML (escaping). `three_runs`: three extract runs over changing text inputs (time travel, diff,
vacuum, plain-Parquet over-counting). Tests that change a dataset work on a copy.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.store.load import RecordedRun, recorded_runs
from tests.conftest import ROOT, run_cli

RAW = ROOT / "data" / "raw"
PDFS = ROOT / "tests" / "fixtures" / "pdf"
FIXTURE_PDFS = ("h30_ryugasaki.pdf", "r2_tsukubamirai.pdf", "r3_ami.pdf", "r4_mito.pdf")
GUIDANCE = "004_cc1aa9bd5661404e.txt"
HOSTILE_SEED = "000_77fec06e79e16c0d.txt"
SECOND_YEAR = ROOT / "tests" / "fixtures" / "facilities" / "r4_tsukubamirai.txt"
HOSTILE_GROUP = '<script>document.title="pwned";console.error("pwned")</script>グループ'
HOSTILE_FILE_NAME = "hostile <img src=x onerror=console.error(1)>.txt"
HOSTILE_SUBSTITUTIONS = {
    "つくばみらい市グループ": HOSTILE_GROUP,
    "ありま皮膚科クリニック": '<img src=x onerror="console.error(2)">クリニック',
}


@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str


def cli(*args: str) -> CliResult:
    """`python -m pipeline ARGS` in this process (the same parser and handlers, no interpreter start)."""
    from pipeline.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return CliResult(code, out.getvalue(), err.getvalue())


def hostile_report() -> str:
    """A real report (seed 000) whose printed group name and a member name are HTML."""
    text = (RAW / HOSTILE_SEED).read_text(encoding="utf-8")
    for printed, hostile in HOSTILE_SUBSTITUTIONS.items():
        assert printed in text, printed
        text = text.replace(printed, hostile)
    return text


@dataclass(frozen=True)
class Dataset:
    input_root: Path
    path: Path
    input_files: int


@pytest.fixture(scope="session")
def analyst_dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    base = tmp_path_factory.mktemp("analyst")
    archive = base / "archive"
    (archive / "pdf").mkdir(parents=True)
    (archive / "copies").mkdir()
    for name in FIXTURE_PDFS:
        shutil.copy(PDFS / name, archive / "pdf" / name)
    shutil.copy(PDFS / "r2_tsukubamirai.pdf", archive / "copies" / "r2_tsukubamirai (copy).pdf")
    shutil.copy(RAW / GUIDANCE, archive / GUIDANCE)
    (archive / HOSTILE_FILE_NAME).write_text(hostile_report(), encoding="utf-8")
    shutil.copy(SECOND_YEAR, archive / SECOND_YEAR.name)  # the R2 group again in R4: facilities across years
    output = base / "dataset"
    result = run_cli("extract", "--input", str(archive), "--output", str(output), "--workers", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    return Dataset(archive, output, input_files=len(FIXTURE_PDFS) + 4)


# The inputs of each of the three runs: a report leaves, another comes, then nothing changes.
RUN_INPUTS = (
    ("000_77fec06e79e16c0d.txt", "001_aa0a80047dfd47e6.txt", "002_ea5a7a86fcbe7014.txt"),
    ("000_77fec06e79e16c0d.txt", "002_ea5a7a86fcbe7014.txt", "003_1d5314b91ff3f58c.txt"),
    ("000_77fec06e79e16c0d.txt", "002_ea5a7a86fcbe7014.txt", "003_1d5314b91ff3f58c.txt"),
)


@dataclass(frozen=True)
class Runs:
    path: Path
    runs: list[RecordedRun]


@pytest.fixture(scope="session")
def three_runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    base = tmp_path_factory.mktemp("runs")
    output = base / "dataset"
    for i, names in enumerate(RUN_INPUTS):
        archive = base / f"archive{i}"
        archive.mkdir()
        for name in names:
            shutil.copy(RAW / name, archive / name)
        result = cli("extract", "--input", str(archive), "--output", str(output), "--workers", "0")
        assert result.returncode == 0, result.stdout + result.stderr
    runs = recorded_runs(output)
    assert len(runs) == len(RUN_INPUTS)
    return Runs(output, runs)


def copy_dataset(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
