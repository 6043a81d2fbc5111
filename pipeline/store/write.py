"""Commit a run's tables as Delta Lake versions, then record the run.

Order: validate everything; commit each table (one version per table per run); append the `runs`
row naming those versions last. The `runs` row is the commit point: a run that dies before it
leaves versions no run names, and `recover` (called at the start of every run) restores each table
to the version the last recorded run committed.

A table's change is either every row (a new version holding only the new files) or the rows of
some keys: one Delta version deletes the rows whose key (`doc_id`, `source_path`) is among
`replace_keys` and appends the new rows, all of whose keys are among them. Only data files that
hold a replaced key are rewritten (copy on write: the file's other rows go to a new file); files
holding none are left untouched. Which keys to replace is the caller's choice: the files that
changed, and any document whose run-level columns changed. The data files are written here
(`data_files`) and committed with delta-rs's transaction API, so their layout is known.

Every commit carries the fingerprint of the code that made its rows (`CODE_KEY` in the commit's
metadata), so a later run knows whether it may add to these tables or must rewrite them.
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from deltalake import DeltaTable, write_deltalake
from deltalake import Schema as DeltaSchema
from deltalake.exceptions import TableNotFoundError
from deltalake.transaction import AddAction, CommitProperties, RemoveAction, create_table_with_add_actions

from pipeline.records import RUNS_TABLE, Run, to_arrow
from pipeline.store.data_files import data_files, read_rows, rewrite_without, write_files
from pipeline.store.describe import described_schema, sync_descriptions, table_description, with_descriptions
from pipeline.store.faults import pause_point

CODE_KEY = "gurupuka.code_fingerprint"
# Past this many data files a table is rewritten whole in its one version (compacted): every
# incremental run adds a file or two, and many small files slow every reader.
DEFAULT_MAX_FILES_PER_TABLE = 48


class SchemaDrift(Exception):
    """A table on disk has other columns than this code writes."""


@dataclass(frozen=True)
class TableChange:
    """What one run writes to one table. `replace_keys` None: `rows` are the whole table."""

    rows: pa.RecordBatchReader
    key: str
    replace_keys: frozenset[str] | None


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
    runs = read_rows(DeltaTable(str(runs_path)), ["finished_at", "table_versions"]).to_pylist()
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


def committed_code(output: Path, name: str, version: int) -> str | None:
    """The code fingerprint a table's version was committed with (None: unknown)."""
    log = table_path(output, name) / "_delta_log" / f"{version:020d}.json"
    try:
        lines = log.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        info = json.loads(line).get("commitInfo")
        if info is not None:
            value = info.get(CODE_KEY)
            return value if isinstance(value, str) else None
    return None


def _kept_rows(folder: Path, table: DeltaTable, change: TableChange) -> Iterator[pa.RecordBatch]:
    """The table's rows whose key is not replaced."""
    keys = pa.array(sorted(change.replace_keys or ()), pa.string())
    for file in data_files(table, change.key):
        rows = pq.read_table(str(folder / file.path))
        kept = rows.filter(pc.invert(pc.is_in(rows.column(change.key), value_set=keys)))
        yield from kept.cast(change.rows.schema).to_batches()


def _check_schema(name: str, table: DeltaTable, schema: pa.Schema) -> None:
    """Schema drift fails loudly: a table is never silently given other columns."""
    # the descriptions are column metadata (store/describe.py): the columns are what must match
    on_disk, ours = pa.schema(table.schema().to_arrow()), pa.schema(DeltaSchema.from_arrow(schema).to_arrow())
    if not on_disk.equals(ours, check_metadata=False):
        raise SchemaDrift(
            f"{name}: the table's columns differ from this code's; write to a new output folder "
            f"(table: {table.schema().to_arrow()}; code: {schema})"
        )


def commit_change(path: Path, change: TableChange, code: str) -> int:
    """One table's change as one new Delta version; returns that version."""
    properties = CommitProperties(custom_metadata={CODE_KEY: code})
    schema = change.rows.schema
    described = described_schema(path.name, schema)  # the data dictionary as column metadata (issue 11)
    try:
        table = DeltaTable(str(path))
    except TableNotFoundError:
        path.mkdir(parents=True, exist_ok=True)
        adds = write_files(path, schema, change.key, change.rows)
        create_table_with_add_actions(
            str(path),
            DeltaSchema.from_arrow(described),
            adds,
            mode="error",
            description=table_description(path.name),
            commit_properties=properties,
        )
        return DeltaTable(str(path)).version()
    _check_schema(path.name, table, schema)
    actions: list[AddAction | RemoveAction]
    mode = "append"
    if change.replace_keys is None:
        actions, mode = list(write_files(path, schema, change.key, change.rows)), "overwrite"
    elif len(table.file_uris()) >= DEFAULT_MAX_FILES_PER_TABLE:  # compact: the whole table anew
        rows = itertools.chain(_kept_rows(path, table, change), change.rows)
        actions, mode = list(write_files(path, schema, change.key, rows)), "overwrite"
    else:
        actions = list(rewrite_without(path, table, schema, change.key, change.replace_keys))
        actions += write_files(path, schema, change.key, change.rows)
    table.create_write_transaction(actions, mode=mode, schema=described, commit_properties=properties)
    table.update_incremental()
    return table.version()


def commit_tables(output: Path, changes: dict[str, TableChange], code: str) -> dict[str, int]:
    """Commit changes whose rows passed the schema gate: one version per table."""
    versions: dict[str, int] = {}
    for name, change in changes.items():
        path = table_path(output, name)
        versions[name] = commit_change(path, change, code)
        # The data dictionary (issue 11) goes in with the data (column metadata, the table's
        # description); a table whose description changed since gets a metadata commit, and the
        # run records the version after it, so time travel to the run sees both.
        if sync_descriptions(path, name):
            versions[name] = DeltaTable(str(path)).version()
        # Arrow's allocator keeps what a table's files took; give it back before the next table's,
        # so the commit's memory is one table's files at most, not every table's
        pa.default_memory_pool().release_unused()
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
