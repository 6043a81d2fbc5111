"""Which unchanged documents linking rewrites: those whose facility ids or linking checks changed."""

from __future__ import annotations

import pyarrow as pa

from pipeline.link.dataset import _changed_documents, _facility_ids_changed, _link_rows


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
