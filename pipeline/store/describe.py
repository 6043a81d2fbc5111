"""The data dictionary as Delta metadata: a description on every table, a comment on every column.

Column metadata keys: `comment` (the meaning, the key Spark and Unity Catalog read), `term_ja`
(the Japanese term it comes from) and `values` (a JSON list of the allowed values). Delta takes
a new table's metadata from the first write (`with_descriptions`, `table_description`); an
existing table keeps its own on overwrite, so `sync_descriptions` updates what changed, before
the run's write, so the version a run records is still its data write.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
from deltalake import DeltaTable
from deltalake.exceptions import TableNotFoundError

from pipeline.store.dictionary import TABLES, column_doc
from pipeline.store.vocabulary import values_of

COMMENT_KEY = "comment"
TERM_KEY = "term_ja"
VALUES_KEY = "values"


def table_description(name: str) -> str | None:
    doc = TABLES.get(name)
    if doc is None:  # not described yet: tests/analyst/test_dictionary.py fails, the run does not
        return None
    return f"{doc.meaning} ({doc.term})" if doc.term else doc.meaning


def field_metadata(table: str, column: str) -> dict[str, str]:
    """The column's Delta metadata; none for a column not described yet (a test fails on it, an
    extract run does not: a missing sentence must not cost a run)."""
    try:
        doc = column_doc(table, column)
    except KeyError:
        return {}
    metadata = {COMMENT_KEY: doc.meaning}
    if doc.term:
        metadata[TERM_KEY] = doc.term
    values = values_of(table, column)
    if values is not None:
        metadata[VALUES_KEY] = json.dumps(list(values), ensure_ascii=False)
    return metadata


def described_schema(name: str, schema: pa.Schema) -> pa.Schema:
    """The same columns, each field carrying its description (the schema a commit gives Delta)."""
    fields = [field.with_metadata(field_metadata(name, field.name)) for field in schema]
    return pa.schema(fields, metadata=schema.metadata)


def with_descriptions(name: str, table: pa.Table) -> pa.Table:
    """The same data, each field carrying its description (used by Delta when it creates the table)."""
    return table.cast(described_schema(name, table.schema))


def sync_descriptions(path: Path | str, name: str) -> list[str]:
    """Bring an existing table's description and column metadata up to the dictionary. One metadata
    commit per changed item; nothing when all match or the table does not exist yet."""
    try:
        table = DeltaTable(str(path))
    except TableNotFoundError:
        return []
    changed: list[str] = []
    for field in table.schema().fields:
        wanted = field_metadata(name, field.name)
        if {k: str(v) for k, v in field.metadata.items()} != wanted:
            table.alter.set_column_metadata(field.name, wanted)
            changed.append(field.name)
    description = table_description(name)
    if description and table.metadata().description != description:
        table.alter.set_table_description(description)
        changed.append("(table description)")
    return changed
