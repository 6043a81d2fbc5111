"""generator.pdf: the committed sample PDFs (tests/generator/pdf_samples, rebuilt by
`python -m generator.pdf.samples`) read back without LibreOffice, and one fresh render with
soffice (required where CI is set: never skipped there)."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pymupdf
import pytest

from extractors.pdf_grid import Grid, find_grids, shape_boxes
from generator.pdf import PdfOptions, pdftotext, render_pdfs
from generator.pdf.check import embedded_fonts, missing_strings, page_orientations, ruling_lines, squeeze
from generator.pdf.options import FONT_TECHNOLOGY, STYLES
from generator.pdf.plan import cell_spec, layout_strings
from generator.pdf.samples import OUT, SAMPLES, layout

LONG_NAME = "医療法人社団○○会 △△在宅クリニック"
LONG_FIGURE = "合計回数:1,234回(うち往診:234回、訪問診療:1,000回)"
EMBEDDED_AS = {"cff": "type1", "truetype": "truetype"}  # LibreOffice 7.4 writes CFF outlines as Type 1


def need(tool: str) -> None:
    """Skip without the tool on a workstation; fail in CI, where the Makefile installs it."""
    if shutil.which(tool) is None:
        message = f"{tool} is not on PATH (install libreoffice-writer, libreoffice-calc and poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def sample(name: str) -> tuple[dict, Path, PdfOptions]:
    layout_name, options = SAMPLES[name]
    return layout(layout_name), OUT / name, options


def rows_without_first_column(grid: Grid) -> list[int]:
    """Rows of a ruled grid with no cell in its first column."""
    owned = grid.owners()
    return [r for r in range(len(grid.ys) - 1) if (r, 0) not in owned]


def member_phones(content: dict) -> set[str]:
    return {
        cell_spec(row[-1])["text"]
        for page in content["pages"]
        for item in page["items"]
        if item.get("table") == "members"
        for row in item["rows"][1:]
    }


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_fonts_embedded_with_their_technology(name: str) -> None:
    _, pdf, options = sample(name)
    fonts = embedded_fonts(pdf)
    family = options.font.replace(" ", "").lower()
    assert any(family in font.lower() for font in fonts), fonts
    assert set(fonts.values()) == {EMBEDDED_AS[FONT_TECHNOLOGY[options.font]]}, fonts


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_page_orientations(name: str) -> None:
    content, pdf, options = sample(name)
    printed = page_orientations(pdf)
    if options.orientation != "mixed":
        assert set(printed) == {options.orientation}
        return
    phones = member_phones(content)
    with pymupdf.open(pdf) as doc:
        member_pages = [any(p in page.get_text() for p in phones) for page in doc]
    assert any(member_pages) and not all(member_pages)
    assert printed == ["landscape" if m else "portrait" for m in member_pages]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_page_has_ruled_grids(name: str) -> None:
    _, pdf, _ = sample(name)
    with pymupdf.open(pdf) as doc:
        for page in doc:
            horizontal, vertical = ruling_lines(page)
            assert horizontal >= 2 and vertical >= 2, (page.number, horizontal, vertical)
            grids = find_grids(page)
            assert grids and all(len(g.xs) >= 5 and len(g.ys) >= 2 for g in grids), page.number


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_text_layer_holds_every_layout_string(name: str) -> None:
    content, pdf, _ = sample(name)
    assert layout_strings(content)
    assert missing_strings(content, pdf) == []


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_tables_broken_at_seeded_rows(name: str) -> None:
    """More printed pages than layout pages: the seeded breaks took effect."""
    content, pdf, options = sample(name)
    assert options.break_seed is not None
    with pymupdf.open(pdf) as doc:
        assert doc.page_count > len(content["pages"])


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_continued_merged_first_column(name: str) -> None:
    """A grid form's merged row label ends at the page break (the continuation prints one column
    fewer); a Word table's merged cell continues, empty, on the next page."""
    _, pdf, options = sample(name)
    with pymupdf.open(pdf) as doc:
        short_rows = [rows_without_first_column(g) for page in doc for g in find_grids(page)]
    if options.style == "grid":
        assert any(short_rows)
    else:
        assert not any(short_rows)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_org_chart_drawn_as_shapes_over_its_cell(name: str) -> None:
    content, pdf, _ = sample(name)
    charts = [
        cell_spec(cell)["chart"]
        for page in content["pages"]
        for item in page["items"]
        for row in item.get("rows", ())
        for cell in row
        if cell is not None and "chart" in cell_spec(cell)
    ]
    stroked = sum(1 for chart in charts for box in chart["boxes"] if box["shape"] != "frame")
    with pymupdf.open(pdf) as doc:
        drawn = sum(len(shape_boxes(page, find_grids(page))) for page in doc)
    assert drawn == stroked


def test_pdftotext_modes() -> None:
    need("pdftotext")
    pdf = OUT / "r2_grid_ipamincho_mixed.pdf"
    default, no_ff, layout_text = (pdftotext(pdf, mode) for mode in ("default", "default_noff", "layout"))
    with pymupdf.open(pdf) as doc:
        assert default.count("\f") == doc.page_count
    assert "\f" not in no_ff and no_ff == default.replace("\f", "")
    assert "つくば市医師会" in default and "つくば市医師会" in layout_text
    assert re.search(r"つくば市医師会 {2,}\S", layout_text), "layout mode keeps cells apart by spaces"
    with pytest.raises(ValueError):
        pdftotext(pdf, "raw")


def narrow_layout() -> dict:
    """An outcome table with columns narrower than its long names and figures."""
    header = ["", "医療機関名", "現 状", "計 画", "実 績"]
    label = {"text": "在宅に赴いて診療する合計回数", "rowspan": 2, "valign": "middle"}
    rows = [header, [label, LONG_NAME] + [LONG_FIGURE] * 3, [None, LONG_NAME] + [LONG_FIGURE] * 3]
    table = {"table": "outcome_2", "role": "outcomes", "widths": [30, 28, 40, 40, 40], "rows": rows}
    return {"font": "Noto Sans CJK JP", "font_size": 9, "pages": [{"items": [table]}]}


def test_render_with_libreoffice() -> None:
    """One soffice run prints layouts in both styles: fonts, orientations, grids and text as the
    committed samples show them; long cells wrap inside words in narrow columns."""
    need("soffice")
    names = ["r2_grid_ipamincho_mixed.pdf", "r3_word_ipagothic_landscape.pdf"]
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(sample(n)[0], Path(tmp) / n, sample(n)[2]) for n in names]
        narrow = [
            (narrow_layout(), Path(tmp) / f"narrow_{s}.pdf", PdfOptions(s, orientation="portrait"))
            for s in STYLES
        ]
        render_pdfs(jobs + narrow)
        for (content, pdf, options), name in zip(jobs, names, strict=True):
            assert missing_strings(content, pdf) == []
            assert set(embedded_fonts(pdf).values()) == {EMBEDDED_AS[FONT_TECHNOLOGY[options.font]]}
            with pymupdf.open(pdf) as fresh, pymupdf.open(OUT / name) as committed:
                assert page_orientations(pdf) == page_orientations(OUT / name)
                assert [p.get_text() for p in fresh] == [p.get_text() for p in committed], (
                    f"{name} prints differently now: rebuild the samples (python -m generator.pdf.samples)"
                )
        for content, pdf, _ in narrow:
            assert missing_strings(content, pdf) == []
            with pymupdf.open(pdf) as doc:
                lines = [squeeze(line) for line in doc[0].get_text().splitlines()]
                assert not any(squeeze(LONG_NAME) in ln or squeeze(LONG_FIGURE) in ln for ln in lines), lines
                assert len(find_grids(doc[0])) == 1
