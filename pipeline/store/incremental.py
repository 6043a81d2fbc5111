"""What a run commits: every file's and document's row, and per table the keys whose rows change.

`files` is keyed by `source_path`, every other table by `doc_id`. Against the last recorded run:
- `files` and `documents`: the rows that differ, are new, or are gone;
- record tables: the documents whose records were staged (new, or different from what the tables
  hold) and the documents that are gone.
Without a previous run every table is written whole.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.link.dataset import DatasetLinks, staged_with_links
from pipeline.records import LINKED_TABLES, TABLES, Document, File, arrow_schema, to_arrow
from pipeline.store.gate import validate_table
from pipeline.store.previous import PreviousRun
from pipeline.store.staging import RECORD_TABLES, Staging
from pipeline.store.write import TableChange


@dataclass(frozen=True)
class FileRows:
    """One input file's row and its documents' rows, without their records."""

    file: File
    documents: tuple[Document, ...]


def assemble(entries: dict[str, FileRows]) -> tuple[list[File], list[Document]]:
    """Rows in path order with their source paths. A byte-identical copy of an earlier file keeps
    its own `files` row, with `duplicate_of` the first path and the twin's doc_ids, and adds no
    documents: documents and their records are counted once."""
    first_path: dict[str, str] = {}
    files: list[File] = []
    documents: list[Document] = []
    for relative in sorted(entries):
        rows = entries[relative]
        file = dataclasses.replace(rows.file, source_path=relative, duplicate_of=None)
        if file.file_sha256 in first_path and file.size_bytes > 0:
            files.append(dataclasses.replace(file, duplicate_of=first_path[file.file_sha256]))
            continue
        first_path.setdefault(file.file_sha256, relative)
        files.append(file)
        documents += [dataclasses.replace(d, source_path=relative) for d in rows.documents]
    return files, documents


def _reader(table: pa.Table) -> pa.RecordBatchReader:
    return pa.RecordBatchReader.from_batches(table.schema, table.to_batches())


def _gated(name: str, records: Iterable[object]) -> pa.Table:
    return _gated_table(name, to_arrow(TABLES[name], list(records)))


def _gated_table(name: str, table: pa.Table) -> pa.Table:
    validate_table(name, table)
    return table


def _changed_keys(before: dict[str, object], now: dict[str, list[object]]) -> frozenset[str]:
    """Keys whose rows differ, are new, or are gone."""
    gone = set(before) - set(now)
    return frozenset(gone | {key for key, rows in now.items() if [before.get(key)] != rows})


def _record_rows(name: str, staging: Staging, linking: DatasetLinks | None) -> pa.RecordBatchReader:
    schema = arrow_schema(TABLES[name])
    return pa.RecordBatchReader.from_batches(schema, staged_with_links(name, staging, linking))


def _linked_changes(linking: DatasetLinks | None) -> dict[str, TableChange]:
    """The facility tables: the rows of the facilities whose rows changed when linking ran (every
    row without a last run), else a version that changes nothing."""
    changes = {}
    for name in LINKED_TABLES:
        if linking is None:
            empty = arrow_schema(TABLES[name]).empty_table()
            changes[name] = TableChange(_reader(empty), "facility_id", frozenset())
            continue
        rows, keys = linking.tables()[name], linking.facility_keys[name]
        if keys is not None:
            rows = rows.filter(
                pc.is_in(rows.column("facility_id"), value_set=pa.array(sorted(keys), pa.string()))
            )
        changes[name] = TableChange(_reader(_gated_table(name, rows)), "facility_id", keys)
    return changes


def plan_changes(
    previous: PreviousRun | None,
    files: list[File],
    documents: list[Document],
    staging: Staging,
    linking: DatasetLinks | None = None,
) -> dict[str, TableChange]:
    """One change per table, `files`, `documents` and the facility tables checked by the schema
    gate (the staged records were checked as they were staged)."""
    if previous is None:
        changes = {
            "files": TableChange(_reader(_gated("files", files)), "source_path", None),
            "documents": TableChange(_reader(_gated("documents", documents)), "doc_id", None),
        }
        for name in RECORD_TABLES:
            changes[name] = TableChange(_record_rows(name, staging, linking), "doc_id", None)
        return changes | _linked_changes(linking)
    files_now: dict[str, list[object]] = {}
    for file in files:
        files_now.setdefault(file.source_path, []).append(file)
    documents_now: dict[str, list[object]] = {}
    for document in documents:
        documents_now.setdefault(document.doc_id, []).append(document)
    file_keys = _changed_keys(dict(previous.files), files_now)
    document_keys = _changed_keys(dict(previous.documents), documents_now)
    record_keys = frozenset(staging.doc_ids | (set(previous.documents) - set(documents_now)))
    changes = {
        "files": TableChange(
            _reader(_gated("files", (f for f in files if f.source_path in file_keys))),
            "source_path",
            file_keys,
        ),
        "documents": TableChange(
            _reader(_gated("documents", (d for d in documents if d.doc_id in document_keys))),
            "doc_id",
            document_keys,
        ),
    }
    relinked = linking.rewritten_ids if linking is not None else {}
    for name in RECORD_TABLES:
        keys = record_keys | relinked.get(name, frozenset())
        changes[name] = TableChange(_record_rows(name, staging, linking), "doc_id", keys)
    return changes | _linked_changes(linking)
