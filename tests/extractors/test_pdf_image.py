"""extractors.pdf_image: OCR of the scanned fixture (scan_r2_tsukubamirai.pdf, r2_tsukubamirai.pdf
printed at 200 dpi in black and white) by rapidocr and Tesseract, and the message when Tesseract is
missing."""

from __future__ import annotations

import difflib
import os
from functools import cache

import numpy as np
import pytest

from bench.pdf_tables import Table, expected_tables, join_continued, normalize, score, transcription_for
from extractors import ocr_tesseract, pdf, pdf_grid, pdf_image, raster_grid
from extractors.blocks import ExtractedDocument
from tests.conftest import ROOT

PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"
SCAN = PDF_DIR / "scan_r2_tsukubamirai.pdf"
PHONES = [
    "029-869-9660",
    "0297-38-4023",
    "0297-34-1122",
    "0297-47-2255",
    "0297-38-6116",
    "0297-44-8868",
    "0297-34-1922",
    "029-873-2511",
]
needs_tesseract = pytest.mark.skipif(
    pdf_image.find_tesseract() is None, reason="tesseract with jpn not installed"
)


@cache
def scanned() -> ExtractedDocument:
    return pdf.extract_pdf(SCAN.read_bytes())


def table_rows(doc: ExtractedDocument) -> list[list[list[str]]]:
    return [[[c.text for c in row] for row in b.rows] for b in doc.blocks if b.kind == "table"]


@needs_tesseract
def test_ocr_rebuilds_the_tables() -> None:
    doc = scanned()
    assert doc.rendition == "pdf_image" and doc.pages == 3
    checks = [f.check for f in doc.findings]
    assert checks[-1] == "ocr_used" and set(checks[:-1]) <= {"ocr_digits_differ"}
    assert "tesseract" in doc.findings[-1].detail and "rapidocr" in doc.findings[-1].detail
    assert doc.ocr_engines[0].startswith("rapidocr") and doc.ocr_engines[1].startswith("tesseract")
    assert [(len(t), len(t[0])) for t in table_rows(doc)] == [(9, 5), (4, 5), (2, 4), (2, 4)]
    for block in doc.blocks:
        assert block.span.page in (1, 2, 3)
        assert all(cell.span.page == block.span.page for row in block.rows for cell in row)


@needs_tesseract
def test_ocr_reads_phones_and_item_numbers() -> None:
    members, initiatives = table_rows(scanned())[:2]
    phones = [normalize(row[4]) for row in members[1:]]
    found = sum(phone in phones for phone in PHONES)
    items = [normalize(row[0])[:1] for row in initiatives[1:]]
    print(f"OCR: {found}/{len(PHONES)} phone numbers, item numbers {items}")
    assert found >= 0.9 * len(PHONES)
    assert items == ["1", "2", "3"]
    assert members[3][0] == "" and normalize(members[2][0]).startswith("これから在宅医療")  # merged role


@needs_tesseract
def test_ocr_cell_accuracy_bar() -> None:
    """Measured with tesseract 5.3.0: 63/81 cells exact (77.8%), 98.7% of characters matched."""
    found = join_continued([(1, t) for t in table_rows(scanned())])
    content = transcription_for(PDF_DIR / "r2_tsukubamirai.pdf")
    assert content is not None
    expected = expected_tables(content)
    right, total = score(found, expected)

    def flat(tables: list[Table]) -> str:
        return "".join(normalize(c) for t in tables for row in t for c in row)

    ratio = difflib.SequenceMatcher(None, flat(expected), flat(found), autojunk=False).ratio()
    print(f"OCR: {right}/{total} cells exact = {right / total:.1%}, character match {ratio:.1%}")
    assert right / total >= 0.7 and ratio >= 0.95


def test_without_tesseract_names_the_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_image, "find_tesseract", lambda: None)
    doc = pdf.extract_pdf(SCAN.read_bytes())
    assert doc.rendition == "pdf_image" and doc.blocks == ()
    assert [(f.check, f.detail) for f in doc.findings] == [
        (
            "ocr_unavailable",
            "scanned PDF without a text layer: "
            "install Debian's tesseract-ocr and tesseract-ocr-jpn to extract it",
        )
    ]


def test_rules_keep_only_long_runs() -> None:
    gray = np.full((40, 300), 255, dtype=np.uint8)
    gray[10:12, 20:280] = 0  # a rule of 260 px: over 0.3 inch at 100 dpi
    gray[20:22, 50:60] = 0  # a stroke
    rules = raster_grid.find_rules(gray, 100)
    assert rules.h == [(11, 20, 280)] and rules.v == []


def test_grid_from_raster_edges_resolves_merges() -> None:
    h = [(y, 0, 300) for y in (0, 72, 144)]  # 3 horizontal rules, pixel units at scale 1
    v = [(0, 0, 144), (150, 72, 144), (300, 0, 144)]  # the middle rule only in the lower row
    grids = pdf_grid.grids_from_edges(raster_grid.rule_edges(h, v, 1.0))
    assert len(grids) == 1
    assert [(r, c) for r, c, _ in grids[0].cells] == [(0, 0), (1, 0), (1, 1)]


HOCR = b"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body><div class='ocr_page'>
<span class='ocr_line' title='bbox 100 100 400 140; baseline -0.001 -10; x_size 40'>
<span class='ocrx_word' title='bbox 100 100 200 140; x_wconf 90'>
<span class='ocrx_cinfo' title='x_bboxes 100 100 120 130; x_conf 99'>0</span>
<span class='ocrx_cinfo' title='x_bboxes 100 100 140 130; x_conf 99'>2</span>
<span class='ocrx_cinfo' title='x_bboxes 139 100 160 130; x_conf 99'>9</span>
</span></span></div></body></html>"""


def test_parse_hocr_keeps_reading_order_of_overlapping_boxes() -> None:
    chars = ocr_tesseract.parse_hocr(HOCR, 300 / 72)
    assert [c.text for c in sorted(chars, key=lambda c: c.x0)] == ["0", "2", "9"]
    assert len({c.baseline for c in chars}) == 1 and chars[0].baseline == pytest.approx(130 * 72 / 300)


# the line of `029-286-9402` Tesseract read on a generated 300 dpi scan: the `9` boxed to the word's end
WIDE_LAST = (
    HOCR.replace(
        b"bbox 100 100 400 140; baseline -0.001 -10; x_size 40", b"bbox 1993 160 3336 230; x_size 61.75"
    )
    .replace(b"x_bboxes 100 100 120 130", b"x_bboxes 2902 180 2923 210")
    .replace(b"x_bboxes 100 100 140 130", b"x_bboxes 2940 180 2961 210")
    .replace(b"x_bboxes 139 100 160 130", b"x_bboxes 2977 180 3336 210")
)


def test_a_character_boxed_to_its_words_end_stays_on_its_line() -> None:
    """Tesseract's hOCR of a generated 300 dpi scan (`029-286-9402`, the `9` boxed to the end of
    the word): the `9` is an em at most, so its middle lies on its line, in its cell."""
    scale = 300 / 72
    chars = ocr_tesseract.parse_hocr(WIDE_LAST, scale)
    assert [c.text for c in chars] == ["0", "2", "9"]
    nine = chars[2]
    assert nine.x1 - nine.x0 <= 61.75 / scale + 1e-9
    assert nine.size == pytest.approx(61.75 / scale)
    assert 160 / scale < nine.mid[1] < 230 / scale


def test_ci_has_tesseract() -> None:
    """`make test` installs Tesseract with Japanese; in CI the OCR tests must run, not skip."""
    if os.environ.get("CI"):
        assert pdf_image.find_tesseract() is not None
