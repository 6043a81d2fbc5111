"""A 取組効果 table whose section neither a heading nor its title cell names is placed after the
previous table (`section_inferred`). Its section is then inferred, not read, so the document is
`partial`: on a binarized 150 dpi scan the inference had put section 2's visits under section 3."""

from __future__ import annotations

from pipeline.process import process_document
from tests.conftest import ROOT

REPORT = ROOT / "tests" / "corpus" / "0003_bbfca83d523924ed.txt"  # markdown, R2 form
HEADING = "## 2 在宅に赴いて診療（往診、訪問診療）する合計回数"
TITLE_CELL = "| 在宅に赴いて診療（往診、訪問診療）する合計回数 |"


def test_a_section_named_by_nothing_printed_marks_the_document_partial() -> None:
    text = REPORT.read_text(encoding="utf-8")
    assert HEADING in text and TITLE_CELL in text
    unnamed = text.replace(HEADING, "").replace(TITLE_CELL, "|  |", 1)
    result = process_document(unnamed.encode("utf-8"))
    inferred = [c for c in result.checks if c.check == "section_inferred"]
    assert len(inferred) == 1 and "section 2" in inferred[0].detail
    assert result.document.status == "partial"
    assert "section" in (result.document.message or "")


def test_the_same_report_with_its_heading_is_ok() -> None:
    result = process_document(REPORT.read_bytes())
    assert not [c for c in result.checks if c.check == "section_inferred"]
    assert result.document.status == "ok"
