"""`make accuracy-ocr` scores a scan that the pipeline reads as several documents (a binarized
seed-2 scan was cut apart: `process_document` raised and the whole run was lost): the document
with the most records is scored, the status says the scan was split."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from bench.ocr_engines import FIXTURE_GOLD, SPLIT, score_scan
from tests.conftest import ROOT

PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"


def test_a_file_read_as_two_documents_is_scored_not_fatal(tmp_path: Path) -> None:
    bundle = pymupdf.open(PDF_DIR / "r2_tsukubamirai.pdf")
    bundle.insert_pdf(pymupdf.open(PDF_DIR / "r4_mito.pdf"))
    path = tmp_path / "bundle.pdf"
    bundle.save(path)
    scored = score_scan(str(path), str(FIXTURE_GOLD), "fixture", 1)
    assert scored.status == SPLIT
    assert scored.pages == len(bundle)
    assert scored.tables["outcomes"].gold == 8  # scored against the gold (here the larger part, R4)
