"""Load a whole run back, consistently: the table versions the run recorded.

from pipeline.store.load import load_run
tables = load_run("data/parquet")          # latest run
tables["outcomes"].query("metric == 'visits'")
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from deltalake import DeltaTable

from pipeline.records import RUNS_TABLE


def runs(output: str | Path) -> pd.DataFrame:
    return (
        DeltaTable(str(Path(output) / RUNS_TABLE)).to_pandas().sort_values("finished_at", ignore_index=True)
    )


def load_run(output: str | Path, run_id: str | None = None) -> dict[str, pd.DataFrame]:
    """Every table as the run `run_id` (default: the latest) committed it, plus `runs`."""
    all_runs = runs(output)
    if all_runs.empty:
        raise LookupError(f"no recorded run in {output}")
    chosen = all_runs.iloc[-1] if run_id is None else all_runs[all_runs["run_id"] == run_id].iloc[0]
    versions = json.loads(chosen["table_versions"])
    tables = {
        name: DeltaTable(str(Path(output) / name), version=v).to_pandas() for name, v in versions.items()
    }
    tables[RUNS_TABLE] = all_runs
    return tables
