"""generator.pdf without LibreOffice: the plan both styles share, the 方眼紙 sheet geometry, the
flat ODF sources, text measurement and the byte-stable font programs."""

from __future__ import annotations

import copy
import itertools
import re
from typing import Any

import pytest

from generator.pdf import PdfOptions
from generator.pdf.grid_sheet import Range, Sheet, sheet_metrics
from generator.pdf.measure import count_lines
from generator.pdf.ods import build_sheet, fods
from generator.pdf.odt import fodt
from generator.pdf.plan import (
    cell_spec,
    layout_strings,
    page_orientations,
    plain_text,
    scaled_widths,
    split_rows,
    table_breaks,
)
from generator.pdf.samples import layout
from generator.pdf.stable import eexec, renumber

LONG_NAME = "医療法人社団○○会 △△在宅クリニック"
LONG_FIGURE = "合計回数:1,234回(うち往診:234回、訪問診療:1,000回)"


def test_options_are_checked() -> None:
    with pytest.raises(ValueError):
        PdfOptions(style="excel")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        PdfOptions(font="MS Mincho")
    with pytest.raises(ValueError):
        PdfOptions(orientation="upside")  # type: ignore[arg-type]


def test_mixed_orientation_puts_the_member_list_on_a_landscape_page() -> None:
    r2 = layout("r2_tsukubamirai")
    assert page_orientations(r2, "mixed") == ["landscape", "portrait", "portrait"]
    assert page_orientations(r2, "portrait") == ["portrait"] * 3
    told = copy.deepcopy(r2)
    told["pages"][1]["orientation"] = "portrait"
    assert page_orientations(told, "mixed") == ["landscape", "portrait", "portrait"]
    assert page_orientations(told, "layout") == ["landscape", "portrait", "landscape"]


def test_table_breaks_are_drawn_from_the_seed() -> None:
    table = next(i for i in layout("r2_tsukubamirai")["pages"][0]["items"] if "table" in i)
    assert table_breaks(table, None, "0:6").before == ()
    drawn = [table_breaks(table, seed, "0:6") for seed in range(40)]
    assert drawn == [table_breaks(table, seed, "0:6") for seed in range(40)]
    assert any(b.before for b in drawn) and any(not b.before for b in drawn)
    assert all(2 <= row < len(table["rows"]) for b in drawn for row in b.before)  # a data row stays above


def test_split_rows_shortens_a_merged_cell_and_continues_it_empty() -> None:
    rows: list[list[Any]] = [["h1", "h2"], [{"text": "label", "rowspan": 3}, "a"], [None, "b"], [None, "c"]]
    first, rest = split_rows(rows, 2)
    assert first[1][0] == {"text": "label"}
    assert rest[0][0] == {"text": "", "continued": True, "rowspan": 2}
    assert rest[1][0] is None and [r[1] for r in rest] == [{"text": "b"}, {"text": "c"}]


def test_widths_shrink_to_the_page_only() -> None:
    assert scaled_widths([100, 100], 273) == [100, 100]
    assert scaled_widths([200, 100], 186) == [124.0, 62.0]


def test_long_cells_wrap() -> None:
    assert count_lines(LONG_NAME, "IPAMincho", 9, 30) >= 2
    assert count_lines(LONG_FIGURE, "Noto Sans CJK JP", 8, 30) >= 2
    assert count_lines(LONG_FIGURE, "Noto Sans CJK JP", 8, 200) == 1
    assert count_lines("a\nb", "IPAGothic", 8, 200) == 2


def sheet_of(name: str, page: int, options: PdfOptions) -> Sheet:
    content = layout(name)
    return build_sheet(content["pages"][page], page, "portrait", options, content["font_size"])


def test_grid_row_label_does_not_continue_after_a_page_break() -> None:
    options = PdfOptions("grid", "Noto Sans CJK JP", "portrait", 1)
    sheet = sheet_of("r3_ami", 1, options)
    assert sheet.breaks
    labels = [r for r in sheet.ranges if r.col == 0 and plain_text(r.text).startswith("在宅に赴いて")]
    for brk in sheet.breaks:
        spanning = [r for r in labels if r.row < brk < r.row + r.rows]
        assert not spanning, "no merged range crosses a page break"
    first_column = {row for r in sheet.ranges if r.col == 0 for row in range(r.row, r.row + r.rows)}
    table_rows = {row for r in sheet.ranges if r.col > 0 and r.border for row in range(r.row, r.row + r.rows)}
    assert table_rows - first_column, "the continuation prints one column fewer"


def test_grid_pages_fit_and_every_text_has_room() -> None:
    for name, page in (("r3_ami", 0), ("r3_ami", 1), ("r2_tsukubamirai", 0), ("r4_mito", 1)):
        for seed in (None, 1, 2, 3):
            sheet = sheet_of(name, page, PdfOptions("grid", "IPAMincho", "portrait", seed))
            m = sheet.metrics
            starts = [0, *sorted(sheet.breaks), sheet.n_rows]
            assert all(b - a <= m.capacity for a, b in itertools.pairwise(starts))
            for r in sheet.ranges:
                assert r.rows >= m.units(r.text, r.cols * m.col_mm, r.size), r


def test_grid_sheet_holds_every_string_of_its_page() -> None:
    content = layout("r3_ami")
    options = PdfOptions("grid", "IPAGothic", "portrait", 2)
    for n, page in enumerate(content["pages"]):
        sheet = build_sheet(page, n, "portrait", options, content["font_size"])
        printed = "".join(plain_text(r.text) for r in sheet.ranges)
        printed += "".join(box["text"] for chart, _ in sheet.charts for box in chart["boxes"])
        for text in layout_strings({"pages": [page]}):
            assert re.sub(r"\s", "", text) in re.sub(r"\s", "", printed), text


def test_grid_row_taller_than_a_page_continues_in_rows_of_its_own() -> None:
    content = copy.deepcopy(layout("h30_ryugasaki"))
    table = next(i for i in content["pages"][0]["items"] if "table" in i)
    text = "\n".join([plain_text(cell_spec(table["rows"][1][1])["text"])] * 12)
    table["rows"][1][1] = {"text": text}
    sheet = build_sheet(content["pages"][0], 0, "portrait", PdfOptions("grid", "IPAMincho"), 9)
    label = next(r for r in sheet.ranges if r.text == cell_spec(table["rows"][1][0])["text"])
    pieces = [r for r in sheet.ranges if r.col == label.col + label.cols and r.row >= label.row and r.text]
    pieces = pieces[: next((i for i, r in enumerate(pieces) if r.text not in text), len(pieces))]
    assert len(pieces) >= 2 and any(label.row < b <= pieces[-1].row for b in sheet.breaks)
    assert "".join(re.sub(r"\s", "", r.text) for r in pieces) == re.sub(r"\s", "", text)


def test_grid_sheet_is_a_grid_of_equal_columns_fitted_to_the_width() -> None:
    m = sheet_metrics("landscape", "IPAMincho", 9, 3, "sheet0")
    assert m.n_cols > 50 and abs(m.width_mm / m.oversize - 273) < 0.01
    text = fods(layout("r2_tsukubamirai"), PdfOptions("grid", "IPAMincho", "mixed", 5))
    assert 'style:scale-to-X="1" style:scale-to-Y="0"' in text
    assert text.count("table:print-ranges=") == 3
    assert 'fo:break-before="page"' in text and "table:number-rows-spanned" in text
    assert 'style:master-page-name="Landscape"' in text and 'style:master-page-name="Portrait"' in text


def test_word_source_switches_master_page_with_the_orientation() -> None:
    r2 = layout("r2_tsukubamirai")
    mixed = fodt(r2, PdfOptions("word", "IPAMincho", "mixed", None))
    assert 'style:master-page-name="Other"' in mixed and 'style:print-orientation="portrait"' in mixed
    flat = fodt(r2, PdfOptions("word", "IPAMincho", "landscape", None))
    assert "style:master-page-name=" not in flat and flat.count("<style:page-layout ") == 1


def test_word_source_splits_tables_at_seeded_rows() -> None:
    r2 = layout("r2_tsukubamirai")
    plain = fodt(r2, PdfOptions("word", "IPAMincho", "landscape", None))
    seeded = fodt(r2, PdfOptions("word", "IPAMincho", "landscape", 11))
    assert plain.count("<table:table ") == 4
    assert seeded.count("<table:table ") > plain.count("<table:table ")


def test_type1_unique_id_is_renumbered_in_both_parts() -> None:
    plain = b"HDU /UniqueID 4100009 def rest of the private dict"
    clear = b"%!PS-AdobeFont-1.0: X\n/UniqueID 4100009 def\neexec\n"
    program = clear + eexec(plain, decrypt=False) + b"0000cleartomark"
    assert eexec(eexec(plain, decrypt=False), decrypt=True) == plain
    fixed = renumber(program, 4100001, len(clear), len(plain))
    assert len(fixed) == len(program) and b"/UniqueID 4100001 def" in fixed[: len(clear)]
    assert eexec(fixed[len(clear) : len(clear) + len(plain)], decrypt=True) == plain.replace(b"09", b"01")


def test_ranges_are_frozen_records() -> None:
    r = Range(0, 0, 1, 1, "x")
    with pytest.raises(AttributeError):
        r.text = "y"  # type: ignore[misc]
