"""`from pipeline import load, load_all`: the latest run or an earlier one, in pandas with fitting
dtypes or in polars, from any working directory; and why plain Parquet readers must not be used."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from deltalake import DeltaTable

from pipeline import load, load_all, load_polars, recorded_runs
from pipeline.records import TABLES
from pipeline.store.data_files import read_rows
from pipeline.store.frames import to_pandas, to_polars
from pipeline.store.load import read_table
from pipeline.store.location import DEFAULT_DATASET, ENV_VAR, REPO_ROOT, dataset_path
from pipeline.store.vocabulary import categories_of
from tests.analyst.conftest import RUN_INPUTS, Dataset, Runs

EXPECTED_PANDAS = {
    "outcomes": {
        "page": "Int32",
        "line": "Int32",
        "period_fiscal_year": "Int32",
        "value": "Int64",
        "is_total": "boolean",
        "ocr": "boolean",
        "metric": "category",
        "period": "category",
        "unit": "category",
        "raw": "str",
        "bbox_x0": "float32",
    },
    "documents": {"fiscal_year": "Int32", "pages": "Int32", "status": "category", "form_version": "category"},
    "dates": {"date_start": "datetime64[ms]", "weekday_ok": "boolean", "year_inferred": "boolean"},
    "checks": {"severity": "category", "check": "category", "page": "Int32"},
    "runs": {"finished_at": "datetime64[us, UTC]", "documents_total": "Int64"},
}


@pytest.mark.parametrize("table", sorted(EXPECTED_PANDAS))
def test_pandas_dtypes(analyst_dataset: Dataset, table: str) -> None:
    frame = load(table, dataset=analyst_dataset.path)
    assert {c: str(frame[c].dtype) for c in EXPECTED_PANDAS[table]} == EXPECTED_PANDAS[table]


def test_no_float_integers_and_no_object_columns(analyst_dataset: Dataset) -> None:
    for name, frame in load_all(dataset=analyst_dataset.path).items():
        schema = read_table(name, dataset=analyst_dataset.path).schema
        objects = [c for c in frame.columns if frame[c].dtype == object]
        lists = [f.name for f in schema if pa.types.is_list(f.type)]  # Python lists: object
        assert objects == lists, name
        for field in schema:
            if pa.types.is_integer(field.type):
                assert str(frame[field.name].dtype) in ("Int32", "Int64", "category"), (name, field.name)


def test_categoricals_follow_the_vocabulary(analyst_dataset: Dataset) -> None:
    outcomes = load("outcomes", dataset=analyst_dataset.path)
    assert list(outcomes["metric"].cat.categories) == categories_of("outcomes", "metric")
    checks = load("checks", dataset=analyst_dataset.path)
    assert checks["severity"].cat.ordered
    assert set(checks.loc[checks["severity"] >= "warning", "severity"]) <= {"warning", "error"}


def test_a_value_outside_the_vocabulary_is_kept_not_lost() -> None:
    table = pa.table({"metric": ["visits", "home_deaths", None], "period": ["actual", "actual", "plan"]})
    frame = to_pandas("outcomes", table)
    assert frame["metric"].tolist()[:2] == ["visits", "home_deaths"] and pd.isna(frame["metric"].iloc[2])
    assert list(frame["metric"].cat.categories)[-1] == "home_deaths"
    assert to_polars("outcomes", table)["metric"].to_list() == ["visits", "home_deaths", None]


def test_polars_gives_the_same_rows(analyst_dataset: Dataset) -> None:
    pandas_frame = load("outcomes", dataset=analyst_dataset.path)
    polars_frame = load("outcomes", dataset=analyst_dataset.path, engine="polars")
    assert polars_frame.shape == pandas_frame.shape
    assert polars_frame.schema["metric"] == pl.Enum(categories_of("outcomes", "metric") or [])
    assert polars_frame.schema["value"] == pl.Int64 and polars_frame.schema["page"] == pl.Int32
    assert polars_frame["value"].sum() == pandas_frame["value"].sum()
    assert load_polars("dates", dataset=analyst_dataset.path).schema["date_start"] == pl.Date


def test_load_all_is_one_run(three_runs: Runs) -> None:
    first = three_runs.runs[0]
    tables = load_all(run=first.run_id[:8], dataset=three_runs.path)
    assert set(tables) == {*TABLES, "runs"}
    assert sorted(tables["documents"]["source_path"]) == sorted(RUN_INPUTS[0])
    assert tables["runs"]["run_id"].tolist() == [first.run_id]
    for name in TABLES:
        stored = read_rows(DeltaTable(str(three_runs.path / name), version=first.table_versions[name]))
        assert len(tables[name]) == stored.num_rows, name
        if "doc_id" in tables[name].columns:
            assert set(tables[name]["doc_id"]) <= set(tables["documents"]["doc_id"]), name
    assert sorted(load("documents", dataset=three_runs.path)["source_path"]) == sorted(RUN_INPUTS[-1])
    assert load("runs", dataset=three_runs.path)["run_id"].tolist() == [r.run_id for r in three_runs.runs]


def test_version_selects_one_table_version(three_runs: Runs) -> None:
    first = three_runs.runs[0]
    by_version = load("documents", version=first.table_versions["documents"], dataset=three_runs.path)
    by_run = load("documents", run=first.run_id, dataset=three_runs.path)
    pd.testing.assert_frame_equal(by_version, by_run)
    with pytest.raises(ValueError, match="not both"):
        load("documents", run=first.run_id, version=0, dataset=three_runs.path)


def test_unknown_runs_and_tables_say_what_exists(three_runs: Runs, tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="recorded runs: "):
        load("outcomes", run="no-such-run", dataset=three_runs.path)
    with pytest.raises(LookupError, match="3 runs matching ''"):
        load("outcomes", run="", dataset=three_runs.path)
    with pytest.raises(ValueError, match="the tables are files, documents"):
        load("outcome", dataset=three_runs.path)
    with pytest.raises(FileNotFoundError, match="GURUPUKA_DATASET"):
        load("outcomes", dataset=tmp_path)


def test_dataset_location(monkeypatch: pytest.MonkeyPatch, three_runs: Runs, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert dataset_path() == DEFAULT_DATASET == REPO_ROOT / "data" / "parquet"
    assert DEFAULT_DATASET.is_absolute()
    monkeypatch.setenv(ENV_VAR, str(three_runs.path))
    monkeypatch.chdir(tmp_path)  # any working directory
    assert dataset_path() == three_runs.path
    assert len(load("documents")) == len(RUN_INPUTS[-1])
    assert recorded_runs()[-1].run_id == three_runs.runs[-1].run_id


def test_group_key_on_every_table_of_records(analyst_dataset: Dataset) -> None:
    tables = load_all(dataset=analyst_dataset.path)
    keys = tables["documents"][["doc_id", "group_key"]]
    for name in ("members", "initiatives", "status", "outcomes", "dates", "checks"):
        frame = tables[name]
        assert frame["group_key"].notna().all(), name
        merged = frame[["doc_id", "group_key"]].merge(
            keys, on="doc_id", suffixes=("", "_doc"), validate="m:1"
        )
        assert (merged["group_key"] == merged["group_key_doc"]).all(), name
    assert "group_key" not in load("outcomes", dataset=analyst_dataset.path, group_key=False).columns


def test_plain_parquet_readers_count_every_run(three_runs: Runs) -> None:
    """Why the README warns: a table folder keeps the files of earlier versions (time travel; a run
    rewrites only the files holding what changed), and a plain Parquet reader reads them all. The
    second run removed a report and added another: `documents` was rewritten in part, and plain
    readers count the removed report and the rewritten rows twice. Through Delta, once."""
    folder = three_runs.path / "documents"
    latest = len(load("documents", dataset=three_runs.path))
    assert latest == len(RUN_INPUTS[-1])
    every_file = sum(pq.read_metadata(path).num_rows for path in folder.glob("*.parquet"))
    assert every_file > latest
    assert len(pd.read_parquet(folder)) == every_file
    assert pl.read_parquet(folder / "*.parquet").height == every_file
    plain = duckdb.connect().sql(f"select count(*) from read_parquet('{folder}/*.parquet')").fetchall()
    assert plain == [(every_file,)]
    connection = duckdb.connect()  # the README's duckdb way: over the version's own files
    connection.register("documents", ds.dataset(DeltaTable(str(folder)).file_uris(), format="parquet"))
    assert connection.sql("select count(*) from documents").fetchall() == [(latest,)]


def test_importing_pipeline_does_not_import_pandas() -> None:
    """Workers import `pipeline.*` for every document: the loaders come only on first use."""
    import subprocess
    import sys

    code = "import sys, pipeline.records; print('pandas' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    assert result.stdout.strip() == "False"
