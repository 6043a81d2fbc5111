"""The rows of a 取組効果 section as rebuilt from layout text (see layout_rows, layout_grid), and
what keeps them from being placed."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.blocks import Block
from normalizers.bullets import CIRCLED_NUMBERS, SYMBOL_MARKERS
from pipeline.locate.layout_cells import CellDraft, compact
from pipeline.locate.layout_stream import Label

TORN = "a figure of the section printed apart from its cell"
BLANK_AMONG = "a blank cell among its cells, which may have printed out of order"
LABEL_AMONG = "a label printed between its cells"
LABEL_IN_EARLIER_ROW = "a label printed inside an earlier row"
CELLS_MAY_MOVE = (LABEL_AMONG, LABEL_IN_EARLIER_ROW)  # a cell may be the next row's, or the last row's
# -layout: cells wider than their column put under the columns by their left-to-right order
BY_ORDER = "its cells put under the period columns in their printed order, one nearer another's header"


@dataclass
class RowDraft:
    cells: list[CellDraft]
    label: Label | None = None
    how: str = ""  # how the label was found: beside, before, after, order
    unread_reason: str | None = None
    doubts: list[str] = field(default_factory=list)  # the section's figures may confirm these
    guess: str | None = None  # how its label was matched, where nothing can confirm it
    label_in_doubt: bool = False  # what is unsure is which label it has: its cells are read whole

    @property
    def has_figures(self) -> bool:
        return any(not c.blank for c in self.cells)

    @property
    def line(self) -> Block:
        return self.label.line if self.label is not None else self.cells[0].line


@dataclass
class SectionRows:
    rows: list[RowDraft] = field(default_factory=list)
    left_out: list[tuple[str, Block]] = field(default_factory=list)  # the section as a whole
    stray: list[Label] = field(default_factory=list)  # label text no row took


def label_name(label: Label) -> str:
    """The label without its list marker: empty for the `・` of an unused template row."""
    return compact(label.text).lstrip(CIRCLED_NUMBERS + SYMBOL_MARKERS)
