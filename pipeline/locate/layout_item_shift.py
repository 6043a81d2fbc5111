"""The shift of an item's period cells in -layout text: where pdftotext prints a row's cells a few
columns left or right of their headers (every column moves with the row), the one shift that puts
each cell piece at a period column's left edge, and whether the placing it gives is in doubt (two
shifts alike in size place the pieces in two ways, and the page's column order picks none).
"""

from __future__ import annotations

from pipeline.locate.layout_column_order import feasible_columns
from pipeline.locate.layout_item_parts import (
    DEFAULT_EDGE_TOLERANCE,
    DEFAULT_MAX_SHIFT,
    CellRun,
    ItemColumns,
    ItemDraft,
)

# columns left of the header an item's cells are placed by even where they do not start in every
# period column (further left, only the pattern of all its columns shows the shift)
DEFAULT_MAX_LEFT_SHIFT = 2


def _shift(runs: list[CellRun], columns: ItemColumns) -> int | None:
    """The one shift (in columns) that puts every run that starts a cell piece at a period
    column's edge; None where none does, or where two shifts would place runs differently.

    pdftotext prints a block right of every block wholly left of it on the page, so an item's
    cells print right of their headers' places as often as not, and the gaps between its cells
    need not be the headers'. A shift of more than DEFAULT_MAX_LEFT_SHIFT to the left is taken
    only where the item's cells start in every period column (their whole pattern is the
    header's): with fewer, the pattern of two cells fits a shift left as well as a push right."""
    starts = [r.start for r in runs if not r.crossing]
    if not starts:
        return 0
    placings: dict[tuple[int, ...], int] = {}
    for shift in sorted(range(-DEFAULT_MAX_SHIFT, DEFAULT_MAX_SHIFT + 1), key=abs):
        placing = _placing_at(starts, columns, shift)
        if placing is not None and (
            shift >= -DEFAULT_MAX_LEFT_SHIFT or len(set(placing)) == len(columns.edges)
        ):
            placings.setdefault(placing, shift)
    return next(iter(placings.values())) if len(placings) == 1 else None


def _placing_at(starts: list[int], columns: ItemColumns, shift: int) -> tuple[int, ...] | None:
    """The period column each start lands on under `shift` (one edge within tolerance each), or
    None where a start lands on none or on two."""
    placing = []
    for start in starts:
        near = [k for k, e in enumerate(columns.edges) if abs(start - e - shift) <= DEFAULT_EDGE_TOLERANCE]
        if len(near) != 1:
            return None
        placing.append(near[0])
    return tuple(placing)


def _placings(runs: list[CellRun], columns: ItemColumns) -> dict[tuple[int, ...], int]:
    """Every placing of the item's cell pieces at the period columns' edges that a shift gives
    (a little further than an item takes), each with its smallest shift."""
    starts = [r.start for r in runs if not r.crossing]
    reach = DEFAULT_MAX_SHIFT + DEFAULT_EDGE_TOLERANCE
    out: dict[tuple[int, ...], int] = {}
    for shift in sorted(range(-reach, reach + 1), key=abs):
        placing = _placing_at(starts, columns, shift)
        if placing is not None:
            out.setdefault(placing, shift)
    return out


def placed_shift(draft: ItemDraft, columns: ItemColumns) -> tuple[int | None, bool]:
    """The item's shift, and whether its placing is in doubt. Where shifts place its pieces in
    more than one way, the page's column order (the pieces of other items whose own pattern tells
    their columns) picks the one that keeps it; where it picks none, or the one shift found
    (`_shift`) places them otherwise, the placing is in doubt."""
    shift = _shift(draft.runs, columns)
    placings = _placings(draft.runs, columns)
    if shift is not None:  # a placing that takes a much larger shift is no rival of this one
        reach = abs(shift) + DEFAULT_EDGE_TOLERANCE
        placings = {p: s for p, s in placings.items() if abs(s) <= reach}
    if len(placings) <= 1:
        return shift, False
    starts = [r.start for r in draft.runs if not r.crossing]
    count = len(columns.edges)
    told = {
        placing: moved
        for placing, moved in placings.items()
        if draft.known
        and all(
            c in feasible_columns(start, draft.known, count) for start, c in zip(starts, placing, strict=True)
        )
    }
    if len(told) != 1:
        return shift, True
    moved = next(iter(told.values()))
    return (shift, True) if shift is not None and moved != shift else (moved, False)
