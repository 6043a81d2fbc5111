"""Linking inside a run: the evidence it reads from the tables, and which unchanged documents it
rewrites (those whose facility ids or linking checks changed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
from deltalake import DeltaTable

from pipeline.link.dataset import _changed_documents, _facility_ids_changed, _link_rows
from pipeline.link.evidence import collect_evidence
from pipeline.link.rows import evidence_of_rows
from pipeline.process import process_file
from pipeline.run import run_extract
from pipeline.store.data_files import read_rows
from tests.conftest import ROOT

RAW = ROOT / "data" / "raw"
PDFS = ROOT / "tests" / "fixtures" / "pdf"


def test_a_facility_id_that_changes_appears_or_goes_marks_its_document() -> None:
    before = pa.table({"doc_id": ["d1", "d2", "d3", "d4"], "facility_id": ["f1", None, "f2", None]})
    after = before.set_column(1, "facility_id", pa.array(["f1", "f9", None, None], pa.string()))
    assert _facility_ids_changed(before, after) == {"d2", "d3"}


def test_no_rows_no_change() -> None:
    empty = pa.table({"doc_id": pa.array([], pa.string()), "facility_id": pa.array([], pa.string())})
    assert _facility_ids_changed(empty, empty) == set()


def test_only_linking_checks_are_compared_and_order_within_a_document_is_ignored() -> None:
    before = pa.table(
        {
            "doc_id": ["d1", "d1", "d2", "d3"],
            "check": ["facility_ambiguous", "facility_ambiguous", "total_mismatch", "facility_ambiguous"],
            "detail": ["a", "b", "x", "c"],
        }
    )
    after = pa.table(
        {
            "doc_id": ["d1", "d1", "d3", "d4"],
            "check": ["facility_ambiguous", "facility_ambiguous", "facility_ambiguous", "facility_ambiguous"],
            "detail": ["b", "a", "c2", "e"],
        }
    )
    assert _changed_documents(_link_rows(before), _link_rows(after)) == {"d3", "d4"}


def test_evidence_read_from_the_tables_is_the_evidence_of_the_records(tmp_path: Path) -> None:
    """The run links evidence read from a few columns of the tables (`evidence_of_rows`); it is
    exactly what `collect_evidence` makes of the documents' records, for a dataset made by the
    real CLI (members, outcome-only reports, a PDF)."""
    archive, output = tmp_path / "in", tmp_path / "out"
    shutil.copytree(RAW, archive)
    shutil.copy(PDFS / "r2_tsukubamirai.pdf", archive / "r2.pdf")
    run_extract(archive, output, workers=0)
    results = [d for path in sorted(archive.iterdir()) for d in process_file(path.read_bytes()).documents]
    members, outcomes = (read_rows(DeltaTable(str(output / name))) for name in ("members", "outcomes"))
    # a batch at a time, as the run reads them
    read = evidence_of_rows(
        (pa.Table.from_batches([b]) for b in members.to_batches(max_chunksize=7)),
        (pa.Table.from_batches([b]) for b in outcomes.to_batches(max_chunksize=11)),
    )
    expected = collect_evidence(results)
    assert len(expected) > 15 and any(e.source_table == "outcomes" for e in expected)
    assert read == expected
