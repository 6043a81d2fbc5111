"""取組効果 figure cells of layout text, rebuilt from the fragments pdftotext prints.

A cell prints on one line or over several, and beside the other cells of its row: one printed
line may hold fragments of several cells, left to right, and lines come top to bottom, so the
lines of two cells may alternate. Each section's cells follow one pattern (the form's
`LAYOUT_CELL_TEMPLATES`): a fragment either opens a new cell or continues an open one into a text
that can still become a whole cell. A line is read as label text, then cell fragments, then text;
where it can be read in more than one way that moves a figure, the cells it touches are unsure.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from extractors.blocks import Block
from normalizers.forms import LAYOUT_CELL_ENDS, LAYOUT_CELL_TEMPLATES
from normalizers.text import fold_width

SECTIONS = tuple(sorted(LAYOUT_CELL_TEMPLATES))
_DIGIT = regex.compile(r"[0-9]")
_WORD = regex.compile(r"\S+")


# Bounded: keys are text fragments of every document a worker reads, so an unbounded cache would
# grow with the archive (a worker lives across thousands of documents).
DEFAULT_FRAGMENTS_CACHED = 1 << 14


@functools.lru_cache(maxsize=DEFAULT_FRAGMENTS_CACHED)  # a document asks for one fragment ~15 times
def compact(text: str) -> str:
    """Width-folded text without whitespace: how cell fragments are joined and matched."""
    return "".join(fold_width(text).split())


@functools.cache
def _template(section: int) -> regex.Pattern[str]:
    return regex.compile(LAYOUT_CELL_TEMPLATES[section])


@functools.lru_cache(maxsize=DEFAULT_FRAGMENTS_CACHED)
def fits(section: int, key: str) -> bool:
    """Whether `key` is a whole cell of the section, or the start of one."""
    return _template(section).fullmatch(key, partial=True) is not None


@functools.lru_cache(maxsize=DEFAULT_FRAGMENTS_CACHED)
def is_whole(section: int, key: str) -> bool:
    match = _template(section).fullmatch(key)
    return match is not None and not match.partial


@dataclass(frozen=True)
class Word:
    """A run of non-space characters of a printed line, and the column it starts at."""

    text: str
    col: int


def words_of(text: str) -> list[Word]:
    return [Word(m.group(), m.start()) for m in _WORD.finditer(text)]


def display_width(text: str) -> int:
    """Columns a text takes in `pdftotext -layout`, where a line is padded to each word's place
    on the page: a full-width character is about two columns wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def span_x(words: list[Word]) -> tuple[int, int]:
    """Where on the page (in columns) a run of words of one line is printed."""
    return words[0].col, words[-1].col + display_width(words[-1].text)


def joined(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


@dataclass(eq=False)
class CellDraft:
    """A cell being rebuilt: its section, where it opened, its printed pieces (one per line)."""

    section: int
    line: Block  # the line of its first fragment
    col: int  # column of its first fragment on that line
    order: int  # place in the reading order where it opened
    parts: list[str] = field(default_factory=list)
    key: str = ""
    unsure: bool = False  # a fragment could have belonged to another cell
    crowded: bool = False  # printed one space from another cell's piece on a line
    lines: list[Block] = field(default_factory=list)
    last: int = 0  # place in the reading order of its last fragment
    x0: int = 1 << 30  # columns its pieces cover (layout renditions that keep the page's places)
    x1: int = 0

    def add(self, words: list[Word], line: Block, order: int) -> None:
        """Words of one printed line: kept as printed, the spaces between them included."""
        self.parts.append(line.text[words[0].col : words[-1].col + len(words[-1].text)])
        self.key += compact(joined(words))
        x0, x1 = span_x(words)
        self.x0, self.x1 = min(self.x0, x0), max(self.x1, x1)
        self.lines.append(line)
        self.last = order

    @property
    def text(self) -> str:
        """The cell as printed, its wrapped lines joined (a wrap inside a number joins its digits)."""
        return "".join(self.parts)

    @property
    def whole(self) -> bool:
        """A whole cell of its section; a cell where nothing was printed counts as whole."""
        return not self.parts or is_whole(self.section, self.key)

    @property
    def ended(self) -> bool:
        """Whole, and nothing more can follow (a cell without its (うち…) part may still get it)."""
        return self.whole and self.key.endswith(LAYOUT_CELL_ENDS[self.section])

    @property
    def blank(self) -> bool:
        return _DIGIT.search(self.key) is None


@dataclass
class LineReading:
    """One printed line: text before the cells, the fragments, text after the cells."""

    prefix: list[Word]
    pieces: list[tuple[CellDraft | int, list[Word]]]  # (open cell continued, or a new cell's section)
    suffix: list[Word]
    contested: bool = False  # a fragment holding digits could have gone to another cell


@dataclass(frozen=True)
class _Plan:
    score: tuple[int, int, int]  # words covered, -pieces, -new cells
    steps: tuple[tuple[int, int, int], ...]  # (start, end, target): target < 0 opens a cell of -target
    end: int  # where the text after the cells starts

    def extend(self, step: tuple[int, int, int]) -> _Plan:
        new = int(step[2] < 0)
        score = (self.score[0] + step[1] - step[0], self.score[1] - 1, self.score[2] - new)
        return _Plan(score, (step, *self.steps), self.end)

    def better_than(self, other: _Plan) -> bool:
        if self.score != other.score:
            return self.score > other.score
        return [s[2] for s in self.steps] < [s[2] for s in other.steps]  # earlier open cells first


def read_line(words: list[Word], open_cells: list[CellDraft], placed: bool = False) -> LineReading:
    """The cell fragments of one line, given the cells still open above it (in opening order).
    The reading covers the most words with the fewest pieces, continues open cells before it
    opens new ones, and gives a fragment to the earliest open cell it fits. Where the text keeps
    the page's places (`placed`: pdftotext -layout), a fragment continues only a cell printed
    above it."""
    keys = [compact(w.text) for w in words]

    def may_continue(t: int, i: int, end: int) -> bool:
        cell = open_cells[t]
        if placed and not _overlap(cell, span_x(words[i:end])):
            return False
        return fits(cell.section, cell.key + "".join(keys[i:end]))

    start = next((i for i in range(len(words)) if _starts_piece(keys[i], open_cells)), len(words))
    memo: dict[tuple[int, int], _Plan] = {}

    def best(i: int, j: int) -> _Plan:
        """The best plan for words[i:], continuing open cells from index j on."""
        if (i, j) not in memo:
            plan = _Plan((0, 0, 0), (), i)
            for end in range(i + 1, len(words) + 1):
                piece = "".join(keys[i:end])
                targets = [t for t in range(j, len(open_cells)) if may_continue(t, i, end)]
                if not targets and not any(fits(s, piece) for s in SECTIONS):
                    break  # no longer piece fits either: the patterns are closed under prefixes
                sections = [s for s in SECTIONS if _may_open(s, piece, keys[i])]
                for t in targets:
                    plan = _pick(plan, best(end, t + 1).extend((i, end, t)))
                for section in sections:
                    plan = _pick(plan, best(end, j).extend((i, end, -section)))
            memo[(i, j)] = plan
        return memo[(i, j)]

    plan = best(start, 0)
    pieces: list[tuple[CellDraft | int, list[Word]]] = []
    for a, b, target in plan.steps:
        pieces.append((open_cells[target] if target >= 0 else -target, words[a:b]))
    contested = _contested(plan, keys, open_cells, lambda t, a, b: may_continue(t, a, b))
    return LineReading(words[:start], pieces, words[plan.end :], contested)


def _overlap(cell: CellDraft, x: tuple[int, int]) -> bool:
    return min(cell.x1, x[1]) > max(cell.x0, x[0])


def opens_cell(section: int, key: str) -> bool:
    """Whether a word can be the first of a new cell: it holds a figure, is a whole cell (`名`),
    or begins the words a cell opens with (`合計回数`)."""
    if not fits(section, key):
        return False
    return bool(_DIGIT.search(key)) or is_whole(section, key) or not fits(section, "0")


def _may_open(section: int, piece: str, first: str) -> bool:
    """A new cell: a cell of a single figure (`12名`) is whole on its line; a cell that opens
    with its own words (`合計回数:`) may go on over further lines."""
    if not (fits(section, piece) and opens_cell(section, first)):
        return False
    return is_whole(section, piece) or not fits(section, "0")


def _pick(plan: _Plan, candidate: _Plan) -> _Plan:
    return candidate if candidate.better_than(plan) else plan


def _contested(
    plan: _Plan, keys: list[str], open_cells: list[CellDraft], may_continue: Callable[[int, int, int], bool]
) -> bool:
    """A fragment holding digits that fits another open cell, or a new cell, as well."""
    for a, b, target in plan.steps:
        piece = "".join(keys[a:b])
        if not _DIGIT.search(piece):
            continue
        others = [t for t in range(len(open_cells)) if t != target and may_continue(t, a, b)]
        opens = target >= 0 and any(_may_open(s, piece, keys[a]) for s in SECTIONS)
        if others or opens:
            return True
    return False


def _starts_piece(key: str, open_cells: list[CellDraft]) -> bool:
    return any(fits(c.section, c.key + key) for c in open_cells) or any(opens_cell(s, key) for s in SECTIONS)
