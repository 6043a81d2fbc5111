"""The order of a page's table columns in pdftotext -layout text, as a check on where the 取組
table's period cells were placed.

pdftotext -layout gives each block of text on a page the column right after every block that
lies wholly left of it on the page (its start plus its width plus a gap), wherever on the page
that block is. So its columns keep the page's left-to-right order: a cell of a period column
right of another starts right of every cell of that other column on the same page, whichever
rows they are in, and a cell that lies right of a header's column starts right of where that
header starts. Cells placed so that this order breaks (a cell of 実績 starting where another
row's 取組目標 cell starts, or left of 取組目標's header) sit in a wrong column in one of the
rows: neither row's placing is certain.

That order holds where the rows share their columns' places on the page. A grid form (方眼紙)
may merge a row's cells otherwise than its neighbours', so the order of another row is used to
leave cells out, and to place them only to choose among placings the item's own cells allow, or
where they start right where another row's cells of that column start.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class PlacedPiece:
    """A cell piece that starts at its own place (after a wide gap), and the column it went to."""

    item: int
    page: int
    start: int
    column: int


def under_header(start: int, column: int, edges: list[int] | None) -> bool:
    """Whether a piece of `column` starting at `start` lies right of the page's header edges of
    the columns left of its own (True where the page prints no header)."""
    return edges is None or all(edge < start for edge in edges[:column])


def _clash(a: PlacedPiece, b: PlacedPiece) -> bool:
    """Two pieces of one page whose columns and starts are in opposite orders."""
    return _places_clash((a.start, a.column), (b.start, b.column))


def _places_clash(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """`_clash` of two (start, column) places of one page."""
    (a_start, a_column), (b_start, b_column) = a, b
    if a_column == b_column:
        return False
    return a_start >= b_start if a_column < b_column else b_start >= a_start


def out_of_order(pieces: list[PlacedPiece], headers: dict[int, list[int]]) -> set[int]:
    """The items whose placed pieces break the page's column order: against the header printed
    on their page (the left edge of each period column's header), or against another item's
    pieces on the same page (then both items)."""
    bad: set[int] = set()
    for piece in pieces:
        if not under_header(piece.start, piece.column, headers.get(piece.page)):
            bad.add(piece.item)
    by_page: dict[int, list[PlacedPiece]] = defaultdict(list)
    for piece in pieces:
        if piece.item not in bad:
            by_page[piece.page].append(piece)
    for page in by_page.values():
        for index, a in enumerate(page):
            for b in page[index + 1 :]:
                if a.item != b.item and _clash(a, b):
                    bad |= {a.item, b.item}
    return bad


def in_order(pieces: list[tuple[int, int]]) -> bool:
    """Whether pieces of one page ((start, column) pairs) keep the page's column order."""
    return not any(_places_clash(a, b) for index, a in enumerate(pieces) for b in pieces[index + 1 :])


def feasible_columns(start: int, known: list[tuple[int, int]], columns: int) -> list[int]:
    """The columns a piece starting at `start` may be in, given pieces of its page whose columns
    are known ((start, column) pairs): those that keep the page's column order."""
    return [
        k
        for k in range(columns)
        if all(s < start for s, c in known if c < k) and all(s > start for s, c in known if c > k)
    ]
