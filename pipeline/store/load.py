"""Load the dataset back: one table or a whole run, consistently, at the versions a run recorded.

    from pipeline import load, load_all
    outcomes = load("outcomes")                 # the latest run, pandas with fitting dtypes
    tables = load_all(run="52b61e94")           # every table of an earlier run (a unique prefix will do)
    outcomes = load("outcomes", engine="polars")

Plain Parquet readers must not be pointed at a table folder: every run leaves its files there
(Delta time travel), so they count each row once per run. `load_run` (raw `DeltaTable.to_pandas`
frames) is kept for code written before `load`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import pyarrow as pa
from deltalake import DeltaTable
from deltalake.exceptions import TableNotFoundError

from pipeline.records import RUNS_TABLE, TABLES
from pipeline.store.data_files import read_rows
from pipeline.store.frames import to_pandas, to_polars, with_group_key
from pipeline.store.location import dataset_path

TABLE_NAMES: tuple[str, ...] = (*TABLES, RUNS_TABLE)
VACUUMED_FILE = "_vacuumed.json"  # runs whose files `vacuum` removed (written by store/vacuum.py)
Engine = Literal["pandas", "polars"]


@dataclass(frozen=True)
class RecordedRun:
    run_id: str
    finished_at: dt.datetime
    table_versions: dict[str, int]


def recorded_runs(dataset: str | Path | None = None) -> list[RecordedRun]:
    """Every recorded run, oldest first."""
    path = dataset_path(dataset)
    try:
        rows = read_rows(DeltaTable(str(path / RUNS_TABLE))).to_pylist()
    except TableNotFoundError:
        raise FileNotFoundError(
            f"no dataset at {path} (no recorded run): run `make extract`, pass dataset=..., "
            "or set GURUPUKA_DATASET"
        ) from None
    runs = [
        RecordedRun(
            r["run_id"], r["finished_at"], {k: int(v) for k, v in json.loads(r["table_versions"]).items()}
        )
        for r in rows
    ]
    return sorted(runs, key=lambda r: r.finished_at)


def vacuumed_runs(dataset: str | Path | None = None) -> set[str]:
    marker = dataset_path(dataset) / VACUUMED_FILE
    return set(json.loads(marker.read_text(encoding="utf-8"))) if marker.exists() else set()


def resolve_run(run: str | None = None, dataset: str | Path | None = None) -> RecordedRun:
    """The run `run` names (its id or a unique prefix of it), else the latest."""
    runs = recorded_runs(dataset)
    if not runs:
        raise LookupError(f"no recorded run in {dataset_path(dataset)}")
    if run is None:
        return runs[-1]
    matches = [r for r in runs if r.run_id.startswith(run)]
    if len(matches) != 1:
        known = ", ".join(r.run_id for r in runs)
        found = "no run" if not matches else f"{len(matches)} runs"
        raise LookupError(f"{found} matching {run!r} in {dataset_path(dataset)}; recorded runs: {known}")
    if matches[0].run_id in vacuumed_runs(dataset):
        raise LookupError(f"run {matches[0].run_id}'s files were removed by `pipeline vacuum`")
    return matches[0]


def _check_name(name: str) -> None:
    if name not in TABLE_NAMES:
        raise ValueError(f"no table {name!r}; the tables are {', '.join(TABLE_NAMES)}")


def read_table(
    name: str, *, run: str | None = None, version: int | None = None, dataset: str | Path | None = None
) -> pa.Table:
    """The stored table as Arrow: at `version` if given, else as run `run` (default the latest) committed it.
    `runs` is the run history up to and including that run."""
    _check_name(name)
    if run is not None and version is not None:
        raise ValueError("pass run= or version=, not both")
    path = dataset_path(dataset) / name
    if version is not None:
        return read_rows(DeltaTable(str(path), version=version))
    chosen = resolve_run(run, dataset)
    if name == RUNS_TABLE:
        history = read_rows(DeltaTable(str(path)))
        kept = [r["finished_at"] <= chosen.finished_at for r in history.select(["finished_at"]).to_pylist()]
        return history.filter(pa.array(kept)).sort_by("finished_at")
    if name not in chosen.table_versions:
        raise LookupError(f"run {chosen.run_id} committed no {name!r} table")
    return read_rows(DeltaTable(str(path), version=chosen.table_versions[name]))


def load(
    name: str,
    *,
    run: str | None = None,
    version: int | None = None,
    dataset: str | Path | None = None,
    engine: Engine = "pandas",
    group_key: bool = True,
) -> Any:
    """One table as a data frame (pandas by default, or engine="polars"). Tables of records get a
    `group_key` column (group_name, else `(グループ名なし) <doc_id>`) unless group_key=False."""
    table = read_table(name, run=run, version=version, dataset=dataset)
    if group_key:
        table = with_group_key(name, table)
    if engine == "polars":
        return to_polars(name, table)
    if engine != "pandas":
        raise ValueError(f"engine must be 'pandas' or 'polars', not {engine!r}")
    return to_pandas(name, table)


def load_all(
    *,
    run: str | None = None,
    dataset: str | Path | None = None,
    engine: Engine = "pandas",
    group_key: bool = True,
) -> dict[str, Any]:
    """Every table of one run (default the latest), each at the version that run committed."""
    chosen = resolve_run(run, dataset)
    names = [n for n in TABLE_NAMES if n in chosen.table_versions or n == RUNS_TABLE]
    return {n: load(n, run=chosen.run_id, dataset=dataset, engine=engine, group_key=group_key) for n in names}


def load_polars(name: str, **options: Any) -> Any:
    """`load(name, engine="polars", ...)`."""
    return load(name, engine="polars", **options)


def runs(output: str | Path) -> pd.DataFrame:
    return (
        read_rows(DeltaTable(str(Path(output) / RUNS_TABLE)))
        .to_pandas()
        .sort_values("finished_at", ignore_index=True)
    )


def load_run(output: str | Path, run_id: str | None = None) -> dict[str, pd.DataFrame]:
    """Every table as the run `run_id` (default: the latest) committed it, plus `runs` (raw dtypes)."""
    all_runs = runs(output)
    if all_runs.empty:
        raise LookupError(f"no recorded run in {output}")
    chosen = all_runs.iloc[-1] if run_id is None else all_runs[all_runs["run_id"] == run_id].iloc[0]
    versions = json.loads(chosen["table_versions"])
    tables = {
        name: read_rows(DeltaTable(str(Path(output) / name), version=v)).to_pandas()
        for name, v in versions.items()
    }
    tables[RUNS_TABLE] = all_runs
    return tables
