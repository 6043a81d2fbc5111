"""The pieces of the 取組 table of -layout text, line by line (see `layout_item_columns`): the
period columns of a header, a line split into its title, its content and the runs of words in the
period columns' region, and the item those lines are gathered into while it is read.

pdftotext places a run of words (words one space apart) by its first word only: the rest follow
it character by character, so a run that reaches into the next column may hold words of two
cells. A run that starts after a wider gap starts a cell piece; the rest of a content run that
reaches into the period columns' region is `crossing`: its first word's place is not its own.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from extractors.blocks import Block
from pipeline.locate.layout_cells import Word, joined, words_of
from pipeline.locate.layout_wraps import MARKERS

DEFAULT_MAX_SHIFT = 5  # columns by which an item's period cells may print left or right of the header
DEFAULT_EDGE_TOLERANCE = 2  # columns by which a cell's run may start off its column's edge
DEFAULT_MIN_COLUMN_GAP = 6  # columns between the left edges of two period columns at least
# where the columns are not known: a run this far right of the content's start after a wide gap is
# no content
DEFAULT_UNPLACED_CONTENT = 20


@dataclass
class ItemColumns:
    content: int  # column where the 取組内容 text starts
    edges: list[int]  # left edge of each period column, from its header
    labels: list[str]  # the period header printed over each
    # the left edges the header's runs' starts alone place, where they differ from `edges`
    # (`layout_item_header.item_columns`)
    run_starts: list[int] | None = None
    # the left edges the header's period words place, read as centred over their columns as far
    # as its parentheses show (`layout_item_header.centred_edges`), where those differ: a piece
    # placed in another column by them is not certain
    centred: list[int] | None = None

    def first_bound(self, shift: int = 0) -> float:
        """Where the first period column's region starts (half a column left of its edge)."""
        return self.edges[0] + shift - (self.edges[1] - self.edges[0]) / 2


@dataclass
class CellRun:
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
class ItemDraft:
    number: int
    columns: ItemColumns | None
    labels: list[str]  # the period headers last printed
    title: list[tuple[Block, str]] = field(default_factory=list)
    content: list[tuple[Block, list[Word]]] = field(default_factory=list)
    runs: list[CellRun] = field(default_factory=list)
    lines: list[Block] = field(default_factory=list)
    broken: bool = False  # printed over a page break
    # cell pieces of other items of its page whose columns their own pattern tells (start, column)
    known: list[tuple[int, int]] = field(default_factory=list)
    # where those pieces end (end, column): a piece starting left of one's end is in no column right
    # of that one's
    known_ends: list[tuple[int, int]] = field(default_factory=list)
    why: str = "its page prints no header over the period columns"  # where its columns are not known
    # each period column's widest word printed alone in a cell read in it, over the report
    # (`layout_item_placing.word_widths`): a line of one cell is no wider
    widths: dict[int, int] = field(default_factory=dict)
    # where its 取組内容 starts, where it prints left of the table's (`layout_item_columns`)
    content_col: int | None = None


def split_line(
    line: Block, columns: ItemColumns | None, content_col: int
) -> tuple[str, list[Word], list[CellRun]]:
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
    runs: list[CellRun] = []
    in_run = False
    previous: Word | None = None
    for word in rest:
        gap = previous is None or word.col - (previous.col + len(previous.text)) > 1
        if gap:
            in_run = word.col >= gap_limit
        elif not in_run and word.col >= run_limit:
            runs.append(CellRun(line, [], crossing=True))
            in_run = True
        if in_run:
            if gap:
                runs.append(CellRun(line, []))
            runs[-1].words.append(word)
        else:
            content.append(word)
        previous = word
    return joined(title), content, runs


def read_again(draft: ItemDraft, columns: ItemColumns | None, content_col: int) -> None:
    """The item's lines read again: their titles, contents and runs, against `columns` and the
    取組内容 starting at `content_col`."""
    draft.columns, draft.title, draft.content, draft.runs = columns, [], [], []
    for line in draft.lines:
        title, content, runs = split_line(line, columns, content_col)
        if title.strip():
            draft.title.append((line, title.strip()))
        if content:
            draft.content.append((line, content))
        draft.runs += runs


def split_at_starts(runs: list[CellRun], starts: set[int]) -> list[CellRun]:
    """Runs split before a word printed exactly where the item's cell pieces start after a wide
    gap (`派遣先：水戸市南 ※定期的…` one space apart): the next cell's piece."""
    out: list[CellRun] = []
    for run in runs:
        piece = CellRun(run.line, [run.words[0]], crossing=run.crossing)
        for word in run.words[1:]:
            if word.col in starts:
                out.append(piece)
                piece = CellRun(run.line, [], crossing=False)
            piece.words.append(word)
        out.append(piece)
    return out


def places(starts: list[int]) -> list[int]:
    """Where runs start, gathered: starts within a column or two of each other are one place."""
    clusters: list[list[int]] = []
    for start in sorted(starts):
        if clusters and start - clusters[-1][-1] <= DEFAULT_EDGE_TOLERANCE:
            clusters[-1].append(start)
        else:
            clusters.append([start])
    return [c[0] for c in clusters]


def own_pattern(draft: ItemDraft) -> list[tuple[int, int]]:
    """An item whose cell pieces start at as many places, well apart, as there are period
    columns: each piece's start and its column (the places in order), else nothing."""
    starts = [r.start for r in draft.runs if not r.crossing]
    edges = places(starts)
    if draft.broken or len(edges) != len(draft.labels) or len(edges) < 2:
        return []
    if any(b - a < DEFAULT_MIN_COLUMN_GAP for a, b in itertools.pairwise(edges)):
        return []
    return [(start, max(k for k, e in enumerate(edges) if start >= e)) for start in starts]


def own_pattern_ends(draft: ItemDraft) -> list[tuple[int, int]]:
    """Where the cell pieces of an item's own pattern (`own_pattern`) end, and their columns."""
    runs = [r for r in draft.runs if not r.crossing]
    return [(run.end, column) for run, (_, column) in zip(runs, own_pattern(draft), strict=False)]
