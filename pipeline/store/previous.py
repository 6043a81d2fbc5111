"""What the last recorded run left in the tables, as far as the next run needs it to commit only
what changed: each file's row by path and each document's row by doc_id.

There is no previous run to build on (the next run rewrites every table) when no run is recorded,
when a table is missing from it, or when its tables were committed by other code than this: the
rows of unchanged files would then not be what this code makes of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from deltalake import DeltaTable

from pipeline.records import TABLES, Document, File
from pipeline.store.data_files import read_rows
from pipeline.store.write import committed_code, last_recorded_versions, table_path


@dataclass(frozen=True)
class PreviousRun:
    files: dict[str, File]  # by source_path
    documents: dict[str, Document]  # by doc_id
    versions: dict[str, int]


def _rows(output: Path, name: str, version: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = read_rows(
        DeltaTable(str(table_path(output, name)), version=version)
    ).to_pylist()
    return rows


def load_previous(output: Path, code: str) -> PreviousRun | None:
    versions = last_recorded_versions(output)
    if any(name not in versions for name in TABLES):
        return None
    if any(committed_code(output, name, versions[name]) != code for name in TABLES):
        return None
    files: dict[str, File] = {}
    for row in _rows(output, "files", versions["files"]):
        doc_ids = row["doc_ids"]
        row["doc_ids"] = tuple(doc_ids) if isinstance(doc_ids, list) else ()
        file = File(**row)  # type: ignore[arg-type]
        files[file.source_path] = file
    documents: dict[str, Document] = {}
    for row in _rows(output, "documents", versions["documents"]):
        document = Document(**row)  # type: ignore[arg-type]
        documents[document.doc_id] = document
    return PreviousRun(files, documents, versions)
