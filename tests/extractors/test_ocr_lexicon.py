"""The form's words read back where the OCR reader misread one letter of them (issue 12: a skewed
binarized 150 dpi scan read 取組事項 as 取相事項 and 実績 as 実精, so no table was found)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from extractors import ocr_lexicon, ocr_rapid, pdf_image, raster_grid
from generator.scan import VARIANTS, scan_pdf

PDF_DIR = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "pdf"
RUNS = ocr_lexicon.runs_of_phrases(("取組事項", "実績(事前協議月)", "①拠点"))


def weighing(weights: dict[tuple[int, str], float]) -> ocr_lexicon.Support:
    return lambda i, letter: weights.get((i, letter), 0.0)


def test_a_letter_the_recognizer_also_weighs_is_read_back_as_printed() -> None:
    assert ocr_lexicon.read_back("取相事項", weighing({(1, "組"): 0.37}), RUNS) == "取組事項"
    assert ocr_lexicon.read_back("実精", weighing({(1, "績"): 0.04}), RUNS) == "実績"


def test_a_letter_the_recognizer_does_not_weigh_stays_as_read() -> None:
    assert ocr_lexicon.read_back("取相事項", weighing({(1, "組"): 0.01}), RUNS) == "取相事項"
    assert ocr_lexicon.read_back("相談事項", weighing({(0, "取"): 0.5, (1, "組"): 0.5}), RUNS) == "相談事項"
    sure = weighing({(1, "組"): 0.05, (1, "相"): 0.95})  # read with 0.95: kept
    assert ocr_lexicon.read_back("取相事項", sure, RUNS) == "取相事項"


def test_digits_are_compared_as_one_and_stay_as_read() -> None:
    """A period column's year (`取組目標(令和2年度)`, p.13 of a skewed binarized scan read `合和`): the
    form prints its era before any digits; the digits stay as read."""
    runs = ocr_lexicon.runs_of_phrases()
    era = weighing({(1, "令"): 0.1, (2, "1"): 0.9})
    assert ocr_lexicon.read_back("(合和2年度)", era, runs) == "(令和2年度)"
    assert ocr_lexicon.read_back("(合和12年度)", weighing({(1, "令"): 0.1}), runs) == "(令和12年度)"


def test_digits_marks_and_printed_runs_are_never_read_back() -> None:
    anything = weighing({(i, ch): 1.0 for i in range(8) for ch in "①取組事項実績"})
    assert ocr_lexicon.read_back("1拠点", anything, RUNS) == "1拠点"  # a digit: two readers decide
    assert ocr_lexicon.read_back("実績(事前", anything, RUNS) == "実績(事前"  # printed as it is
    assert ocr_lexicon.read_back("実績〈事前", anything, RUNS) == "実績〈事前"  # a bracket is no letter


def test_a_skewed_binarized_scan_reads_the_form_words_of_its_tables() -> None:
    """The fixture's 取組効果 page scanned at 150 dpi, binarized and skewed: PP-OCR read the period
    headers 取利目標 and 実結 and the cells' 合計回数 as 合計同数 (0.5-0.9 against the printed letter's
    0.03-0.4); read back, the headers and cells are the form's."""
    twin = pymupdf.open(PDF_DIR / "r2_tsukubamirai.pdf")
    scan = pymupdf.open(stream=scan_pdf(twin.tobytes(), VARIANTS["skew150bin"], 2))
    page = scan[2]
    dpi = pdf_image.page_dpi(page)
    gray = pdf_image.render_gray(page, dpi)
    straight, _ = raster_grid.straighten(gray, dpi)
    lines = {"".join(c.text for c in line) for line in ocr_rapid.read_lines(straight, native=True)}
    assert {"取組目標", "実績", "する合計回数"} <= lines


def test_the_forms_circled_marks_read_as_digits_are_put_back() -> None:
    """A skewed binarized scan read the member list's header `①拠点、②積極的役割を担う医療機関` as
    `1拠点、2積極的役割…`: no column was the designation's and Tesseract's reading of the digits
    marked the header disputed. Only the form's run is read back; a lone digit stays one."""
    line = [
        ocr_rapid.PixelChar(ch, 10.0 * i, 10.0 * i + 9, 20.0, 10.0)
        for i, ch in enumerate("1拠点、2積極的役割")
    ]
    assert "".join(c.text for c in pdf_image.to_points(line, 1.0)) == "①拠点、②積極的役割"
    assert ocr_lexicon.circled_marks("①拠点、2積極") == "①拠点、②積極"
    for read in ("拠点数: 1拠点", "21拠点、2積極", "2"):
        assert ocr_lexicon.circled_marks(read) == read


def test_circled_marks_are_put_back_after_simplified_forms_are_made_japanese() -> None:
    """Seed 2's member list scanned skewed and binarized at 150 dpi read its header
    `1拠点、2积極…` (积, the simplified 積): not the form's run, so the marks stayed digits, the
    designation column was not found and every member row went unread."""
    line = [
        ocr_rapid.PixelChar(ch, 10.0 * i, 10.0 * i + 9, 20.0, 10.0)
        for i, ch in enumerate("1拠点、2积極的役割")
    ]
    assert "".join(c.text for c in pdf_image.to_points(line, 1.0)) == "①拠点、②積極的役割"
