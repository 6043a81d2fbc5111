"""End to end through the real CLI: a temporary archive in, Delta tables out, read back with pandas."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from deltalake import DeltaTable

from pipeline.records import TABLES
from pipeline.store.data_files import read_rows
from pipeline.store.load import load_run
from tests.conftest import ROOT, run_cli

RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="module")
def extracted(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    base = tmp_path_factory.mktemp("e2e")
    archive = base / "archive"
    shutil.copytree(RAW, archive / "nested")
    output = base / "out"
    result = run_cli("extract", "--input", str(archive), "--output", str(output), "--workers", "2")
    return archive, output, result


def test_exit_code_and_summary(extracted: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    _, _, result = extracted
    assert result.returncode == 0, result.stderr + result.stdout
    assert "by status: ok 4, skipped 1" in result.stdout
    assert "by form version: H30 1, R2-R3 2, R4 1" in result.stdout
    assert "committed versions:" in result.stdout


def test_tables_read_back_with_pandas(extracted: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    _, output, _ = extracted
    documents = read_rows(DeltaTable(str(output / "documents"))).to_pandas()
    assert len(documents) == len(list(RAW.iterdir()))
    assert set(documents["source_path"]) == {f"nested/{p.name}" for p in RAW.iterdir()}
    outcomes = read_rows(DeltaTable(str(output / "outcomes"))).to_pandas()
    visits = outcomes[(outcomes.metric == "visits") & outcomes.is_total & (outcomes.period == "actual")]
    assert sorted(visits["value"].tolist()) == [6, 307]
    for name in TABLES:
        assert (output / name / "_delta_log").is_dir()


def test_second_run_adds_versions_and_old_run_loads(
    extracted: tuple[Path, Path, subprocess.CompletedProcess[str]],
) -> None:
    archive, output, _ = extracted
    first = load_run(output)
    (archive / "nested" / "000_77fec06e79e16c0d.txt").unlink()
    result = run_cli("extract", "--input", str(archive), "--output", str(output), "--workers", "0")
    assert result.returncode == 0, result.stderr
    latest = load_run(output)
    assert len(latest["runs"]) == 2
    assert len(latest["documents"]) == len(first["documents"]) - 1
    old = load_run(output, run_id=first["runs"]["run_id"].iloc[0])
    assert len(old["documents"]) == len(first["documents"])
    assert old["members"].shape[0] == 8 and latest["members"].shape[0] == 0
    versions = json.loads(latest["runs"]["table_versions"].iloc[-1])
    assert versions["documents"] == json.loads(latest["runs"]["table_versions"].iloc[0])["documents"] + 1


def test_missing_input_folder_exits_2(tmp_path: Path) -> None:
    result = run_cli("extract", "--input", str(tmp_path / "nope"), "--output", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "input folder not found" in result.stderr


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (RAW / "001_aa0a80047dfd47e6.txt", ["rendition: tsv_html", "form: R4 (score 1.0)", "item 3:"]),
        (ROOT / "tests" / "fixtures" / "pdf" / "r4_mito.pdf", ["rendition: pdf_text  pages: 4", "p.2 table"]),
        (RAW / "004_cc1aa9bd5661404e.txt", ["doc_kind: guidance"]),
    ],
)
def test_debug_view(path: Path, expected: list[str]) -> None:
    result = run_cli("debug", str(path))
    assert result.returncode == 0, result.stderr
    for words in expected:
        assert words in result.stdout
