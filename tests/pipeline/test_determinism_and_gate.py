"""Two runs over the same input give identical records; the schema gate stops a bad run before
anything is committed and names the column."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from deltalake import DeltaTable

import pipeline.store.staging as staging_module
from pipeline.process import process_file
from pipeline.records import LINKED_TABLES, TABLES, Initiative, arrow_schema, to_arrow
from pipeline.run import run_extract
from pipeline.store.gate import SchemaViolation, plainly_valid, validate_result, validate_table
from pipeline.store.load import load_run
from tests.conftest import ROOT

RAW = ROOT / "data" / "raw"


def test_two_runs_give_identical_records(tmp_path: Path) -> None:
    first = run_extract(RAW, tmp_path / "a", workers=2)
    second = run_extract(RAW, tmp_path / "b", workers=0)
    assert first.run_id != second.run_id
    a, b = load_run(tmp_path / "a"), load_run(tmp_path / "b")
    for name in TABLES:
        assert a[name].equals(b[name]), name
        assert len(a[name]) == first.rows[name]


def _initiative(**changes: Any) -> Initiative:
    base = Initiative(
        doc_id="0" * 16,
        fiscal_year=2020,
        group_name=None,
        page=None,
        line=None,
        item_no=1,
        item_theme="intra_group",
        item_title="t",
        bullet_no=1,
        marker=None,
        level=0,
        text="x",
    )
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (_initiative(item_theme="other"), "initiatives.item_theme: values outside the vocabulary: ['other']"),
        (_initiative(item_no=4), "initiatives.item_no: values outside the vocabulary: ['4']"),
        (_initiative(fiscal_year=1900), "initiatives.fiscal_year: values outside (1989, 2100): 1900..1900"),
        (_initiative(text=None), "initiatives.text: 1 null value(s) in a non-null column"),
    ],
)
def test_gate_names_the_broken_column(record: Initiative, message: str) -> None:
    with pytest.raises(SchemaViolation) as caught:
        validate_table("initiatives", to_arrow(Initiative, [record]))
    assert str(caught.value) == message


def test_gate_rejects_a_drifted_schema() -> None:
    table = to_arrow(Initiative, [_initiative()]).append_column("extra", pa.array([1]))
    with pytest.raises(SchemaViolation, match="schema differs"):
        validate_table("initiatives", table)


def test_violating_run_commits_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "out"
    run_extract(RAW, output, workers=0)
    versions = {name: DeltaTable(str(output / name)).version() for name in TABLES}
    original = staging_module.records_table

    def broken_table(name: str, records: list) -> pa.Table:
        table = original(name, records)
        if name != "initiatives":
            return table
        bad = table.to_pylist()
        bad[0]["item_theme"] = "made_up"
        return pa.Table.from_pylist(bad, schema=table.schema)

    monkeypatch.setattr(staging_module, "records_table", broken_table)
    with pytest.raises(SchemaViolation, match=r"initiatives\.item_theme"):
        run_extract(RAW, output, workers=0, use_cache=False)
    assert {name: DeltaTable(str(output / name)).version() for name in TABLES} == versions
    assert len(load_run(output)["runs"]) == 1


def test_copy_of_output_folder_loads(tmp_path: Path) -> None:
    run_extract(RAW, tmp_path / "out", workers=0)
    shutil.copytree(tmp_path / "out", tmp_path / "moved")
    assert len(load_run(tmp_path / "moved")["documents"]) == len(list(RAW.iterdir()))


def test_second_run_reads_nothing_again_with_identical_records(tmp_path: Path) -> None:
    output = tmp_path / "out"
    first = run_extract(RAW, output, workers=2)
    second = run_extract(RAW, output, workers=2)
    assert (first.extracted, first.unchanged) == (len(list(RAW.iterdir())), 0)
    assert (second.extracted, second.cache_hits, second.unchanged) == (0, 0, len(list(RAW.iterdir())))
    a = load_run(output, run_id=first.run_id)
    b = load_run(output, run_id=second.run_id)
    for name in TABLES:
        assert a[name].equals(b[name]), name


def test_to_arrow_holds_each_records_values_in_its_fields_columns() -> None:
    results = [d for path in sorted(RAW.iterdir()) for d in process_file(path.read_bytes()).documents]
    for name, record_type in TABLES.items():
        if name in ("files", *LINKED_TABLES):
            continue
        records = (
            [r.document for r in results]
            if name == "documents"
            else [x for r in results for x in getattr(r, name)]
        )
        rows = [{k: list(v) if isinstance(v, tuple) else v for k, v in vars(r).items()} for r in records]
        expected = pa.Table.from_pylist(rows, schema=arrow_schema(record_type))
        assert records and to_arrow(record_type, records).equals(expected), name
        assert to_arrow(record_type, []).equals(expected.slice(0, 0)), name


def _outcome_of(gate: Any) -> tuple[type, str] | None:
    try:
        gate()
    except Exception as error:  # noqa: BLE001 - the outcome compared is the error itself
        return type(error), str(error)
    return None


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"item_theme": "other"},  # outside the vocabulary
        {"fiscal_year": 1900},  # outside the range
        {"text": None},  # null in a non-null column
        {"level": True},  # a bool in an integer column
        {"page": 2**31},  # past int32
        {"text": "a\ud800b"},  # a lone surrogate: no UTF-8
        {"marker": 3},  # an int in a string column
        {"fiscal_year": 2020.0},  # a float in an integer column (Arrow takes this one)
    ],
)
def test_document_gate_decides_as_the_arrow_gate(changes: dict[str, Any]) -> None:
    """The per-document gate lets through without an Arrow table only records that would pass it
    (`plainly_valid`); any other value is converted and gated, with the same outcome."""
    document = process_file(sorted(RAW.iterdir())[0].read_bytes()).documents[0]
    record = _initiative(**changes)
    result = dataclasses.replace(document, initiatives=(record, _initiative()))
    assert plainly_valid("initiatives", result.initiatives) == (not changes)
    arrow_gate = _outcome_of(lambda: validate_table("initiatives", to_arrow(Initiative, result.initiatives)))
    assert _outcome_of(lambda: validate_result(result)) == arrow_gate
    assert (arrow_gate is None) == (not changes or changes == {"fiscal_year": 2020.0})


def test_every_document_of_the_seeds_and_sample_is_plainly_valid() -> None:
    for path in [*sorted(RAW.iterdir()), *sorted(ROOT.joinpath("tests", "corpus").glob("*.txt"))[:12]]:
        for result in process_file(path.read_bytes()).documents:
            for name in TABLES:
                if name in ("files", *LINKED_TABLES):
                    continue
                records = [result.document] if name == "documents" else getattr(result, name)
                assert plainly_valid(name, records), (path.name, name)
