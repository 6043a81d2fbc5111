"""Golden tests, one case table: every seed document (data/raw) and every rendition of a seed's
content that keeps what the seed printed — the fixture PDFs (tests/fixtures/pdf, made by
tests/fixtures/make_pdfs.py with LibreOffice) and the pdftotext renditions that read exact
(tests/fixtures/layout, tests/fixtures/make_layout_texts.py) — through the whole per-document
pipeline, against the seed's hand-checked gold (tests/gold, copied from ../shared/gold).

A new rendition of a seed is one row of CASES. A missing gold file fails."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from pipeline.process import process_document
from pipeline.records import DocumentResult, Member, Outcome, StatusSegment
from tests.conftest import GOLD, RAW, ROOT
from tests.gold_scoring import EXACT_TABLES, assert_document, assert_exact_table, assert_initiatives, norm

PDFS = ROOT / "tests" / "fixtures" / "pdf"
LAYOUT = ROOT / "tests" / "fixtures" / "layout"
# Checks a PDF may add to its seed's: facts of the extraction, not of the data.
EXTRACTION_NOTES = frozenset({"drawn_labels", "ocr_used"})
RECORD_TABLES = ("members", "initiatives", "status", "outcomes", "dates")


@dataclass(frozen=True)
class Case:
    path: Path
    seed: str  # the data/raw file whose gold this case must meet
    rendition: str | None  # the rendition the pipeline must read it as (None: the seed's own)
    extra_checks: frozenset[str] = frozenset()  # checks it may add to the gold's


SEEDS = sorted(p.name for p in RAW.iterdir() if p.is_file())
# fixture name -> the seed whose content it lays out
FIXTURE_SEEDS = {
    "h30_ryugasaki": "002_ea5a7a86fcbe7014.txt",
    "r2_tsukubamirai": "000_77fec06e79e16c0d.txt",
    "r3_ami": "003_1d5314b91ff3f58c.txt",
    "r4_mito": "001_aa0a80047dfd47e6.txt",
}
CASES: dict[str, Case] = {
    **{name: Case(RAW / name, name, None) for name in SEEDS},
    **{
        f"{fixture}.pdf": Case(PDFS / f"{fixture}.pdf", seed, "pdf_text", EXTRACTION_NOTES)
        for fixture, seed in FIXTURE_SEEDS.items()
    },
    **{
        f"r3_ami.{mode}.txt": Case(LAYOUT / f"r3_ami.{mode}.txt", FIXTURE_SEEDS["r3_ami"], "layout_text")
        for mode in ("pdftotext", "pdftotext-noff", "pdftotext-layout")
    },
}
PDF_CASES = sorted(name for name, case in CASES.items() if case.rendition == "pdf_text")


def gold_for(seed: str) -> dict[str, Any]:
    path = GOLD / f"{seed}.gold.json"
    assert path.exists(), f"missing gold file {path}: gold is hand-checked, never generated"
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return gold


@cache
def result_of(name: str) -> DocumentResult:
    return process_document(CASES[name].path.read_bytes())


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], DocumentResult, Case]:
    name: str = request.param
    return gold_for(CASES[name].seed), result_of(name), CASES[name]


def test_every_seed_has_gold() -> None:
    assert SEEDS, "no seed documents in data/raw"
    for name in SEEDS:
        gold_for(name)


def test_document(case: tuple[dict[str, Any], DocumentResult, Case]) -> None:
    gold, result, spec = case
    if spec.rendition is not None:
        assert result.document.rendition == spec.rendition
    assert_document(gold, result)


@pytest.mark.parametrize("table", EXACT_TABLES)
def test_exact_tables(case: tuple[dict[str, Any], DocumentResult, Case], table: str) -> None:
    gold, result, _ = case
    assert_exact_table(gold, result, table)


def test_initiatives(case: tuple[dict[str, Any], DocumentResult, Case]) -> None:
    gold, result, _ = case
    assert_initiatives(gold, result)


def test_checks(case: tuple[dict[str, Any], DocumentResult, Case]) -> None:
    gold, result, spec = case
    expected = set(gold.get("checks", []))
    ours = {c.check for c in result.checks}
    assert expected <= ours
    assert ours - expected <= spec.extra_checks


@pytest.mark.parametrize("name", PDF_CASES)
def test_every_pdf_record_has_a_page(name: str) -> None:
    result = result_of(name)
    pages = result.document.pages
    for table in RECORD_TABLES:
        for record in getattr(result, table):
            assert record.page is not None and 1 <= record.page <= pages, (table, record)


@pytest.mark.parametrize("name", PDF_CASES)
def test_every_pdf_figure_has_a_box_that_holds_it(name: str) -> None:
    """outcomes, status and members rows carry the box of their printed cell (row): the text
    inside that box on that page holds what the row was read from."""
    data = CASES[name].path.read_bytes()
    result = result_of(name)
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
