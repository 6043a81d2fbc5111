"""A run's records on their way to the tables, so memory does not grow with the archive.

Records are buffered a batch of documents at a time, turned into Arrow, checked by the schema gate
and appended to Arrow IPC files under `<output>/_staging/`, one per table and leading hex digit of
`doc_id`. The commit reads them back bucket by bucket, each sorted by `doc_id` (a stable sort: a
document's rows keep their order), so the tables come out in one order whatever order the workers
finished in, and memory holds one bucket at most.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.records import LINKED_TABLES, TABLES, DocumentResult, arrow_schema, to_arrow
from pipeline.store.gate import validate_table

STAGING_DIR = "_staging"
DEFAULT_BATCH_DOCUMENTS = 200
BUCKETS = "0123456789abcdef"  # doc_id is hex; anything else goes to the last bucket
# Tables of a document's records (files, documents and the run-level facility tables aside).
RECORD_TABLES = tuple(name for name in TABLES if name not in ("files", "documents", *LINKED_TABLES))


def records_table(name: str, records: Sequence[object]) -> pa.Table:
    """One table's records as Arrow (the schema is built once per record type)."""
    return to_arrow(TABLES[name], records)


def _buckets_of(doc_ids: pa.ChunkedArray) -> pa.ChunkedArray:
    first = pc.utf8_lower(pc.utf8_slice_codeunits(doc_ids, 0, 1))
    return pc.if_else(pc.is_in(first, value_set=pa.array(list(BUCKETS))), first, BUCKETS[-1])


class Staging:
    """Append documents' records; read them back per table as a sorted stream."""

    def __init__(self, output: Path, batch_documents: int = DEFAULT_BATCH_DOCUMENTS) -> None:
        self.folder = output / STAGING_DIR
        shutil.rmtree(self.folder, ignore_errors=True)  # what a killed run left
        self.folder.mkdir(parents=True)
        self.batch_documents = batch_documents
        self.doc_ids: set[str] = set()
        self._buffers: dict[str, list[object]] = {name: [] for name in RECORD_TABLES}
        self._pending = 0
        self._writers: dict[tuple[str, str], pa.ipc.RecordBatchStreamWriter] = {}

    def add(self, result: DocumentResult) -> None:
        """Stage one document's records (once: a byte-identical copy adds nothing)."""
        if result.document.doc_id in self.doc_ids:
            return
        self.doc_ids.add(result.document.doc_id)
        for name, buffer in self._buffers.items():
            buffer.extend(getattr(result, name))
        self._pending += 1
        if self._pending >= self.batch_documents:
            self.flush()

    def flush(self) -> None:
        for name, buffer in self._buffers.items():
            if not buffer:
                continue
            table = records_table(name, buffer)
            validate_table(name, table)  # SchemaViolation stops the run before anything is committed
            buffer.clear()
            buckets = _buckets_of(table.column("doc_id"))
            for bucket in BUCKETS:
                rows = table.filter(pc.equal(buckets, bucket))
                if rows.num_rows:
                    self._writer(name, bucket).write_table(rows)
        self._pending = 0

    def _writer(self, name: str, bucket: str) -> pa.ipc.RecordBatchStreamWriter:
        key = (name, bucket)
        if key not in self._writers:
            path = self.folder / f"{name}-{bucket}.arrows"
            self._writers[key] = pa.ipc.new_stream(str(path), arrow_schema(TABLES[name]))
        return self._writers[key]

    def finish(self) -> None:
        """Flush what is buffered and close every staging file."""
        self.flush()
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()

    def reader(self, name: str) -> pa.RecordBatchReader:
        """Every staged row of a table, bucket by bucket, sorted by doc_id within each."""
        schema = arrow_schema(TABLES[name])
        return pa.RecordBatchReader.from_batches(schema, self._sorted_batches(name))

    def _sorted_batches(self, name: str) -> Iterator[pa.RecordBatch]:
        for bucket in BUCKETS:
            path = self.folder / f"{name}-{bucket}.arrows"
            if not path.exists():
                continue
            with pa.ipc.open_stream(str(path)) as stream:
                table = stream.read_all()
            yield from table.sort_by("doc_id").combine_chunks().to_batches()

    def remove(self) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
        shutil.rmtree(self.folder, ignore_errors=True)
