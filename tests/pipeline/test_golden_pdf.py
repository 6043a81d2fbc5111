"""Golden tests on the fixture PDFs (tests/fixtures/pdf, made by tests/fixtures/make_pdfs.py with
LibreOffice from the seeds' content): each must meet its seed's gold exactly as the text
renditions do, and every record must carry its page."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from pipeline.process import process_document
from pipeline.records import Member, Outcome, StatusSegment
from tests.gold_scoring import EXACT_TABLES, assert_document, assert_exact_table, assert_initiatives, norm

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "tests" / "fixtures" / "pdf"
GOLD = ROOT / "tests" / "gold"
# fixture -> the seed whose content it lays out
FIXTURE_SEEDS = {
    "h30_ryugasaki.pdf": "002_ea5a7a86fcbe7014.txt",
    "r2_tsukubamirai.pdf": "000_77fec06e79e16c0d.txt",
    "r3_ami.pdf": "003_1d5314b91ff3f58c.txt",
    "r4_mito.pdf": "001_aa0a80047dfd47e6.txt",
}
# Checks a PDF may add to its seed's: facts of the extraction, not of the data.
EXTRACTION_NOTES = {"drawn_labels", "ocr_used"}
RECORD_TABLES = ("members", "initiatives", "status", "outcomes", "dates")
LAYOUT = ROOT / "tests" / "fixtures" / "layout"
# pdftotext renditions of fixture PDFs (tests/fixtures/make_layout_texts.py): another flattening
LAYOUT_SEEDS = {"r3_ami.pdftotext.txt": "003_1d5314b91ff3f58c.txt"}


@pytest.fixture(scope="module", params=sorted(FIXTURE_SEEDS))
def case(request: pytest.FixtureRequest) -> tuple[dict, object]:
    gold = json.loads((GOLD / f"{FIXTURE_SEEDS[request.param]}.gold.json").read_text(encoding="utf-8"))
    return gold, process_document((PDFS / request.param).read_bytes())


def test_document(case: tuple[dict, object]) -> None:
    gold, result = case
    assert (result.document.source_format, result.document.rendition) == ("pdf", "pdf_text")  # type: ignore[attr-defined]
    assert_document(gold, result)


@pytest.mark.parametrize("table", EXACT_TABLES)
def test_exact_tables(case: tuple[dict, object], table: str) -> None:
    assert_exact_table(*case, table)


def test_initiatives(case: tuple[dict, object]) -> None:
    assert_initiatives(*case)


def test_checks(case: tuple[dict, object]) -> None:
    gold, result = case
    ours = {c.check for c in result.checks}  # type: ignore[attr-defined]
    assert set(gold.get("checks", [])) <= ours
    assert ours - set(gold.get("checks", [])) <= EXTRACTION_NOTES


def test_every_record_has_a_page(case: tuple[dict, object]) -> None:
    _, result = case
    pages = result.document.pages  # type: ignore[attr-defined]
    for table in RECORD_TABLES:
        for record in getattr(result, table):
            assert record.page is not None and 1 <= record.page <= pages, (table, record)


@pytest.mark.parametrize("name", sorted(LAYOUT_SEEDS))
def test_pdftotext_rendition_meets_seed_gold(name: str) -> None:
    gold = json.loads((GOLD / f"{LAYOUT_SEEDS[name]}.gold.json").read_text(encoding="utf-8"))
    result = process_document((LAYOUT / name).read_bytes())
    assert result.document.rendition == "layout_text"
    assert_document(gold, result)
    for table in EXACT_TABLES:
        assert_exact_table(gold, result, table)
    assert_initiatives(gold, result)
    assert {c.check for c in result.checks} == set(gold.get("checks", []))


@pytest.mark.parametrize("name", sorted(FIXTURE_SEEDS))
def test_every_pdf_figure_has_a_box_that_holds_it(name: str) -> None:
    """outcomes, status and members rows carry the box of their printed cell (row): the text
    inside that box on that page holds what the row was read from."""
    data = (PDFS / name).read_bytes()
    result = process_document(data)
    doc = pymupdf.open(stream=data, filetype="pdf")
    rows: list[tuple[Outcome | StatusSegment | Member, str]] = [(o, o.raw) for o in result.outcomes]
    rows += [(s, s.text) for s in result.status]
    rows += [(m, m.name) for m in result.members]
    assert rows
    for record, printed in rows:
        box = (record.bbox_x0, record.bbox_y0, record.bbox_x1, record.bbox_y1)
        assert None not in box and record.ocr is False and record.page is not None, record
        page = doc[record.page - 1]
        page.remove_rotation()
        inside = norm(page.get_textbox(pymupdf.Rect(*box)))
        assert norm(printed)[:12] in inside, (record, inside[:80])
