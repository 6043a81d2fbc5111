"""The 取組 table of layout text that keeps each word at its place on the page (pdftotext
-layout): a line holds the title, the content and the three period cells of an item side by
side. The 取組事項 column runs from the left edge, the 取組内容 column from where the content
starts on the title's lines; the period columns are placed by the headers printed above them.
An item starts where its title column starts with its number and a known title.

pdftotext places a run of words (words one space apart) by its first word only: the rest follow
it character by character, so a run that reaches into the next column may hold words of two
cells, and where the page places text anew (another page, or an item printed a few columns to
the left) every column moves with it. So, item by item:

- a run that starts after a wider gap starts a cell piece: the item's runs must all start at
  the period columns' left edges, shifted alike by at most a few columns (the shift that puts
  each run at an edge; where no shift does, or two put runs in different columns, the item's
  period cells are not read). pdftotext places each block right of every block wholly left of
  it on the page, so a row's cells need not keep the header's gaps: a shift far left is taken
  only where the item shows every column, and where shifts alike in size place its pieces in
  two ways, the page's column order against other items' cells (`layout_column_order`) picks
  one or the cells are not read; items whose placing breaks that order are not read either;
- a run that reaches past the next column's edge with more than one word may hold two cells'
  words: both cells are not read; a content run reaching into the first period column likewise;
- where the item does not show every column, its one shift may be a compromise: cells that start
  unlike off their columns' edges (one pushed right by its row) and a shift that puts a piece in
  another column than the header it starts under leave the item's cells unread; so does a piece
  that the item's own pattern (as many places, well apart, as period columns) puts in another
  column than the header does;
- on a page where the header is not printed again, the period columns are not known: the
  item's period cells are not read.

A period cell not read raises `status_cell_unread` (document `partial`). A cell's lines are
joined into paragraphs where a line fills the column (a wrap) and broken where it stops short
(the end of a paragraph); a list marker always opens a new one.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

import regex

from extractors.blocks import Block, Finding
from normalizers.forms import HEADING_OR_NOTE_MARKS, ITEMS_HEADER_WORDS, PERIOD_NOTE_PIECES, period_of_header
from normalizers.text import fold_width, match_key
from pipeline.locate.layout_cells import Word, display_width, joined, words_of
from pipeline.locate.layout_column_order import (
    PlacedPiece,
    feasible_columns,
    in_order,
    out_of_order,
    under_header,
)
from pipeline.locate.layout_headers import is_period_note, period_words, placed_period_labels, span_of
from pipeline.locate.layout_items import (
    content_text,
    ends_items,
    glued_piece,
    is_drawn_label,
    item_start,
    known_title_keys,
)
from pipeline.locate.layout_wraps import MARKERS, cell_paragraphs, line_width
from pipeline.locate.located import ItemRow, TextAt

DEFAULT_HEADER_LINES = 6  # lines above and below 取組事項 that the period headers may print on
DEFAULT_DRAWN_INDENT = 4  # content printed this much right of the column's start: a drawn label
DEFAULT_FILL_SLACK = 2  # columns short of the widest line that still fill their column (a wrap)
DEFAULT_MAX_SHIFT = 5  # columns by which an item's period cells may print left or right of the header
# columns left of the header an item's cells are placed by even where they do not start in every
# period column (further left, only the pattern of all its columns shows the shift)
DEFAULT_MAX_LEFT_SHIFT = 2
DEFAULT_EDGE_TOLERANCE = 2  # columns by which a cell's run may start off its column's edge
DEFAULT_PUSH = 4  # columns by which pdftotext may print a piece left of its column's edge
DEFAULT_BLOCK_GAP = 3  # columns pdftotext leaves between a block and the blocks wholly left of it
DEFAULT_MIN_COLUMN_GAP = 6  # columns between the left edges of two period columns at least
# where the columns are not known: a run this far right of the content's start after a wide gap is
# no content
DEFAULT_UNPLACED_CONTENT = 20
_RUN = regex.compile(r"\S+(?: \S+)*")


@dataclass
class _Columns:
    content: int  # column where the 取組内容 text starts
    edges: list[int]  # left edge of each period column, from its header
    labels: list[str]  # the period header printed over each

    def first_bound(self, shift: int = 0) -> float:
        """Where the first period column's region starts (half a column left of its edge)."""
        return self.edges[0] + shift - (self.edges[1] - self.edges[0]) / 2


@dataclass
class _Run:
    """Words one space apart in the period columns' region of a line."""

    line: Block
    words: list[Word]
    crossing: bool = False  # the rest of a content run: its first word's place is not its own

    @property
    def start(self) -> int:
        return self.words[0].col

    @property
    def end(self) -> int:
        return self.words[-1].col + len(self.words[-1].text)


@dataclass
class _Draft:
    number: int
    columns: _Columns | None
    labels: list[str]  # the period headers last printed
    title: list[tuple[Block, str]] = field(default_factory=list)
    content: list[tuple[Block, list[Word]]] = field(default_factory=list)
    runs: list[_Run] = field(default_factory=list)
    lines: list[Block] = field(default_factory=list)
    broken: bool = False  # printed over a page break
    # cell pieces of other items of its page whose columns their own pattern tells (start, column)
    known: list[tuple[int, int]] = field(default_factory=list)
    why: str = "its page prints no header over the period columns"  # where its columns are not known


def locate_placed_items(lines: list[Block]) -> tuple[list[ItemRow], int, list[Finding]]:
    """Items from the 取組 header on; returns the items, the index after them, and findings."""
    header = next((i for i, line in enumerate(lines) if ITEMS_HEADER_WORDS[0] in match_key(line.text)), None)
    if header is None:
        return [], 0, []
    region = _item_region(lines, header)
    head = _header_block(lines, header, region[1])
    columns = _columns([lines[i] for i in head], lines[region[0] : region[1]])
    if columns is None:
        return [], 0, []
    content_col = columns.content
    labels = columns.labels
    page: _Columns | None = columns  # the columns of the page being read, None where unknown
    pages = _page_numbers(lines)
    headers = {pages[id(lines[head[0]])]: columns.edges}  # page -> its header's period edges
    titles = known_title_keys()
    drafts: list[_Draft] = []
    index = max(region[0], max(head) + 1)
    while index < region[1]:
        line = lines[index]
        anchor = _header_ahead(lines, index, region[1])
        if anchor is not None:  # the header printed again (on a new page)
            block = _header_block(lines, anchor, region[1])
            placed = _header_columns([lines[i] for i in block])
            page = None if placed is None else _Columns(content_col, *placed)
            labels = page.labels if page is not None else labels
            if page is not None:
                headers[pages[id(lines[anchor])]] = page.edges
            index = max(block) + 1
            continue
        index += 1
        if line.new_page:
            page = None  # the page places its columns anew and prints no header for them
        title, content, runs = _split(line, page, content_col)
        if item_start(title, len(drafts) + 1, titles):
            drafts.append(_Draft(len(drafts) + 1, page, labels))
        if not drafts:
            continue
        draft = drafts[-1]
        draft.broken = draft.broken or (line.new_page and bool(draft.lines))
        draft.lines.append(line)
        if page is not draft.columns and (runs or content):
            draft.columns = None  # the item goes on over a page break: its columns are not one
        if title.strip():
            draft.title.append((line, title.strip()))
        if content:
            draft.content.append((line, content))
        draft.runs += runs
    _distrust_headers_out_of_scale(drafts)
    _distrust_headers_short_of_a_column(drafts)
    rows, findings = [], []
    for draft in drafts:
        if draft.columns is None and not draft.broken and draft.runs:
            _place_by_own_cells(draft, content_col, headers.get(pages[id(draft.runs[0].line)]))
    _share_own_patterns(drafts, pages, headers, content_col)
    _distrust_out_of_order(drafts, pages, headers)
    full = _full_width(drafts)
    widths = _cell_widths(drafts)
    for draft in drafts:
        row, found = _item_row(draft, content_col, full, widths)
        rows.append(row)
        findings += found
    return rows, region[1], findings


def _distrust_headers_short_of_a_column(drafts: list[_Draft]) -> None:
    """A header read with fewer period columns than another header of the report (a period word
    lost where the page prints it): its columns are not the table's, and a cell under the lost
    column would go to a neighbour. The items under it are placed by their own cells, or not at
    all."""
    most = max((len(d.columns.labels) for d in drafts if d.columns is not None), default=0)
    for draft in drafts:
        if draft.columns is not None and len(draft.columns.labels) < most:
            draft.columns = None
            draft.why = "the header over its period columns shows fewer periods than the report's"


def _distrust_headers_out_of_scale(drafts: list[_Draft]) -> None:
    """A header whose columns a cell piece printed under it starts far right of (further than
    any shift an item may take): pdftotext set the header to another scale than the rows, and
    its places tell no column. The items under it are placed by their own cells, or not at all."""
    for columns in {id(d.columns): d.columns for d in drafts if d.columns is not None}.values():
        under = [d for d in drafts if d.columns is columns]
        reach = columns.edges[-1] + DEFAULT_MAX_SHIFT + DEFAULT_EDGE_TOLERANCE
        if any(r.start > reach for d in under for r in d.runs if not r.crossing):
            for draft in under:
                draft.columns = None
                draft.why = "the header over its period columns printed to another scale than its rows"


def _page_numbers(lines: list[Block]) -> dict[int, int]:
    """Each line's printed page (by the form feeds before it), keyed by the line's id."""
    out, page = {}, 0
    for line in lines:
        page += line.new_page
        out[id(line)] = page
    return out


def _own_pattern(draft: _Draft) -> list[tuple[int, int]]:
    """An item whose cell pieces start at as many places, well apart, as there are period
    columns: each piece's start and its column (the places in order), else nothing."""
    starts = [r.start for r in draft.runs if not r.crossing]
    edges = _places(starts)
    if draft.broken or len(edges) != len(draft.labels) or len(edges) < 2:
        return []
    if any(b - a < DEFAULT_MIN_COLUMN_GAP for a, b in itertools.pairwise(edges)):
        return []
    return [(start, max(k for k, e in enumerate(edges) if start >= e)) for start in starts]


def _share_own_patterns(
    drafts: list[_Draft], pages: dict[int, int], headers: dict[int, list[int]], content_col: int
) -> None:
    """Give each item of a page the pieces of the page's other items whose own pattern tells
    their columns: the page's column order then places its pieces (`layout_column_order`). A
    pattern that breaks the order of the header printed on its page, or two that break each
    other's, are no pattern of cells (a chart drawn in the content): the page tells nothing."""
    known: dict[int, list[tuple[int, int, int]]] = {}
    for draft in drafts:
        if draft.runs and not draft.broken:
            page = pages[id(draft.runs[0].line)]
            pattern = _own_pattern(draft)
            if all(under_header(s, c, headers.get(page)) for s, c in pattern):
                known.setdefault(page, []).extend((draft.number, s, c) for s, c in pattern)
    for draft in drafts:
        if draft.runs and not draft.broken:
            page = pages[id(draft.runs[0].line)]
            if not in_order([(s, c) for _, s, c in known.get(page, [])]):
                continue
            draft.known = [(s, c) for number, s, c in known.get(page, []) if number != draft.number]
            if draft.columns is None:
                _place_by_page(draft, content_col)


def _told_by_page(draft: _Draft) -> bool:
    """Whether the page's column order tells the column of each of the item's cell pieces, and
    each starts where a piece of that column starts in another item (rows printed alike: in a
    grid form a row may place its cells otherwise than the rows around it)."""
    starts = [r.start for r in draft.runs if not r.crossing]
    count = len(draft.labels)
    for start in starts:
        told = feasible_columns(start, draft.known, count)
        if len(told) != 1:
            return False
        if not any(abs(s - start) <= DEFAULT_EDGE_TOLERANCE for s, c in draft.known if c == told[0]):
            return False
    return bool(starts)


def _place_by_page(draft: _Draft, content_col: int) -> None:
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


def _distrust_out_of_order(
    drafts: list[_Draft], pages: dict[int, int], headers: dict[int, list[int]]
) -> None:
    """Items whose period cells, as placed, break their page's column order (see
    `layout_column_order`): their period cells are not read."""
    pieces = []
    for draft in drafts:
        if draft.columns is None:
            continue
        cells, unread, _ = _cells(draft, draft.columns)
        for column, cell in enumerate(cells):
            for line, words in cell:
                col = words[0].col
                if column not in unread and line.text[max(col - 2, 0) : col].strip() == "":
                    pieces.append(PlacedPiece(draft.number, pages[id(line)], col, column))
    for draft in (d for d in drafts if d.number in out_of_order(pieces, headers)):
        draft.columns = None
        draft.why = "its cells, as placed, break the order of the columns on its page"


def _places(starts: list[int]) -> list[int]:
    """Where runs start, gathered: starts within a column or two of each other are one place."""
    clusters: list[list[int]] = []
    for start in sorted(starts):
        if clusters and start - clusters[-1][-1] <= DEFAULT_EDGE_TOLERANCE:
            clusters[-1].append(start)
        else:
            clusters.append([start])
    return [c[0] for c in clusters]


def _place_by_own_cells(draft: _Draft, content_col: int, header: list[int] | None) -> None:
    """An item whose header tells no column (none on its page, or one printed to another
    scale): where its cell pieces start at as many places, well apart, as there are period
    columns, and right of the page's header edges of the columns left of each, each place is a
    column's left edge, in order; its lines are read again against them. Else its period
    columns stay unknown."""
    pattern = _own_pattern(draft)
    if not pattern or not all(under_header(s, c, header) for s, c in pattern):
        return
    _place_at(draft, _places([s for s, _ in pattern]), content_col)


def _place_at(draft: _Draft, edges: list[int], content_col: int) -> None:
    """The item's lines read again against period columns whose left edges are known."""
    columns = _Columns(content_col, edges, draft.labels)
    draft.columns, draft.title, draft.content, draft.runs = columns, [], [], []
    for line in draft.lines:
        title, content, runs = _split(line, columns, content_col)
        if title.strip():
            draft.title.append((line, title.strip()))
        if content:
            draft.content.append((line, content))
        draft.runs += runs


def _item_region(lines: list[Block], header: int) -> tuple[int, int]:
    end = next((i for i in range(header + 1, len(lines)) if ends_items(lines[i].text)), len(lines))
    return header + 1, end


def _is_header_line(line: Block) -> bool:
    """A line of the 取組 table's header: 取組事項 or 取組内容 as a run of its own, or two or more
    period words."""
    runs = {match_key(m.group()) for m in _RUN.finditer(line.text)}
    return bool(runs & set(ITEMS_HEADER_WORDS)) or len(_period_words(words_of(line.text))) >= 2


def _header_piece(text: str) -> bool:
    """A run of a header line: a period word (`現 状` spaced or not), its parenthesis or a piece
    of it as it wraps (`の前月から過`, `組）`)."""
    key = match_key(text)
    folded = fold_width(key)
    return (
        period_of_header(key) is not None
        or folded[:1] in "()"
        or folded[-1:] == ")"
        or is_period_note(key)
        or any(w in key for w in PERIOD_NOTE_PIECES)
    )


def _header_like(line: Block) -> bool:
    """A header line, or a line of header pieces only, printed right of the left edge."""
    if _is_header_line(line):
        return True
    runs = list(_RUN.finditer(line.text))
    return bool(runs) and all(
        r.start() > 0
        and r.group()[:1] not in HEADING_OR_NOTE_MARKS
        and "。" not in r.group()
        and _header_piece(r.group())
        for r in runs
    )


def _header_ahead(lines: list[Block], index: int, end: int) -> int | None:
    """The header line that the header lines from `index` on lead to (`現状` alone may print a
    line above 取組目標 and 実績), else None."""
    for ahead in range(index, min(end, index + DEFAULT_HEADER_LINES + 1)):
        if _is_header_line(lines[ahead]):
            return ahead
        if not _header_like(lines[ahead]):
            return None
    return None


def _header_block(lines: list[Block], anchor: int, end: int) -> list[int]:
    """The header's lines around a header line: the lines of header pieces right above it (at
    most DEFAULT_HEADER_LINES) and below it."""
    top = anchor
    while top > 0 and anchor - top < DEFAULT_HEADER_LINES and _header_like(lines[top - 1]):
        top -= 1
    bottom = anchor
    while bottom + 1 < end and _header_like(lines[bottom + 1]):
        bottom += 1
    return list(range(top, bottom + 1))


def _period_words(words: list[Word]) -> list[tuple[str, int]]:
    """The period words of a header line (`現 状`, spaced or not) and the column each starts at."""
    return [(word, pieces[0].col) for word, pieces in period_words(words)]


def _header_columns(header_lines: list[Block]) -> tuple[list[int], list[str]] | None:
    """The period columns' left edges and labels: each period word where it starts, moved left
    to the start of the parenthesis pieces printed nearest to it."""
    found: list[tuple[str, int]] = []
    pieces: list[list[tuple[str, float]]] = []
    for line in header_lines:
        words = words_of(line.text)
        found += _period_words(words)
        pieces.append([(w.text, w.col + display_width(w.text) / 2) for w in words])
    found.sort(key=lambda f: f[1])
    periods = [period_of_header(word) for word, _ in found]
    starts = [col for _, col in found]
    if len(found) < 2 or len(set(periods)) != len(periods):
        return None
    edges = list(starts)
    for line in header_lines:
        for run in _RUN.finditer(line.text):
            if any(w in match_key(run.group()) for w in ITEMS_HEADER_WORDS):
                continue
            # a run's first word, and each word that opens a parenthesis (notes printed one
            # space apart make one run over several columns)
            for word in words_of(run.group()):
                col = run.start() + word.col
                if word.col and fold_width(word.text)[:1] != "(":
                    continue
                if col < starts[0] - (starts[1] - starts[0]) / 2:
                    continue
                nearest = min(range(len(starts)), key=lambda k: abs(starts[k] - col))
                edges[nearest] = min(edges[nearest], col)
    if any(b - a < 2 * DEFAULT_EDGE_TOLERANCE + 1 for a, b in itertools.pairwise(edges)):
        return None
    labels = placed_period_labels([[(t, c) for t, c in p if c > edges[0] - 1] for p in pieces])
    if len(labels) != len(edges):
        labels = [word for word, _ in found]
    return edges, labels


def _columns(header_lines: list[Block], body: list[Block]) -> _Columns | None:
    """The period columns from the headers printed above the items; the 取組内容 column from
    where the content starts beside the title column's lines (the most common start)."""
    placed = _header_columns(header_lines)
    if placed is None:
        return None
    edges, labels = placed
    bound = edges[0] - (edges[1] - edges[0]) / 2
    starts: Counter[int] = Counter()
    for line in body:
        words = words_of(line.text)
        if len(words) < 2 or words[0].col > 1:
            continue
        numbered = regex.fullmatch(r"[0-9０-９]", words[0].text) is not None
        beside = words[2] if numbered and len(words) > 2 else words[1]
        if beside.col < bound and not (numbered and len(words) == 2):
            starts[beside.col] += 1
    if not starts:
        return None
    content = min(col for col, count in starts.items() if count == max(starts.values()))
    return _Columns(content, edges, labels)


def _split(line: Block, columns: _Columns | None, content_col: int) -> tuple[str, list[Word], list[_Run]]:
    """A line's words: title text, content words, and the runs in the period columns' region
    (all runs right of the content after a wide gap, where the columns are not known)."""
    words = words_of(line.text)
    title: list[Word] = []
    rest: list[Word] = []
    for word in words:
        is_title = word.col < content_col - 1 and not rest and word.text[:1] not in MARKERS
        (title if is_title else rest).append(word)
    gap_limit = columns.first_bound(-DEFAULT_MAX_SHIFT) if columns else content_col + DEFAULT_UNPLACED_CONTENT
    run_limit = columns.first_bound(-DEFAULT_MAX_SHIFT) if columns else float("inf")
    content: list[Word] = []
    runs: list[_Run] = []
    in_run = False
    previous: Word | None = None
    for word in rest:
        gap = previous is None or word.col - (previous.col + len(previous.text)) > 1
        if gap:
            in_run = word.col >= gap_limit
        elif not in_run and word.col >= run_limit:
            runs.append(_Run(line, [], crossing=True))
            in_run = True
        if in_run:
            if gap:
                runs.append(_Run(line, []))
            runs[-1].words.append(word)
        else:
            content.append(word)
        previous = word
    return joined(title), content, runs


def _shift(runs: list[_Run], columns: _Columns) -> int | None:
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


def _placing_at(starts: list[int], columns: _Columns, shift: int) -> tuple[int, ...] | None:
    """The period column each start lands on under `shift` (one edge within tolerance each), or
    None where a start lands on none or on two."""
    placing = []
    for start in starts:
        near = [k for k, e in enumerate(columns.edges) if abs(start - e - shift) <= DEFAULT_EDGE_TOLERANCE]
        if len(near) != 1:
            return None
        placing.append(near[0])
    return tuple(placing)


def _placings(runs: list[_Run], columns: _Columns) -> dict[tuple[int, ...], int]:
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


def _placed_shift(draft: _Draft, columns: _Columns) -> tuple[int | None, bool]:
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


def _cells(draft: _Draft, columns: _Columns) -> tuple[list[list[tuple[Block, list[Word]]]], set[int], str]:
    """Each period column's pieces of the item, the columns not read, and why. Where one shift
    puts every piece at a column's left edge, pieces go to that column; else (text centred in
    its cell) each piece goes to the column whose header spans where it starts, and a piece
    starting within a column of a header's edge leaves both columns unread."""
    cells: list[list[tuple[Block, list[Word]]]] = [[] for _ in columns.edges]
    shift, doubt = _placed_shift(draft, columns)
    placed_starts = {r.start for r in draft.runs if not r.crossing}
    unread: set[int] = set()
    reason = "a run of words reaches over a column's edge, so its cells cannot be told apart"
    edges = [e + (shift or 0) for e in columns.edges]
    placed: list[tuple[_Run, int]] = []
    if doubt:
        unread |= set(range(len(edges)))
        reason = "its cells fit more than one placing under the header, and its page tells none"
    for run in _split_at_starts(draft.runs, placed_starts):
        if run.crossing and run.start < edges[0] - DEFAULT_EDGE_TOLERANCE:
            # the rest of a content run, short of the first period column: content; near it,
            # it may as well be a piece of the first column's cell pushed left
            if run.start >= edges[0] - 2 * DEFAULT_EDGE_TOLERANCE - 1:
                unread.add(0)
            continue
        if shift is not None:
            column = min(range(len(edges)), key=lambda k: abs(run.start - edges[k]))
        else:
            column = max((k for k, e in enumerate(edges) if run.start >= e), default=0)
            # a piece starting a little left of an edge may be the next column's pushed left
            near = [k for k, e in enumerate(edges) if e - DEFAULT_PUSH <= run.start < e]
            if near:
                unread |= {column, *(k - 1 for k in near if k), *near}
                reason = "a piece starts where two columns meet, so its column cannot be told"
        # a piece glued to the content that starts exactly where the item's pieces start after a
        # wide gap is a piece of that column (the content cannot reach into it); else not certain
        if run.crossing and run.start not in placed_starts:
            unread.add(column)
        elif column + 1 < len(edges) and run.end > edges[column + 1] and len(run.words) > 1:
            unread |= {column, column + 1}  # a run into the next column: it may hold two cells
        elif column + 1 < len(edges) and any(w.text[:1] in MARKERS for w in run.words[1:]):
            # a list marker one space after a cell's words opens an entry: a cell's entries open
            # its lines, so this one may be the next column's cell printed right after it
            unread |= {column, column + 1}
            reason = "a list marker one space after a cell's words may open the next column's cell"
        cells[column].append((run.line, run.words))
        placed.append((run, column))
    for (a, column), (b, other) in itertools.pairwise(placed):
        touching = a.line is b.line and b.start <= a.end + 1  # a run split where a piece starts
        reach = column + 1 < len(edges) and a.end >= edges[column + 1]
        if touching and reach and len(a.words) > 1:
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
    if unread != every and shift is not None and _shifted_apart(placed, columns.edges):
        unread = every
        reason = "its cells start unlike off their columns' edges, so no one shift places them"
    if unread != every and shift is None and _unaligned(placed, columns.edges, draft.known):
        unread = every
        reason = "no one shift places its cells, and a piece starts left of the first period column"
    if unread != every and _against_own_pattern(placed, _own_pattern(draft)):
        unread = every
        reason = "its cells, placed under the header, break the columns its own pieces show"
    if unread != every and _apart_from_its_column(placed, draft.known, len(edges)):
        unread = every
        reason = "its pieces start unlike off where other items' cells of their columns do"
    if unread != every and shift is None and _nearer_the_next_edge(placed, columns.edges):
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


def _shifted_apart(placed: list[tuple[_Run, int]], edges: list[int]) -> bool:
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


def _unaligned(placed: list[tuple[_Run, int]], edges: list[int], known: list[tuple[int, int]]) -> bool:
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


def _apart_from_its_column(placed: list[tuple[_Run, int]], known: list[tuple[int, int]], count: int) -> bool:
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


def _nearer_the_next_edge(placed: list[tuple[_Run, int]], edges: list[int]) -> bool:
    """Where no one shift places an item's pieces, each goes to the column whose header it starts
    under, as if pushed right; a piece that starts as near the next column's edge as its own's,
    or nearer, may as well be the next column's printed left of its header."""
    return any(
        not run.crossing
        and column + 1 < len(edges)
        and edges[column + 1] - run.start <= run.start - edges[column]
        for run, column in placed
    )


def _far_shift_of_a_part(placed: list[tuple[_Run, int]], shift: int, count: int) -> bool:
    """Whether a shift of more than a run's tolerance and a column either way places an item that
    does not show every column: two cells shifted that far fit other columns' headers shifted
    otherwise as well (the header printed to another scale than its rows)."""
    shown = {column for run, column in placed if not run.crossing}
    return abs(shift) > DEFAULT_EDGE_TOLERANCE + 1 and len(shown) < count


def _against_own_pattern(placed: list[tuple[_Run, int]], pattern: list[tuple[int, int]]) -> bool:
    """Whether a piece went to another column than the item's own pattern (its pieces at as
    many places, well apart, as there are period columns) puts it in."""
    own = dict(pattern)
    return any(not run.crossing and run.start in own and own[run.start] != column for run, column in placed)


def _pushed_past_a_column(placed: list[tuple[_Run, int]], edges: list[int]) -> set[int]:
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


def _split_at_starts(runs: list[_Run], starts: set[int]) -> list[_Run]:
    """Runs split before a word printed exactly where the item's cell pieces start after a wide
    gap (`派遣先：水戸市南 ※定期的…` one space apart): the next cell's piece."""
    out: list[_Run] = []
    for run in runs:
        piece = _Run(run.line, [run.words[0]], crossing=run.crossing)
        for word in run.words[1:]:
            if word.col in starts:
                out.append(piece)
                piece = _Run(run.line, [], crossing=False)
            piece.words.append(word)
        out.append(piece)
    return out


def _full_width(drafts: list[_Draft]) -> float:
    """How wide a full line of the 取組内容 column prints: its widest line without a space."""
    texts = [joined(words) for d in drafts for _, words in d.content]
    return max((display_width(t) for t in texts if " " not in t), default=0) or float("inf")


def _item_row(
    draft: _Draft, content_col: int, full: float = float("inf"), widths: dict[int, int] | None = None
) -> tuple[ItemRow, list[Finding]]:
    title_lines = [text for _, text in draft.title]
    title = TextAt("\n".join(title_lines), span_of([line for line, _ in draft.title]))
    columns = draft.columns
    shift = (_placed_shift(draft, columns)[0] or 0) if columns is not None else 0
    for run in draft.runs:  # the rest of a content run short of the first period column
        if (
            run.crossing
            and columns is not None
            and run.start < columns.edges[0] + shift - DEFAULT_EDGE_TOLERANCE
        ):
            words = next(w for line, w in draft.content if line is run.line)
            words += run.words
    glued: list[Block] = []
    for index, (line, words) in enumerate(draft.content):
        piece = glued_piece(joined(words), full)
        if piece and len(words) > 1:  # a period piece one space after a full line of content
            kept = len(words) - len(piece.split(" "))
            draft.content[index] = (line, words[:kept])
            glued.append(line)
    bullets, drawn = [], []
    for line, words in draft.content:
        text = line.text[words[0].col : words[-1].col + len(words[-1].text)]
        if words[0].col >= content_col + DEFAULT_DRAWN_INDENT and is_drawn_label(text):
            drawn.append(TextAt(text.strip(), line.span))
        else:
            bullets.append(Block(kind="line", span=line.span, text=text))
    content = TextAt(content_text(bullets), span_of(bullets))
    findings: list[Finding] = []
    if glued:
        detail = (
            f"取組{draft.number}: a piece printed one space after a full line of its 取組内容 belongs "
            "to no certain cell: its first period cell not read"
        )
        findings.append(Finding("status_cell_unread", detail, span_of(glued)))
    if draft.columns is None:
        if draft.runs:
            span = span_of([r.line for r in draft.runs])
            detail = f"取組{draft.number}: {draft.why}: its 現状/目標/実績 cells not read"
            findings.append(Finding("status_cell_unread", detail, span))
        return ItemRow(draft.number, title, content, (), tuple(drawn)), findings
    cells, unread, reason = _cells(draft, draft.columns)
    if glued:
        unread.add(0)
        cells[0] = []  # reported above
    status = []
    for index, (label, cell) in enumerate(zip(draft.columns.labels, cells, strict=True)):
        if period_of_header(label) is None:
            continue
        if index in unread:
            if cell:
                detail = f"取組{draft.number}: {reason}: its {label[:4]} cell not read"
                findings.append(Finding("status_cell_unread", detail, span_of([line for line, _ in cell])))
            continue
        width = (widths or {}).get(index, 0)
        status.append(
            (
                label,
                TextAt(
                    cell_paragraphs([joined(words) for _, words in cell], width),
                    span_of([line for line, _ in cell]),
                ),
            )
        )
    return ItemRow(draft.number, title, content, tuple(status), tuple(drawn)), findings


def _cell_widths(drafts: list[_Draft]) -> dict[int, int]:
    """How wide each period column's cells print: the widest line read in it, over every item
    (the cells of a column wrap at one width)."""
    widths: dict[int, int] = {}
    for draft in drafts:
        if draft.columns is None:
            continue
        cells, unread, _ = _cells(draft, draft.columns)
        for index, cell in enumerate(cells):
            if index not in unread:
                for _, words in cell:
                    widths[index] = max(widths.get(index, 0), line_width(joined(words)))
    return widths
