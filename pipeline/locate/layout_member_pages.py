"""Default mode: the page of the 別添1 list each printed line is on, for pairing a page's ①/② marks
with its rows (`layout_members`). Form feeds tell the pages. Without them (the same text with every
`\\f` removed), a list whose header row is printed again on each page tells them by its headers:
pdftotext prints a column's cells from the top of the page down, so each of a page's names prints
after that page's name header, and each of its marks after that page's designation header. Names
are paged by the one, marks by the other, only where both print as often, more than once;
else the list is one page.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.blocks import Block
from normalizers.forms import MEMBER_DESIGNATION_HEADER, MEMBER_HEADER_PHRASES
from pipeline.locate.layout_cells import compact

DEFAULT_HEADER_KEY_CHARS = 4  # the header's first characters a line opens with (`①拠点、`, `郡市医師`)


@dataclass(frozen=True)
class ListPages:
    names: list[int]  # the page of each line, for the rows' names
    marks: list[int]  # the page of each line, for the designation marks


def list_pages(lines: list[Block]) -> ListPages:
    fed = _by_feeds(lines)
    if max(fed, default=0) > 0:
        return ListPages(fed, fed)
    names = _by_header(lines, MEMBER_HEADER_PHRASES[2])
    marks = _by_header(lines, MEMBER_DESIGNATION_HEADER)
    if max(names, default=0) == 0 or max(names) != max(marks, default=0):
        return ListPages(fed, fed)
    return ListPages(names, marks)


def _by_feeds(lines: list[Block]) -> list[int]:
    pages, page = [], 0
    for line in lines:
        page += line.new_page
        pages.append(page)
    return pages


def header_count(lines: list[Block], header: str) -> int:
    """How many of the lines open with the header (each line counted once)."""
    key = compact(header)[:DEFAULT_HEADER_KEY_CHARS]
    unique = {id(line): line for line in lines}.values()
    return sum(1 for line in unique if compact(line.text).startswith(key))


def _by_header(lines: list[Block], header: str) -> list[int]:
    """Each line's page, counting the lines that open with the header (a line before the first
    is on the first page)."""
    key = compact(header)[:DEFAULT_HEADER_KEY_CHARS]
    pages, page = [], 0
    for line in lines:
        if compact(line.text).startswith(key):
            page += 1
        pages.append(max(page - 1, 0))
    return pages
