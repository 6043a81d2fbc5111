"""Rows that ordinary pandas code handles right (SCHEMA v2): `files` one row per input file,
`documents` one row per report with a unique doc_id, and a group key that keeps unnamed reports."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline import load, load_all
from pipeline.records import GROUP_KEY_UNNAMED
from tests.analyst.conftest import Dataset


@pytest.fixture(scope="module")
def tables(analyst_dataset: Dataset) -> dict[str, pd.DataFrame]:
    return load_all(dataset=analyst_dataset.path)


def test_files_has_one_row_per_input_file(analyst_dataset: Dataset, tables: dict[str, pd.DataFrame]) -> None:
    files = tables["files"]
    on_disk = sorted(
        p.relative_to(analyst_dataset.input_root).as_posix()
        for p in analyst_dataset.input_root.rglob("*")
        if p.is_file()
    )
    assert len(on_disk) == analyst_dataset.input_files
    assert sorted(files["source_path"]) == on_disk
    copy = files[files["duplicate_of"].notna()]
    assert len(copy) == 1
    twin = files[files["source_path"] == copy["duplicate_of"].iloc[0]]
    assert list(copy["doc_ids"].iloc[0]) == list(twin["doc_ids"].iloc[0])


def test_documents_has_one_row_per_report(tables: dict[str, pd.DataFrame]) -> None:
    documents = tables["documents"]
    assert documents["doc_id"].is_unique
    every_listed = {d for ids in tables["files"]["doc_ids"] for d in ids}
    assert set(documents["doc_id"]) == every_listed
    assert len(documents) == len(tables["files"]) - 1  # the byte-identical copy is counted once


def test_merges_do_not_double_rows(tables: dict[str, pd.DataFrame]) -> None:
    documents = tables["documents"][["doc_id", "source_path", "rendition", "form_version"]]
    for name in ("members", "status", "outcomes", "dates", "checks"):
        merged = tables[name].merge(documents, on="doc_id", how="left", validate="many_to_one")
        assert len(merged) == len(tables[name]), name
        assert merged["source_path"].notna().all(), name
    exploded = (
        tables["files"]
        .explode("doc_ids")
        .merge(documents, left_on="doc_ids", right_on="doc_id", validate="many_to_one")
    )
    assert len(exploded) == len(tables["files"])


def test_groupby_keeps_reports_without_a_group_name(tables: dict[str, pd.DataFrame]) -> None:
    documents, outcomes = tables["documents"], tables["outcomes"]
    assert documents["group_key"].notna().all()
    unnamed = documents[documents["group_name"].isna() & (documents["doc_kind"] == "report")]
    assert len(unnamed) >= 1  # r3_ami.pdf prints no group name
    assert (unnamed["group_key"] == GROUP_KEY_UNNAMED + " " + unnamed["doc_id"]).all()
    by_key = outcomes.groupby("group_key")["value"].sum()
    by_name = outcomes.groupby("group_name")["value"].sum()  # the pitfall: null names drop out
    assert by_key.sum() == outcomes["value"].sum()
    assert by_name.sum() < by_key.sum()
    assert set(unnamed["group_key"]) <= set(by_key.index)


def test_unnamed_reports_never_merge_with_each_other(tables: dict[str, pd.DataFrame]) -> None:
    unnamed = tables["documents"][tables["documents"]["group_name"].isna()]
    assert len(unnamed) >= 2  # the unnamed PDF report and the guidance notice
    assert unnamed["group_key"].is_unique


def test_counts_by_status_match_the_run(analyst_dataset: Dataset, tables: dict[str, pd.DataFrame]) -> None:
    run = load("runs", dataset=analyst_dataset.path).iloc[-1]
    counts = tables["documents"]["status"].value_counts()
    assert run["documents_total"] == len(tables["documents"])
    for status in ("ok", "partial", "skipped", "failed"):
        assert run[f"documents_{status}"] == counts.get(status, 0), status
