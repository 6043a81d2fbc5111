"""Labels of 取組効果 rows in layout text, joined where a name wraps over lines: the next printed
line; a name printed a character a line (`紹` / `介` / `数`); where words keep their place on the
page, the next label line that starts where the name starts, with a row's cells printed between.
"""

from __future__ import annotations

import regex

from normalizers.forms import LABEL_MARKERS
from pipeline.locate.layout_cells import compact
from pipeline.locate.layout_stream import Header, Label, Stream
from pipeline.locate.layout_words import (
    bare_facility_word,
    is_header,
    is_name_end,
    is_row_word,
    is_total_piece,
    opens_label,
)

_LETTER = regex.compile(r"[\p{L}]")
DEFAULT_MIN_HEAD_CHARS = 3  # shortest start of a name another line may finish (`A医`)
DEFAULT_STACKED_CHARS = 2  # label text printed a character or two a line, in a narrow column
DEFAULT_PLACE_TOLERANCE = 2  # columns by which the wrapped lines of a label may start apart
DEFAULT_PIECE_SEARCH = 3  # labels after a cut name searched for its printed-apart end
DEFAULT_PIECE_CHARS = 4  # longest end of a name printed apart from it
DEFAULT_WRAP_LINES = 3  # lines a label's wrapped line may print below it (a cell's lines between)


def join_wrapped_labels(stream: Stream) -> None:
    """A label printed over two lines (`・いずみ皮膚科ク` / `リニック`): a line of label text without
    a list marker, right under label text that does not end a name, continues it."""
    joined_labels: list[Label] = []
    with_marker = sum(opens_label(lab.text) for lab in stream.labels)
    # the 合計 label and section 4's row labels never carry a marker: they say nothing of the names'
    bare_names = sum(
        not opens_label(lab.text) and is_name_end(lab.text) and not is_row_word(lab.text)
        for lab in stream.labels
    )
    marked = with_marker > 0 and with_marker >= bare_names  # names are listed with `・`
    for label in stream.labels:
        previous = joined_labels[-1] if joined_labels else None
        if previous is not None and _continues(previous, label, stream.placed, marked):
            previous.take(label)
            continue
        joined_labels.append(label)
    joined_labels = _complete_cut_names(joined_labels, marked)
    stream.labels = []
    for label in joined_labels:
        if is_header(label.text):  # `実` / `績` printed a character a line
            stream.headers.append(Header(label.text, label.line, label.order, label.words))
        elif (opens_label(label.text) or is_name_end(label.text)) and _LETTER.search(label.text):
            stream.labels.append(label)
    stream.headers.sort(key=lambda h: h.order)


def _continues(previous: Label, label: Label, placed: bool, marked: bool) -> bool:
    """Where names are listed with a marker (`・`), a line without one continues a name; else one
    that does not end a name (a facility word) does. A 合計 label never continues a name."""
    if is_total_piece(compact(previous.text) + compact(label.text)) and not is_name_end(previous.text):
        return _near(previous, label, placed)
    if opens_label(label.text) or is_row_word(label.text) or is_row_word(previous.text):
        return False
    if (
        not opens_label(previous.text)
        and len(compact(previous.text)) < DEFAULT_MIN_HEAD_CHARS
        and is_name_end(label.text)
    ):
        return False  # `数` / `)` left of a name: the rest of other text, not a name's head
    if not marked and is_name_end(previous.text) and not bare_facility_word(label.text):
        return False
    return _near(previous, label, placed)


def _near(previous: Label, label: Label, placed: bool) -> bool:
    if label.last_line == previous.last_line + 1:
        return True
    if placed:
        return abs(_indent(label) - _indent(previous)) <= DEFAULT_PLACE_TOLERANCE and (
            label.last_line - previous.last_line <= DEFAULT_WRAP_LINES
        )
    short = len(compact(label.text)) <= DEFAULT_STACKED_CHARS
    stacked = len(compact(previous.text)) <= DEFAULT_STACKED_CHARS * 3
    return short and stacked and label.order == previous.last_order + 1


def _indent(label: Label) -> int:
    """Where the label's name starts (after its list marker)."""
    first = label.words[0]
    return first.col + (1 if opens_label(first.text) else 0)


def _complete_cut_names(labels: list[Label], marked: bool) -> list[Label]:
    """A name that no facility word ends (`・加藤整形外科クリニッ`) takes the next short piece
    printed apart from it (`ク`, merged into another line) when together they end a name; a
    marked name still cut is marked so (its row is not given figures). Where names carry no
    marker, a name's head (a few characters) is completed alike: left cut, it would not be
    taken for a label at all, and its row's cells would go to the labels around it."""
    out: list[Label] = []
    taken: set[int] = set()
    for index, label in enumerate(labels):
        if id(label) in taken:
            continue
        head = opens_label(label.text) if marked else len(compact(label.text)) >= DEFAULT_MIN_HEAD_CHARS
        if (
            head
            and not is_name_end(label.text)
            and not is_row_word(label.text)
            and compact(label.text) not in LABEL_MARKERS
        ):
            piece = next(
                (
                    other
                    for other in labels[index + 1 : index + 1 + DEFAULT_PIECE_SEARCH]
                    if _is_piece(other) and is_name_end(label.text + other.text)
                ),
                None,
            )
            if piece is not None:
                label.take(piece)
                taken.add(id(piece))
            label.cut = marked and not is_name_end(label.text)
        out.append(label)
    return out


def _is_piece(label: Label) -> bool:
    return (
        not opens_label(label.text)
        and len(compact(label.text)) <= DEFAULT_PIECE_CHARS
        and not is_name_end(label.text)
    )
