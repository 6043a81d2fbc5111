"""The page model shared by text-layer and scanned PDF pages: characters in page points, lines by
baseline, and the assembly of one page's characters and ruled grids into neutral blocks.

1. thresholds are in em of each char's size, so scaled pages read like unscaled ones;
2. a merged cell's text sits in its top-left slot and the slots it spans are "";
3. drawn labels (an org chart over a cell) stay out of the cell and follow the table as
   paragraphs: text inside a shape drawn within a cell, or a line set apart from a left-aligned
   cell's flow by blank lines and an indent;
4. cell text: lines by baseline joined by "\n" where the next line's first unit would not have
   fitted (a wrap), else "\n\n" (also after a blank line and before a list marker, and where a
   full line ends an entry and the next opens one: `ends_entry`, `opens_entry_after`);
5. text outside tables: a paragraph per printed line (a wrapped line continues it), in reading
   order with the tables.
"""

from __future__ import annotations

import functools
import itertools
import operator
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar, overload

import regex

from extractors.blocks import BBox, Block, Cell, Span
from extractors.pdf_grid import Grid
from normalizers.bullets import ENTRY_LABEL
from normalizers.forms import ENTRY_WORDS, GOES_ON_WORDS

DEFAULT_BASELINE_TOLERANCE = 0.45  # em: chars whose baselines differ less share a line
# em: a unit that comes within this of fitting counts as not fitting. LibreOffice and Word put a
# unit on the line whenever it fits; measured over generated reports (cells' edges and padding
# are exact to a few hundredths of an em), wraps overshoot by more than -0.05 em and hard breaks
# after a line with room left fall below it.
DEFAULT_CELL_SLACK = -0.05
# em, the same for OCR characters, whose right edges are known to a third of an em or so: a line
# that ends within this of its cell's text edge counts as wrapped, as for text outside tables.
DEFAULT_OCR_CELL_SLACK = -0.6
# em, the same for text outside tables, whose width is only estimated from the widest line: a
# unit that comes within half an em of it counts as not fitting.
DEFAULT_PAGE_SLACK = -0.5
# em: a cell line that starts this close to the cell's text edge starts at the edge (a glyph's side
# bearing moves where its box begins); further in, the line is indented or centred and its own start
# counts. Office software measures a line from the text edge.
DEFAULT_EDGE_SNAP = 0.25
DEFAULT_MIN_AUTOSPACE_SAMPLES = 3  # Latin/Asian neighbours needed to measure the page's autospace
DEFAULT_MAX_AUTOSPACE = 0.5  # em: a wider gap between neighbours is a space, not autospace
DEFAULT_SPACE_GAP = 0.8  # em: a gap without a space glyph this wide reads as one space
DEFAULT_LINE_PITCH = 1.3  # em: the usual distance of baselines, to count blank lines
DEFAULT_EMPTY_LINE = 1.6  # line pitches: a larger baseline gap means an empty line (hard break)
DEFAULT_LABEL_GAP_LINES = 2.5  # line pitches of blank space that set a label apart from the flow
DEFAULT_LABEL_INDENT = 2.0  # em from the cell's text edge for such a label
DEFAULT_SEGMENT_GAP = 3.0  # em: a wider gap on one baseline starts a new text segment
CIRCLED = frozenset("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
HARD_BREAK_MARKERS = frozenset("・▶▷►◆◇■□●○◎★☆➢➤※*＊") | CIRCLED  # list markers open a line of their own
NO_LINE_START = frozenset(
    "、。，．,.)）」』】〕］｝〉》ー…：；？！・々ゝゞヽヾ％°′″℃!%:;?]}ぁぃぅぇぉっゃゅょァィゥェォッャュョ"
)
# A full line that ends an entry followed by a line that opens one is a paragraph's end: over
# generated reports no wrap looked so (a measured cue, used only where the fit cannot tell). An entry
# ends with a count, a bracket, an open time range (`18:30～`), a date's day or a time (`12月29日`,
# `～20時`, `19:00`), or `開催`(`予定`) right after a date, a time, a bracket or a rate (held then:
# `7/10(水)開催`, `H30.11.22開催`, `13:00～開催`, `年2回開催予定`, `月3回程度開催`). A day in kanji
# numerals after its month is a date's day too (`令和二年十月六日`, `令和三年四月十九日開催`).
KANJI_DAY = r"月[〇一二三四五六七八九十]{1,3}日"
ITEM_END = regex.compile(
    r"(?:[0-9０-９]+\s*[回件名](?:/年)?[)）]?|[)）」』]|(?:[0-9０-９][:：][0-9０-９]{2}|時|分)\s*[~～〜]"
    rf"|[0-9０-９]\s*[日時分]|{KANJI_DAY}|[0-9０-９][:：][0-9０-９]{{2}})$"
)
HELD_END = regex.compile(
    rf"(?:[0-9０-９]\s*[日時分]?|{KANJI_DAY}|[)）~～〜]|[年月週][0-9０-９]+\s*回(?:程度)?)開催(?:予定)?$"
)
# An entry opens with a count, a `label：`, an era or a year, or a rate (`月2回`); a digit that
# goes on as a time's hours or minutes (`14時`, `30分`, `18:30`) does not open one, nor does a time
# range's end (`～20:00` is no label).
ITEM_START = regex.compile(
    r"^(?:[0-9０-９](?![0-9０-９]?\s*(?:時|分|[:：][0-9０-９]))|(?![0-9０-９時])[^\s、。（(）)~～〜]{0,11}[^\s、。（(）)~～〜0-9０-９][:：]"
    r"|令和|平成|㋿|㍻|[RH][0-9]|(?:19|20)[0-9]{2}年|[年月週][0-9０-９]+\s*回)"
)
# After `…開催`, a katakana word opens an entry too (`7/10(水)開催` | `ネットワーク会議…`).
HELD_START = regex.compile(r"^\p{Katakana}")
# A word with a count of its own opens an entry too (`症例検討会：18回` | `症例検討会 2回`, `…開催` |
# `出前講座（1回）`): one entry states one count, two are two entries the print ran together. Not an
# ordinal (`研修会 2回目`).
LABELLED_COUNT = regex.compile(r"^[^\s、。（(）)0-9０-９:：]{1,12}?[\s:：（(]*[0-9０-９]+\s*[回件名](?!目)")
# A count's unit never opens an entry: a line ending with a number before a line opening with its
# unit (`出前講座 ２` | `回`) is a wrap where the unit comes within DEFAULT_UNIT_SLACK em of not
# fitting (LibreOffice wrapped such a unit with 0.09 em to spare; a hard break leaves more room).
COUNT_UNITS = frozenset("回件名人")
DEFAULT_UNIT_SLACK = 0.25
# Where a full line's end and the next line's start do not tell (`ends_entry`), the page or the
# entry may (`opens_entry_after`): a line that is the beginning, this many chars or more, of a
# cell's first line on the page (`「在宅医療講演会」` | `医療機関への協力依`, a cell above opens with
# it); a line that repeats the entry's `label：`; a katakana word after a labelled date's day.
DEFAULT_OPENER_CHARS = 6
DEFAULT_LABEL_CHARS = 12  # the longest `label` before its colon that ITEM_START reads as one
DATED_LABEL_END = regex.compile(r"^[^\s、。（(）)~～〜:：]{1,11}[:：].*[0-9０-９]日$")
NO_DATE_GOES_ON = regex.compile(r"^\p{Katakana}")
# Where the line after a full line does not tell by its first word, the rest of its paragraph (the
# line and the full lines after it) may (`opens_as_paragraph`): a status word alone (ENTRY_WORDS);
# a whole count (`１２件`, `2回（4月-10月）`) after a labelled entry no count goes on with; after a
# labelled entry, a line that opens with a word and a `label：` or a count; after a date's day or
# month (`…9/23`, `5月～8月`: no digit goes on), a `label：` or a word with a count as long as the
# longest label (`研修会等への出席及び講師派遣：5回`, 14 chars); after an entry's end, a word of
# DEFAULT_WORD_CHARS letters or more that ends as an entry does (`医療機関への協力依頼（4月中）`, not
# `開催予定（…）`: GOES_ON_WORDS). Measured over 10 generated corpora (600 reports): none split an
# entry.
DEFAULT_WORD_CHARS = 3
DEFAULT_LABEL_LONGEST = 15  # chars before a label's colon or a count
WHOLE_COUNT = regex.compile(r"^[0-9０-９]+\s*[回件名](?:/年|[（(][^）)]*[）)])?$")
WORD_OPENS = regex.compile(
    rf"^[\p{{Han}}\p{{Katakana}}][\p{{Han}}\p{{Hiragana}}\p{{Katakana}}ー]{{{DEFAULT_WORD_CHARS - 1},}}"
)
# a word opens so; a line opening in hiragana goes on with the word before (`…及` | `び講師派遣`)
WORD_START = regex.compile(r"^[\p{Han}\p{Katakana}]")
LONG_LABEL = regex.compile(
    rf"^(?![0-9０-９時])[^\s、。（(）)~～〜:：]{{0,{DEFAULT_LABEL_LONGEST - 1}}}"
    r"[^\s、。（(）)~～〜:：0-9０-９][:：]"
    rf"|^[^\s、。（(）)0-9０-９:：]{{1,{DEFAULT_LABEL_LONGEST}}}?[\s:：（(]*[0-9０-９]+\s*[回件名](?!目)"
)
DATE_END = regex.compile(r"[0-9０-９](?:/[0-9０-９]{1,2}|\s*月)$")
# a count goes on after these: `症例検討会：` | `2回`, a rate's period `年` | `2回` (not a date's month)
COUNT_GOES_ON = regex.compile(r"(?:[0-9０-９:：\s年週]|(?<![0-9０-９])月)$")
NO_LINE_END = frozenset("(（「『【〔［｛〈《")
CLOSING = frozenset(")）」』】〕］｝〉》")  # the brackets NO_LINE_END opens, closed
ENTRY_GOES_ON = frozenset("、，,・") | NO_LINE_END  # an entry does not end with these
LATIN_ASIAN = frozenset(("latin", "asian"))  # the neighbours office software spaces apart


class Char(NamedTuple):  # a tuple, not a frozen dataclass: a page makes thousands (3x cheaper)
    text: str
    x0: float
    x1: float
    baseline: float
    size: float

    @property
    def mid(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, self.baseline - 0.35 * self.size


TEXT = operator.itemgetter(0)  # Char.text
BY_X0 = operator.itemgetter(1)  # Char.x0
BY_BASELINE = operator.itemgetter(3)  # Char.baseline
Placed = tuple[float, float, Char]  # a char with its `mid`, as `assemble_page` placed it
T = TypeVar("T")
# The page's autospace (em), or what measures it on its first use: most pages never wrap a line
# between a Latin and an Asian neighbour, and need no measure (`assemble_page`).
Autospace = float | Callable[[], float]


class once(Generic[T]):
    """functools.cached_property without its lock (Python < 3.12 takes one on every first read;
    a page reads thousands of lines' values once each): the value is stored in the instance's
    dict, which later reads find first."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> once[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> T | once[T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.compute(obj)
        return value


@dataclass(frozen=True)
class Line:
    chars: tuple[Char, ...]

    # computed once per line (a frozen dataclass keeps no other state): the page's lines are
    # measured and joined many times while a page is assembled
    x0 = property(lambda self: self.chars[0].x0)
    baseline = property(lambda self: self.chars[0].baseline)

    @once
    def x1(self) -> float:
        return max(c.x1 for c in self.chars if c.text.strip())

    @once
    def size(self) -> float:
        return max(c.size for c in self.chars)

    @once
    def text(self) -> str:
        """The chars as printed; one space stands for a wide gap that has no space glyph."""
        chars = self.chars
        out = [chars[0][0]]
        end = chars[0][2] if chars[0][0].strip() else None  # x1 of the char before, where it prints
        gap = DEFAULT_SPACE_GAP
        for text, x0, x1, _, size in chars[1:]:
            if text.strip():
                out.append(" " + text if end is not None and x0 - end >= gap * size else text)
                end = x1
            else:
                out.append(text)
                end = None
        return "".join(out)

    @once
    def stripped(self) -> str:
        """`text` without the whitespace at its ends."""
        return self.text.strip()

    @once
    def first_inked(self) -> Char:
        """The first char that prints (a line of `lines_of` has one)."""
        return next(c for c in self.chars if c.text.strip())

    @once
    def last_inked(self) -> Char:
        return next(c for c in reversed(self.chars) if c.text.strip())

    @once
    def first_unit(self) -> float:
        """`first_unit_width` of the line."""
        return first_unit_width(self)


@functools.lru_cache(maxsize=8192)
def script_of(ch: str) -> str:
    """`latin` (ASCII letters and digits), `asian` (kana, kanji), or `other` (punctuation,
    full-width forms): office software spaces Latin and Asian neighbours apart."""
    if ch.isascii():
        return "latin" if ch.isalnum() else "other"
    if ch.isalpha() and ord(ch) >= 0x3040 and not 0xFF00 <= ord(ch) <= 0xFFEF:
        return "asian"
    return "other"


def measure_autospace(chars: list[Char]) -> float:
    """The extra space (em) the page prints between Latin and Asian neighbours on a line (office
    software's `autospace`, about 0.2 em in LibreOffice); 0 where it cannot be measured."""
    gaps = []
    for line in baseline_groups(chars):  # lines_of's, blank ones too (they hold no such neighbours)
        kinds = list(map(script_of, map(TEXT, line)))
        if "latin" not in kinds or "asian" not in kinds:  # most lines: no such neighbours to find
            continue
        for i, (a, b) in enumerate(itertools.pairwise(kinds), 1):
            if a != b and a != "other" and b != "other":  # one Latin, one Asian (LATIN_ASIAN)
                prev, ch = line[i - 1], line[i]
                gap = (ch.x0 - prev.x1) / ch.size
                if 0 <= gap <= DEFAULT_MAX_AUTOSPACE:
                    gaps.append(gap)
    if len(gaps) < DEFAULT_MIN_AUTOSPACE_SAMPLES:
        return 0.0
    return sorted(gaps)[len(gaps) // 2]


def autospace_value(autospace: Autospace) -> float:
    return autospace() if callable(autospace) else autospace


def assemble_page(
    grids: list[Grid], chars: list[Char], shapes: list[BBox], pno: int, ocr: bool = False
) -> tuple[list[Block], int]:
    """Tables and outside paragraphs of one page in reading order; returns blocks and label count.
    `ocr`: the chars were read by OCR (the spans of the page's cells say so)."""
    autospace = functools.cache(functools.partial(measure_autospace, chars))  # measured where used
    items: list[tuple[float, float, list[Block]]] = []
    by_grid: list[list[Placed]] = [[] for _ in grids]
    outside = []
    boxes = [(placed, *g.bbox) for placed, g in zip(by_grid, grids, strict=True)]
    for ch in chars:
        _, x0, x1, baseline, size = ch
        x, y = (x0 + x1) / 2, baseline - 0.35 * size  # ch.mid, inlined: a page has thousands
        for placed, bx0, by0, bx1, by1 in boxes:
            if bx0 <= x <= bx1 and by0 <= y <= by1:
                placed.append((x, y, ch))
                break
        else:
            outside.append(ch)
    n_labels = 0
    read = [cell_flows(grid, placed, shapes) for grid, placed in zip(grids, by_grid, strict=True)]
    openers = first_lines(read)
    for grid, cells in zip(grids, read, strict=True):
        table, labels = table_blocks(grid, cells, pno, ocr, autospace, openers)
        n_labels += len(labels)
        items.append((grid.bbox[1], grid.bbox[0], [table, *labels]))
    for y, x, block in outside_paragraphs(outside, [g.bbox for g in grids], pno):
        items.append((y, x, [block]))
    items.sort(key=lambda item: (item[0], item[1]))
    return [b for _, _, blocks in items for b in blocks], n_labels


class CellFlows(NamedTuple):
    """A grid's cells read into lines: each cell's text flow, the labels set apart from the flows
    (top, left, text) and the cells' inner left padding."""

    flows: dict[tuple[int, int], list[Line]]
    labels: list[tuple[float, float, str]]
    pad: float


def cell_flows(grid: Grid, chars: list[Placed], shapes: list[BBox]) -> CellFlows:
    """The grid's chars (each with its `mid`, as `assemble_page` placed it) read into cells."""
    in_cell: dict[tuple[int, int], list[Char]] = {}
    in_shape: dict[BBox, list[Char]] = {}
    owner = grid.owners()
    xs, ys = grid.xs, grid.ys
    for x, y, ch in chars:
        for shape in shapes:  # the first shape holding the char's mid (`contains` without a margin)
            if shape[0] <= x <= shape[2] and shape[1] <= y <= shape[3]:
                in_shape.setdefault(shape, []).append(ch)
                break
        else:
            cell = owner.get((bisect_right(ys, y) - 1, bisect_right(xs, x) - 1))  # grid.slot
            if cell is None:
                continue
            if (found := in_cell.get(cell)) is None:
                in_cell[cell] = [ch]
            else:
                found.append(ch)
    pad = table_padding(grid, in_cell)
    labels = [
        (s[1], s[0], "\n".join(ln.text.strip(" ") for ln in lines_of(cs))) for s, cs in in_shape.items()
    ]
    flows = {}
    for r, c, bbox in grid.cells:
        flows[(r, c)], apart = split_flow(lines_of(in_cell.get((r, c), [])), bbox[0] + pad)
        labels += [(ln.baseline - ln.size, ln.x0, ln.text.strip(" ")) for ln in apart]
    return CellFlows(flows, labels, pad)


def first_lines(read: list[CellFlows]) -> frozenset[str]:
    """The first line of every cell: each opens an entry (`opens_as_known`)."""
    return frozenset(flow[0].text.strip() for cells in read for flow in cells.flows.values() if flow)


def table_blocks(
    grid: Grid,
    read: CellFlows,
    pno: int,
    ocr: bool = False,
    autospace: Autospace = 0.0,
    openers: frozenset[str] = frozenset(),
) -> tuple[Block, list[Block]]:
    flows, labels, pad = read
    texts = {}
    for r, c, bbox in grid.cells:
        flow = flows[(r, c)]
        if ocr and flow:  # OCR: the cell's own text edge (a missed marker must not move it), padding alike
            left = min(line.x0 for line in flow)
            available = bbox[2] + bbox[0] - 2 * left
            texts[(r, c)] = join_lines(flow, available, autospace, DEFAULT_OCR_CELL_SLACK, left)
        else:
            available = bbox[2] - bbox[0] - 2 * pad
            texts[(r, c)] = join_lines(flow, available, autospace, edge=bbox[0] + pad, openers=openers)
    boxes = {(r, c): bbox for r, c, bbox in grid.cells}
    rows = tuple(
        tuple(
            Cell(texts.get((r, c), ""), Span(page=pno, bbox=boxes.get((r, c)), ocr=ocr))
            for c in range(len(grid.xs) - 1)
        )
        for r in range(len(grid.ys) - 1)
    )
    label_blocks = [Block("paragraph", Span(page=pno), text=t) for _, _, t in sorted(labels)]
    return Block("table", Span(page=pno), rows=rows), label_blocks


def table_padding(grid: Grid, in_cell: dict[tuple[int, int], list[Char]]) -> float:
    """The cells' inner left padding: the smallest distance of text from its cell's left edge."""
    gaps = [min(map(BY_X0, chars)) - bbox[0] for r, c, bbox in grid.cells if (chars := in_cell.get((r, c)))]
    return max(0.0, min(gaps, default=0.0))


def lines_of(chars: list[Char]) -> list[Line]:
    """Chars grouped by baseline, top to bottom, each line left to right."""
    # some char prints (one join and strip a line, not a strip a char)
    return [Line(tuple(ln)) for ln in baseline_groups(chars) if "".join(map(TEXT, ln)).strip()]


def baseline_groups(chars: list[Char]) -> list[list[Char]]:
    """The chars of each baseline, top to bottom, each left to right (blank ones too)."""
    lines: list[list[Char]] = []
    line: list[Char] = []
    first = 0.0  # the baseline of the line's first char
    tolerance = DEFAULT_BASELINE_TOLERANCE
    for ch in sorted(chars, key=BY_BASELINE):
        if abs(first - ch[3]) <= tolerance * ch[4] and line:  # ch.baseline, ch.size
            line.append(ch)
        else:
            line, first = [ch], ch[3]
            lines.append(line)
    for ln in lines:
        ln.sort(key=BY_X0)
    return lines


def split_flow(lines: list[Line], text_left: float) -> tuple[list[Line], list[Line]]:
    """Separate labels of borderless text boxes from a left-aligned cell's text flow: a line
    after more than DEFAULT_LABEL_GAP_LINES blank lines and indented, and the indented lines after it."""
    if not lines or lines[0].x0 > text_left + lines[0].size:
        return lines, []
    flow, apart = [lines[0]], list[Line]()
    for prev, line in itertools.pairwise(lines):
        indented = line.x0 - text_left > DEFAULT_LABEL_INDENT * line.size
        far = line.baseline - prev.baseline > DEFAULT_LABEL_GAP_LINES * DEFAULT_LINE_PITCH * line.size
        (apart if indented and (far or (apart and apart[-1] is prev)) else flow).append(line)
    return flow, apart


def join_lines(
    lines: list[Line],
    available: float,
    autospace: Autospace = 0.0,
    slack: float = DEFAULT_CELL_SLACK,
    left: float | None = None,
    edge: float | None = None,
    openers: frozenset[str] = frozenset(),
) -> str:
    """The lines as one text, soft wraps by "\n", hard breaks by "\n\n". `left`: the text's left
    edge (else each line's own start); `edge`: the cell's text edge, where a line starting within
    DEFAULT_EDGE_SNAP em of it starts; `openers`: lines known to open an entry (`opens_as_known`)."""
    parts: list[str] = []

    def start_of(line: Line) -> float | None:
        return edge if edge is not None and line.x0 - edge <= DEFAULT_EDGE_SNAP * line.size else left

    full_before: dict[tuple[int, int], bool] = {}  # is_full of two lines, by their ids

    def is_full(line: Line, nxt: Line) -> bool:
        """`line` left no room for `nxt`'s first unit (asked up to three times a pair: once here)."""
        key = (id(line), id(nxt))
        if (full := full_before.get(key)) is None:
            full = full_before[key] = not fits_after(
                line, nxt, Room(available, autospace, slack, start_of(line))
            )
        return full

    def paragraph_from(index: int) -> str:
        """The line at `index` and the lines after it while each wraps by its fit alone (full, no
        blank line or list marker between): the rest of its paragraph, if it opens one."""
        text = lines[index].stripped
        for line, nxt in itertools.pairwise(lines[index:]):
            pitch = nxt.baseline - line.baseline
            if pitch > DEFAULT_EMPTY_LINE * DEFAULT_LINE_PITCH * nxt.size or not is_full(line, nxt):
                break
            if starts_item(line.stripped, nxt.stripped):
                break
            text += nxt.stripped
        return text

    fitted: bool | None = None  # whether `line` fitted after `prev`, measured on the step before
    for index, (prev, line) in enumerate(zip([None, *lines], lines, strict=False)):
        full: bool | None = None
        if prev is not None:
            after = ""
            if index + 1 < len(lines):
                nxt = lines[index + 1]
                # where a label `line` opens may end: on the line after, if `line` is full, and on
                # the lines after that while each is full and the label may still go on
                full = is_full(line, nxt)
                after = nxt.stripped if full or nxt.stripped[:1] in (":", "：") else ""
                k = index + 1
                while after and k + 1 < len(lines) and may_go_on_as_label(line.stripped + after):
                    if not is_full(lines[k], lines[k + 1]):
                        break
                    k += 1
                    after += lines[k].stripped
            soft = is_soft_wrap(prev, line, available, autospace, slack, after, start_of(prev), fitted)
            if soft:
                entry = "".join(parts).rpartition("\n\n")[2].replace("\n", "")
                soft = not opens_entry_after(entry, line.stripped, openers, paragraph_from(index))
            parts.append("\n" if soft else "\n\n")
        parts.append(line.text.strip(" "))
        fitted = None if full is None else not full
    return "".join(parts)


def is_soft_wrap(
    prev: Line,
    line: Line,
    available: float,
    autospace: Autospace = 0.0,
    slack: float = DEFAULT_PAGE_SLACK,
    after: str = "",
    left: float | None = None,
    fits: bool | None = None,
) -> bool:
    """Soft when the next line's first unit would not have fitted after `prev` (`fits_after`) and
    `prev` does not end an entry before `line` opens one. `after`: the line printed after a full
    `line`, where a label `line` opens may end (`ケース会議` | `：4回`, `多職種連携研` | `修会：0回`).
    `fits`: `fits_after` of the two lines with this room, when the caller measured it already."""
    pitch = line.baseline - prev.baseline
    if pitch > DEFAULT_EMPTY_LINE * DEFAULT_LINE_PITCH * line.size or starts_item(
        prev.stripped, line.stripped
    ):
        return False
    if fits is None:
        fits = fits_after(prev, line, Room(available, autospace, slack, left))
    return not fits and not ends_entry(prev.stripped, line.stripped, after)


class Room(NamedTuple):
    """How a line is measured: the width available, the autospace (em, or what measures it), the
    slack (em) and the text's left edge (None: the line's own start)."""

    available: float
    autospace: Autospace
    slack: float
    left: float | None


def fits_after(prev: Line, line: Line, room: Room) -> bool:
    """The next line's first unit would have fitted after `prev` (with the autospace office
    software puts between a Latin and an Asian neighbour, in em)."""
    available, autospace, slack, left = room
    last, first = prev.last_inked, line.first_inked
    spaced = {script_of(last.text), script_of(first.text)} == {"latin", "asian"}
    # a space printed at the line's end must fit before the unit too
    used = (
        prev.chars[-1].x1
        - (prev.x0 if left is None else left)
        + (autospace_value(autospace) * line.size if spaced else 0.0)
    )
    if opens_with_its_unit(prev.stripped, line.stripped):
        slack = min(slack, -DEFAULT_UNIT_SLACK)
    return used + line.first_unit <= available + slack * line.size


def opens_with_its_unit(prev: str, text: str) -> bool:
    """`text` opens with the unit of the count whose number `prev` ends with (`出前講座 ２` | `回`)."""
    return prev[-1:].isdigit() and text[:1] in COUNT_UNITS


def ends_entry(prev: str, text: str, after: str = "") -> bool:
    """A full line `prev` that ends an entry, and a line `text` that opens one (`after`: the line
    printed after `text`, where a label it opens may end)."""
    joined = text + after
    opens = ITEM_START.match(joined) or LABELLED_COUNT.match(joined)
    if HELD_END.search(prev):
        return bool(opens or HELD_START.match(text))
    return bool(ITEM_END.search(prev) and opens)


def opens_entry_after(entry: str, text: str, openers: frozenset[str], paragraph: str = "") -> bool:
    """A line that would wrap `entry` opens an entry of its own all the same: it begins as a line
    known to open an entry does (`opens_as_known`, not after a comma nor inside a bracket the
    entry left open), it repeats the entry's `label：` (one entry states its label once:
    `講師：…院長` | `講師：…`), it opens a word no date goes on with after a labelled date's day
    (`開催日時：2020年8月12日` | `ホームページ掲`), or the rest of its `paragraph` opens one
    (`opens_as_paragraph`). Measured over generated reports: none of these split an entry."""
    if (
        entry[-1:] not in ENTRY_GOES_ON
        and not leaves_bracket_open(entry)
        and (opens_as_known(text, openers) or (paragraph and opens_as_paragraph(entry, text, paragraph)))
    ):
        return True
    if (label := ENTRY_LABEL.match(text)) and entry.startswith(label.group()):
        return True
    return bool(DATED_LABEL_END.search(entry.replace(" ", "")) and NO_DATE_GOES_ON.match(text))


def opens_as_paragraph(entry: str, text: str, paragraph: str) -> bool:
    """`paragraph` (a full line and the full lines after it) is an entry of its own after `entry`:
    a status word alone (`…（4月中）` | `随時`); a whole count after a labelled entry no count goes
    on with (`研修内容：寸劇および交流会` | `2回`, not `症例検討会：` | `18回`; a number ends it
    only where the count's digits are of the other width: `開催日時：平成30年10/13` | `４回`); after
    a labelled entry, a line that opens with a word and its `label：` or count (`講師：…院長` |
    `派遣先：…`, not a line opening in hiragana: `講師：…出席及` | `び講師派遣 １回`, after a miss);
    after a date's day or
    month, a `label：` or a word with a count (`…9/23` | `研修会等への` | `出席及び講師派遣：5回`, not a
    number: `令和3年8月` | `12日`); after an entry's end, a word that ends as an entry does
    (`１８回/年` | `医療機関へ` | `の協力依頼（4月中）`, not one that goes on: GOES_ON_WORDS)."""
    if paragraph in ENTRY_WORDS:
        return True
    if WHOLE_COUNT.match(paragraph):
        return bool(
            ENTRY_LABEL.match(entry) and (not COUNT_GOES_ON.search(entry) or _digits_unlike(entry, paragraph))
        )
    if ENTRY_LABEL.match(entry) and WORD_START.match(text) and LONG_LABEL.match(text):
        return True
    if paragraph[:1].isdigit():
        return False
    opens = ITEM_START.match(paragraph) or LONG_LABEL.match(paragraph)
    if DATE_END.search(entry) and opens:
        return True
    ends = ITEM_END.search(entry) or HELD_END.search(entry)
    if ends and opens:  # an end the line alone does not show (`令和三年八月二` | `十八日開催`)
        return True
    return bool(
        ends
        and WORD_OPENS.match(paragraph)
        and not paragraph.startswith(GOES_ON_WORDS)
        and (ITEM_END.search(paragraph) or HELD_END.search(paragraph))
    )


def _digits_unlike(entry: str, text: str) -> bool:
    """`entry` ends with a digit and `text` opens with one of the other width (`…10/13` | `４回`): a
    number is printed in one width, so the count does not go on with the entry's number."""
    last, first = entry[-1:], text[:1]
    return last.isdigit() and first.isdigit() and last.isascii() != first.isascii()


def may_go_on_as_label(text: str) -> bool:
    """`text` holds no colon yet and is short enough for a label's colon to come (`地域ケア個` |
    `別会議への` | `出席：2回`, a label wrapped over three lines of a narrow cell)."""
    return len(text) <= DEFAULT_LABEL_CHARS and not any(ch in text for ch in ":：")


def opens_as_known(text: str, openers: frozenset[str]) -> bool:
    """`text` is the beginning of a line known to open an entry (a cell's first line on the page),
    at least DEFAULT_OPENER_CHARS chars of it. A line that goes on past such a beginning may be
    another sentence that begins alike (`それぞれの医療機関` | `それぞれの医療機関の院長を通して`);
    a bracket goes on with the word before it (`在宅に赴いて診療` | `（往診、訪問診療）`)."""
    if len(text) < DEFAULT_OPENER_CHARS or text[0] in NO_LINE_END | NO_LINE_START:
        return False
    return any(opener.startswith(text) for opener in openers)


def starts_item(prev: str, text: str) -> bool:
    """The line opens a list item, unless it continues a run such as 水戸グループ①②|③, or a
    bracket the line before opened and left open (`グループ名：「境町` | `・龍ケ崎市…」`)."""
    if not text or text[0] not in HARD_BREAK_MARKERS:
        return False
    if leaves_bracket_open(prev):
        return False
    return not (text[0] in CIRCLED and prev[-1:] in CIRCLED | {"・"})


def leaves_bracket_open(text: str) -> bool:
    """`text` opens more brackets than it closes (`合計回数：7回（うち往診：0回、訪`): what follows is
    inside the bracket, never a new entry or list item."""
    return sum(ch in NO_LINE_END for ch in text) > sum(ch in CLOSING for ch in text)


def first_unit_width(line: Line) -> float:
    """Width of what could not be split from the line start: an ASCII word, a char with its
    trailing closing punctuation, an opening bracket with the char after it."""
    printed = (c for c in line.chars if c.text.strip())  # read only as far as the unit goes
    first = last = next(printed)
    after = next(printed, None)  # the printed char after `last`
    if first.text.isascii() and first.text.isalnum():
        while after is not None and after.text.isascii() and after.text.isalnum():
            last, after = after, next(printed, None)
    elif first.text in NO_LINE_END and after is not None:
        last, after = after, next(printed, None)
    while after is not None and after.text in NO_LINE_START:
        last, after = after, next(printed, None)
    return last.x1 - first.x0


def outside_paragraphs(chars: list[Char], tables: list[BBox], pno: int) -> list[tuple[float, float, Block]]:
    """Text outside tables: one block per printed line segment; a wrapped line continues its block."""
    segments = [seg for ln in lines_of(chars) for seg in split_at_gaps(ln)]
    if not segments:
        return []
    right = max([s.x1 for s in segments] + [t[2] for t in tables])
    left = min([s.x0 for s in segments] + [t[0] for t in tables])
    out: list[tuple[float, float, list[Line]]] = []
    for seg in segments:
        last = out[-1][2][-1] if out else None
        if last is not None and seg.x0 <= left + seg.size and is_soft_wrap(last, seg, right - left):
            out[-1][2].append(seg)
        else:
            out.append((seg.baseline - seg.size, seg.x0, [seg]))
    return [
        (y, x, Block("paragraph", Span(page=pno), text="\n".join(s.text.strip(" ") for s in segs)))
        for y, x, segs in out
    ]


def split_at_gaps(line: Line) -> list[Line]:
    """A printed line split where the gap between chars is wider than DEFAULT_SEGMENT_GAP em."""
    groups = [[line.chars[0]]]
    inked = line.chars[0] if line.chars[0].text.strip() else None  # the group's last inked char
    for prev, ch in itertools.pairwise(line.chars):
        gap = ch.x0 - (inked.x1 if inked is not None else prev.x1)
        if ch.text.strip():
            if gap > DEFAULT_SEGMENT_GAP * ch.size:
                groups.append([])
            inked = ch
        groups[-1].append(ch)
    return [Line(tuple(g)) for g in groups if "".join(c.text for c in g).strip()]
