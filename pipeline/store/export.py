"""One clean snapshot of one run, a plain file per table, for tools that cannot read Delta.

`<to>/<table>.parquet` (Arrow types and the column descriptions kept) or `<to>/<table>.csv` (UTF-8
with a byte-order mark, so that Excel reads the Japanese; lists joined with `;`), plus
`<to>/manifest.json` naming the run, the table versions and the row counts. The stored columns
only (no `group_key` added on load). Each file is written beside its target and moved into place.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.records import RUNS_TABLE
from pipeline.store.describe import table_description, with_descriptions
from pipeline.store.frames import to_pandas
from pipeline.store.load import TABLE_NAMES, read_table, resolve_run
from pipeline.store.location import dataset_path

Format = Literal["parquet", "csv"]
FORMATS: tuple[str, ...] = ("parquet", "csv")
CSV_LIST_SEPARATOR = ";"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Exported:
    run_id: str
    files: dict[str, Path]
    rows: dict[str, int]


def _write_parquet(name: str, table: pa.Table, target: Path) -> None:
    described = with_descriptions(name, table)
    metadata = {**(described.schema.metadata or {}), b"description": (table_description(name) or "").encode()}
    pq.write_table(described.replace_schema_metadata(metadata), target)


def _csv_ready(table: pa.Table) -> pa.Table:
    columns = []
    for column in table.columns:
        if pa.types.is_list(column.type):
            column = pa.chunked_array(
                [pc.binary_join(c.cast(pa.list_(pa.string())), CSV_LIST_SEPARATOR) for c in column.chunks],
                pa.string(),
            )
        columns.append(column)
    return pa.table(columns, names=table.column_names)


def _write_csv(name: str, table: pa.Table, target: Path) -> None:
    frame = to_pandas(name, _csv_ready(table))  # nullable integers: no `3.0` for 3
    frame.to_csv(target, index=False, encoding="utf-8-sig", lineterminator="\n")


WRITERS: dict[str, Callable[[str, pa.Table, Path], None]] = {"parquet": _write_parquet, "csv": _write_csv}


def _replace(target: Path, write: Callable[[Path], object]) -> None:
    """Write beside the target, then move it into place: a reader never sees half a file."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def export_run(
    to: str | Path, *, fmt: Format = "parquet", run: str | None = None, dataset: str | Path | None = None
) -> Exported:
    if fmt not in WRITERS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    chosen = resolve_run(run, dataset)
    folder = Path(to)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    rows: dict[str, int] = {}
    for name in TABLE_NAMES:
        if name != RUNS_TABLE and name not in chosen.table_versions:
            continue
        table = read_table(name, run=chosen.run_id, dataset=dataset)
        target = folder / f"{name}.{fmt}"
        _replace(target, functools.partial(WRITERS[fmt], name, table))
        files[name], rows[name] = target, table.num_rows
    manifest = {
        "dataset": str(dataset_path(dataset).resolve()),
        "run_id": chosen.run_id,
        "format": fmt,
        "table_versions": chosen.table_versions,
        "rows": rows,
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    _replace(folder / MANIFEST, lambda path: path.write_text(text, "utf-8"))
    return Exported(chosen.run_id, files, rows)
