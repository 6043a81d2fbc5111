"""Rows of a table lined up with its header's columns.

Inside the header's own table a row's cells are its columns when it has as many cells as the
header. A table continued on another page (a grid of its own, that may lack a merged column) is
lined up by the x position of its columns (PDF cells carry their boxes), never by index: a column
whose edges match no header column leaves the cells printed in it unplaced. A row that does not
line up is returned as None, for the caller to report; nothing is shifted to make it fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractors.blocks import Cell

DEFAULT_COLUMN_X_TOLERANCE = 2.0  # pt: column edges closer than this are the same column

Edges = tuple[tuple[float, float] | None, ...]  # (left, right) of each column; None where unknown


def column_edges(rows: Sequence[Sequence[Cell]]) -> Edges | None:
    """Each column's left and right edge from its cells' boxes: a column starts where its cells
    start and ends where the next one starts. None when the cells carry no boxes (text inputs)."""
    width = max((len(row) for row in rows), default=0)
    lefts: list[float | None] = [None] * width
    rights: list[float | None] = [None] * width
    for row in rows:
        for index, cell in enumerate(row):
            box = cell.span.bbox
            if box is None:
                continue
            lefts[index] = box[0] if lefts[index] is None else min(box[0], lefts[index] or box[0])
            rights[index] = box[2] if rights[index] is None else min(box[2], rights[index] or box[2])
    if all(left is None for left in lefts):
        return None
    edges: list[tuple[float, float] | None] = []
    for index, (left, right) in enumerate(zip(lefts, rights, strict=True)):
        following = lefts[index + 1] if index + 1 < width else None
        end = following if following is not None else right
        edges.append((left, end) if left is not None and end is not None else None)
    return tuple(edges)


def header_edges(rows: Sequence[Sequence[Cell]], header_row: int) -> Edges | None:
    """Each header column's edges as its header cell spans them (a header cell merged over several
    grid columns names one column of the form); a slot without a cell of its own takes its grid
    column's edges. None for text inputs."""
    grid = column_edges(rows)
    if grid is None:
        return None
    row = rows[header_row]
    edges: list[tuple[float, float] | None] = []
    for index, cell in enumerate(row):
        box = cell.span.bbox
        edges.append((box[0], box[2]) if box is not None else grid[index] if index < len(grid) else None)
    return tuple(edges)


@dataclass(frozen=True)
class Alignment:
    """Which header column each column of a block stands under (None: under none), or, for text
    inputs without positions, the header's width to hold each row to."""

    width: int
    to_header: tuple[int | None, ...] | None = None

    @property
    def identical(self) -> bool:
        """The block's columns are the header's, one for one."""
        return self.to_header is None or self.to_header == tuple(range(self.width))

    def row(self, row: Sequence[Cell]) -> tuple[Cell, ...] | None:
        """The row's cells in the header's columns ("" where it prints nothing), or None when a
        printed cell stands under no header column or the row has more or fewer cells."""
        if self.to_header is None:
            surplus = row[self.width :]
            if len(row) < self.width or any(c.text.strip() for c in surplus):
                return None
            return tuple(row[: self.width])
        filler = row[0] if row else Cell("")
        out = [Cell("", filler.span)] * self.width
        for index, cell in enumerate(row):
            column = self.to_header[index] if index < len(self.to_header) else None
            if column is None:
                if cell.text.strip():
                    return None
                continue
            out[column] = cell
        return tuple(out)


def same_grid(width: int) -> Alignment:
    """Rows of the header's own grid: every column where it is (PDF grids give every row a cell
    per column)."""
    return Alignment(width, tuple(range(width)))


def by_count(width: int) -> Alignment:
    return Alignment(width)


def by_position(header: Edges, block: Edges, tolerance: float = DEFAULT_COLUMN_X_TOLERANCE) -> Alignment:
    """Each block column under the header column with the same left and right edges; a block column
    that spans several header columns exactly (a merged cell, such as a 合計 label over the title
    and name columns) stands under the first of them, as a merged cell's text does in a grid."""
    to_header: list[int | None] = []
    for edge in block:
        match = None
        if edge is not None:
            first = next(
                (i for i, h in enumerate(header) if h is not None and abs(h[0] - edge[0]) <= tolerance), None
            )
            last = next(
                (i for i, h in enumerate(header) if h is not None and abs(h[1] - edge[1]) <= tolerance), None
            )
            match = first if first is not None and last is not None and last >= first else None
        to_header.append(match)
    return Alignment(len(header), tuple(to_header))


def spans_columns(
    cell: Cell, edges: Edges | None, column: int, tolerance: float = DEFAULT_COLUMN_X_TOLERANCE
) -> bool:
    """Whether a cell printed in `column` reaches over the next column (a merged cell)."""
    box = cell.span.bbox
    edge = edges[column] if edges is not None and column < len(edges) else None
    return box is not None and edge is not None and box[2] > edge[1] + tolerance


def align(header_edges: Edges | None, header_width: int, block_edges: Edges | None) -> Alignment:
    """How the rows of a continuation block stand under the header: by x position where both
    carry positions, else held to the header's cell count."""
    if header_edges is not None and block_edges is not None:
        return by_position(header_edges, block_edges)
    return by_count(header_width)
