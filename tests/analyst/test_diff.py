"""`python -m pipeline diff RUN_A RUN_B`: documents added, removed or re-extracted, rows added and
removed per table, and figures that changed (same document, institution, period and metric)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from pipeline.records import TABLES, Run
from pipeline.store.diff import diff_runs
from pipeline.store.load import read_table, recorded_runs
from pipeline.store.write import TableChange, commit_tables, record_run
from tests.analyst.conftest import Runs, cli, copy_dataset

CHANGED_DOC = "000_77fec06e79e16c0d.txt"


def test_documents_and_rows_between_two_runs(three_runs: Runs) -> None:
    first, second = three_runs.runs[0], three_runs.runs[1]
    diff = diff_runs(first.run_id, second.run_id, str(three_runs.path))
    assert [diff.paths[d] for d in diff.added] == ["003_1d5314b91ff3f58c.txt"]
    assert [diff.paths[d] for d in diff.removed] == ["001_aa0a80047dfd47e6.txt"]
    assert diff.reextracted == {}
    assert diff.figures == []
    for name in TABLES:
        old = read_table(name, run=first.run_id, dataset=three_runs.path).num_rows
        new = read_table(name, run=second.run_id, dataset=three_runs.path).num_rows
        assert new - old == diff.rows_added[name] - diff.rows_removed[name], name
    assert diff.rows_added["documents"] == diff.rows_removed["documents"] == 1


def test_identical_runs_have_no_differences(three_runs: Runs) -> None:
    diff = diff_runs(three_runs.runs[1].run_id, three_runs.runs[2].run_id, str(three_runs.path))
    assert (diff.added, diff.removed, diff.reextracted, diff.figures) == ([], [], {}, [])
    assert set(diff.rows_added.values()) == set(diff.rows_removed.values()) == {0}


@pytest.fixture(scope="module")
def reextracted(three_runs: Runs, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A fourth run that read one report differently: one figure of it changed, as a new pipeline
    version could. Committed through the pipeline's own write path."""
    path = copy_dataset(three_runs.path, tmp_path_factory.mktemp("diff") / "dataset")
    last = recorded_runs(path)[-1]
    tables = {name: read_table(name, run=last.run_id, dataset=path) for name in TABLES}
    documents = tables["documents"].to_pylist()
    doc_id = next(d["doc_id"] for d in documents if d["source_path"] == CHANGED_DOC)
    outcomes = tables["outcomes"]
    target = pc.and_(
        pc.and_(pc.equal(outcomes["doc_id"], doc_id), pc.equal(outcomes["metric"], "visits")),
        pc.and_(pc.equal(outcomes["period"], "actual"), outcomes["is_total"]),
    )
    assert pc.sum(target.cast(pa.int8())).as_py() == 1
    value = pc.if_else(target, pa.scalar(305, pa.int64()), outcomes["value"])
    tables["outcomes"] = outcomes.set_column(
        outcomes.schema.get_field_index("value"), outcomes.schema.field("value"), value
    )
    keys = {"files": "source_path", "facilities": "facility_id"}
    changes = {
        name: TableChange(
            pa.RecordBatchReader.from_batches(t.schema, t.to_batches()), keys.get(name, "doc_id"), None
        )
        for name, t in tables.items()
    }
    versions = commit_tables(path, changes, "test")
    now = dt.datetime.now(dt.UTC)
    run = Run(uuid.uuid4().hex, now, now, "test", "-", 3, 3, 0, 0, 0, json.dumps(versions))
    record_run(path, dataclasses.replace(run))
    return path, last.run_id, run.run_id


def test_a_changed_figure_old_to_new(reextracted: tuple[Path, str, str]) -> None:
    path, before, after = reextracted
    diff = diff_runs(before, after, str(path))
    assert (diff.added, diff.removed) == ([], [])
    assert [diff.paths[d] for d in diff.reextracted] == [CHANGED_DOC]
    assert list(diff.reextracted.values()) == [["outcomes"]]
    assert diff.rows_added["outcomes"] == diff.rows_removed["outcomes"] == 1
    assert len(diff.figures) == 1
    change = diff.figures[0]
    assert (change.institution, change.period, change.metric, change.old, change.new) == (
        None,
        "actual",
        "visits",
        307,
        305,
    )


def test_cli_prints_the_diff(reextracted: tuple[Path, str, str]) -> None:
    path, before, after = reextracted
    result = cli("diff", before[:8], after[:8], "--dataset", str(path))
    assert result.returncode == 0, result.stderr
    assert "documents: 0 added, 0 removed, 1 re-extracted with other results" in result.stdout
    assert "~ " in result.stdout and CHANGED_DOC in result.stdout
    assert "(group total)  actual  visits: 307 → 305" in result.stdout
    assert "outcomes     +1      -1" in result.stdout


def test_cli_names_an_unknown_run(three_runs: Runs) -> None:
    result = cli("diff", "nope", three_runs.runs[0].run_id, "--dataset", str(three_runs.path))
    assert result.returncode == 2
    assert "no run matching 'nope'" in result.stderr
