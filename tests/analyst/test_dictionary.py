"""The contract in the repository: docs/SCHEMA.md is the shared contract, docs/data_dictionary.md is
generated from the code and describes every column, and the same descriptions are stored in the
Delta tables."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pyarrow as pa
import pytest
from deltalake import DeltaTable

from pipeline.records import RUNS_TABLE, TABLES, Run
from pipeline.store.describe import COMMENT_KEY, TERM_KEY, VALUES_KEY, field_metadata, table_description
from pipeline.store.dictionary import COLUMNS, COMMON, DERIVED, column_doc
from pipeline.store.dictionary import TABLES as TABLE_DOCS
from pipeline.store.dictionary_markdown import DICTIONARY_PATH, render
from pipeline.store.gate import VOCABULARIES
from pipeline.store.vocabulary import VALUES
from tests.analyst.conftest import Dataset, cli
from tests.conftest import ROOT

SCHEMA_COPY = ROOT / "docs" / "SCHEMA.md"
# Where the shared contract sits beside a checkout: ../shared (main, CI), or ../../shared (a worktree).
SHARED_SCHEMAS = (ROOT.parent / "shared" / "SCHEMA.md", ROOT.parent.parent / "shared" / "SCHEMA.md")
RECORD_TYPES: dict[str, type] = {**TABLES, RUNS_TABLE: Run}


def _columns(name: str) -> list[str]:
    return [f.name for f in dataclasses.fields(RECORD_TYPES[name])]


def test_schema_copy_is_the_shared_contract() -> None:
    text = SCHEMA_COPY.read_text(encoding="utf-8")
    assert text.startswith("# The dataset contract (schema v2)")
    shared = next((p for p in SHARED_SCHEMAS if p.exists()), None)
    if shared is None:
        pytest.skip("no shared/SCHEMA.md beside this checkout to compare with")
    assert SCHEMA_COPY.read_bytes() == shared.read_bytes(), f"resync: cp {shared} {SCHEMA_COPY}"


@pytest.mark.parametrize("name", list(RECORD_TYPES))
def test_every_column_is_described(name: str) -> None:
    assert TABLE_DOCS[name].meaning
    for column in _columns(name):
        assert column_doc(name, column).meaning.strip(), f"{name}.{column}"


def test_no_description_for_a_column_that_does_not_exist() -> None:
    assert set(TABLE_DOCS) == set(RECORD_TYPES)
    for name, columns in COLUMNS.items():
        assert set(columns) <= set(_columns(name)), name
    used = {c for name in RECORD_TYPES for c in _columns(name) if c not in COLUMNS.get(name, {})}
    assert set(COMMON) <= used
    assert set(DERIVED) == {"group_key"}


def test_a_new_column_without_a_description_fails() -> None:
    with pytest.raises(KeyError, match=r"outcomes\.part_no has no description: add it to pipeline/store"):
        column_doc("outcomes", "part_no")
    assert field_metadata("outcomes", "part_no") == {}  # a run still commits it: only this test fails
    assert table_description("facilities_v9") is None


def test_every_vocabulary_value_is_described() -> None:
    for key, allowed in VOCABULARIES.items():
        assert key in VALUES, key
        assert set(VALUES[key]) == set(allowed), key


def test_data_dictionary_is_generated_from_the_code() -> None:
    assert DICTIONARY_PATH.read_text(encoding="utf-8") == render(), "run `python -m pipeline dictionary`"
    result = cli("dictionary", "--check")
    assert result.returncode == 0, result.stderr


def test_data_dictionary_lists_every_column_with_its_type() -> None:
    text = render()
    for name in RECORD_TYPES:
        assert f"\n## {name}\n" in text
        for column in _columns(name):
            assert f"| `{column}` |" in text, f"{name}.{column}"
    assert "| `value` | int64 | yes | Int64 | the figure as printed" in text
    assert "- `visits_on_call` (うち往診): of which visits on call" in text


def test_dictionary_check_fails_on_drift(tmp_path: Path) -> None:
    stale = tmp_path / "data_dictionary.md"
    stale.write_text(render().replace("うち往診", "往診"), encoding="utf-8")
    result = cli("dictionary", "--check", "--output", str(stale))
    assert result.returncode == 1
    assert "out of date" in result.stderr


@pytest.mark.parametrize("name", list(RECORD_TYPES))
def test_descriptions_are_stored_in_the_delta_tables(analyst_dataset: Dataset, name: str) -> None:
    table = DeltaTable(str(analyst_dataset.path / name))
    assert table.metadata().description == table_description(name)
    stored = {f.name: {k: str(v) for k, v in f.metadata.items()} for f in table.schema().fields}
    assert stored == {column: field_metadata(name, column) for column in _columns(name)}


def test_stored_metadata_reads_back(analyst_dataset: Dataset) -> None:
    fields = {f.name: f.metadata for f in DeltaTable(str(analyst_dataset.path / "outcomes")).schema().fields}
    assert fields["metric"][COMMENT_KEY] == "what is counted"
    assert json.loads(str(fields["metric"][VALUES_KEY]))[:2] == ["patients", "visits"]
    assert fields["institution"][TERM_KEY] == "医療機関名"


def test_an_old_table_gets_its_descriptions_and_keeps_one_version_per_run(tmp_path: Path) -> None:
    """A table written before descriptions existed is described by the next run (columns with its
    data commit, the table's description in a metadata commit after it); the run records the
    version that holds both, and the next run adds no metadata commit."""
    from deltalake import write_deltalake

    from pipeline.records import to_arrow
    from pipeline.store.write import TableChange, commit_tables

    def change(table: object) -> dict[str, TableChange]:
        reader = pa.RecordBatchReader.from_batches(empty.schema, table.to_batches())  # type: ignore[attr-defined]
        return {"checks": TableChange(reader, "doc_id", None)}

    path = tmp_path / "checks"
    empty = to_arrow(TABLES["checks"], [])
    write_deltalake(str(path), empty, mode="overwrite")  # as before issue 11: no metadata
    first = commit_tables(tmp_path, change(empty), "code")["checks"]
    table = DeltaTable(str(path))
    assert table.version() == first
    assert table.metadata().description == table_description("checks")
    assert all(f.metadata.get("comment") for f in table.schema().fields)
    second = commit_tables(tmp_path, change(empty), "code")["checks"]
    assert second == first + 1
