"""How a layout is printed: the options of `render_pdf` and the page geometry they imply."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Style = Literal["word", "grid"]
Orientation = Literal["landscape", "portrait", "mixed", "layout"]
Rules = Literal["all", "rows", "none"]
PageOrientation = Literal["landscape", "portrait"]

STYLES: tuple[Style, ...] = ("word", "grid")
ORIENTATIONS: tuple[Orientation, ...] = ("landscape", "portrait", "mixed", "layout")
# Which rules a `word` table's cells print: every edge, only the rows' (a spreadsheet printed with
# row borders only), or none (gridlines off): the ruled grid the PDF reader looks for is then absent.
RULES: tuple[Rules, ...] = ("all", "rows", "none")
# Font family -> the outline technology LibreOffice embeds. LibreOffice 7.4 writes CFF (OpenType/PS)
# outlines as Type 1 font programs (/FontFile) and TrueType outlines as TrueType (/FontFile2).
FONT_TECHNOLOGY = {
    "Noto Sans CJK JP": "cff",
    "Noto Serif CJK JP": "cff",
    "IPAMincho": "truetype",
    "IPAGothic": "truetype",
}
FONTS = tuple(FONT_TECHNOLOGY)

A4_MM = (210.0, 297.0)
DEFAULT_MARGIN_MM = 12.0
DEFAULT_FONT = "Noto Sans CJK JP"


@dataclass(frozen=True)
class PdfOptions:
    """`style`: `word` (a Word-like document) or `grid` (an Excel 方眼紙 form printed by Calc);
    `font`: a family of FONTS; `orientation`: every page `landscape` or `portrait`, `mixed`
    (portrait pages, the 別添1 member list on a landscape page) or `layout` (each page as the
    layout's page `orientation` says, landscape where it says nothing); `break_seed`: None prints tables
    as they flow, a number breaks them across pages at rows drawn from it; `font_size`: points,
    None takes the layout's; `rules`: which cell edges a `word` table prints (RULES)."""

    style: Style = "word"
    font: str = DEFAULT_FONT
    orientation: Orientation = "landscape"
    break_seed: int | None = None
    font_size: float | None = None
    rules: Rules = "all"

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"style must be one of {STYLES}, not {self.style!r}")
        if self.font not in FONT_TECHNOLOGY:
            raise ValueError(f"font must be one of {FONTS}, not {self.font!r}")
        if self.orientation not in ORIENTATIONS:
            raise ValueError(f"orientation must be one of {ORIENTATIONS}, not {self.orientation!r}")
        if self.rules not in RULES or (self.rules != "all" and self.style != "word"):
            raise ValueError(f"rules must be one of {RULES} (other than 'all' for the word style only)")
        if self.font_size is not None and not 4 <= self.font_size <= 20:
            raise ValueError(f"font_size must be between 4 and 20 pt, not {self.font_size}")


@dataclass(frozen=True)
class PageSize:
    width_mm: float
    height_mm: float
    margin_mm: float = DEFAULT_MARGIN_MM

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - 2 * self.margin_mm

    @property
    def text_height_mm(self) -> float:
        return self.height_mm - 2 * self.margin_mm


def page_size(orientation: PageOrientation) -> PageSize:
    short, long = A4_MM
    return PageSize(long, short) if orientation == "landscape" else PageSize(short, long)
