"""The paragraphs of a 取組 period cell from its printed lines (pdftotext -layout). A line wraps
into the next where it fills the cell (as wide as its column's widest line), or where the text at
the break tells it: a paragraph whose bracket is still open, a line that ends on a colon, a range
sign or a slash, a figure followed by a bracket, or a next line that opens with a closing bracket
or punctuation goes on (`12回(5月~12` / `月)`, `R3.8.17` / `(火)`). The text's sign does not
depend on how wide pdftotext printed the line. A list marker always opens a paragraph."""

from __future__ import annotations

from normalizers.bullets import CIRCLED_NUMBERS, STATUS_EXTRA_MARKERS, SYMBOL_MARKERS
from normalizers.text import fold_width
from pipeline.locate.layout_cells import display_width

MARKERS = SYMBOL_MARKERS + STATUS_EXTRA_MARKERS + CIRCLED_NUMBERS  # list markers of a cell

# after width folding
_OPENING = "([{「『【〔"
_CLOSING = ")]}」』】〕"
_OPEN_ENDS = frozenset(_OPENING + ":/~-、,")
_CLOSING_STARTS = frozenset(_CLOSING + "、。,.;!?~/")


def goes_on(paragraph: str, next_line: str) -> bool:
    """Whether the text breaks inside a paragraph between the paragraph so far and the line."""
    text = fold_width(paragraph.rstrip())
    start = fold_width(next_line.lstrip())[:1]
    if not text or not start:
        return False
    if sum(text.count(c) for c in _OPENING) > sum(text.count(c) for c in _CLOSING):
        return True
    end = text[-1]
    return end in _OPEN_ENDS or start in _CLOSING_STARTS or (end.isdigit() and start in _OPENING)


def carried_over(next_line: str) -> str:
    """The text that did not fit at the end of the line before: the next line's first character,
    with the one after it where the two may not part at a line's end (`マ：` moves down
    together, as does `「在`: an opening bracket does not end a line)."""
    head = next_line.lstrip()
    if len(head) > 1 and (
        fold_width(head[1]) in _CLOSING_STARTS | frozenset(":") or fold_width(head[0]) in _OPENING
    ):
        return head[:2]
    return head[:1]


def line_width(text: str) -> int:
    """How much of its cell's width a printed line fills (pdftotext sets spaces around half-width
    digits that take no room in the cell)."""
    return display_width(text.replace(" ", ""))


def cell_paragraphs(texts: list[str], width: int = 0) -> str:
    """A period cell's lines: a line that fills the cell's width (its column's widest line, in
    this item or another), or whose text breaks inside a paragraph (`goes_on`), wraps into
    the next; a shorter one ends its paragraph; a list marker opens one."""
    ends = [line_width(text) for text in texts]
    widest = max([*ends, width])
    out = ""
    for index, text in enumerate(texts):
        if index:
            room = display_width(carried_over(text))  # what did not fit on the line before
            fills = ends[index - 1] > widest - room - 1
            paragraph = out.rsplit("\n\n", 1)[-1]
            wrapped = (fills or goes_on(paragraph, text)) and text[:1] not in MARKERS
            out += "\n" if wrapped else "\n\n"
        out += text
    return out
