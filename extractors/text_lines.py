"""Shared line walking for the text renditions: headings, paragraphs and table rows with line spans."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from extractors.blocks import Block, Cell, Span
from extractors.html_cells import html_cell_to_text

RowSplitter = Callable[[str], list[str] | None]


def physical_lines(text: str) -> list[str]:
    """The rendition's lines: split at "\n" only (`text_decode` turned the file's line breaks into
    it). Never `str.splitlines`, which also splits at VT, FF, FS, GS, RS, NEL and U+2028, inside a row."""
    return text.split("\n")


def _heading_text(line: str) -> str | None:
    stripped = line.strip()
    if stripped.startswith("#"):
        return stripped.lstrip("#").strip()
    return None


def blocks_from_lines(lines: Iterable[str], split_row: RowSplitter) -> tuple[Block, ...]:
    """Group lines into blocks. `split_row` returns a row's raw cells, [] for a rule row, None otherwise.

    Consecutive table rows form one table; a blank line or any other line ends it.
    """
    blocks: list[Block] = []
    table_rows: list[tuple[Cell, ...]] = []
    table_start = 0

    def flush(last_line: int) -> None:
        if table_rows:
            span = Span(line_start=table_start, line_end=last_line)
            blocks.append(Block(kind="table", span=span, rows=tuple(table_rows)))
            table_rows.clear()

    line_no = 0
    for line_no, line in enumerate(lines, start=1):
        cells = split_row(line)
        if cells == []:  # a row that only draws the table (Markdown `|---|`)
            continue
        if cells is not None:
            if not table_rows:
                table_start = line_no
            span = Span(line_start=line_no, line_end=line_no)
            table_rows.append(tuple(Cell(text=html_cell_to_text(c), span=span) for c in cells))
            continue
        flush(line_no - 1)
        if not line.strip():
            continue
        span = Span(line_start=line_no, line_end=line_no)
        heading = _heading_text(line)
        if heading is not None:
            blocks.append(Block(kind="heading", span=span, text=heading))
        else:
            blocks.append(Block(kind="paragraph", span=span, text=line.strip()))
    flush(line_no)
    return tuple(blocks)
