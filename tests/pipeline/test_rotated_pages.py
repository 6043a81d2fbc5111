"""Rotated pages read upright: a report whose pages are all turned 90°, 180° or 270° (content drawn
turned, or a `/Rotate` entry) gives the records of the upright report, to the last box
coordinate. Text-layer pages are turned by their text's direction; scanned pages by their detected
text lines (rapidocr's line classifier), else Tesseract's orientation detection."""

from __future__ import annotations

import os
import subprocess
from typing import Any

import pymupdf
import pytest

from extractors import ocr_cache, ocr_rapid, pdf_image
from pipeline.process import process_document
from pipeline.records import DocumentResult
from tests.conftest import ROOT
from tests.gold_scoring import as_dicts

PDFS = ROOT / "tests" / "fixtures" / "pdf"
FIXTURES = ["h30_ryugasaki.pdf", "r2_tsukubamirai.pdf", "r3_ami.pdf", "r4_mito.pdf"]
RECORD_TABLES = ("members", "initiatives", "status", "outcomes", "dates")
SCAN_CROP = 0.5  # the scan's page 1 down to its first member rows
BINARY = pdf_image.find_tesseract()
HAS_OSD = (
    BINARY is not None
    and "osd"
    in subprocess.run([BINARY, "--list-langs"], capture_output=True, text=True, check=False).stdout.split()
)


def with_rotate_entry(src: pymupdf.Document, angle: int) -> bytes:
    """Every page's `/Rotate` set: the content is unchanged, a viewer shows it turned."""
    doc = pymupdf.open(stream=src.tobytes(), filetype="pdf")
    for page in doc.pages():
        page.set_rotation(angle)
    return doc.tobytes()


def drawn_turned(src: pymupdf.Document, angle: int, pages: list[int] | None = None) -> bytes:
    """Every page's content drawn turned by `angle` on a page of the turned size (no `/Rotate`)."""
    out = pymupdf.open()
    for number in pages if pages is not None else range(src.page_count):
        rect = src[number].rect
        width, height = (rect.height, rect.width) if angle in (90, 270) else (rect.width, rect.height)
        page = out.new_page(width=width, height=height)
        page.show_pdf_page(page.rect, src, number, rotate=angle)
    return out.tobytes()


def records(result: DocumentResult) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {
        t: [{k: v for k, v in r.items() if k != "doc_id"} for r in as_dicts(getattr(result, t))]
        for t in RECORD_TABLES
    }
    out["checks"] = sorted((c.check, c.page, c.detail) for c in result.checks if c.check != "page_rotated")
    doc = result.document
    out["document"] = [{"status": doc.status, "fiscal_year": doc.fiscal_year, "group_name": doc.group_name}]
    return out


@pytest.fixture(scope="module")
def upright() -> dict[str, dict[str, list[dict]]]:
    return {name: records(process_document((PDFS / name).read_bytes())) for name in FIXTURES}


@pytest.mark.parametrize("angle", [90, 180, 270])
@pytest.mark.parametrize("name", FIXTURES)
def test_content_drawn_turned_reads_as_upright(upright: dict, name: str, angle: int) -> None:
    result = process_document(drawn_turned(pymupdf.open(PDFS / name), angle))
    assert records(result) == upright[name]
    turned = [c for c in result.checks if c.check == "page_rotated"]
    assert len(turned) == result.document.pages
    assert all(f"turned {angle}°" in c.detail for c in turned), turned


@pytest.mark.parametrize("angle", [90, 180, 270])
@pytest.mark.parametrize("name", ["r2_tsukubamirai.pdf", "r4_mito.pdf"])
def test_rotate_entry_is_set_aside(upright: dict, name: str, angle: int) -> None:
    result = process_document(with_rotate_entry(pymupdf.open(PDFS / name), angle))
    assert records(result) == upright[name]
    assert not [c for c in result.checks if c.check == "page_rotated"]  # the content was upright


def test_upright_pages_are_not_turned(upright: dict) -> None:
    for name in FIXTURES:
        result = process_document((PDFS / name).read_bytes())
        assert not [c for c in result.checks if c.check == "page_rotated"]


@pytest.mark.parametrize("told_by", [pdf_image.BY_CLASSIFIER, pdf_image.BY_OSD])
def test_scanned_page_turned_reads_as_upright(told_by: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan's first page (the top of the 別添1 member list) drawn at 270°: its detected lines tell
    the turn back (rapidocr's line classifier), or, where too few lines are classified to be sure,
    Tesseract's OSD does; rendering it turned gives the upright scan's very pixels, so OCR reads
    the same."""
    if not HAS_OSD:  # `make test` installs it; only a workstation without it may skip
        message = "needs Debian's tesseract-ocr, tesseract-ocr-jpn and tesseract-ocr-osd"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    monkeypatch.setenv(ocr_cache.ENV, ocr_cache.OFF)  # each way of telling the turn runs
    if told_by == pdf_image.BY_OSD:
        monkeypatch.setattr(ocr_rapid, "DEFAULT_CLS_MIN_LINES", 10**6)
    scan = pymupdf.open(PDFS / "scan_r2_tsukubamirai.pdf")
    page = scan[0]
    page.set_cropbox(pymupdf.Rect(0, 0, page.rect.width, page.rect.height * SCAN_CROP))  # OCR time
    upright_page = drawn_turned(scan, 0, pages=[0])
    turned_page = drawn_turned(scan, 270, pages=[0])
    expected = records(process_document(upright_page))
    result = process_document(turned_page)
    assert expected["members"] and records(result) == expected
    (turned,) = [c for c in result.checks if c.check == "page_rotated"]
    assert "turned 270°" in turned.detail and f"({told_by})" in turned.detail
