"""The Parquet data files of a table, written here so their layout is known: rows in the order given
(sorted by key, a document's rows together), a new file at a batch boundary once a file holds
`DEFAULT_ROWS_PER_FILE` rows, and each file's key range in its Delta statistics, so a later run
finds the files that hold a key without reading the others.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from deltalake import DeltaTable
from deltalake.transaction import AddAction, RemoveAction

DEFAULT_ROWS_PER_FILE = 32_000  # rows of one data file (and one row group)
COMPRESSION = "zstd"


def _now_ms() -> int:
    return int(time.time() * 1000)


def _add_action(folder: Path, name: str, rows: int, key: str, low: str | None, high: str | None) -> AddAction:
    stats: dict[str, object] = {"numRecords": rows}
    if low is not None and high is not None:
        stats.update(minValues={key: low}, maxValues={key: high}, nullCount={key: 0})
    size = os.stat(folder / name).st_size
    return AddAction(name, size, {}, _now_ms(), True, json.dumps(stats, ensure_ascii=False))


def _write_file(folder: Path, key: str, schema: pa.Schema, batches: list[pa.RecordBatch]) -> AddAction:
    """One Parquet file of one row group."""
    rows = pa.Table.from_batches(batches, schema)
    name = f"part-{uuid.uuid4().hex}.{COMPRESSION}.parquet"
    pq.write_table(rows, str(folder / name), compression=COMPRESSION)
    keys = pc.min_max(rows.column(key))
    return _add_action(folder, name, rows.num_rows, key, keys["min"].as_py(), keys["max"].as_py())


def write_files(
    folder: Path, schema: pa.Schema, key: str, batches: Iterable[pa.RecordBatch]
) -> list[AddAction]:
    """Write the batches to new Parquet files in the table's folder; their add actions. Memory
    holds one file's rows at most."""
    actions: list[AddAction] = []
    pending: list[pa.RecordBatch] = []
    rows = 0
    for batch in batches:
        if batch.num_rows == 0:
            continue
        pending.append(batch)
        rows += batch.num_rows
        if rows >= DEFAULT_ROWS_PER_FILE:
            actions.append(_write_file(folder, key, schema, pending))
            pending, rows = [], 0
    if pending:
        actions.append(_write_file(folder, key, schema, pending))
    return actions


@dataclass(frozen=True)
class DataFile:
    path: str  # relative to the table's folder
    size: int
    low: str | None  # the key range its statistics give (None: unknown)
    high: str | None


def data_files(table: DeltaTable, key: str) -> list[DataFile]:
    actions = pa.table(table.get_add_actions(flatten=True))
    lows = actions.column(f"min.{key}") if f"min.{key}" in actions.column_names else None
    highs = actions.column(f"max.{key}") if f"max.{key}" in actions.column_names else None
    out = []
    for i, (path, size) in enumerate(
        zip(actions.column("path").to_pylist(), actions.column("size_bytes").to_pylist(), strict=True)
    ):
        low = lows[i].as_py() if lows is not None else None
        high = highs[i].as_py() if highs is not None else None
        out.append(DataFile(path, size, low, high))
    return out


def _may_hold(file: DataFile, keys: Sequence[str]) -> bool:
    """Whether any of the sorted keys falls in the file's key range."""
    if file.low is None or file.high is None:
        return True
    at = bisect_left(keys, file.low)
    return at < len(keys) and keys[at] <= file.high


def rewrite_without(
    folder: Path, table: DeltaTable, schema: pa.Schema, key: str, keys: frozenset[str]
) -> Iterator[AddAction | RemoveAction]:
    """Remove the rows of `keys`: every file holding one is replaced by a file of its other rows;
    files holding none are left as they are."""
    ordered = sorted(keys)
    values = pa.array(ordered, pa.string())
    for file in data_files(table, key):
        if not _may_hold(file, ordered):
            continue
        # the key column first: a file whose range holds a key but whose rows do not is not read whole
        held = pq.read_table(str(folder / file.path), columns=[key]).column(key)
        if not pc.any(pc.is_in(held, value_set=values)).as_py():
            continue
        rows = pq.read_table(str(folder / file.path))
        hit = pc.is_in(rows.column(key), value_set=values)
        yield RemoveAction(file.path, True, _now_ms(), file.size)
        kept = rows.filter(pc.invert(hit)).cast(schema)
        yield from write_files(folder, schema, key, kept.to_batches())


def read_rows(table: DeltaTable, columns: list[str] | None = None) -> pa.Table:
    """A table version's rows, read by pyarrow from the local files the version lists, not through
    delta-rs's Python file-system handler (which can abort the interpreter at exit now and then:
    delta-io/delta-rs#2184)."""
    uris = table.file_uris()
    if not uris:
        schema = pa.schema(table.schema().to_arrow())
        empty = schema.empty_table()
        return empty.select(columns) if columns is not None else empty
    return ds.dataset(uris, format="parquet").to_table(columns=columns)
