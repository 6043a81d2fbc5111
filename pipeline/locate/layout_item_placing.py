"""The placing of an item's cell pieces in its period columns (-layout text), and the guards that
leave cells unread where their column is not certain:

- a run that reaches past the next column's edge with more than one word may hold two cells'
  words: both cells are not read; a content run reaching into the first period column likewise;
- where the item does not show every column, its one shift may be a compromise: cells that start
  unlike off their columns' edges (one pushed right by its row) and a shift that puts a piece in
  another column than the header it starts under leave the item's cells unread; so does a piece
  that the item's own pattern (as many places, well apart, as period columns) puts in another
  column than the header does;
- a piece pushed right by its row's cells of a column left of it, or starting where two columns
  meet, tells no column.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from extractors.blocks import Block
from pipeline.locate.layout_cells import Word, joined
from pipeline.locate.layout_column_order import feasible_columns, under_header
from pipeline.locate.layout_item_parts import (
    DEFAULT_EDGE_TOLERANCE,
    DEFAULT_MAX_SHIFT,
    CellRun,
    ItemColumns,
    ItemDraft,
    own_pattern,
    split_at_starts,
)
from pipeline.locate.layout_item_shift import placed_shift
from pipeline.locate.layout_wraps import MARKERS, line_width

DEFAULT_PUSH = 4  # columns by which pdftotext may print a piece left of its column's edge
DEFAULT_BLOCK_GAP = 3  # columns pdftotext leaves between a block and the blocks wholly left of it
# room (`line_width`) by which a column's widest word alone may fall short of another column's and
# still tell its column's room (the period columns print alike wide)
DEFAULT_WIDTH_SLACK = 4


def period_cells(
    draft: ItemDraft, columns: ItemColumns, glued: dict[int, int] | None = None
) -> tuple[list[list[tuple[Block, list[Word]]]], set[int], str]:
    """Each period column's pieces of the item, the columns not read, and why. Where one shift
    puts every piece at a column's left edge, pieces go to that column; else (text centred in
    its cell) each piece goes to the column whose header spans where it starts, and a piece
    starting within a column of a header's edge leaves both columns unread."""
    cells: list[list[tuple[Block, list[Word]]]] = [[] for _ in columns.edges]
    shift, doubt = placed_shift(draft, columns)
    placed_starts = {r.start for r in draft.runs if not r.crossing}
    unread: set[int] = set()
    reason = "a run of words reaches over a column's edge, so its cells cannot be told apart"
    edges = [e + (shift or 0) for e in columns.edges]
    placed: list[tuple[CellRun, int]] = []
    seconds: set[int] = set()  # the second halves of runs split by their room (`_halves`)
    if doubt:
        unread |= set(range(len(edges)))
        reason = "its cells fit more than one placing under the header, and its page tells none"
    pieces = split_at_starts(draft.runs, placed_starts)
    own = _own_under_edges(draft, edges) if shift is None else {}
    for index, run in enumerate(pieces):
        if run.crossing and run.start < edges[0] - DEFAULT_EDGE_TOLERANCE:
            # the rest of a content run, short of the first period column: content; near it,
            # it may as well be a piece of the first column's cell pushed left, unless it is
            # within a piece read as the first column's line (`glued`: its line's id -> where
            # that piece starts)
            by_edge = run.start >= edges[0] - 2 * DEFAULT_EDGE_TOLERANCE - 1
            if by_edge and (glued or {}).get(id(run.line), run.start + 1) > run.start:
                unread.add(0)
            continue
        column = _column_at(run.start, edges, shift is not None)
        if shift is None:
            # a piece starting a little left of an edge may be the next column's pushed left,
            # unless the item's own pattern, agreeing with the header, picks one of the two
            near = [k for k, e in enumerate(edges) if e - DEFAULT_PUSH <= run.start < e]
            if near and not run.crossing and own.get(run.start) in _under_edges(run.start, edges):
                column = own[run.start]
            elif near:
                unread |= {column, *(k - 1 for k in near if k), *near}
                reason = "a piece starts where two columns meet, so its column cannot be told"
        # a piece glued to the content that starts exactly where the item's pieces start after a
        # wide gap is a piece of that column (the content cannot reach into it); else not certain
        several = column + 1 < len(edges) and len(run.words) > 1
        fits = _fits_its_room(run, column, draft.widths) if several else None
        # each piece printed after the run on its line takes a column right of the run's parts
        later = sum(1 for other in pieces[index + 1 :] if other.line is run.line)
        halves = (
            _halves(run, column, draft.widths, len(edges) - 1 - later)
            if fits is False
            and not run.crossing
            and _starts_apart(pieces, index, placed, column, draft.widths)
            else None
        )
        last_part = column + len(halves) - 1 if halves is not None else column
        if halves is not None and not _ends_apart(
            pieces, index, halves, last_part, (edges, shift), draft.widths
        ):
            halves = None
        if halves is not None:  # cells one space apart, told apart by their room
            placed.append((CellRun(run.line, halves[0]), column))
            for offset, part in enumerate(halves):
                cells[column + offset].append((run.line, part))
                if offset:
                    # a later part's place is not its own (it follows the words before it), but
                    # where it ends still tells what a piece printed right after it touches
                    follows = CellRun(run.line, part, True)
                    placed.append((follows, column + offset))
                    seconds.add(id(follows))
            continue
        if run.crossing and run.start not in placed_starts:
            # the rest of a content run tells no column by where it starts; where it reaches the
            # next column's edge with more than one word, it may hold that column's words too
            # (`…医 令和4年2月29日開 りの在宅生活を`): that one is not read either
            unread.add(column)
            if several and run.end > edges[column + 1]:
                unread.add(column + 1)
        elif several and run.end > edges[column + 1] and not fits:
            unread |= {column, column + 1}  # a run into the next column: it may hold two cells
            unread |= held(line_width(joined(run.words)), column, draft.widths, len(edges))
        elif column + 1 < len(edges) and any(w.text[:1] in MARKERS for w in run.words[1:]):
            # a list marker one space after a cell's words opens an entry: a cell's entries open
            # its lines, so this one may be the next column's cell printed right after it
            unread |= {column, column + 1}
            reason = "a list marker one space after a cell's words may open the next column's cell"
        elif fits is False:  # short of the next column's header edge, yet wider than a cell's line
            unread |= held(line_width(joined(run.words)), column, draft.widths, len(edges))
            reason = (
                "a run of words takes more room than a line of one cell of its column, so it holds two cells"
            )
        cells[column].append((run.line, run.words))
        placed.append((run, column))
    for (a, column), (b, other) in itertools.pairwise(placed):
        if id(b) in seconds:
            continue  # two halves of a run, told apart by their room
        touching = a.line is b.line and b.start <= a.end + 1  # a run split where a piece starts
        reach = column + 1 < len(edges) and a.end >= edges[column + 1]
        if (
            touching
            and reach
            and len(a.words) > 1
            and not _parted_by_room(a, b, (column, other, len(edges)), draft.widths)
        ):
            # two cells one space apart, the first of several words reaching the next column's
            # edge: its last words may be the next column's cell, and the split piece the
            # column's after that
            unread |= set(range(column, min(other + 2, len(edges))))
            reason = (
                "a run splits into two columns' cells one space apart, so its words' columns cannot be told"
            )
        split = touching and b.words[0].text[:1] in MARKERS
        if split and column == other and column + 1 < len(edges):
            # a run split where another line's cell piece starts, both parts in one column, the
            # second opening an entry one space after the first: it may be the next column's cell
            unread |= {column, column + 1}
            reason = "a list marker one space after a cell's words may open the next column's cell"
    pushed = _pushed_past_a_column(placed, columns.edges)
    if pushed:
        unread |= pushed
        reason = "a piece starts where its row's cells of a column left push it, so its column cannot be told"
    every = set(range(len(edges)))
    told = shift is None and _told_by_own_pattern(draft, placed, columns.edges)
    if unread != every and shift is not None and _shifted_apart(placed, columns.edges):
        unread = every
        reason = "its cells start unlike off their columns' edges, so no one shift places them"
    if unread != every and shift is None and not told and _unaligned(placed, columns.edges, draft.known):
        unread = every
        reason = "no one shift places its cells, and a piece starts left of the first period column"
    if unread != every and _against_own_pattern(placed, own_pattern(draft)):
        unread = every
        reason = "its cells, placed under the header, break the columns its own pieces show"
    if unread != every and _apart_from_its_column(placed, draft.known, len(edges)):
        unread = every
        reason = "its pieces start unlike off where other items' cells of their columns do"
    if unread != every and shift is None and not told and _nearer_the_next_edge(placed, columns.edges):
        if not unread:
            reason = (
                "no one shift places its cells, and a piece starts nearer the next column's edge or midway"
            )
        unread = every
    if unread != every and shift is not None and _far_shift_of_a_part(placed, shift, len(edges)):
        if not unread:
            reason = "a shift this far places only some of its columns: their pattern fits more than one"
        unread = every
    return cells, unread, reason


def _under_edges(start: int, edges: list[int]) -> set[int]:
    """The columns a piece starting at `start` may be, where no shift places its item: the one
    whose edge it starts right of, and the next where it starts a little left of that one's edge
    (pushed left)."""
    return {_column_at(start, edges, False)} | {
        k for k, e in enumerate(edges) if e - DEFAULT_PUSH <= start < e
    }


def _own_under_edges(draft: ItemDraft, edges: list[int]) -> dict[int, int]:
    """The item's own pattern (its pieces at as many places, well apart, as period columns, the
    places in order its columns), where the header agrees with each place: every place may be
    its column by where it starts (`_under_edges`). Else nothing."""
    own = dict(own_pattern(draft))
    return own if all(column in _under_edges(start, edges) for start, column in own.items()) else {}


def _fits_its_room(run: CellRun, column: int, widths: dict[int, int]) -> bool | None:
    """Whether a run takes no more room on the page than a word printed alone in its column
    (`word_widths`); None where no such word tells the room.

    Two cells print one space apart as one run only where the first fills its cell, so the next
    cell's words make the run wider than any line of one cell, wherever it ends. And pdftotext
    gives each half-width character, and a space around half-width digits, a column of its own
    (`令和 2 年 5 月 15` takes 13 columns, the room of 6 full-width characters): a cell's line
    with digits may run past the next column's header edge and still be one cell's."""
    width = _room(column, widths)
    return None if width is None else line_width(joined(run.words)) <= width


def _room(column: int, widths: dict[int, int]) -> int | None:
    """A column's room (`word_widths`), where its widest word alone tells it: the period columns
    print alike wide, so a column whose widest word alone is much narrower than another's showed
    no full line, and one whose widest word comes near the widest of them all has that room (a
    line of its cell may be wider than any word printed alone in it: `ネットワーク会議 2`)."""
    width = widths.get(column)
    widest = max(widths.values(), default=0)
    return None if width is None or width < widest - DEFAULT_WIDTH_SLACK else widest


def room_known(column: int, widths: dict[int, int]) -> bool:
    """Whether a column's room (`_room`) is known."""
    return _room(column, widths) is not None


def within_room(width: int, column: int, widths: dict[int, int]) -> bool:
    """Whether a piece `width` wide (`line_width`) fits a column's room, where its room is known."""
    room = _room(column, widths)
    return room is not None and width <= room


def _starts_apart(
    pieces: list[CellRun], index: int, placed: list[tuple[CellRun, int]], column: int, widths: dict[int, int]
) -> bool:
    """Whether a piece starts a cell of its own, apart from the piece before it on its line: it
    prints further than one space after it, or one space after it where the piece before,
    placed in its column, with the piece's first word would take more room than a line of that
    column's cell (so the piece does not go on with it), and where it starts places it, in
    `column`, right of that one's column (its column is then told by where it starts, as any
    piece's)."""
    run, before = pieces[index], pieces[index - 1] if index else None
    if before is None or before.line is not run.line or run.start > before.end + 1:
        return True
    if not placed or placed[-1][0] is not before or placed[-1][1] >= column:
        return False
    room = _room(placed[-1][1], widths)
    return room is not None and line_width(joined([*before.words, run.words[0]])) > room


def _ends_apart(
    pieces: list[CellRun],
    index: int,
    parts: list[list[Word]],
    column: int,
    placing: tuple[list[int], int | None],
    widths: dict[int, int],
) -> bool:
    """Whether the piece after a run split into cells (`_halves`) starts a cell of its own: it
    prints further than one space after the run, or one space after it where the run's last
    cell, in `column`, with the piece's first word would take more room than a line of that
    column's cell, and where it starts places it right of that column (else the run's cells
    pushed it, and its place tells no column: `グループ名 小 地域ケア個別 ※定期的（1`)."""
    run, after = pieces[index], pieces[index + 1] if index + 1 < len(pieces) else None
    if after is None or after.line is not run.line or after.start > run.end + 1:
        return True
    edges, shift = placing
    room = _room(column, widths)
    return (
        room is not None
        and line_width(joined([*parts[-1], after.words[0]])) > room
        and _column_at(after.start, edges, shift is not None) > column
    )


def _column_at(start: int, edges: list[int], shifted: bool) -> int:
    """The column a piece starting at `start` goes to: where one shift places the item's pieces
    at the columns' edges, the nearest edge's; else the one whose edge it starts right of."""
    if shifted:
        return min(range(len(edges)), key=lambda k: abs(start - edges[k]))
    return max((k for k, e in enumerate(edges) if start >= e), default=0)


def held(width: int, column: int, widths: dict[int, int], count: int) -> set[int]:
    """The columns whose cells a run `width` wide (`line_width`) starting in `column` may hold
    words of, where it is wider than its column's room: its own and the next, and each further
    one while it is wider than the rooms of those before it (three cells one space apart).
    Nothing where the run fits its room or the room is not known."""
    if _room(column, widths) is None:
        return set()
    room, out = 0, {column}
    for k in range(column, count):
        out.add(k)
        room += _room(k, widths) or widths.get(k, 0)
        if width <= room:
            break
    return out | ({column + 1} if column + 1 < count and len(out) > 1 else set())


def _halves(run: CellRun, column: int, widths: dict[int, int], last: int) -> list[list[Word]] | None:
    """A run that holds two or more cells one space apart, split where they meet: the run is no
    one cell's line, being wider than its column's room by more than a word alone may fall short
    of it (its half-width digits measured short) or holding a later word that opens with a list
    marker (a cell's entries open its lines, so a marked entry one space after words is another
    cell's: `◆医療機関への協 ▶10回`), and exactly one split leaves each part but the last filling
    its column's room (a cell fills its line, else the next would not print one space after it)
    and the last fitting its column's room, no part right of column `last` (the columns of the
    pieces printed after the run on its line), and each marked later word opening a part. Else
    None: the cells are not read."""
    room = _room(column, widths)
    marked = [word for word in run.words[1:] if word.text[:1] in MARKERS]
    if room is None or (not marked and line_width(joined(run.words)) <= room + DEFAULT_WIDTH_SLACK):
        return None
    splits = [
        split
        for split in cell_splits(run.words, column, widths)
        if column + len(split) - 1 <= last and all(any(part[0] is word for part in split) for word in marked)
    ]
    return splits[0] if len(splits) == 1 else None


def cell_splits(
    words: list[Word], column: int, widths: dict[int, int], first: bool = True
) -> list[list[list[Word]]]:
    """Every split of words into two or more parts, one a column from `column` on, each but the
    last filling its column's room and the last fitting its own."""
    room = _room(column, widths)
    if room is None:
        return []
    out = [[words]] if not first and line_width(joined(words)) <= room else []
    for k in range(1, len(words)):
        if room - DEFAULT_WIDTH_SLACK <= line_width(joined(words[:k])) <= room:
            out += [[words[:k], *rest] for rest in cell_splits(words[k:], column + 1, widths, False)]
    return out


def _parted_by_room(a: CellRun, b: CellRun, placing: tuple[int, int, int], widths: dict[int, int]) -> bool:
    """Whether a run split where another line's cell piece starts (`split_at_starts`), its first
    part `a` (in `column`) reaching the next column's edge, parts into two columns' cells right
    there and nowhere else: `b` went to the next column, and of every way to deal the two parts'
    words, in order, to the columns from `a`'s on (`count` columns in all), this is the only one
    where no column's part is wider than its room and a word alone may fall short of it
    (`_room`, `DEFAULT_WIDTH_SLACK`): `年 3 回開催予 発送：㋿4 年` in 計画 and 実績, the last column
    (`年 3` | `回開催予 発送：…` leaves 実績 too wide). Else the first part's last words may be the
    next column's cell."""
    column, other, count = placing
    words = [*a.words, *b.words]
    if other != column + 1:
        return False
    return _dealt(words, column, widths, count) == [[a.words, b.words]]


def _dealt(words: list[Word], column: int, widths: dict[int, int], count: int) -> list[list[list[Word]]]:
    """Every way to deal the words, in order, to consecutive columns from `column` on (one part a
    column, no column past `count`), no part wider than its column's room by more than a word
    alone may fall short of it; none where a column's room is not known."""
    room = _room(column, widths)
    if room is None or column >= count:
        return []
    out = [[words]] if line_width(joined(words)) <= room + DEFAULT_WIDTH_SLACK else []
    for k in range(1, len(words)):
        if line_width(joined(words[:k])) <= room + DEFAULT_WIDTH_SLACK:
            out += [[words[:k], *rest] for rest in _dealt(words[k:], column + 1, widths, count)]
    return out


def placed_lines(drafts: list[ItemDraft]) -> Iterator[tuple[ItemDraft, int, Block, list[Word], bool]]:
    """Each line piece of the period cells of the items whose columns are known: its item, its
    column, its line and words, and whether its column is read."""
    for draft in drafts:
        if draft.columns is not None:
            cells, unread, _ = period_cells(draft, draft.columns)
            for column, cell in enumerate(cells):
                for line, words in cell:
                    yield draft, column, line, words, column not in unread


def word_widths(drafts: list[ItemDraft]) -> dict[int, int]:
    """Each period column's widest word printed alone (a run of one word: two cells' words print
    a space apart) in the cells placed in it, over the report's items whose columns are known,
    as `line_width` measures its room on the page. A word alone placed in a neighbour's column
    tells about as much: the period columns print alike wide."""
    widths: dict[int, int] = {}
    for _, column, _, words, _ in placed_lines(drafts):
        if len(words) == 1:
            widths[column] = max(widths.get(column, 0), line_width(words[0].text))
    return widths


def _shifted_apart(placed: list[tuple[CellRun, int]], edges: list[int]) -> bool:
    """Whether the item's cells, placed by its one shift, start further apart off their columns'
    edges than a run may start off its edge (each cell by its leftmost piece), and the shift puts
    a piece in another column than the header it starts under: the shift is then a compromise
    between pieces that take different shifts (one pushed right by its row, as pdftotext prints
    it, sets a shift as well as the whole row does), and the two place the item's cells
    otherwise. Where the item shows every column, its whole pattern confirms the shift."""
    runs = [(run, column) for run, column in placed if not run.crossing]
    if len({column for _, column in runs}) == len(edges):
        return False
    offsets: dict[int, int] = {}  # each column's leftmost piece, off its edge
    for run, column in runs:
        offsets[column] = min(offsets.get(column, run.start), run.start)
    apart = [start - edges[column] for column, start in offsets.items()]
    if len(apart) < 2 or max(apart) - min(apart) <= DEFAULT_EDGE_TOLERANCE:
        return False
    return any(column != _under(run.start, edges) for run, column in runs)


def _under(start: int, edges: list[int]) -> int:
    """The column whose header a piece starting at `start` starts under (from a run's tolerance
    left of its edge on)."""
    return max((k for k, e in enumerate(edges) if start >= e - DEFAULT_EDGE_TOLERANCE), default=0)


def _told_by_own_pattern(draft: ItemDraft, placed: list[tuple[CellRun, int]], edges: list[int]) -> bool:
    """Whether the item's own pattern (its pieces at as many places, well apart, as there are
    period columns, each right of the header edges of the columns left of its own) puts each of
    its pieces in the column it went to: the item shows every column, so where no one shift
    places it under the header (the header printed to another scale than its rows), its places
    in order are its columns, as on a page that prints no header."""
    own = dict(own_pattern(draft))
    return (
        bool(own)
        and all(under_header(start, column, edges) for start, column in own.items())
        and all(run.crossing or own.get(run.start) == column for run, column in placed)
    )


def _unaligned(placed: list[tuple[CellRun, int]], edges: list[int], known: list[tuple[int, int]]) -> bool:
    """Where no one shift places an item's pieces, each goes to the column whose header it starts
    under, as pdftotext prints a cell at its column's place or pushed right of it. That holds
    only where the item prints no piece left of the first column's edge: else its row printed
    left of the header, by how much nothing tells, unless each of its other pieces starts where
    the page's other items' cells of its column do."""
    runs = [(run, column) for run, column in placed if not run.crossing]
    left = [run for run, _ in runs if run.start < edges[0] - DEFAULT_EDGE_TOLERANCE]
    if not left:
        return False
    # a piece left of the first column can be no other column's; the rest need the page
    return not all(
        any(c == column and abs(s - run.start) <= DEFAULT_EDGE_TOLERANCE for s, c in known)
        for run, column in runs
        if run not in left
    )


def _apart_from_its_column(
    placed: list[tuple[CellRun, int]], known: list[tuple[int, int]], count: int
) -> bool:
    """Whether the item's pieces sit unlike off where the page's other items' cells of their
    columns start (those whose own pattern tells their columns; a row printed a few columns left
    sits alike off all of them), one of them between two columns by the page's column order and
    near no piece of its own column: its place tells no column. An item that shows every column
    is placed by its own pattern."""
    if len({column for run, column in placed if not run.crossing}) == count:
        return False  # the item shows every column: its own pattern places them
    offsets, loose = [], False
    for run, column in placed:
        ours = [s for s, c in known if c == column]
        if run.crossing or not ours:
            continue
        offsets.append(min((s - run.start for s in ours), key=abs))
        near = any(abs(s - run.start) <= DEFAULT_EDGE_TOLERANCE for s in ours)
        loose = loose or (not near and len(feasible_columns(run.start, known, count)) > 1)
    return loose and max(offsets) - min(offsets) > DEFAULT_EDGE_TOLERANCE


def _nearer_the_next_edge(placed: list[tuple[CellRun, int]], edges: list[int]) -> bool:
    """Where no one shift places an item's pieces, each goes to the column whose header it starts
    under, as if pushed right; a piece that starts as near the next column's edge as its own's,
    or nearer, may as well be the next column's printed left of its header."""
    return any(
        not run.crossing
        and column + 1 < len(edges)
        and edges[column + 1] - run.start <= run.start - edges[column]
        for run, column in placed
    )


def _far_shift_of_a_part(placed: list[tuple[CellRun, int]], shift: int, count: int) -> bool:
    """Whether a shift of more than a run's tolerance and a column either way places an item that
    does not show every column: two cells shifted that far fit other columns' headers shifted
    otherwise as well (the header printed to another scale than its rows)."""
    shown = {column for run, column in placed if not run.crossing}
    return abs(shift) > DEFAULT_EDGE_TOLERANCE + 1 and len(shown) < count


def _against_own_pattern(placed: list[tuple[CellRun, int]], pattern: list[tuple[int, int]]) -> bool:
    """Whether a piece went to another column than the item's own pattern (its pieces at as
    many places, well apart, as there are period columns) puts it in."""
    own = dict(pattern)
    return any(not run.crossing and run.start in own and own[run.start] != column for run, column in placed)


def _pushed_past_a_column(placed: list[tuple[CellRun, int]], edges: list[int]) -> set[int]:
    """pdftotext prints a block at least DEFAULT_BLOCK_GAP columns right of the end of every
    block wholly left of it: a cell piece starting right there was pushed by its row's cells of
    the column left of it, and its place tells no column beyond that one. Where it went two or
    more columns right of its pusher, yet no further right than the pusher's next column's
    header and a shift, it may be that column's: returns the columns not certain."""
    out: set[int] = set()
    for run, column in placed:
        if run.crossing:
            continue
        for left, left_column in placed:
            if (
                left_column < column - 1
                and run.start <= left.end + DEFAULT_BLOCK_GAP + DEFAULT_EDGE_TOLERANCE
                and run.start <= edges[left_column + 1] + DEFAULT_MAX_SHIFT + DEFAULT_EDGE_TOLERANCE
            ):
                out |= set(range(left_column + 1, column + 1))
    return out
