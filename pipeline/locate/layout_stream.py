"""The 取組効果 part of layout text as a stream in reading order: section headings, period header
pieces, label text and the figure cells rebuilt by `layout_cells`.

Printed lines are read one by one against the cells still open above them. What is not a cell
is sorted by the form's own wording (`FORM_PHRASES`, period headers, notes) into form text, which
is dropped, and label text: institution names, 合計 labels and the metric labels of section 4.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import regex

from extractors.blocks import Block
from normalizers.forms import NOTE_MARK, OUTCOME_SECTION_HEADINGS, TOTAL_ROW_LABELS
from normalizers.text import fold_width, reflow
from pipeline.locate.layout_cells import (
    CellDraft,
    LineReading,
    Word,
    compact,
    is_whole,
    joined,
    read_line,
    words_of,
)
from pipeline.locate.layout_words import (
    completes_note,
    is_form_text,
    is_header,
    is_name_end,
    is_row_word,
    is_total_piece,
    names_row,
    opens_label,
)
from pipeline.locate.tables import section_heading

_STRAY_FIGURE = regex.compile(r"[-+−▲△]?[0-9][0-9,]*")
_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\d")
DEFAULT_NOTE_CHARS = 20  # a ※ line longer than this is a note whose wrapped lines follow it
DEFAULT_TOTAL_WRAP_LINES = 2  # lines below the 合計 label's first line its end may print on
DEFAULT_TOTAL_PLACE_TOLERANCE = 2  # columns by which the 合計 label's wrapped lines may start apart
_TOTAL_KEYS = frozenset(compact(t) for t in TOTAL_ROW_LABELS)


@dataclass
class Label:
    """Label text of one line (several words of it), at its place in the stream."""

    words: list[Word]
    line: Block
    order: int
    open_cells: tuple[CellDraft, ...]  # cells not yet ended when it was printed
    last_line: int = 0  # the printed line of its last words
    last_order: int = 0  # place in the reading order of its last words
    cut: bool = False  # a marked name that no facility word ends: its end may be printed elsewhere
    breaks: list[int] = field(default_factory=list)  # where its words go on over another line

    @property
    def text(self) -> str:
        """Its words; a name wrapped over lines joins without a space (`…クリニッ` + `ク`)."""
        bounds = [0, *self.breaks, len(self.words)]
        return reflow([joined(self.words[a:b]) for a, b in itertools.pairwise(bounds)])

    def take(self, other: Label) -> None:
        """Another line's label text: the rest of this name."""
        self.breaks.append(len(self.words))
        self.words = self.words + other.words
        self.open_cells = tuple(dict.fromkeys(self.open_cells + other.open_cells))
        self.last_line, self.last_order = (
            max(self.last_line, other.last_line),
            max(self.last_order, other.last_order),
        )


@dataclass
class Header:
    """A piece of a period column header: its words as printed."""

    text: str
    line: Block
    order: int
    words: list[Word]


@dataclass
class Heading:
    section: int
    line: Block
    order: int


@dataclass
class Stream:
    cells: list[CellDraft] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    headers: list[Header] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    unsure_lines: list[Block] = field(default_factory=list)  # lines read in more than one way
    # Digits printed apart from any cell (`２` torn from `２３回`): reading order of each.
    stray_figures: list[int] = field(default_factory=list)
    # Cells that printed pieces on one line, left to right: evidence of their columns' order.
    side_by_side: list[list[CellDraft]] = field(default_factory=list)
    # Where the form's own text (a row's printed label, `在宅に赴いて診療…`) was dropped: between
    # two places of the reading order (N + 0.5), which keeps its numbering.
    form_text: list[float] = field(default_factory=list)
    order: int = 0
    placed: bool = False  # words keep their place on the page (pdftotext -layout)

    def next_order(self) -> int:
        self.order += 1
        return self.order


def _prints_cells(line: Block, open_cells: list[CellDraft]) -> bool:
    """Whether a line opening with a note mark prints figure cells too (pdftotext -layout puts
    the end of a row title `※実人数を記載）` beside a row's cells): its cells are read, never
    dropped with the note, so that the row they belong to is not left without them."""
    reading = read_line(words_of(line.text), [c for c in open_cells if not c.ended], True)
    return bool(reading.pieces)


def read_stream(lines: list[Block], placed: bool = False) -> Stream:
    """`placed`: the text keeps each word at its place on the page (pdftotext -layout)."""
    stream = Stream(placed=placed)
    open_cells: list[CellDraft] = []
    in_note = False
    note = ""  # the first word of the note printed last (`※医療機関ごとに記`), its wrapped rest may follow
    heading = ""  # the heading being read, while its wrapped lines follow
    for line in lines:
        text = line.text.strip()
        section = section_heading(text)
        if section is not None:
            stream.headings.append(Heading(section, line, stream.next_order()))
            in_note, heading = False, compact(text)
            continue
        if heading and _continues_heading(heading, text):
            heading += compact(text)
            continue
        heading = ""
        if note and not placed and completes_note(note, text):  # `載` under `※医療機関ごとに記`: no label
            note += compact(text)
            continue
        note = ""
        if is_name_end(text):
            in_note = False
        elif is_header(text) or (not placed and _closes_header(stream, text)):
            stream.headers.append(Header(text, line, stream.next_order(), words_of(line.text)))
            in_note = False
            continue
        elif (compact(text).startswith(NOTE_MARK) or (in_note and is_form_text(text))) and not (
            placed and _prints_cells(line, open_cells)
        ):
            in_note = len(compact(text)) > DEFAULT_NOTE_CHARS or in_note
            note = compact(text.split()[0]) if compact(text).startswith(NOTE_MARK) else ""
            continue
        in_note = False
        if not placed and _completes_total_label(stream, text):
            order = stream.next_order()  # `合計` under `連携する医療機関内の`: the label's end, no cell
            stream.labels[-1].take(
                Label(words_of(line.text), line, order, (), line.span.line_start or 0, order)
            )
            continue
        open_cells = [c for c in open_cells if not c.ended]
        reading = read_line(words_of(line.text), open_cells, placed)
        if placed:
            reading = _past_form_words(reading, open_cells)
            reading = _past_total_label_end(stream, reading, line, open_cells)
        if reading.contested:
            stream.unsure_lines.append(line)
            for cell in open_cells:
                cell.unsure = True
        _add_text(stream, reading.prefix, line, open_cells)
        touched: list[CellDraft] = []
        for index, (target, words) in enumerate(reading.pieces):
            if isinstance(target, CellDraft):
                cell = target
                cell.add(words, line, stream.next_order())
            else:
                cell = CellDraft(target, line, words[0].col, stream.next_order(), unsure=reading.contested)
                cell.add(words, line, cell.order)
                stream.cells.append(cell)
                open_cells.append(cell)
            touched.append(cell)
            if index and _crowded(reading.pieces[index - 1][1], words):
                cell.crowded = touched[-2].crowded = True
        if touched and reading.prefix and _crowded(reading.prefix, reading.pieces[0][1]):
            touched[0].crowded = True
        if touched and reading.suffix and _crowded(reading.pieces[-1][1], reading.suffix):
            touched[-1].crowded = True
        if len(touched) > 1:
            stream.side_by_side.append(touched)
        _add_text(stream, reading.suffix, line, open_cells)
    return stream


def _past_form_words(reading: LineReading, open_cells: list[CellDraft]) -> LineReading:
    """-layout: a row title's last line at the page's left edge reads as a cell's opening words
    (`死亡患者数`) before a row's label and cells (`死亡患者数   ・加藤内科医院   死亡患者数：3名…`).
    Read as a new cell, it left the label and every cell after it to the line's text, and the row
    was lost without a check. A line's only piece, a new cell holding no figure and not whole,
    followed by words that open cells, is form text: the line is read again after it."""
    if len(reading.pieces) != 1 or not reading.suffix:
        return reading
    target, words = reading.pieces[0]
    key = compact(joined(words))
    if isinstance(target, CellDraft) or _DIGIT.search(key) or is_whole(target, key):
        return reading
    again = read_line(reading.suffix, open_cells, True)
    if not again.pieces:
        return reading
    return LineReading([*reading.prefix, *words, *again.prefix], again.pieces, again.suffix, again.contested)


def _past_total_label_end(
    stream: Stream, reading: LineReading, line: Block, open_cells: list[CellDraft]
) -> LineReading:
    """-layout: the 合計 row's label wraps around its cells' line (`連携する医療機関内の` / its
    cells / `合計`), and `合計` reads as a 合計回数 cell's opening words. Read as a cell, it left
    the label unfinished, no row's: the 合計 row lost its figures, and with them every row the
    section's sums would have confirmed. A first piece, a new cell holding no figure, that
    finishes the 合計 label printed just above it in its column is that label's end; the line is
    read again after it."""
    if not reading.pieces or not stream.labels:
        return reading
    target, words = reading.pieces[0]
    key = compact(joined(words))
    label = stream.labels[-1]
    if isinstance(target, CellDraft) or _DIGIT.search(key) or compact(label.text) + key not in _TOTAL_KEYS:
        return reading
    near = 0 < (line.span.line_start or 0) - label.last_line <= DEFAULT_TOTAL_WRAP_LINES
    if not near or abs(words[0].col - label.words[0].col) > DEFAULT_TOTAL_PLACE_TOLERANCE:
        return reading
    order = stream.next_order()
    label.take(Label(words, line, order, (), line.span.line_start or 0, order))
    after = [w for w in words_of(line.text) if w.col > words[-1].col]
    again = read_line(after, open_cells, True)
    return LineReading([*reading.prefix, *again.prefix], again.pieces, again.suffix, again.contested)


def _closes_header(stream: Stream, text: str) -> bool:
    """Default mode: a line of closing brackets alone right after a header piece whose bracket is
    still open (`（グループ化前（Ｒ２年度（Ａ））` | `）`) is that note's end; dropped, the notes printed
    after the next period words went to the open one, and their fiscal years were lost."""
    closers = fold_width(compact(text))
    if not closers or closers.strip(")") or not stream.headers:
        return False
    last = stream.headers[-1]
    note = fold_width(compact(last.text))
    return last.order == stream.order and note.count("(") - note.count(")") >= len(closers)


def _completes_total_label(stream: Stream, text: str) -> bool:
    """The line ends the 合計 row's label printed just before it (`連携する医療機関内の` / `合計`):
    default mode prints the wrapped label's lines one after the other, and its last word alone
    would read as the start of a 合計回数 cell."""
    if not stream.labels or stream.labels[-1].last_order != stream.order:
        return False
    joined_key = compact(stream.labels[-1].text) + compact(text)
    return is_total_piece(stream.labels[-1].text) and joined_key in {compact(t) for t in TOTAL_ROW_LABELS}


def _add_text(stream: Stream, words: list[Word], line: Block, open_cells: list[CellDraft]) -> None:
    """Header pieces and label text of a run of words; form text is dropped. A run may hold both:
    `（往診、訪問診療 ・小林在宅クリニック` is form text, then a label."""
    if not words:
        return
    if is_header(joined(words)):
        stream.headers.append(Header(joined(words), line, stream.next_order(), words))
        return
    # a run of the form's wording is dropped whole, its digits with it (`の場合 ⇒12 月から 5 月までの期`:
    # `5` alone is no piece of any phrase, and was kept as a figure printed apart from its cell)
    runs = [run for run in _apart(words) if not _form_run(joined(run))]
    words = [w for run in runs for w in run]
    if not words:
        stream.form_text.append(stream.order + 0.5)
        return
    kept = [w for w in words if not is_form_text(w.text) or opens_label(w.text) or names_row(w.text)]
    if len(kept) < len(words):
        stream.form_text.append(stream.order + 0.5)
    if kept and _STRAY_FIGURE.fullmatch(compact(joined(kept))):
        stream.stray_figures.append(stream.next_order())
        return
    groups = [kept] if is_row_word(joined(kept)) else _apart(kept)  # `紹  介  数`: one label
    for index, group in enumerate(groups):
        text = joined(group)
        lone = len(compact(text)) < 2 and not opens_label(text) and index + 1 < len(groups)
        if not _LETTER.search(text) or lone:
            continue  # `)` or `数` set apart left of a name: the end of the section's own label
        if names_row(text) or not is_form_text(text):
            still_open = tuple(c for c in open_cells if not c.ended)
            order = stream.next_order()
            stream.labels.append(Label(group, line, order, still_open, line.span.line_start or 0, order))


def _form_run(text: str) -> bool:
    return is_form_text(text) and not opens_label(text) and not names_row(text)


def _apart(words: list[Word]) -> list[list[Word]]:
    """Runs of words set apart by a wider gap than one space (columns of the page)."""
    groups: list[list[Word]] = []
    for word in words:
        if groups and word.col - (groups[-1][-1].col + len(groups[-1][-1].text)) <= 1:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _continues_heading(heading: str, text: str) -> bool:
    """`逆紹介数` under `4 グループ化した…後方支援病院等からの`: the heading wrapped."""
    body = heading.lstrip("0123456789 ")
    return any(body + compact(text) in compact(h) for h in OUTCOME_SECTION_HEADINGS)


def _crowded(left: list[Word], right: list[Word]) -> bool:
    """Two cells' pieces printed one space apart: where one ends was told by the cells' pattern,
    not by the page."""
    return right[0].col - (left[-1].col + len(left[-1].text)) <= 1
