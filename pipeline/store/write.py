"""Commit a run's tables as Delta Lake versions, then record the run.

Order: validate everything; commit each table (mode overwrite: one version per run); append the
`runs` row naming those versions last. The `runs` row is the commit point: a run that dies before
it leaves versions no run names, and `recover` (called at the start of every run) restores each
table to the version the last recorded run committed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
from deltalake import DeltaTable, write_deltalake
from deltalake.exceptions import TableNotFoundError

from pipeline.faults import pause_point
from pipeline.records import RUNS_TABLE, Run, to_arrow
from pipeline.store.describe import sync_descriptions, table_description, with_descriptions


def table_path(output: Path, name: str) -> Path:
    return output / name


def _latest_version(path: Path) -> int | None:
    try:
        return DeltaTable(str(path)).version()
    except TableNotFoundError:
        return None


def last_recorded_versions(output: Path) -> dict[str, int]:
    runs_path = table_path(output, RUNS_TABLE)
    if _latest_version(runs_path) is None:
        return {}
    runs = DeltaTable(str(runs_path)).to_pyarrow_table(columns=["finished_at", "table_versions"]).to_pylist()
    if not runs:
        return {}
    latest = max(runs, key=lambda r: r["finished_at"])
    return {k: int(v) for k, v in json.loads(latest["table_versions"]).items()}


def recover(output: Path, names: list[str]) -> list[str]:
    """Put back every table whose latest version no recorded run committed. Returns what it did."""
    recorded = last_recorded_versions(output)
    actions: list[str] = []
    for name in names:
        latest = _latest_version(table_path(output, name))
        if latest is None:
            continue
        target = recorded.get(name)
        if target is None:  # written by a run that never recorded itself: no run names it
            shutil.rmtree(table_path(output, name))
            actions.append(f"{name}: removed, no recorded run committed it")
            continue
        if latest == target:
            continue
        DeltaTable(str(table_path(output, name))).restore(target)
        actions.append(f"{name}: restored version {target} over unrecorded version {latest}")
    return actions


def commit_tables(output: Path, tables: dict[str, pa.Table]) -> dict[str, int]:
    """Commit tables that passed `schema_gate.validate_all`."""
    versions: dict[str, int] = {}
    for name, table in tables.items():
        path = table_path(output, name)
        sync_descriptions(path, name)  # the data dictionary as table/column metadata (issue 11)
        write_deltalake(
            str(path), with_descriptions(name, table), mode="overwrite", description=table_description(name)
        )
        versions[name] = DeltaTable(str(path)).version()
        pause_point(f"committed:{name}", output)
    return versions


def record_run(output: Path, run: Run) -> int:
    path = table_path(output, RUNS_TABLE)
    sync_descriptions(path, RUNS_TABLE)  # the data dictionary as table/column metadata (issue 11)
    write_deltalake(
        str(path),
        with_descriptions(RUNS_TABLE, to_arrow(Run, [run])),
        mode="append",
        description=table_description(RUNS_TABLE),
    )
    return DeltaTable(str(path)).version()
