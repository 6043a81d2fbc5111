"""A bundle part's records as the part would give them as a file of its own: doc_id set aside,
pages and lines counted from the part's first page or line, places named in check details
(`p.3`, `l.12`) set aside. Two documents that read alike compare equal."""

from __future__ import annotations

import re
from typing import Any

from pipeline.records import DocumentResult
from tests.gold_scoring import as_dicts

RECORD_TABLES = ("members", "initiatives", "status", "outcomes", "dates")
DOCUMENT_FACTS = ("doc_kind", "fiscal_year", "fiscal_year_label", "group_name", "form_version", "status")
_PLACE = re.compile(r"\b[pl]\.\d+")


def part_records(result: DocumentResult, first_page: int = 1, first_line: int = 1) -> dict[str, Any]:
    def shifted(row: dict[str, Any]) -> dict[str, Any]:
        row = {k: v for k, v in row.items() if k != "doc_id"}
        if row.get("page") is not None:
            row["page"] -= first_page - 1
        if row.get("line") is not None:
            row["line"] -= first_line - 1
        return row

    out: dict[str, Any] = {t: [shifted(r) for r in as_dicts(getattr(result, t))] for t in RECORD_TABLES}
    out["checks"] = sorted(
        (c["check"], c["severity"], c["page"], c["line"], _PLACE.sub("", c["detail"]))
        for c in map(shifted, as_dicts(result.checks))
    )
    out["document"] = {k: getattr(result.document, k) for k in DOCUMENT_FACTS}
    return out
