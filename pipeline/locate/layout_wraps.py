"""Where a cell's printed line wraps into the next, told by the text at the break: a paragraph
whose bracket is still open, a line that ends on a colon, a range sign or a slash, a figure
followed by a bracket, or a next line that opens with a closing bracket or punctuation goes on
(`12回(5月~12` / `月)`, `R3.8.17` / `(火)`); a paragraph ends with none of these. Whether a line
fills its cell is the other sign (`layout_item_columns._paragraphs`); this one does not depend
on how wide pdftotext printed the line."""

from __future__ import annotations

from normalizers.text import fold_width

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
