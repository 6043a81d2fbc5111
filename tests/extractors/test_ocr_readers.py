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


LINE = "在宅医療の連携を進める会議を開催した"


def lines_page(count: int, lies: int, text: str = LINE) -> np.ndarray:
    """A page of `count` printed lines, as scanned lying turned `lies` degrees clockwise."""
    doc = pymupdf.open()
    page = doc.new_page(width=420, height=30 + 30 * count)
    for i in range(count):
        page.insert_text((20, 40 + 30 * i), text, fontname="japan", fontsize=18)
    return np.ascontiguousarray(np.rot90(pdf_image.render_gray(page, 200), k=-(lies // 90)))


@pytest.mark.parametrize(
    ("count", "lies", "text", "turn"),
    [
        (5, 0, LINE, 0),
        (5, 180, LINE, 180),
        (5, 90, LINE, 270),
        (5, 270, LINE, 90),
        (2, 0, LINE, 0),
        # a page of two lines (p.11 of a generated report turned 180°, which OSD read upright):
        # too few lines to vote, their pieces do
        (2, 180, LINE, 180),
        (2, 90, LINE, 270),
        (1, 270, LINE, 90),
        # one short line: too few pieces to vote (and the classifier reads some of them the wrong
        # way, 別添2 upright as upside down); the line read as it lies and upside down tells
        (1, 180, "会議録", 180),
        (1, 0, "別添2", 0),
        (1, 270, "別添2", 90),
        (1, 90, "以上", 270),
        (1, 180, "参考資料", 180),
    ],
)
def test_which_way_a_page_lies_is_told_from_its_lines_before_any_is_read(
    count: int, lies: int, text: str, turn: int | None
) -> None:
    gray = lines_page(count, lies, text)
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


@pytest.mark.parametrize("dpi", [120, 150, 200, 300])
@pytest.mark.parametrize("glyph", ["口", "日", "田", "目", "回"])
def test_a_kanji_the_size_of_a_marker_is_no_marker(glyph: str, dpi: int) -> None:
    """Strokes round blank fill half their box as ◆ does; only a solid blob is a filled marker."""
    doc = pymupdf.open()
    page = doc.new_page(width=60, height=40)
    page.insert_text((10, 28), glyph, fontname="japan", fontsize=14)
    gray = cv2.GaussianBlur(pdf_image.render_gray(page, dpi), (3, 3), 0.8)  # a scan's blur
    ink = (gray < ocr_rapid.INK_LEVEL).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    index = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, w, h, _ = (int(v) for v in stats[index])
    assert ocr_rapid.filled_shape(labels[y : y + h, x : x + w] == index, 14 * dpi / 72) is None


def marker_line(text: str, dpi: int) -> tuple[np.ndarray, int, int, int]:
    """`text` printed at 10 pt, rendered at dpi: the page, its first glyph's ink (left and right
    column) and the column where the next glyph's ink starts."""
    doc = pymupdf.open()
    page = doc.new_page(width=200, height=40)
    page.insert_text((10, 25), text, fontname="japan", fontsize=10)
    gray = pdf_image.render_gray(page, dpi)
    inked = np.flatnonzero((gray < ocr_rapid.INK_LEVEL).any(axis=0))
    gap = int(np.argmax(np.diff(inked) > 1))
    return gray, int(inked[0]), int(inked[gap]), int(inked[gap + 1])


@pytest.mark.parametrize("dpi", [120, 150, 200, 300])
def test_a_dropped_marker_whose_ink_reaches_into_the_first_letters_box_is_told(dpi: int) -> None:
    """PP-OCR drops the ◆ of `◆4/17に…` and starts the `4` inside the ◆'s ink (a generated 150 dpi
    scan: line box from x 229, ◆ ink 231–245, `4` from 240): the ◆ is taken whole, not cut there."""
    gray, left, right, _ = marker_line("◆4/17に連携", dpi)
    box_x0, starts = left - 2, right - 0.3 * (right - left)  # the letter's box starts inside the ◆
    size = (starts - box_x0) / ocr_rapid.MARKER_GAP  # the line's size as its box tells it
    first = ocr_rapid.PixelChar("4", starts, starts + 0.6 * size, 25 * dpi / 72, size)
    marker = ocr_rapid.missed_marker(gray, box_x0, first, 12 * dpi / 72, 29 * dpi / 72)
    assert marker is not None and marker.text == "◆"


@pytest.mark.parametrize("dpi", [150, 200, 300])
@pytest.mark.parametrize(
    ("text", "cut", "read"),
    [
        ("一般財団法人和光会", 0.5, ["一"]),  # the box starts in the middle of the 一: read back
        ("一般財団法人和光会", -0.2, []),  # the box holds the whole 一: nothing cut, nothing added
        ("1件", 0.5, []),  # a digit cut at the edge is never read back (no figure made up)
    ],
)
def test_a_letter_cut_at_its_lines_box_is_read_back(text: str, cut: float, read: list[str], dpi: int) -> None:
    """A binarized 150 dpi scan: the detector's box of `一般財団法人和光会 鹿島中央病院` starts in the
    middle of the 一, which the recognizer leaves out (`般財団法人…`, the corporation lost). The ink
    cut at the box's edge is read alone and put back; a digit never is."""
    gray, left, right, after = marker_line(text, dpi)
    size = 10 * dpi / 72
    box_x0 = left + cut * (right - left)
    first = ocr_rapid.PixelChar(text[1], after, after + 0.9 * size, 25 * dpi / 72, size)
    head = ocr_rapid.missed_head(gray, box_x0, first, 12 * dpi / 72, 29 * dpi / 72)
    assert [c.text for c in head] == read
    assert all(c.x1 <= first.x0 for c in head)


KOME_LINE = Path(__file__).resolve().parents[1] / "fixtures" / "ocr" / "kome_line_bin200.png"


def test_a_dropped_mark_is_read_without_the_next_letters_strokes() -> None:
    """The line band of `※定期的（1回/4` cut from a generated report's binarized 200 dpi scan
    (`generator.scan` bin200, seed 1; page pixels x 1370-1560, y 955-1000): PP-OCR drops the ※
    and boxes the 定 from x 41 (its box from 13.9), though the 定's first strokes start at 38, so
    the ink left of the 定's box, read alone, reads `※!`. Read up to the blank before those
    strokes, it reads `※` (the box and characters as rapidocr gave them on that page)."""
    gray = cv2.imread(str(KOME_LINE), cv2.IMREAD_GRAYSCALE)
    assert gray is not None
    first = ocr_rapid.PixelChar("定", 41.0, 54.0, 30.0, 23.53)
    marker = ocr_rapid.missed_marker(gray, 13.89, first, 8.51, 36.75)
    assert marker is not None and marker.text == "※"


def spaced(text: str, x: float, gaps: dict[int, float], size: float = 10.0) -> list[Char]:
    """Reader 2's characters of `text` from x, each 0.6 em wide, with a blank of gaps[i] em before
    the i-th (the printed place of a separator it left out)."""
    out, at = [], x
    for i, t in enumerate(text):
        at += gaps.get(i, 0.0) * size
        out.append(Char(t, at, at + 0.6 * size, 30.0, size))
        at += 0.65 * size
    return out


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        # the ～ between two dates left out by reader 2, a blank where it is printed: reader 1's dates
        ("12/12～12/31", spaced("12/1212/31", 0, {5: 1.0}), True),
        ("4/17～5/2", spaced("4/175/2", 0, {4: 0.8}), True),
        # no blank in reader 2's reading: a separator reader 1 may have made up (12 printed)
        ("12/12～12/31", spaced("12/1212/31", 0, {}), False),
        # a point or comma may be a speck of noise: never taken on reader 1's word alone
        ("1.2件", spaced("12件", 0, {1: 1.0}), False),
        ("1,234名", spaced("1234名", 0, {1: 1.0}), False),
        # reader 1 runs together what reader 2 reads apart: a disagreement
        ("1212/31", spaced("12～12/31", 0, {}), False),
        # other digits: a disagreement whatever the separators
        ("12/12～12/31", spaced("12/1213/31", 0, {5: 1.0}), False),
    ],
)
def test_a_separator_reader_2_leaves_out_between_two_figures(
    first: str, second: list[Char], kept: bool
) -> None:
    merged, findings, _ = agree([], [chars(first, 0)], second, 1, ("one", "two"))
    assert ("".join(c.text for c in merged) == first) is kept
    assert (findings == []) is kept


@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_a_dropped_marker_whose_ink_touches_the_first_letter_is_told(dpi: int) -> None:
    """A generated 120 dpi scan (read at 150) blurs the ◆ of `◆後方支援…` into the `後`: one blob;
    the `後` is boxed from the ◆'s tip. Cut at the letter's box, the ◆ is apart and told."""
    gray, left, right, after = marker_line("◆後方支援", dpi)
    rows = np.flatnonzero((gray[:, left : right + 1] < ocr_rapid.INK_LEVEL).any(axis=1))
    gray[(rows[0] + rows[-1]) // 2, right : after + 1] = 0  # the blur's bridge from ◆ to 後
    box_x0 = left - 2
    size = (right - 1 - box_x0) / (ocr_rapid.MARKER_GAP + 0.05)
    first = ocr_rapid.PixelChar("後", right - 1, right - 1 + size, 25 * dpi / 72, size)
    marker = ocr_rapid.missed_marker(gray, box_x0, first, 12 * dpi / 72, 29 * dpi / 72)
    assert marker is not None and marker.text == "◆"


@pytest.mark.parametrize("dpi", [150, 200, 300])
@pytest.mark.parametrize(("glyph", "shape"), [("■", "■"), ("◆", "◆"), ("●", "●"), ("口", None), ("日", None)])
def test_a_filled_marker_left_outside_its_lines_box_is_told(glyph: str, shape: str | None, dpi: int) -> None:
    """A 200 dpi binarized scan: the detector's box of `■「地域ケア個別会議」…` starts at 「, the ■
    left outside. A solid marker just left of the box is told by its shape; a kanji there is not."""
    gray, _, _, after = marker_line(f"{glyph}「地域ケア", dpi)  # after: the 「's first ink
    size = 10 * dpi / 72
    first = ocr_rapid.PixelChar("「", after, after + 0.5 * size, 25 * dpi / 72, size)
    marker = ocr_rapid.marker_before_box(gray, after - 1, first, 12 * dpi / 72, 29 * dpi / 72)
    assert (marker.text if marker else None) == shape


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


def test_a_skewed_binarized_rule_between_two_pixel_rows_is_found() -> None:
    """The fixture's first page scanned at 150 dpi, binarized and skewed (seed 2): set straight, a
    rule between two rows lies half in each (grey 140-180 once smoothed), which Otsu's threshold
    left out, so a rule was lost and two cells read as one (39 cells of 40); found in the faint ink
    too (DEFAULT_SHARP_INK), every printed cell is, where it is printed."""
    twin = pymupdf.open(PDF_DIR / "r2_tsukubamirai.pdf")
    scan = pymupdf.open(stream=scan_pdf(twin.tobytes(), VARIANTS["skew150bin"], 2))
    dpi = pdf_image.page_dpi(scan[0])
    gray = pdf_image.render_gray(scan[0], dpi)
    straight, skew = raster_grid.straighten(gray, dpi)
    rules = raster_grid.find_rules(straight, dpi, raster_grid.two_level(gray))
    read = grids_from_edges(rule_edges(rules.h, rules.v, dpi / 72))
    assert abs(skew) > 0.3
    printed = find_grids(twin[0])
    assert [len(g.cells) for g in read] == [len(g.cells) for g in printed] == [40]
    assert all(
        abs(a - b) < 2.5 for g, p in zip(read, printed, strict=True) for a, b in zip(g.xs, p.xs, strict=True)
    )
