"""Remove the data files no kept run needs: `python -m pipeline vacuum --keep-runs N`.

A file stays when any version that one of the N latest runs recorded reads it, or the table's
latest version does; every other Parquet file of a table folder goes. Delta's own vacuum keeps
files by age, not by run, so this compares file lists. Runs whose files went are listed in
`_vacuumed.json`, and loading one says so instead of failing on a missing file. Takes the
extract lock: never runs beside an extract.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from deltalake import DeltaTable
from deltalake.exceptions import TableNotFoundError

from pipeline.run import OutputLock
from pipeline.store.load import TABLE_NAMES, VACUUMED_FILE, recorded_runs, vacuumed_runs
from pipeline.store.location import dataset_path

LOG_FOLDER = "_delta_log"


@dataclass(frozen=True)
class VacuumResult:
    kept_runs: list[str]
    removed_runs: list[str]
    removed_files: list[Path]
    freed_bytes: int


def _local_path(uri: str) -> Path:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path) if parsed.scheme == "file" else uri).resolve()


def needed_files(table: Path, versions: set[int]) -> set[Path]:
    needed: set[Path] = set()
    for version in sorted(versions):
        needed |= {_local_path(u) for u in DeltaTable(str(table), version=version).file_uris()}
    return needed


def unneeded_files(table: Path, versions: set[int]) -> list[Path]:
    """Parquet files in the table folder that none of `versions` nor the latest version reads."""
    try:
        latest = DeltaTable(str(table)).version()
    except TableNotFoundError:
        return []
    needed = needed_files(table, versions | {latest})
    found = (p for p in table.rglob("*.parquet") if LOG_FOLDER not in p.relative_to(table).parts)
    return sorted(p for p in found if p.resolve() not in needed)


def vacuum(
    keep_runs: int, dataset: str | Path | None = None, *, dry_run: bool = False, lock_wait_s: float = 0.0
) -> VacuumResult:
    if keep_runs < 1:
        raise ValueError("--keep-runs must be at least 1: the latest run is always kept")
    root = dataset_path(dataset)
    with OutputLock(root, lock_wait_s):
        runs = recorded_runs(root)
        kept, dropped = runs[-keep_runs:], runs[:-keep_runs]
        removed: list[Path] = []
        for name in TABLE_NAMES:
            versions = {r.table_versions[name] for r in kept if name in r.table_versions}
            removed += unneeded_files(root / name, versions)
        freed = sum(p.stat().st_size for p in removed)
        if not dry_run:
            gone = vacuumed_runs(root) | {r.run_id for r in dropped}
            (root / VACUUMED_FILE).write_text(json.dumps(sorted(gone), indent=1) + "\n", encoding="utf-8")
            for path in removed:
                path.unlink()
    return VacuumResult(
        [r.run_id for r in kept], [r.run_id for r in dropped], [p.relative_to(root) for p in removed], freed
    )
