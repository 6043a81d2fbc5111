"""Rows of a 取組効果 section in layout text that keeps each word at its place on the page
(pdftotext -layout): a cell belongs to the period column it is printed under, a row is the
cells printed beside each other, and its label the text printed at its height, left of them.

Columns come from the period headers printed above the cells (`現 状   計 画   実 績`), or, on
a page the header did not repeat on, from a line that prints a cell in every column.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from normalizers.forms import period_of_header
from pipeline.locate.layout_cells import CellDraft
from pipeline.locate.layout_headers import period_word_places
from pipeline.locate.layout_row_parts import BY_ORDER, TORN, RowDraft, SectionRows, label_name
from pipeline.locate.layout_rows import is_torn, section_labels
from pipeline.locate.layout_stream import Label, Stream
from pipeline.locate.layout_verify import check_rows, confirm

DEFAULT_COLUMN_MARGIN = 0.25  # a cell this much nearer one column than the next is under it
DEFAULT_HEADER_STAGGER = 2  # lines apart two header lines may print one period header's words
PERIOD_ORDER = ("baseline", "plan", "actual", "difference")  # the period columns, left to right


@dataclass(frozen=True)
class _Anchor:
    line: int  # printed line the column places were read on
    centers: tuple[float, ...]  # one per period column, left to right


def grid_rows(stream: Stream, section: int, periods: list[str], used: set[int]) -> SectionRows:
    # a piece of the form's wording taken for a cell (`合計回数`, the row title's last line, at the
    # page's left edge) holds no digit and makes no whole cell: it is no cell of any column
    cells = sorted(
        (c for c in stream.cells if c.section == section and not (c.blank and not c.whole)),
        key=lambda c: (_top(c), c.x0),
    )
    result = SectionRows()
    if not cells:
        return result
    anchors = _anchors(stream, section, cells, len(periods))
    if not anchors:
        detail = "no line shows where its period columns are: cells cannot be put under them"
        result.left_out.append((detail, cells[0].line))
        return result
    rows: list[RowDraft] = []
    current: dict[int, CellDraft] = {}
    bottom = -1
    between: set[int] = set()  # ids of the cells not clearly under one column
    ordered = _columns_by_order(cells, anchors, len(periods))
    for cell in cells:
        column, sure = ordered.get(id(cell)) or _column(cell, anchors)
        if current and (column in current or _top(cell) > bottom):
            rows.append(_row(current, len(periods)))
            current, bottom = {}, -1
        current[column] = cell
        bottom = max(bottom, _bottom(cell))
        if not sure:
            cell.unsure = True
            between.add(id(cell))
    rows.append(_row(current, len(periods)))
    torn = is_torn(stream, section)
    for row in rows:
        # a piece of a cell that could have gone to its neighbour (unsure, yet under its column)
        # is weighed by `check_rows`, as in any layout text
        if any(id(c) in between and c.parts for c in row.cells):
            row.doubts.append("a cell printed between two period columns")
        if any(id(c) in ordered for c in row.cells):
            row.doubts.append(BY_ORDER)
        if torn:
            row.doubts.append(TORN)
    _match_labels(rows, section_labels(stream, section, used), anchors)
    used.update(id(r.label) for r in rows if r.label is not None)
    result.rows = rows
    check_rows(rows, section)
    confirm(rows, section, periods, strict=False)
    return result


def _columns_by_order(
    cells: list[CellDraft], anchors: list[_Anchor], width: int
) -> dict[int, tuple[int, bool]]:
    """Cells wider than their column (a long cell wrapped, its lines pushed right) may sit
    nearer the next column's header than their own, two of a row then nearest one column. Where
    the cells printed on overlapping lines are exactly as many as the period columns, start at
    distinct places and the nearest headers put two of them under one column, each goes to the
    column of its place in their left-to-right order, where that is its nearest column's
    neighbour. Returns id(cell) -> (column, sure) for the cells so moved; the sums must confirm
    their rows (`BY_ORDER`)."""
    bands: list[list[CellDraft]] = []
    for cell in sorted(cells, key=_top):
        if bands and _top(cell) <= max(_bottom(c) for c in bands[-1]):
            bands[-1].append(cell)
        else:
            bands.append([cell])
    out: dict[int, tuple[int, bool]] = {}
    for band in bands:
        nearest = [_column(c, anchors)[0] for c in band]
        if len(band) != width or len({c.x0 for c in band}) != width or len(set(nearest)) == width:
            continue
        order = sorted(band, key=lambda c: c.x0)
        moves = {id(c): column for column, c in enumerate(order)}
        if all(abs(moves[id(c)] - n) <= 1 for c, n in zip(band, nearest, strict=True)):
            moved = [c for c, n in zip(band, nearest, strict=True) if moves[id(c)] != n]
            out.update({id(c): (moves[id(c)], True) for c in moved})
    return out


def _top(cell: CellDraft) -> int:
    return cell.lines[0].span.line_start or 0


def _bottom(cell: CellDraft) -> int:
    return cell.lines[-1].span.line_end or cell.lines[-1].span.line_start or 0


def _row(cells: dict[int, CellDraft], width: int) -> RowDraft:
    """A row with a cell in every column; where nothing was printed, an empty cell."""
    first = next(iter(cells.values()))
    filled = [cells.get(i) or CellDraft(first.section, first.line, 0, first.order) for i in range(width)]
    return RowDraft(filled)


def _anchors(stream: Stream, section: int, cells: list[CellDraft], width: int) -> list[_Anchor]:
    """Column places: the period headers printed side by side above the cells, and lines that
    start a cell in every column."""
    anchors = []
    for header in stream.headers:
        centers = [center for _, center in period_word_places(header.words)]
        if len(centers) == width:
            anchors.append(_Anchor(header.line.span.line_start or 0, tuple(centers)))
    anchors += _staggered_headers(stream, width)
    by_line: dict[int, list[CellDraft]] = {}
    for cell in cells:
        by_line.setdefault(_top(cell), []).append(cell)
    for line, starting in by_line.items():
        if len(starting) == width:
            centers = sorted((c.x0 + c.x1) / 2 for c in starting)
            anchors.append(_Anchor(line, tuple(centers)))
    return sorted(anchors, key=lambda a: a.line)


def _staggered_headers(stream: Stream, width: int) -> list[_Anchor]:
    """Period words printed over two header lines close together (`現 状` above `取組目標   実 績`,
    the first header cell's parenthesis wrapping longer than the others'): together, one word
    of each period, in the form's order left to right, they place the columns too."""
    anchors = []
    for upper, lower in itertools.pairwise(stream.headers):
        first, last = upper.line.span.line_start or 0, lower.line.span.line_start or 0
        if not 0 < last - first <= DEFAULT_HEADER_STAGGER:
            continue
        places = sorted(
            [*period_word_places(upper.words), *period_word_places(lower.words)], key=lambda p: p[1]
        )
        periods = [period_of_header(word) for word, _ in places]
        if len(places) != width or any(p is None for p in periods):
            continue
        ranks = [PERIOD_ORDER.index(p) for p in periods if p is not None]
        if ranks == sorted(set(ranks)):
            anchors.append(_Anchor(last, tuple(center for _, center in places)))
    return anchors


def _anchor_at(anchors: list[_Anchor], line: int) -> _Anchor:
    """The column places read at or above a line (below it on a page whose header is not
    repeated)."""
    above = [a for a in anchors if a.line <= line]
    return above[-1] if above else anchors[0]


def _column(cell: CellDraft, anchors: list[_Anchor]) -> tuple[int, bool]:
    """The column the cell is printed under, by the nearest column places; and whether it is
    clearly under it."""
    anchor = _anchor_at(anchors, _top(cell))
    center = (cell.x0 + cell.x1) / 2
    distances = sorted((abs(center - c), i) for i, c in enumerate(anchor.centers))
    (near, column), second = distances[0], distances[1][0] if len(distances) > 1 else float("inf")
    spacing = min((b - a for a, b in zip(anchor.centers, anchor.centers[1:], strict=False)), default=0.0)
    sure = second - near > DEFAULT_COLUMN_MARGIN * spacing if spacing else True
    return column, sure


def _match_labels(rows: list[RowDraft], labels: list[Label], anchors: list[_Anchor]) -> None:
    """Each label goes to the row printed at its height (the most lines shared); a label left of
    no row's lines goes nowhere."""
    for label in labels:
        top, bottom = label.line.span.line_start or 0, label.last_line
        if label.words[0].col >= _anchor_at(anchors, top).centers[0]:
            continue  # printed under a period column, not left of them
        shared = [(min(bottom, _row_bottom(r)) - max(top, _row_top(r)) + 1, i) for i, r in enumerate(rows)]
        best = max(shared, default=(0, -1))
        if best[0] <= 0:
            continue
        row = rows[best[1]]
        if row.label is None or (not label_name(row.label) and label_name(label)):
            row.label, row.how = label, "beside"


def _row_top(row: RowDraft) -> int:
    return min(_top(c) for c in row.cells if c.parts)


def _row_bottom(row: RowDraft) -> int:
    return max(_bottom(c) for c in row.cells if c.parts)
