"""The `grid` style's sheet model: one layout page as an Excel 方眼紙 sheet.

Many narrow equal columns and equal rows; every paragraph and every cell of the layout is a
merged range of them, as tall as its wrapped text needs (measured with the font's metrics).
The sheet is printed fitted to the page width, so a sheet wider than the page prints smaller.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from generator.pdf.chart import Placement
from generator.pdf.measure import PT_PER_MM, count_lines, line_pitch_em
from generator.pdf.options import PageOrientation, page_size
from generator.pdf.plan import cell_spec, plain_text

DEFAULT_COLUMN_MM = 4.0  # design width of one grid column
DEFAULT_PADDING_MM = 0.6  # inner padding of a cell
DEFAULT_PAGE_FILL = 0.96  # share of the printable height filled before a page break
DEFAULT_OVERSIZE = (1.0, 1.1, 1.2)  # sheet width / printable width, drawn per sheet with a seed
DEFAULT_MIN_COLUMNS = 2  # grid columns of the narrowest layout column


@dataclass(frozen=True)
class Range:
    """A merged range of grid cells holding one text (a layout cell or paragraph)."""

    row: int
    col: int
    rows: int
    cols: int
    text: str
    align: str = "left"
    valign: str = "top"
    size: float | None = None
    bold: bool = False
    border: bool = True


@dataclass(frozen=True)
class Metrics:
    """Design sizes of a sheet, mm; the print scale is 1 / `oversize`."""

    font: str
    size: float
    n_cols: int
    col_mm: float
    unit_mm: float
    capacity: int  # grid rows a printed page holds
    oversize: float

    @property
    def width_mm(self) -> float:
        return self.n_cols * self.col_mm

    def pitch_mm(self, size: float | None = None) -> float:
        return line_pitch_em(self.font) * (size or self.size) / PT_PER_MM

    def units(self, text: str, width_mm: float, size: float | None = None, extra_mm: float = 0.0) -> int:
        """Grid rows a text needs in a range `width_mm` wide (plus `extra_mm` below it)."""
        inner = width_mm - 2 * DEFAULT_PADDING_MM
        lines = count_lines(plain_text(text), self.font, size or self.size, inner) if text else 1
        need = lines * self.pitch_mm(size) + 2 * DEFAULT_PADDING_MM + extra_mm
        return max(1, math.ceil(need / self.unit_mm - 1e-6))


def sheet_metrics(
    orientation: PageOrientation, font: str, size: float, seed: int | None, key: str
) -> Metrics:
    page = page_size(orientation)
    oversize = 1.0 if seed is None else random.Random(f"{seed}:{key}").choice(DEFAULT_OVERSIZE)
    width = page.text_width_mm * oversize
    n_cols = round(width / DEFAULT_COLUMN_MM)
    unit = line_pitch_em(font) * size / PT_PER_MM + 2 * DEFAULT_PADDING_MM
    capacity = int(page.text_height_mm * oversize * DEFAULT_PAGE_FILL / unit)
    return Metrics(font, size, n_cols, width / n_cols, round(unit, 2), capacity, oversize)


@dataclass
class Sheet:
    """A sheet being filled top to bottom; `breaks` are grid rows that start a printed page."""

    name: str
    orientation: PageOrientation
    metrics: Metrics
    n_rows: int = 0
    used: int = 0  # grid rows on the current printed page
    breaks: set[int] = field(default_factory=set)
    ranges: list[Range] = field(default_factory=list)
    charts: list[tuple[dict[str, Any], Placement]] = field(default_factory=list)

    def page_break(self) -> None:
        if self.n_rows and self.used:
            self.breaks.add(self.n_rows)
            self.used = 0

    def advance(self, rows: int) -> None:
        self.n_rows += rows
        self.used += rows

    def paragraph(self, item: dict[str, Any]) -> None:
        m = self.metrics
        rows = m.units(item["p"], m.width_mm, item.get("size"))
        if self.used + rows > m.capacity:
            self.page_break()
        self.ranges.append(
            Range(
                self.n_rows,
                0,
                rows,
                m.n_cols,
                item["p"],
                item.get("align", "left"),
                "top",
                item.get("size"),
                bool(item.get("bold", False)),
                border=False,
            )
        )
        self.advance(rows)

    def place_cell(
        self, cell: dict[str, Any], top: int, rows: int, cols: tuple[int, int], xscale: float
    ) -> None:
        """A layout cell at grid rows [top, top + rows) and grid columns [cols[0], cols[1]).
        A cell continued from the page before prints empty; in the first column it does not
        print at all: the merged row label ends at the page break."""
        m = self.metrics
        if cell.get("continued") and cols[0] == 0:
            return
        self.ranges.append(
            Range(top, cols[0], rows, cols[1] - cols[0], cell["text"], cell.get("align", "left"),
                  cell.get("valign", "top"))
        )  # fmt: skip
        if "chart" in cell:
            chart = cell["chart"]
            bottom = (top + rows) * m.unit_mm - DEFAULT_PADDING_MM
            at = Placement(
                xscale=xscale,
                dx=round(cols[0] * m.col_mm + DEFAULT_PADDING_MM, 2),
                dy=round(bottom - chart["height"], 2),
                anchor="",
            )
            self.charts.append((chart, at))


def cell_units(cell: dict[str, Any], metrics: Metrics, width_mm: float) -> int:
    chart = cell_spec(cell).get("chart")
    extra = chart["height"] + 1.0 if chart else 0.0
    return metrics.units(cell_spec(cell)["text"], width_mm, extra_mm=extra)
