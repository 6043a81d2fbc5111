"""Linking's evidence read straight from table rows (Arrow), a batch at a time: the same evidence
`evidence.collect_evidence` makes of records, without a record for every member and outcome row.

Only the columns linking reads are read. Of the outcome rows only the first row naming each
institution in each document (in `section`, `row_no` order; ties in the rows' order) becomes
evidence, so a batch is cut down to those rows before the next one is read.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.link.evidence import Evidence, RowRef, finish_evidence, member_evidence, outcome_evidence

# member_evidence's arguments, in order
MEMBER_COLUMNS = (
    "doc_id",
    "fiscal_year",
    "group_name",
    "page",
    "line",
    "row_no",
    "name",
    "facility_name",
    "corporation",
    "phone",
    "municipality",
    "ocr",
)
# outcome_evidence's arguments, in order, and what picks the rows
OUTCOME_COLUMNS = ("doc_id", "fiscal_year", "group_name", "page", "line", "row_no", "institution", "ocr")
OUTCOME_READ_COLUMNS = (*OUTCOME_COLUMNS, "section", "is_total")
_FIRST_BY = ("doc_id", "institution")
_ORDER_BY = ("section", "row_no")
_INDEX = "__row"


def _first_named(rows: pa.Table) -> pa.Table:
    """Per document and institution its first outcome row by (section, row_no), the rows' own order
    deciding ties (a stable sort); totals and rows naming no institution left out."""
    named = rows.filter(
        pc.and_(pc.invert(rows.column("is_total")), pc.greater(pc.utf8_length(rows.column("institution")), 0))
    )
    if named.num_rows == 0:
        return named
    ordered = named.take(
        pc.sort_indices(named, sort_keys=[(c, "ascending") for c in (*_FIRST_BY, *_ORDER_BY)])
    )
    indexed = ordered.append_column(_INDEX, pa.array(range(ordered.num_rows), pa.int64()))
    firsts = indexed.group_by(list(_FIRST_BY), use_threads=False).aggregate([(_INDEX, "min")])
    rows = firsts.column(f"{_INDEX}_min")
    return ordered.take(pc.take(rows, pc.array_sort_indices(rows)))


def evidence_of_rows(members: Iterable[pa.Table], outcomes: Iterable[pa.Table]) -> list[Evidence]:
    """Evidence of member rows (`MEMBER_COLUMNS`) and outcome rows (`OUTCOME_READ_COLUMNS`), given
    batch by batch; every document's rows come whole from one source, in their order."""
    found: dict[RowRef, Evidence] = {}
    for part in members:
        for values in zip(*(part.column(c).to_pylist() for c in MEMBER_COLUMNS), strict=True):
            evidence = member_evidence(*values)
            found.setdefault(evidence.ref, evidence)
    firsts = [_first_named(part.select(list(OUTCOME_READ_COLUMNS))) for part in outcomes]
    if firsts:
        rows = _first_named(pa.concat_tables(firsts, promote_options="permissive"))
        for values in zip(*(rows.column(c).to_pylist() for c in OUTCOME_COLUMNS), strict=True):
            evidence = outcome_evidence(*values)
            found.setdefault(evidence.ref, evidence)
    return finish_evidence(found.values())
