"""Default-mode text: 取組効果 cells printed column by column.

pdftotext's default mode prints text that stands one line above another in one column of the page
as one paragraph: its lines follow each other with no blank line between. A figure cell alone on
its line, right under another such cell, is the cell of the next row in the same period column
(cells of one row stand side by side: they print on one line, or as paragraphs of their own). Where
as many such stacks of one height as the section has period columns print one after another, each
stack is one column of as many rows, the first stack the first column (`7名` / `15名` / `12名`,
then `35名` / `34名` / `36名`: rows 7|35, 15|34, 12|36).
"""

from __future__ import annotations

from pipeline.locate.layout_cells import CellDraft

STACKED = "its cells printed column by column, each under another row's cell"


def stacked_rows(cells: list[CellDraft], width: int) -> list[tuple[list[CellDraft], bool]] | None:
    """The section's rows, where some of its cells print as stacks of a column's cells: blocks of
    `width` stacks of one height h (h rows) and, between them, cells one after another (`width`
    to a row). None where no block of stacks printed, or the cells fit no such reading (a stack
    that is no block's, cells between blocks that make no whole rows). Each row comes with whether
    it was read across stacks."""
    stacks = _stacks(cells)
    rows: list[tuple[list[CellDraft], bool]] = []
    loose: list[CellDraft] = []
    found = False
    index = 0
    while index < len(stacks):
        block = stacks[index : index + width]
        heights = {len(s) for s in block}
        if len(block) == width and len(heights) == 1 and min(heights) > 1:
            if len(loose) % width:
                return None
            rows += _by_rows(loose, width)
            loose = []
            rows += [(list(row), True) for row in zip(*block, strict=True)]
            found, index = True, index + width
        elif len(stacks[index]) == 1:
            loose.append(stacks[index][0])
            index += 1
        else:
            return None
    if not found or len(loose) % width:
        return None
    return rows + _by_rows(loose, width)


def _by_rows(cells: list[CellDraft], width: int) -> list[tuple[list[CellDraft], bool]]:
    return [(cells[i : i + width], False) for i in range(0, len(cells), width)]


def _stacks(cells: list[CellDraft]) -> list[list[CellDraft]]:
    """Runs of cells in reading order, each alone on its one line, on lines one right after the
    other; every other cell is a run of its own."""
    stacks: list[list[CellDraft]] = []
    previous: CellDraft | None = None
    for cell in sorted(cells, key=lambda c: c.order):
        if previous is not None and _alone(previous) and _alone(cell) and _line(cell) == _line(previous) + 1:
            stacks[-1].append(cell)
        else:
            stacks.append([cell])
        previous = cell
    return stacks


def _alone(cell: CellDraft) -> bool:
    """The cell printed on one line, and nothing else printed on that line."""
    return (
        len(cell.lines) == 1 and len(cell.parts) == 1 and cell.parts[0].strip() == cell.lines[0].text.strip()
    )


def _line(cell: CellDraft) -> int:
    return (cell.lines[0].span.line_start or 0) if cell.lines else 0
