"""A half-width space printed after a member's corporation, which PP-OCR does not read and no blank
shows, is told from the letters' pitch (`extractors.ocr_pitch`): seed 2's member lists scanned at
150 dpi read `株式会社なごみつばさ訪問看護ステーション`, and the corporation was cut at its type word."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import numpy as np
import pymupdf
import pytest

from extractors import ocr_rapid, pdf_image
from extractors.ocr_pitch import space_after_corporation
from generator.scan import VARIANTS, scan_pdf
from normalizers.names import split_corporation

NOTO_SANS = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # the generator's face
NAMES = (
    "株式会社なごみ つばさ訪問看護ステーション",
    "株式会社ひかり 訪問看護ステーションけやき",
    "医療法人かがやき外科内科医院",  # printed with no space: none is made
    "訪問看護ステーションはなみずき",  # no corporation: not asked
)


@functools.lru_cache(maxsize=4)
def scanned_lines(variant: str) -> dict[str, str]:
    """Each of NAMES printed in 8 pt Noto Sans CJK JP (as the generated member lists), scanned
    (`generator.scan`) and read by rapidocr: what each printed name reads as."""
    doc = pymupdf.open()
    page = doc.new_page(width=260, height=30 + 22 * len(NAMES))
    page.insert_font(fontname="noto", fontfile=str(NOTO_SANS))
    for i, name in enumerate(NAMES):
        page.insert_text((20, 30 + 22 * i), name, fontname="noto", fontsize=8)
    scan = pymupdf.open(stream=scan_pdf(doc.tobytes(), VARIANTS[variant], seed=2), filetype="pdf")
    gray = pdf_image.render_gray(scan[0], pdf_image.page_dpi(scan[0]))
    lines = ["".join(c.text for c in line) for line in ocr_rapid.read_lines(gray, variant.startswith("bin"))]
    return {
        name: next(line for line in lines if line.replace(" ", "") == name.replace(" ", "")) for name in NAMES
    }


@pytest.mark.parametrize("variant", ["grey150", "bin150"])
@pytest.mark.parametrize("name", NAMES)
def test_the_space_after_a_corporation_is_told_from_the_letters_pitch(variant: str, name: str) -> None:
    if not NOTO_SANS.exists():  # `make system-deps` installs it (the generator prints with it)
        message = "needs Debian's fonts-noto-cjk (the generator's face)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    read = scanned_lines(variant)[name]
    assert read == name
    assert split_corporation(read) == split_corporation(name)


def test_an_even_pitch_or_a_line_without_a_corporation_has_no_space() -> None:
    even = [10.0 + 17.0 * i for i in range(12)]
    stepped = [x + (4.0 if i >= 7 else 0.0) for i, x in enumerate(even)]
    blanks = [3.0] * 12
    assert space_after_corporation(list("株式会社なごみつばさ訪問"), stepped, blanks) == 7
    assert space_after_corporation(list("株式会社なごみつばさ訪問"), even, blanks) is None
    assert space_after_corporation(list("訪問看護ステーションひか"), stepped, blanks) is None
    # a half-width letter breaks the pitch: not asked
    assert space_after_corporation(list("株式会社なごみ2ばさ訪問"), stepped, blanks) is None
    # a narrow kana before the space shifts its box too (ひかり 訪問): of two fits alike, the one
    # with the wider blank before its step
    shared = [x + (2.5 if i == 7 else 5.0 if i > 7 else 0.0) for i, x in enumerate(even)]
    wider = [*blanks[:8], 9.0, *blanks[9:]]
    assert space_after_corporation(list("株式会社ひかり訪問看護ス"), shared, blanks) in (7, 8)
    assert space_after_corporation(list("株式会社ひかり訪問看護ス"), shared, wider) == 8


def test_a_wide_blank_between_letters_is_a_space_and_a_narrow_one_is_not() -> None:
    """`with_spaces` (which shares its blank measure with the corporation's space): a blank of at
    least SPACE_BLANK em between two letters' ink is a space; letters printed together stay so."""
    gray = np.full((40, 200), 255, dtype=np.uint8)
    spans = [(10, 26), (30, 46), (70, 86)]  # 4 px and 24 px of blank between the letters' ink
    for left, right in spans:
        gray[10:30, left:right] = 0
    line = [ocr_rapid.PixelChar(t, a, b, 30.0, 20.0) for t, (a, b) in zip("訪問診", spans, strict=True)]
    assert [c.text for c in ocr_rapid.with_spaces(line, gray, 8.0, 32.0)] == ["訪", "問", " ", "診"]
    assert ocr_rapid.blanks_between(line, gray, 8.0, 32.0) == [4, 24]
