"""The OCR readers of scanned pages (issue 12): offline only, a missing model named at start, the
page-hash cache, figures only where both readers agree, and a small generated scan read without
a wrong figure."""

from __future__ import annotations

import re
import socket
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pymupdf
import pytest

from extractors import ocr_cache, ocr_rapid, pdf, pdf_image, raster_grid
from extractors.ocr_agree import agree
from extractors.pdf_grid import find_grids, grids_from_edges
from extractors.pdf_page import Char
from extractors.raster_grid import rule_edges
from generator.scan import VARIANTS, ScanVariant, scan_pdf
from normalizers.ocr_text import fix_confusions

PDF_DIR = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "pdf"
HAS_TESSERACT = pdf_image.find_tesseract() is not None


def tiny_page(text: str = "訪問診療 12件") -> np.ndarray:
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=80)
    page.insert_text((20, 50), text, fontname="japan", fontsize=20)
    return pdf_image.render_gray(page, 200)


@pytest.fixture
def fresh_engine() -> Iterator[None]:
    ocr_rapid.engine.cache_clear()
    yield
    ocr_rapid.engine.cache_clear()


def test_reads_with_the_network_disabled_and_never_downloads(
    monkeypatch: pytest.MonkeyPatch, fresh_engine: None
) -> None:
    attempts: list[object] = []

    def no_network(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    from rapidocr.utils.download_file import DownloadFile

    monkeypatch.setattr(DownloadFile, "run", classmethod(lambda cls, *a, **k: no_network(*a)))
    lines = ocr_rapid.read_lines(tiny_page())
    text = "".join(c.text for line in lines for c in line)
    assert "訪問診療" in text and attempts == []


def test_a_missing_model_fails_at_start_naming_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_engine: None
) -> None:
    monkeypatch.setattr(ocr_rapid, "models_dir", lambda: tmp_path)
    with pytest.raises(ocr_rapid.OcrModelMissing, match=r"pip install rapidocr==3\.10\.0") as raised:
        ocr_rapid.engine()
    assert "PP-OCRv6_det_small.onnx" in str(raised.value)
    if HAS_TESSERACT:  # the scanned document is then partial with that message, nothing read
        doc = pdf.extract_pdf((PDF_DIR / "scan_r2_tsukubamirai.pdf").read_bytes())
        assert doc.blocks == () and [f.check for f in doc.findings] == ["ocr_unavailable"]
        assert "rapidocr==3.10.0" in doc.findings[0].detail


def test_page_key_is_a_function_of_the_pixels_and_settings() -> None:
    page = tiny_page()
    assert ocr_cache.page_key(page, "a") == ocr_cache.page_key(page.copy(), "a")
    assert ocr_cache.page_key(page, "a") != ocr_cache.page_key(page, "b")
    other = page.copy()
    other[0, 0] ^= 1
    assert ocr_cache.page_key(page, "a") != ocr_cache.page_key(other, "a")


def test_cache_folder_is_configured_never_taken_from_a_document(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ocr_cache.ENV, str(tmp_path))
    ocr_cache.store("ab" * 32, {"turn": 0})
    assert ocr_cache.load("ab" * 32) == {"turn": 0} and (tmp_path / "ab").is_dir()
    monkeypatch.setenv(ocr_cache.ENV, ocr_cache.OFF)
    assert ocr_cache.cache_dir() is None and ocr_cache.load("ab" * 32) is None


GRID = grids_from_edges(
    rule_edges([(0, 0, 200), (40, 0, 200)], [(0, 0, 40), (100, 0, 40), (200, 0, 40)], 1.0)
)


def chars(text: str, x: float, baseline: float = 30.0, size: float = 10.0) -> list[Char]:
    return [Char(t, x + i * size, x + (i + 1) * size, baseline, size) for i, t in enumerate(text)]


def test_a_figure_is_kept_only_where_both_readers_read_the_same_digits() -> None:
    first = [chars("12件", 10), chars("1,234名", 110)]
    second = chars("12件", 11) + chars("1,284名", 109)
    merged, findings, regions = agree(GRID, first, second, 1, ("one", "two"))
    assert "".join(c.text for c in merged) == "12件⟦1｜1⟧,⟦234｜284⟧名"
    assert [f.check for f in findings] == ["ocr_digits_differ"] and len(regions) == 2
    assert "'1,234名'" in findings[0].detail and "'1,284名'" in findings[0].detail


def test_a_digit_only_one_reader_sees_is_a_disagreement() -> None:
    merged, findings, _ = agree(GRID, [chars("2件", 20)], chars("12件", 10), 1, ("one", "two"))
    assert "".join(c.text for c in merged) == "⟦2｜12⟧件" and len(findings) == 1
    merged, findings, _ = agree(GRID, [chars("12件", 10)], [], 1, ("one", "two"))
    assert "".join(c.text for c in merged) == "⟦12｜⟧件" and len(findings) == 1


def test_known_confusions_are_fixed_outside_digits_only() -> None:
    assert (
        fix_confusions("グル一プ 状况 北ロ市 第ー回 ケア一体 ·連携 12")
        == "グループ 状況 北口市 第一回 ケア一体 ・連携 12"
    )


def table_cells(doc: object) -> list[list[list[str]]]:
    return [[[c.text for c in row] for row in b.rows] for b in doc.blocks if b.kind == "table"]  # type: ignore[attr-defined]


@pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract with jpn not installed")
def test_a_binarized_turned_scan_reads_its_figures_or_leaves_them_out() -> None:
    """The fixture's 取組効果 page scanned again at 150 dpi, binarized, upside down: the same tables as
    its text layer, and in every cell the figures as printed, or marked as disputed."""
    twin = pymupdf.open(PDF_DIR / "r2_tsukubamirai.pdf")
    twin.select([2])
    printed = table_cells(pdf.extract_pdf(twin.tobytes()))
    recognised = ocr_rapid.TALLY.pages
    doc = pdf.extract_pdf(scan_pdf(twin.tobytes(), VARIANTS["turn180_150"], seed=3))
    assert ocr_rapid.TALLY.pages - recognised <= 1  # once upright (none when the cache holds the page)
    assert "page_rotated" in {f.check for f in doc.findings}
    read = table_cells(doc)
    assert [(len(t), len(t[0])) for t in read] == [(len(t), len(t[0])) for t in printed]
    digits = re.compile(r"[0-9０-９]+")
    agreed = 0
    for ours, theirs in zip(
        (c for t in read for row in t for c in row),
        (c for t in printed for row in t for c in row),
        strict=True,
    ):
        if "⟦" not in ours:
            assert digits.findall(ours) == digits.findall(theirs), (ours, theirs)
            agreed += bool(digits.findall(ours))
    assert agreed >= 10


@pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract with jpn not installed")
@pytest.mark.parametrize("turn", [90, 270])
def test_a_turned_scan_is_recognised_once_and_reads_as_the_upright_one(
    turn: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fixture's 取組効果 page scanned at 200 dpi, lying turned a quarter either way, and the
    very same scan upright (same noise): which way it lies is told from its detected lines before
    any is read (no Tesseract orientation detection), it is read once, upright, and gives the
    upright scan's tables, figure for figure."""
    monkeypatch.setenv(ocr_cache.ENV, ocr_cache.OFF)
    twin = pymupdf.open(PDF_DIR / "r2_tsukubamirai.pdf")
    twin.select([2])
    upright = pdf.extract_pdf(scan_pdf(twin.tobytes(), ScanVariant("page3", 200), seed=5))
    recognised = ocr_rapid.TALLY.pages
    doc = pdf.extract_pdf(scan_pdf(twin.tobytes(), ScanVariant("page3", 200, turn=turn), seed=5))
    assert ocr_rapid.TALLY.pages - recognised == doc.pages == 1
    (turned,) = [f.detail for f in doc.findings if f.check == "page_rotated"]
    assert f"turned {360 - turn}°" in turned and pdf_image.BY_CLASSIFIER in turned
    read = table_cells(doc)
    assert read == table_cells(upright)
    assert sum(bool(re.search(r"[0-9]", c)) and "⟦" not in c for t in read for row in t for c in row) >= 10


def lines_page(count: int, lies: int) -> np.ndarray:
    """A page of `count` printed lines, as scanned lying turned `lies` degrees clockwise."""
    doc = pymupdf.open()
    page = doc.new_page(width=420, height=30 + 30 * count)
    for i in range(count):
        page.insert_text(
            (20, 40 + 30 * i), "在宅医療の連携を進める会議を開催した", fontname="japan", fontsize=18
        )
    return np.ascontiguousarray(np.rot90(pdf_image.render_gray(page, 200), k=-(lies // 90)))


@pytest.mark.parametrize(
    ("count", "lies", "turn"),
    [
        (5, 0, 0),
        (5, 180, 180),
        (5, 90, 270),
        (5, 270, 90),
        (2, 0, 0),
        (2, 180, None),  # too few lines to be sure: Tesseract's orientation detection decides
        (2, 90, None),
    ],
)
def test_which_way_a_page_lies_is_told_from_its_lines_before_any_is_read(
    count: int, lies: int, turn: int | None
) -> None:
    gray = lines_page(count, lies)
    recognised = ocr_rapid.TALLY.pages
    assert ocr_rapid.page_turn(gray, ocr_rapid.detect(gray).boxes) == turn
    assert ocr_rapid.TALLY.pages == recognised


@pytest.mark.parametrize("dpi", [120, 150, 200, 300])
@pytest.mark.parametrize(
    ("glyph", "shape"),
    [("◆", "◆"), ("▶", "▶"), ("●", "●"), ("■", "■"), ("◇", None), ("○", None), ("▷", None)],
)
def test_a_filled_marker_is_told_by_its_shape(glyph: str, shape: str | None, dpi: int) -> None:
    """A list marker PP-OCR drops, printed at 14 pt: ▶ fills half its box, as ◆ does, but most of
    its ink lies in its left half; hollow ones are left to the recognizer."""
    doc = pymupdf.open()
    page = doc.new_page(width=60, height=40)
    page.insert_text((10, 28), glyph, fontname="japan", fontsize=14)
    ink = (pdf_image.render_gray(page, dpi) < ocr_rapid.INK_LEVEL).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    index = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, w, h, _ = (int(v) for v in stats[index])
    assert ocr_rapid.filled_shape(labels[y : y + h, x : x + w] == index, 14 * dpi / 72) == shape


def grid_shapes(grids: list[Any]) -> list[tuple[int, int]]:
    return [(len(g.ys) - 1, len(g.xs) - 1) for g in grids]


def missed_chars(read: str, printed: str) -> int:
    """Characters of the printed text the reading lacks (as a bag: order and layout aside)."""
    return sum((Counter(printed) - Counter(read)).values())


@pytest.mark.parametrize(("name", "binarized", "expected"), [("bin", True, True), ("grey", False, False)])
def test_a_binarized_scan_is_told_two_level(name: str, binarized: bool, expected: bool) -> None:
    twin = pymupdf.open(PDF_DIR / "r2_tsukubamirai.pdf")
    scan = pymupdf.open(stream=scan_pdf(twin.tobytes(), ScanVariant(name, 150, binarized=binarized), 1))
    assert raster_grid.two_level(pdf_image.render_gray(scan[1], 150)) is expected


@pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract with jpn not installed")
def test_a_binarized_scan_is_read_at_its_own_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture's first page scanned at 200 dpi and binarized: rapidocr's lines cut out of the
    page scaled to 1400 px (linearly: the 1-bit strokes alias) lacked 14 of its 706 printed
    characters; cut out at the scan's own resolution, 7."""
    monkeypatch.setenv(ocr_cache.ENV, ocr_cache.OFF)
    twin = pymupdf.open(PDF_DIR / "r2_tsukubamirai.pdf")
    printed = "".join(twin[0].get_text().split())
    scan = pymupdf.open(stream=scan_pdf(twin.tobytes(), ScanVariant("bin200", 200, binarized=True), 1))
    binary = pdf_image.find_tesseract()
    assert binary is not None
    reading = pdf_image.read_page(scan[0], binary)
    read = "".join(c.text for line in reading.lines1 for c in line if c.text.strip())
    assert missed_chars(read, printed) <= 10


@pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract with jpn not installed")
def test_a_skewed_binarized_scan_keeps_its_printed_grid(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture's first page scanned at 150 dpi, binarized and skewed 0.8°: set straight, its
    rules' staircases lie in pieces a pixel apart (one row of 9 was lost); found on the page
    smoothed, the grid is the printed one."""
    monkeypatch.setenv(ocr_cache.ENV, ocr_cache.OFF)
    twin = pymupdf.open(PDF_DIR / "r2_tsukubamirai.pdf")
    printed = grid_shapes(find_grids(twin[0]))
    variant = ScanVariant("skew150bin", 150, binarized=True, skewed=True)
    scan = pymupdf.open(stream=scan_pdf(twin.tobytes(), variant, 2))
    binary = pdf_image.find_tesseract()
    assert binary is not None
    reading = pdf_image.read_page(scan[0], binary)
    assert abs(reading.skew) > 0.5
    assert grid_shapes(grids_from_edges(reading.edges)) == printed == [(9, 5)]
