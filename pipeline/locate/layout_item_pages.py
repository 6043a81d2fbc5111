"""The 取組 items of a -layout page taken together: headers whose places tell no column (printed
to another scale than the rows, or with a period word lost), items placed by their own cells'
pattern, by the places their page's pieces start at together, or by the page's column order
where their header tells nothing, and items whose placing breaks the page's column order
(`layout_column_order`): their period cells are not read.
"""

from __future__ import annotations

import itertools

from extractors.blocks import Block
from pipeline.locate.layout_column_order import (
    PlacedPiece,
    feasible_columns,
    in_order,
    out_of_order,
    under_header,
)
from pipeline.locate.layout_item_parts import (
    DEFAULT_EDGE_TOLERANCE,
    DEFAULT_MAX_SHIFT,
    DEFAULT_MIN_COLUMN_GAP,
    ItemColumns,
    ItemDraft,
    own_pattern,
    own_pattern_ends,
    places,
    read_again,
)
from pipeline.locate.layout_item_placing import placed_lines


def page_numbers(lines: list[Block]) -> dict[int, int]:
    """Each line's printed page (by the form feeds before it), keyed by the line's id."""
    out, page = {}, 0
    for line in lines:
        page += line.new_page
        out[id(line)] = page
    return out


def distrust_headers_out_of_scale(drafts: list[ItemDraft]) -> None:
    """A header whose columns a cell piece printed under it starts far right of (further than
    any shift an item may take): pdftotext set the header to another scale than the rows, and
    its places tell no column. Where the places its runs' starts alone give (the words after a
    run's first follow it character by character, to the scale of the run's own text) reach every
    such piece, the items under it are read against those. Else the items under it are placed by
    their own cells, or not at all."""
    for columns in {id(d.columns): d.columns for d in drafts if d.columns is not None}.values():
        under = [d for d in drafts if d.columns is columns]
        if not _beyond_reach(under, columns.edges):
            continue
        starts = columns.run_starts
        if starts is not None and not _beyond_reach(under, starts):
            columns.edges[:] = starts  # the page's header edges (`headers`) are these too
            for draft in under:
                _place_at(draft, columns.edges, columns.content)
            continue
        for draft in under:
            draft.columns = None
            draft.why = "the header over its period columns printed to another scale than its rows"


def _beyond_reach(drafts: list[ItemDraft], edges: list[int]) -> bool:
    """Whether a cell piece of the items starts further right of the last period column's edge
    than any shift an item may take."""
    reach = edges[-1] + DEFAULT_MAX_SHIFT + DEFAULT_EDGE_TOLERANCE
    return any(r.start > reach for d in drafts for r in d.runs if not r.crossing)


def distrust_headers_short_of_a_column(drafts: list[ItemDraft]) -> None:
    """A header read with fewer period columns than another header of the report (a period word
    lost where the page prints it): its columns are not the table's, and a cell under the lost
    column would go to a neighbour. The items under it are placed by their own cells, or not at
    all."""
    most = max((len(d.columns.labels) for d in drafts if d.columns is not None), default=0)
    for draft in drafts:
        if draft.columns is not None and len(draft.columns.labels) < most:
            draft.columns = None
            draft.why = "the header over its period columns shows fewer periods than the report's"


def place_by_page_places(
    drafts: list[ItemDraft], pages: dict[int, int], headers: dict[int, list[int]], content_col: int
) -> None:
    """A page none of whose items' header tells their columns, nor their own cells: pdftotext
    gives every block of a column on a page the same start, right of the end of every block of
    the columns left of it, and prints no column that holds no block. So where the cell pieces of
    the page's items, taken together, start at as many places, well apart, as there are period
    columns, each place ending left of the next, and each right of the header edges of the columns
    left of it, each place is a column's left edge, in order; the items are read against them."""
    by_page: dict[int, list[ItemDraft]] = {}
    for draft in drafts:
        if draft.runs:
            by_page.setdefault(pages[id(draft.runs[0].line)], []).append(draft)
    for page, items in by_page.items():
        if any(d.columns is not None or d.broken for d in items) or len({len(d.labels) for d in items}) != 1:
            continue
        runs = [r for d in items for r in d.runs if not r.crossing]
        edges = places([r.start for r in runs])
        if len(edges) != len(items[0].labels) or len(edges) < 2:
            continue
        if any(b - a < DEFAULT_MIN_COLUMN_GAP for a, b in itertools.pairwise(edges)):
            continue
        column = [max(k for k, e in enumerate(edges) if r.start >= e) for r in runs]
        apart = all(
            r.end < min(q.start for q, c in zip(runs, column, strict=True) if c == k + 1)
            for r, k in zip(runs, column, strict=True)
            if k + 1 < len(edges)
        )
        if not apart or not all(
            under_header(r.start, k, headers.get(page)) for r, k in zip(runs, column, strict=True)
        ):
            continue
        for draft in items:
            why = draft.why
            _place_at(draft, edges, content_col)
            if any(
                min(abs(r.start - e) for e in edges) > DEFAULT_EDGE_TOLERANCE
                for r in draft.runs
                if not r.crossing
            ):
                draft.columns, draft.why = None, why


def share_own_patterns(
    drafts: list[ItemDraft], pages: dict[int, int], headers: dict[int, list[int]], content_col: int
) -> None:
    """Give each item of a page the pieces of the page's other items whose own pattern tells
    their columns: the page's column order then places its pieces (`layout_column_order`). A
    pattern that breaks the order of the header printed on its page, or two that break each
    other's, are no pattern of cells (a chart drawn in the content): the page tells nothing."""
    known: dict[int, list[tuple[int, int, int]]] = {}
    ends: dict[int, list[tuple[int, int, int]]] = {}
    for draft in drafts:
        if draft.runs and not draft.broken:
            page = pages[id(draft.runs[0].line)]
            pattern = own_pattern(draft)
            if all(under_header(s, c, headers.get(page)) for s, c in pattern):
                known.setdefault(page, []).extend((draft.number, s, c) for s, c in pattern)
                ends.setdefault(page, []).extend((draft.number, e, c) for e, c in own_pattern_ends(draft))
    for draft in drafts:
        if draft.runs and not draft.broken:
            page = pages[id(draft.runs[0].line)]
            if not in_order([(s, c) for _, s, c in known.get(page, [])]):
                continue
            draft.known = [(s, c) for number, s, c in known.get(page, []) if number != draft.number]
            draft.known_ends = [(e, c) for number, e, c in ends.get(page, []) if number != draft.number]
            if draft.columns is None:
                _place_by_page(draft, content_col)


def _told_by_page(draft: ItemDraft) -> bool:
    """Whether the page's column order tells the column of each of the item's cell pieces, and
    each starts where a piece of that column starts in another item (rows printed alike: in a
    grid form a row may place its cells otherwise than the rows around it). pdftotext places a
    block right of the end of every block wholly left of it: a piece that starts left of where
    another item's piece of a column ends is in no column right of that one (`実施予定` one
    column right of a `３件` of 現状 is no 取組目標 cell), and one whose first word reaches past
    where another item's piece of a column starts is in no column left of that one."""
    pieces = [(r.start, r.start + len(r.words[0].text)) for r in draft.runs if not r.crossing]
    count = len(draft.labels)
    ends = _ends_of_blocks(draft)
    for start, first_end in pieces:
        told = [
            k
            for k in feasible_columns(start, draft.known, count)
            if all(end <= start for end, c in ends if c < k)
            and all(first_end <= s for s, c in draft.known if c > k)
        ]
        if len(told) != 1:
            return False
        if not any(abs(s - start) <= DEFAULT_EDGE_TOLERANCE for s, c in draft.known if c == told[0]):
            return False
    return bool(pieces)


def _ends_of_blocks(draft: ItemDraft) -> list[tuple[int, int]]:
    """Where the known pieces of the item's page end (end, column), those that end left of every
    known piece of the columns right of theirs: a run that reaches further may hold words of the
    next cell, one space apart, and tells nothing of where its own cell ends."""
    return [
        (end, column)
        for end, column in draft.known_ends
        if all(end < s for s, c in draft.known if c > column)
    ]


def _place_by_page(draft: ItemDraft, content_col: int) -> None:
    """An item whose period columns its header does not tell (none printed on its page, or one
    printed to another scale), on a page where other items' own patterns tell every column:
    placed by the page's column order where that tells the column of each of its pieces."""
    count = len(draft.labels)
    if {c for _, c in draft.known} != set(range(count)) or not _told_by_page(draft):
        return
    why = draft.why
    _place_at(draft, [min(s for s, c in draft.known if c == k) for k in range(count)], content_col)
    if not _told_by_page(draft):
        draft.columns, draft.why = None, why


def distrust_out_of_order(
    drafts: list[ItemDraft], pages: dict[int, int], headers: dict[int, list[int]]
) -> None:
    """Items whose period cells, as placed, break their page's column order (see
    `layout_column_order`): their period cells are not read."""
    pieces = []
    for draft, column, line, words, read in placed_lines(drafts):
        col = words[0].col
        if read and line.text[max(col - 2, 0) : col].strip() == "":
            pieces.append(PlacedPiece(draft.number, pages[id(line)], col, column))
    for draft in (d for d in drafts if d.number in out_of_order(pieces, headers)):
        draft.columns = None
        draft.why = "its cells, as placed, break the order of the columns on its page"


def place_by_own_cells(draft: ItemDraft, content_col: int, header: list[int] | None) -> None:
    """An item whose header tells no column (none on its page, or one printed to another
    scale): where its cell pieces start at as many places, well apart, as there are period
    columns, and right of the page's header edges of the columns left of each, each place is a
    column's left edge, in order; its lines are read again against them. Else its period
    columns stay unknown."""
    pattern = own_pattern(draft)
    if not pattern or not all(under_header(s, c, header) for s, c in pattern):
        return
    _place_at(draft, places([s for s, _ in pattern]), content_col)


def _place_at(draft: ItemDraft, edges: list[int], content_col: int) -> None:
    """The item's lines read again against period columns whose left edges are known (and its
    own 取組内容 start, where it prints left of the table's)."""
    col = content_col if draft.content_col is None else draft.content_col
    read_again(draft, ItemColumns(col, edges, draft.labels), col)
