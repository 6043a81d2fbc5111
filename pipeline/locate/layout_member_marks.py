"""Default mode: a 別添1 designation mark printed right under the designation column's header.

pdftotext without -layout prints text that stands one line under another in one column of the page
as one paragraph (no blank line between). The designation column's header cell sits right above the
first row's designation cell: a mark alone on its line, on the line right after the header's last
line (`…を担う医療機関` / `①`), is the mark of the page's first row. A mark of a later row stands a
whole row or more below the header and prints as a paragraph of its own (as does a mark printed
right after a role label, `郡市医師会` / `①`, which tells nothing). A mark with another printed
right under it (a stack of the column's marks) is left to the pairing by page.
"""

from __future__ import annotations

import itertools

from normalizers.forms import MEMBER_DESIGNATION_HEADER
from pipeline.locate.layout_cells import compact
from pipeline.locate.layout_member_pages import ListPages, header_count
from pipeline.locate.layout_member_parts import MemberRow, Piece

DEFAULT_HEADER_END_CHARS = 2  # the header's last characters a line right above a mark must hold


def marks_under_header(rows: list[MemberRow], pieces: list[Piece], pages: ListPages) -> set[int]:
    """Gives each page's first row the mark printed right under that page's designation header,
    before any name of the page. Not where the list prints the header more often than the pages
    are told (a page's header could then be taken for another page's). Returns the marks so given."""
    if header_count([p.line for p in pieces], MEMBER_DESIGNATION_HEADER) > max(pages.marks, default=0) + 1:
        return set()
    given: set[int] = set()
    for above, mark in itertools.pairwise(pieces):
        if mark.kind != "mark" or not _right_under_header(above, mark, pieces):
            continue
        page = pages.marks[mark.index]
        on_page = [r for r in rows if pages.names[r.name.pieces[0].index] == page]
        if on_page and on_page[0].mark is None and mark.index < on_page[0].name.top:
            on_page[0].mark = mark
            given.add(id(mark))
    return given


def _right_under_header(above: Piece, mark: Piece, pieces: list[Piece]) -> bool:
    """`mark` alone on its line and in its paragraph (no line printed right after it: a stack of
    marks is not told apart here), the line right after `above`'s, whose last piece `above` is
    and ends the designation header."""
    below = (mark.line.span.line_start or 0) + 1
    alone = [p for p in pieces if p.line is mark.line] == [mark]
    alone = alone and not any(p.line.span.line_start == below for p in pieces)
    last = [p for p in pieces if p.line is above.line][-1] is above
    key = compact(above.text)
    ends_header = len(key) >= DEFAULT_HEADER_END_CHARS and compact(MEMBER_DESIGNATION_HEADER).endswith(key)
    adjacent = (above.line.span.line_start or 0) + 1 == mark.line.span.line_start
    return alone and last and ends_header and adjacent and above.kind == "header" and not mark.line.new_page
