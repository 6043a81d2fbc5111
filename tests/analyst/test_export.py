"""`python -m pipeline export`: one clean snapshot of one run, a plain file per table."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import load, load_all
from pipeline.records import TABLES
from tests.analyst.conftest import RUN_INPUTS, Runs, cli

NAMES = [*TABLES, "runs"]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_latest_run(three_runs: Runs, tmp_path: Path, fmt: str) -> None:
    result = cli("export", "--dataset", str(three_runs.path), "--format", fmt, "--to", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*(f"{n}.{fmt}" for n in NAMES), "manifest.json"]
    )
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["run_id"] == three_runs.runs[-1].run_id
    tables = load_all(dataset=three_runs.path, group_key=False)
    for name in NAMES:
        path = tmp_path / f"{name}.{fmt}"
        plain = pd.read_parquet(path) if fmt == "parquet" else pd.read_csv(path, encoding="utf-8-sig")
        assert len(plain) == len(tables[name]) == manifest["rows"][name], name  # one run, not every run
        assert list(plain.columns) == list(tables[name].columns), name


def test_parquet_export_keeps_types_and_descriptions(three_runs: Runs, tmp_path: Path) -> None:
    assert cli("export", "--dataset", str(three_runs.path), "--to", str(tmp_path)).returncode == 0
    schema = pq.read_schema(tmp_path / "outcomes.parquet")
    assert str(schema.field("value").type) == "int64" and str(schema.field("page").type) == "int32"
    assert schema.field("metric").metadata[b"comment"] == b"what is counted"
    assert b"description" in (schema.metadata or {})


def test_csv_opens_in_excel_and_keeps_integers(three_runs: Runs, tmp_path: Path) -> None:
    assert (
        cli("export", "--dataset", str(three_runs.path), "--format", "csv", "--to", str(tmp_path)).returncode
        == 0
    )
    raw = (tmp_path / "outcomes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads the Japanese
    assert "合計回数" in raw.decode("utf-8-sig")
    outcomes = pd.read_csv(tmp_path / "outcomes.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert not outcomes["value"].str.endswith(".0").any()
    files = pd.read_csv(tmp_path / "files.csv", encoding="utf-8-sig", dtype=str)
    assert files["doc_ids"].str.fullmatch(r"[0-9a-f]{16}(;[0-9a-f]{16})*").all()


def test_export_an_earlier_run(three_runs: Runs, tmp_path: Path) -> None:
    first = three_runs.runs[0]
    result = cli(
        "export", "--dataset", str(three_runs.path), "--run", first.run_id[:10], "--to", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    documents = pd.read_parquet(tmp_path / "documents.parquet")
    assert sorted(documents["source_path"]) == sorted(RUN_INPUTS[0])
    assert len(pd.read_parquet(tmp_path / "outcomes.parquet")) == len(
        load("outcomes", run=first.run_id, dataset=three_runs.path)
    )


def test_export_of_an_unknown_run_fails_cleanly(three_runs: Runs, tmp_path: Path) -> None:
    result = cli("export", "--dataset", str(three_runs.path), "--run", "zzz", "--to", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "no run matching 'zzz'" in result.stderr
    assert not (tmp_path / "out").exists()
