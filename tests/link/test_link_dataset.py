"""Linking inside a run: the evidence it reads from the tables, and which unchanged documents it
rewrites (those whose facility ids or linking checks changed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
from deltalake import DeltaTable

from pipeline.link.dataset import _changed_facilities, _changed_keys, _ids_changed
from pipeline.link.evidence import collect_evidence
from pipeline.link.rows import evidence_of_rows
from pipeline.process import process_file
from pipeline.run import run_extract
from pipeline.store.data_files import read_rows
from tests.conftest import ROOT

RAW = ROOT / "data" / "raw"
PDFS = ROOT / "tests" / "fixtures" / "pdf"


def matches(rows: list[tuple[str, str, int, str, str, str | None]]) -> pa.Table:
    columns = ("doc_id", "source_table", "row_no", "name", "facility_id", "former_id")
    return pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)})


def test_a_facility_id_that_changes_appears_or_goes_marks_its_document_in_its_table() -> None:
    before = matches(
        [
            ("d1", "members", 1, "Aクリニック", "f1", None),
            ("d2", "members", 1, "B医院", "f2", None),
            ("d3", "outcomes", 4, "C病院", "f3", None),
            ("d4", "members", 2, "D医院", "f4", None),
            ("d5", "members", 1, "E医院", "f5", None),
            ("d1", "members", 1, "Aクリニック", "f1", "f0"),  # an alias row: not a row's id
        ]
    )
    after = matches(
        [
            ("d1", "members", 1, "Aクリニック", "f1", None),
            ("d2", "members", 1, "B医院", "f9", None),  # another id
            ("d3", "outcomes", 4, "C病院", "f9", None),
            ("d5", "members", 1, "E医院", "f5", None),
            ("d6", "members", 1, "F医院", "f6", None),  # not a kept document
        ]
    )  # d4's row is gone
    found = _ids_changed(before, after, frozenset({"d1", "d2", "d3", "d4", "d5"}))
    assert found == {"members": {"d2", "d4"}, "outcomes": {"d3"}}
    assert _ids_changed(before, before, frozenset({"d1", "d2"})) == {"members": set(), "outcomes": set()}


def test_a_facility_changes_where_its_rows_differ_as_a_multiset() -> None:
    def facilities(rows: list[tuple[str, str | None, list[str] | None, float | None]]) -> pa.Table:
        return pa.table(
            {
                "facility_id": [r[0] for r in rows],
                "name": pa.array([r[1].split("|")[0] if r[1] else r[1] for r in rows], pa.string()),
                "corporation": pa.array([r[1].split("|")[1] if r[1] and "|" in r[1] else None for r in rows]),
                "phones": pa.array([r[2] for r in rows], pa.list_(pa.string())),
                "score": pa.array([r[3] for r in rows], pa.float64()),
            }
        )

    before = facilities(
        [
            ("f1", "A", ["029"], 1.0),
            ("f1", "A2", [], None),
            ("f2", "B", ["", "x"], 0.5),
            ("f3", "C", None, 0.25),
            ("f4", "D\x1fE|F", ["1"], None),
            ("f5", "E", ["a", "b"], None),
            ("f6", "", [""], None),
            ("f7", "G", ["1"], 0.1),
        ]
    )
    now = facilities(
        [
            ("f1", "A2", [], None),  # the same rows in another order
            ("f1", "A", ["029"], 1.0),
            ("f2", "B", ["x", ""], 0.5),  # a list in another order
            ("f3", "C", [], 0.25),  # an empty list is not a null
            ("f4", "D|E\x1fF", ["1"], None),  # the separator inside values
            ("f5", "E", ["a\x1fb"], None),
            ("f6", None, [], None),  # a null is not an empty string, [""] not []
            ("f8", "H", ["2"], None),  # new; f7 gone
        ]
    )
    assert _changed_facilities(before, now) == frozenset({"f2", "f3", "f4", "f5", "f6", "f7", "f8"})
    assert _changed_facilities(before, before) == frozenset()
    assert _changed_facilities(None, now) is None


def test_a_documents_checks_change_where_they_differ_in_order_aside() -> None:
    before = pa.table(
        {
            "doc_id": ["d1", "d1", "d3"],
            "check": ["facility_ambiguous", "facility_ambiguous", "facility_ambiguous"],
            "detail": ["a", "b", "c"],
        }
    )
    after = pa.table(
        {
            "doc_id": ["d1", "d1", "d3", "d4"],
            "check": ["facility_ambiguous", "facility_ambiguous", "facility_ambiguous", "facility_ambiguous"],
            "detail": ["b", "a", "c2", "e"],
        }
    )
    assert _changed_keys(before, after, "doc_id") == {"d3", "d4"}


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
